package record_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// steps keeps every step a piece of work reports; stopAt, if set, cancels
// the work's context at the first step whose What starts with it.
type steps struct {
	mu     sync.Mutex
	all    []store.Step
	stopAt string
	cancel context.CancelFunc
}

func (s *steps) Report(st store.Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, st)
	if s.stopAt != "" && strings.HasPrefix(st.What, s.stopAt) && s.cancel != nil {
		s.cancel()
	}
}

// watch is a Watch reporting to s, stopped when s says.
func (s *steps) watch(t *testing.T) store.Watch {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s.cancel = cancel
	return store.NewWatch(ctx, s)
}

// counted checks the counts as a bar would draw them: of one unit, never
// going back, never past the total, and (whole) ending with all of it done.
func (s *steps) counted(t *testing.T, unit string, whole bool) store.Step {
	t.Helper()
	if len(s.all) == 0 {
		t.Fatal("nothing was reported")
	}
	var last store.Step
	for i, st := range s.all {
		if st.Total > 0 && st.Unit != unit {
			t.Fatalf("step %d counts %q, want %q: %+v", i, st.Unit, unit, st)
		}
		if st.Done < last.Done || st.Done > st.Total && st.Total > 0 {
			t.Fatalf("step %d went from %+v to %+v", i, last, st)
		}
		if st.Total > 0 {
			last = st
		}
	}
	if whole && (last.Done != last.Total || last.Total == 0) {
		t.Fatalf("the last count is %d of %d", last.Done, last.Total)
	}
	return last
}

func (s *steps) said(what string) bool {
	for _, st := range s.all {
		if strings.HasPrefix(st.What, what) {
			return true
		}
	}
	return false
}

// small is a history of the decade's shape, small enough to load a few
// times in a test.
var small = demo.HistorySize{Members: 40, Hotspots: 60, Meetings: 26, Actions: 1200, Updates: 4800}

func newFile(t *testing.T) (*bolt.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := bolt.Open(path, bolt.Options{Now: historyClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func seededSmall(t *testing.T) (*bolt.File, string) {
	t.Helper()
	s, path := newFile(t)
	d, err := demo.BuildHistory(historyDay, 5, small, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("test"), d); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// A history's load counts every record it writes, stage by stage, to the
// last; stopped, it stops between batches.
func TestSeedReportsItsCounts(t *testing.T) {
	t.Parallel()
	d, err := demo.BuildHistory(historyDay, 5, small, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newFile(t)
	var got steps
	if err := s.SeedWatched(got.watch(t), model.SystemActor("test"), d); err != nil {
		t.Fatal(err)
	}
	last := got.counted(t, "records", true)
	if min := int64(2*len(d.Actions) + len(d.Updates)); last.Total < min {
		t.Errorf("%d records counted, want at least %d (the actions, their updates and the audit events of each action)", last.Total, min)
	}
	for _, what := range []string{"writing the actions", "writing the actions' updates", "freezing each closed meeting's record", "writing the audit trail"} {
		if !got.said(what) {
			t.Errorf("never said %q", what)
		}
	}

	stopped, _ := newFile(t)
	halt := steps{stopAt: "writing the audit trail"}
	err = stopped.SeedWatched(halt.watch(t), model.SystemActor("test"), d)
	if !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("stopped in the audit trail: %v, want ErrInterrupted", err)
	}
	if l := halt.all[len(halt.all)-1]; !strings.HasPrefix(l.What, "writing the audit trail") || l.Done == l.Total {
		t.Errorf("the load went on after it was stopped, to %+v", l)
	}
}

// The making up of a history counts its meetings, and stops between them.
func TestBuildHistoryReportsItsMeetings(t *testing.T) {
	t.Parallel()
	var got steps
	if _, err := demo.BuildHistoryWatched(got.watch(t), historyDay, 5, small, time.Local); err != nil {
		t.Fatal(err)
	}
	if last := got.counted(t, "meetings", true); last.Total != int64(small.Meetings) {
		t.Errorf("counted %d meetings, want %d", last.Total, small.Meetings)
	}
	halt := steps{stopAt: "making up"}
	if _, err := demo.BuildHistoryWatched(halt.watch(t), historyDay, 5, small, time.Local); !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("stopped: %v, want ErrInterrupted", err)
	}
}

// check counts every record it reads; stopped part way it says so rather
// than giving a partial answer.
func TestCheckReportsItsCounts(t *testing.T) {
	t.Parallel()
	s, _ := seededSmall(t)
	var got steps
	problems, err := s.CheckRecordsWatched(got.watch(t))
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	last := got.counted(t, "records", true)
	counts, _ := s.Counts()
	// Each record once, with its index entries; the trail once, for its chain.
	if min := int64(2*(counts["actions"]+counts["updates"]) + counts["audit"]); last.Total < min {
		t.Errorf("%d records counted, want at least %d", last.Total, min)
	}
	for _, what := range []string{"reading every record", "checking every index", "following the audit trail's chain"} {
		if !got.said(what) {
			t.Errorf("never said %q", what)
		}
	}
	for _, at := range []string{"reading every record", "checking every index", "following the audit trail's chain"} {
		halt := steps{stopAt: at}
		if p, err := s.CheckRecordsWatched(halt.watch(t)); !errors.Is(err, store.ErrInterrupted) || p != nil {
			t.Errorf("stopped while %s: %v %v, want ErrInterrupted and no problems", at, p, err)
		}
	}
}

// A backup counts its bytes to the file's size; stopped, it leaves no file
// and no part of one.
func TestBackupReportsItsBytes(t *testing.T) {
	t.Parallel()
	s, _ := seededSmall(t)
	chair := model.Actor{Name: "Test Chair", Role: model.RoleChair}
	dir := t.TempDir()
	dest := filepath.Join(dir, "copy.db")
	var got steps
	if _, _, err := bolt.WriteBackupFileWatched(got.watch(t), s, chair, dest); err != nil {
		t.Fatal(err)
	}
	last := got.counted(t, "bytes", true)
	if st, err := os.Stat(dest); err != nil || st.Size() != last.Done {
		t.Errorf("counted %d bytes; the copy: %v", last.Done, err)
	}
	os.Remove(dest)
	os.Remove(bolt.ManifestPath(dest))
	halt := steps{stopAt: "writing the copy"}
	if _, _, err := bolt.WriteBackupFileWatched(halt.watch(t), s, chair, dest); !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("stopped: %v, want ErrInterrupted", err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("a stopped backup left %v", left)
	}
}

// A restore counts the backup's bytes; stopped, the record is as it was
// and nothing is left beside it.
func TestRestoreReportsItsBytes(t *testing.T) {
	t.Parallel()
	s, path := seededSmall(t)
	chair := model.Actor{Name: "Test Chair", Role: model.RoleChair}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if _, _, err := bolt.WriteBackupFile(s, chair, backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(filepath.Dir(path))
	plan, err := bolt.PlanRestore(path, backup, historyClock())
	if err != nil {
		t.Fatal(err)
	}
	halt := steps{stopAt: "copying the backup"}
	if err := bolt.RestoreWatched(halt.watch(t), plan); !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("stopped: %v, want ErrInterrupted", err)
	}
	if after, _ := os.ReadDir(filepath.Dir(path)); len(after) != len(before) {
		t.Errorf("a stopped restore left %v beside the record (before: %v)", after, before)
	}
	var got steps
	if err := bolt.RestoreWatched(got.watch(t), plan); err != nil {
		t.Fatal(err)
	}
	last := got.counted(t, "bytes", true)
	if st, err := os.Stat(backup); err != nil || st.Size() != last.Done {
		t.Errorf("counted %d bytes of the backup: %v", last.Done, err)
	}
}

// Rebuilding the indexes counts the records indexed; stopped, it changes
// nothing and keeps no copy.
func TestReindexReportsItsCounts(t *testing.T) {
	t.Parallel()
	s, path := seededSmall(t)
	halt := steps{stopAt: "rebuilding every index"}
	if _, err := s.ReindexWatched(halt.watch(t)); !errors.Is(err, store.ErrInterrupted) {
		t.Fatalf("stopped: %v, want ErrInterrupted", err)
	}
	if kept, _ := filepath.Glob(path + ".backup-reindex-*"); len(kept) > 0 {
		t.Errorf("a stopped reindex kept %v", kept)
	}
	if p, err := s.CheckRecords(); err != nil || len(p) > 0 {
		t.Fatalf("after a stopped reindex: %v %v", p, err)
	}
	var got steps
	if _, err := s.ReindexWatched(got.watch(t)); err != nil {
		t.Fatal(err)
	}
	// The copy first, in bytes; then the records, to the last.
	i := 0
	for i < len(got.all) && got.all[i].Unit == "bytes" {
		i++
	}
	copied, indexed := steps{all: got.all[:i]}, steps{all: got.all[i:]}
	copied.counted(t, "bytes", true)
	indexed.counted(t, "records", true)
	if !indexed.said("rebuilding every index") {
		t.Error("never said it was rebuilding the indexes")
	}
}

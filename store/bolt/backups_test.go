package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// A backup taken while the record is open (written through the open
// store, as the app and the server hold it) is the whole record: it opens,
// checks clean, and holds what was there; a viewer may not take one; an
// existing file is never written over.
func TestBackupWhileOpenIsTheWholeRecord(t *testing.T) {
	s, _, path := openTiny(t)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols Fri/Sat", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	dest := filepath.Join(filepath.Dir(path), "copy.db")
	info, _, err := WriteBackupFile(s, chair, dest)
	mustNoErr(t, err)
	if info.Partnership != "Testshire CSP" || info.Actions != 1 || info.Schema != SchemaVersion || info.NewestChange.IsZero() {
		t.Errorf("backup info %+v", info)
	}
	if st, err := os.Stat(dest); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup not 0600: %v", err)
	}
	c, err := Open(dest, Options{ReadOnly: true})
	mustNoErr(t, err)
	got, err := c.Action(a.ID)
	c.Close()
	if err != nil || got.Text != a.Text {
		t.Errorf("the backup lacks A-%d: %+v %v", a.ID, got, err)
	}
	if _, _, err := WriteBackupFile(s, chair, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("an existing backup was written over: %v", err)
	}
	var pe *model.PermissionError
	if _, _, err := WriteBackupFile(s, viewer, filepath.Join(filepath.Dir(path), "v.db")); !errors.As(err, &pe) {
		t.Errorf("a viewer took a backup: %v", err)
	}
	if _, err := store.ReadAs(s, viewer).Backup(viewer, &bytes.Buffer{}); !errors.As(err, &pe) {
		t.Errorf("a viewer took a backup to a stream: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "v.db")); err == nil {
		t.Error("a refused backup left a file")
	}
	// To a stream: the same bytes a file gets.
	var buf bytes.Buffer
	if _, err := s.Backup(chair, &buf); err != nil {
		t.Fatal(err)
	}
	onDisk, _ := os.ReadFile(dest)
	if !bytes.Equal(buf.Bytes(), onDisk) {
		t.Error("backup to a stream differs from the backup to a file taken with no change between")
	}
}

// A failed backup leaves nothing: not the file, not its temporary part.
func TestFailedBackupLeavesNothing(t *testing.T) {
	s, _, path := openTiny(t)
	dir := filepath.Join(filepath.Dir(path), "out")
	mustNoErr(t, os.Mkdir(dir, 0o700))
	broken := brokenRecord{s}
	if _, _, err := WriteBackupFile(broken, chair, filepath.Join(dir, "copy.db")); err == nil {
		t.Fatal("a backup whose writing failed was called done")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a failed backup left %v", left)
	}
}

// brokenRecord fails half way through writing its backup.
type brokenRecord struct{ *File }

func (b brokenRecord) Backup(actor model.Actor, w io.Writer) (store.ChainHead, error) {
	_, _ = w.Write([]byte("half a file"))
	return store.ChainHead{}, errors.New("disk full")
}

// Closing a meeting takes an automatic backup into the folder beside the
// record, keeping the newest the partnership says; the folder the
// partnership sets is used instead when set.
func TestClosingAMeetingKeepsTheNewestBackups(t *testing.T) {
	s, clock, path := openTiny(t)
	p, err := s.Partnership()
	mustNoErr(t, err)
	p.KeepBackups = 3
	_, err = s.SetPartnership(chair, p.Version, p)
	mustNoErr(t, err)
	dir := path + "-backups"
	for i := 0; i < 5; i++ {
		m, err := s.StartMeeting(chair, model.Date{})
		mustNoErr(t, err)
		_, err = s.CloseMeeting(chair, m.ID)
		mustNoErr(t, err)
		got, err := s.LastAutoBackup()
		if err != nil || !strings.HasPrefix(got, dir+string(filepath.Separator)) || !strings.Contains(got, "meeting-"+m.Ref()+".e") {
			t.Fatalf("after closing %s: backup %q, %v", m.Ref(), got, err)
		}
		clock.t = clock.t.AddDate(0, 0, 7)
	}
	names := autoBackupsIn(dir, filepath.Base(path))
	if len(names) != 3 || !strings.Contains(names[2], "meeting-M-5.e") || !strings.Contains(names[0], "meeting-M-3.e") {
		t.Errorf("kept %v, want the newest 3 (M-3 to M-5)", names)
	}
	for _, n := range names {
		if _, err := Inspect(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s does not check out: %v", n, err)
		}
	}
	if got := latestBackup(path); filepath.Base(got) != names[2] {
		t.Errorf("a damage message would name %q, not the newest backup %s", got, names[2])
	}

	elsewhere := filepath.Join(t.TempDir(), "cspbackups")
	p, _ = s.Partnership()
	p.BackupDir = elsewhere
	_, err = s.SetPartnership(chair, p.Version, p)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	if got, _ := s.LastAutoBackup(); filepath.Dir(got) != elsewhere {
		t.Errorf("backup went to %s, not the partnership's folder %s", got, elsewhere)
	}
	if got := latestBackup(path); filepath.Dir(got) != elsewhere {
		t.Errorf("a damage message would name %q, not the newest backup in %s", got, elsewhere)
	}
}

// A record that fails its checksum somewhere a close does not read (an
// old meeting's frozen record): the close stands, but its automatic backup,
// which would copy the damage, is not kept and does not push out the older
// ones, nor is it named as the one to restore; a backup asked for is
// refused too, leaving nothing.
func TestAnAutomaticBackupOfADamagedRecordKeepsTheOlderOnes(t *testing.T) {
	s, clock, path := openTiny(t)
	p, err := s.Partnership()
	mustNoErr(t, err)
	p.KeepBackups = 1
	_, err = s.SetPartnership(chair, p.Version, p)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	good, err := s.LastAutoBackup()
	mustNoErr(t, err)
	var key, was []byte
	mustNoErr(t, s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bSnapshots)
		k, v := b.Cursor().First()
		if k == nil {
			return errors.New("no frozen record to damage")
		}
		key, was = bytes.Clone(k), bytes.Clone(v)
		v = bytes.Clone(v)
		v[len(v)/2] ^= 0x20
		return b.Put(key, v)
	}))
	// (Put right at the end, for the fixture's check of the file.)
	defer func() {
		mustNoErr(t, s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bSnapshots).Put(key, was) }))
	}()
	clock.t = clock.t.AddDate(0, 0, 7)
	m, err = s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if closed, err := s.CloseMeeting(chair, m.ID); err != nil || closed.State != model.MeetingClosed {
		t.Fatalf("the close failed with its backup: %v", err)
	}
	if got, err := s.LastAutoBackup(); got != "" || !errors.Is(err, ErrRecordDamaged) || !strings.Contains(err.Error(), "snapshots #1") {
		t.Errorf("the backup of a damaged record: %q, %v", got, err)
	}
	dir := path + "-backups"
	if names := autoBackupsIn(dir, filepath.Base(path)); len(names) != 1 || filepath.Join(dir, names[0]) != good {
		t.Errorf("kept %v, want only the backup from before the damage, %s", names, good)
	}
	if got := latestBackup(path); got != good {
		t.Errorf("a damage message would name %q, not %s", got, good)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if _, _, err := WriteBackupFile(s, chair, out); err == nil || !strings.Contains(err.Error(), "snapshots #1") {
		t.Errorf("a backup of the damaged record was called done: %v", err)
	}
	if left, _ := os.ReadDir(filepath.Dir(out)); len(left) != 0 {
		t.Errorf("a refused backup left %v", left)
	}
}

// A backup that cannot be written (its folder is a file) does not undo the
// close: the meeting is closed and the failure is there to be said.
func TestAFailedAutomaticBackupKeepsTheClose(t *testing.T) {
	s, _, path := openTiny(t)
	mustNoErr(t, os.WriteFile(path+"-backups", []byte("in the way"), 0o600))
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	closed, err := s.CloseMeeting(chair, m.ID)
	if err != nil || closed.State != model.MeetingClosed {
		t.Fatalf("the close failed with its backup: %v", err)
	}
	if got, err := s.LastAutoBackup(); err == nil || got != "" {
		t.Errorf("the failed backup was not said: %q %v", got, err)
	}
}

// A restore puts a backup back, keeping the record it replaces; it is
// refused while the record is open, for a file that is not a tasking
// record, and for the record itself.
func TestRestorePutsTheBackupBack(t *testing.T) {
	s, clock, path := openTiny(t)
	dest := filepath.Join(t.TempDir(), "copy.db")
	_, _, err := WriteBackupFile(s, chair, dest)
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Hour)
	later, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "After the backup", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)

	var locked *LockedError
	if _, err := PlanRestore(path, dest, clock.t); !errors.As(err, &locked) {
		t.Fatalf("a restore under an open record: %v", err)
	}
	mustNoErr(t, s.Close())
	s.db = nil

	if _, err := PlanRestore(path, path, clock.t); err == nil {
		t.Error("the record restored over itself")
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	mustNoErr(t, os.WriteFile(junk, bytes.Repeat([]byte("x"), 8192), 0o600))
	if _, err := PlanRestore(path, junk, clock.t); err == nil {
		t.Error("a file that is no tasking record was offered for restore")
	}

	plan, err := PlanRestore(path, dest, clock.t)
	mustNoErr(t, err)
	if q := plan.Question(); !strings.Contains(q, "goes from the record") || !strings.Contains(q, plan.KeptAs) {
		t.Errorf("question: %s", q)
	}
	mustNoErr(t, Restore(plan))
	r, err := Open(path, Options{ReadOnly: true})
	mustNoErr(t, err)
	if _, err := r.Action(later.ID); err == nil {
		t.Error("the action made after the backup is still there after the restore")
	}
	r.Close()
	k, err := Open(plan.KeptAs, Options{ReadOnly: true})
	mustNoErr(t, err)
	if _, err := k.Action(later.ID); err != nil {
		t.Errorf("the file the restore replaced was not kept whole: %v", err)
	}
	k.Close()
	if left, _ := filepath.Glob(path + ".restoring*"); len(left) != 0 {
		t.Errorf("the restore left %v", left)
	}
}

// A damaged record can be restored: that is what a restore is for.
func TestADamagedRecordCanBeRestored(t *testing.T) {
	s, clock, path := openTiny(t)
	dest := filepath.Join(t.TempDir(), "copy.db")
	_, _, err := WriteBackupFile(s, chair, dest)
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	s.db = nil
	mustNoErr(t, os.WriteFile(path, bytes.Repeat([]byte{0xAB}, 16384), 0o600))
	plan, err := PlanRestore(path, dest, clock.t)
	mustNoErr(t, err)
	if plan.CurrentDamage == nil || !strings.Contains(plan.Question(), "could not be read") {
		t.Errorf("the damage was not said: %s", plan.Question())
	}
	mustNoErr(t, Restore(plan))
	r, err := Open(path, Options{})
	mustNoErr(t, err)
	r.Close()
}

// A named backup has a manifest beside it: the chain's head as it was
// taken and the file's SHA-256, so a backup rewritten since — even one
// whose records and history still agree with themselves — is told apart.
func TestANamedBackupHasAManifestItIsHeldTo(t *testing.T) {
	s, _, path := openTiny(t)
	dest := filepath.Join(filepath.Dir(path), "copy.db")
	_, head, err := WriteBackupFile(s, chair, dest)
	mustNoErr(t, err)
	raw, err := os.ReadFile(ManifestPath(dest))
	mustNoErr(t, err)
	var m BackupManifest
	mustNoErr(t, json.Unmarshal(raw, &m))
	onDisk, err := os.ReadFile(dest)
	mustNoErr(t, err)
	sum := sha256.Sum256(onDisk)
	if m.Backup != "copy.db" || m.Size != int64(len(onDisk)) || m.SHA256 != hex.EncodeToString(sum[:]) ||
		m.AuditHead != fmt.Sprintf("%d:%x", head.Event, head.Chain) || head.Event == 0 || m.From != path {
		t.Errorf("the manifest %+v does not describe the backup (head %d:%x)", m, head.Event, head.Chain)
	}
	if st, err := os.Stat(ManifestPath(dest)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the manifest is not 0600: %v", err)
	}
	if p, err := ManifestProblem(dest); err != nil || p != "" {
		t.Errorf("the backup as written: %q, %v", p, err)
	}
	onDisk[len(onDisk)-1] ^= 1 // a byte of a free page: the file still opens
	mustNoErr(t, os.WriteFile(dest, onDisk, 0o600))
	if p, err := ManifestProblem(dest); err != nil || !strings.Contains(p, "changed after it was written") {
		t.Errorf("a backup changed since: %q, %v", p, err)
	}
	// The backup deleted and taken again under its name: the manifest
	// left behind is replaced, not a reason to refuse the new one.
	mustNoErr(t, os.Remove(dest))
	if _, _, err := WriteBackupFile(s, chair, dest); err != nil {
		t.Fatalf("a backup under the name of one deleted, its manifest left: %v", err)
	}
	if p, err := ManifestProblem(dest); err != nil || p != "" {
		t.Errorf("the new backup against its manifest: %q, %v", p, err)
	}
	// No manifest: nothing to hold it to.
	mustNoErr(t, os.Remove(ManifestPath(dest)))
	if p, err := ManifestProblem(dest); err != nil || p != "" {
		t.Errorf("a backup with no manifest: %q, %v", p, err)
	}
}

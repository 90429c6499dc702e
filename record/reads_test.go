package record_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// histories are the records the index reads are held to: the everyday demo
// and a year of the decade's shape, each with a meeting under way. Each is
// built and seeded once a run (seededFile) and every test opens a copy of
// its own, since the tests change what they read.
func histories(t *testing.T, names ...string) map[string]*bolt.File {
	t.Helper()
	if len(names) == 0 {
		names = []string{"small", "tenth"}
	}
	out := map[string]*bolt.File{}
	for _, name := range names {
		src := seededFile(t, name)
		dst := filepath.Join(t.TempDir(), name+".db")
		if err := copyFile(dst, src); err != nil {
			t.Fatal(err)
		}
		s, err := bolt.Open(dst, bolt.Options{Now: historyClock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out[name] = s
	}
	return out
}

var historyDay = model.MustDate("2026-11-24")

func historyClock() time.Time { return historyDay.Time(time.Local).Add(10 * time.Hour) }

// seeded holds the files histories copies, one per history, made the first
// time a test asks and removed when the package's tests end (TestMain).
var seeded struct {
	sync.Mutex
	dir   string
	files map[string]string
}

func seededFile(t *testing.T, name string) string {
	t.Helper()
	seeded.Lock()
	defer seeded.Unlock()
	if f, ok := seeded.files[name]; ok {
		return f
	}
	build := map[string]func() (store.Dataset, error){
		"small": func() (store.Dataset, error) { return demo.Build(historyDay, demo.Small, time.Local) },
		"tenth": func() (store.Dataset, error) { return demo.BuildHistory(historyDay, 3, demo.Tenth, time.Local) },
	}[name]
	if build == nil {
		t.Fatalf("no history called %q", name)
	}
	if seeded.dir == "" {
		dir, err := os.MkdirTemp("", "tasking-store-histories")
		if err != nil {
			t.Fatal(err)
		}
		seeded.dir, seeded.files = dir, map[string]string{}
	}
	path := filepath.Join(seeded.dir, name+".db")
	s, err := bolt.Open(path, bolt.Options{Now: historyClock})
	if err != nil {
		t.Fatal(err)
	}
	d, err := build()
	if err == nil {
		err = s.Seed(model.SystemActor("test"), d)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	seeded.files[name] = path
	return path
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// Home through the indexes is the home the whole record gives, before and
// after a meeting starts and changes things.
func TestHomeThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			same := func(when string) {
				t.Helper()
				got, err := s.Home()
				if err != nil {
					t.Fatal(err)
				}
				want, err := record.HomeTheLongWay(s.Store)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: home through the indexes\n%+v\nthe whole record says\n%+v", when, got, want)
				}
				if len(got.Hotspots) == 0 || len(got.Workload) == 0 || got.OpenActions == 0 {
					t.Fatalf("%s: an empty home proves nothing: %+v", when, got)
				}
			}
			same("between meetings")
			p, _ := s.Partnership()
			members, _ := s.Members()
			var chair model.Actor
			for _, m := range members {
				if m.ID == p.ChairID {
					chair = model.ActorFor(m)
				}
			}
			m, err := s.StartMeeting(chair, model.Date{})
			if err != nil {
				t.Fatal(err)
			}
			rec, err := s.MeetingRecord(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			ma := rec.MattersArising()
			if _, err := s.SetActionStatus(chair, ma[0].ID, 0, model.StatusDone, "Finished", m.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.MarkReviewed(chair, ma[1].ID, m.ID); err != nil {
				t.Fatal(err)
			}
			same("with a meeting under way")
		})
	}
}

// Every kind of action list read through its index is the list the whole
// record gives.
func TestActionListsThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			today := s.Today()
			year := model.CompletionsFrom(today)
			h, err := s.Home()
			if err != nil {
				t.Fatal(err)
			}
			hotspot := h.Hotspots[0].ID
			for _, f := range []model.ActionFilter{
				{OpenOnly: true},
				{AgencyID: 2, OpenOnly: true},
				{Overdue: true},
				{AgencyID: 7, Status: model.StatusInProgress},
				{Status: model.StatusDone},
				{AgencyID: 2, Status: model.StatusCancelled, FinishedFrom: year},
				{FinishedFrom: year},
				{AgencyID: 1, FinishedFrom: year},
				{AgencyID: 3},
				{HotspotID: hotspot},
				{},
			} {
				f.Today = today
				got, err := s.Actions(f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := record.ActionsTheLongWay(s.Store, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 {
					t.Errorf("%+v matches nothing: it proves nothing", f)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%+v: %d actions through the index, %d in the whole record", f, len(got), len(want))
				}
			}
		})
	}
}

// What the meeting screen, the draft minutes and closing take from a
// meeting's record is the same read through the indexes as read whole:
// the planned meeting's draft, the meeting under way after changes, and the
// frozen record closing it makes.
func TestMeetingRecordThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			same := func(when string, id model.ID) {
				t.Helper()
				scoped, whole, err := record.RecordsBothWays(s.Store, id)
				if err != nil {
					t.Fatal(err)
				}
				sameRecordUse(t, when, scoped, whole)
			}
			ms, _ := s.Meetings()
			same("the planned meeting's draft", ms[len(ms)-1].ID)
			chair := chairOf(t, s)
			m, err := s.StartMeeting(chair, model.Date{})
			if err != nil {
				t.Fatal(err)
			}
			same("just started", m.ID)
			rec, _ := s.MeetingRecord(m.ID)
			ma := rec.MattersArising()
			var hotspot model.ID
			for _, it := range rec.Meeting.Agenda {
				if it.Kind == model.ItemHotspot {
					hotspot = it.HotspotID
					break
				}
			}
			steps := []func() error{
				func() error {
					_, err := s.SetActionStatus(chair, ma[0].ID, 0, model.StatusDone, "Finished", m.ID)
					return err
				},
				func() error { _, err := s.MarkReviewed(chair, ma[1].ID, m.ID); return err },
				func() error {
					_, err := s.AssignAction(chair, model.NewAction{HotspotID: hotspot, Text: "Patrols", AgencyID: ma[2].AgencyID, Due: s.Today().AddDays(14), MeetingID: m.ID})
					return err
				},
				func() error {
					_, err := s.RecordDecision(chair, m.ID, model.ItemHotspot, hotspot, "that patrols continue", false)
					return err
				},
				func() error {
					_, err := s.AddNote(chair, m.ID, model.ItemAOB, 0, "Christmas market", false)
					return err
				},
				func() error { _, err := s.MarkRemainingPresent(chair, m.ID); return err },
				func() error { _, err := s.SetNextMeeting(chair, m.ID, nil, s.Today().AddDays(7), "", ""); return err },
			}
			for _, step := range steps {
				if err := step(); err != nil {
					t.Fatal(err)
				}
			}
			same("after the meeting's business", m.ID)
			if _, err := s.CloseMeeting(chair, m.ID); err != nil {
				t.Fatal(err)
			}
			stored, read, err := record.SnapshotsBothWays(s.Store, func(x model.Meeting) bool { return x.ID == m.ID })
			if err != nil {
				t.Fatal(err)
			}
			_ = read // (rewound from today: compare the freeze at the close instead)
			if len(stored[m.ID]) == 0 {
				t.Fatal("closing froze nothing")
			}
			var snap model.Snapshot
			if err := json.Unmarshal(stored[m.ID], &snap); err != nil {
				t.Fatal(err)
			}
			_, whole, err := record.RecordsBothWays(s.Store, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			whole.Today = whole.Meeting.Date
			// The chain's head is added by the store as the close begins;
			// the rest must be what freezing the whole record makes.
			if snap.Record.AuditHead == nil {
				t.Error("the frozen record carries no audit chain head")
			}
			whole.AuditHead = snap.Record.AuditHead
			want := model.Freeze(whole, snap.FrozenAt)
			wantJSON, _ := json.Marshal(want)
			if !bytes.Equal(stored[m.ID], wantJSON) {
				t.Errorf("the frozen record closing made differs from freezing the whole record")
			}
		})
	}
}

// sameRecordUse compares everything the screens and minutes take from a
// record.
func sameRecordUse(t *testing.T, when string, scoped, whole model.MeetingRecord) {
	t.Helper()
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s differs through the indexes:\n%v\nwhole:\n%v", when, what, got, want)
		}
	}
	refs := func(as []model.Action) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Ref()+" "+string(a.Status)+" "+a.Due.String())
		}
		return out
	}
	check("matters arising", refs(scoped.MattersArising()), refs(whole.MattersArising()))
	check("agenda", scoped.Meeting.Agenda, whole.Meeting.Agenda)
	check("first minute", scoped.FirstMinute, whole.FirstMinute)
	check("previous", scoped.Previous, whole.Previous)
	check("referrals", scoped.Referrals(), whole.Referrals())
	check("workload", scoped.AgencyWorkload(), whole.AgencyWorkload())
	check("progress", model.MeetingProgress(&scoped), model.MeetingProgress(&whole))
	for _, it := range whole.Meeting.Agenda {
		check("item actions "+string(it.Kind), refs(scoped.ItemActions(it.HotspotID)), refs(whole.ItemActions(it.HotspotID)))
		check("created in", refs(scoped.CreatedIn(it.HotspotID)), refs(whole.CreatedIn(it.HotspotID)))
		check("notes in", scoped.NotesIn(it.Kind, it.HotspotID), whole.NotesIn(it.Kind, it.HotspotID))
		check("decisions in", scoped.DecisionsIn(it.Kind, it.HotspotID), whole.DecisionsIn(it.Kind, it.HotspotID))
	}
	openNotOnAgenda := func(r model.MeetingRecord) []model.ID {
		var out []model.ID
		for _, h := range r.Hotspots {
			if h.IsOpen() && !r.Meeting.HasHotspot(h.ID) {
				out = append(out, h.ID)
			}
		}
		return out
	}
	check("open hotspots not on the agenda", openNotOnAgenda(scoped), openNotOnAgenda(whole))
	for _, public := range []bool{false, true} {
		for _, f := range minutes.Formats {
			got, err := minutes.Render(scoped, f, minutes.Options{Public: public})
			if err != nil {
				t.Fatal(err)
			}
			want, err := minutes.Render(whole, f, minutes.Options{Public: public})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the %s minutes (public %v) differ through the indexes", when, f, public)
			}
		}
	}
}

// A hotspot's page and its history in a meeting are the same read through
// its indexes as from the whole record.
func TestHotspotRecordThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			ms, _ := s.Meetings()
			last, err := s.ResolveMeeting("latest")
			if err != nil {
				t.Fatal(err)
			}
			entries := 0
			defer func() {
				if entries == 0 {
					t.Error("no hotspot had any history: it proves nothing")
				}
			}()
			wholes := map[model.ID]model.MeetingRecord{}
			for _, mid := range []model.ID{0, last.ID, ms[len(ms)-1].ID} {
				if wholes[mid], err = record.WholeRecordCutAt(s.Store, mid); err != nil {
					t.Fatal(err)
				}
			}
			for _, it := range last.Agenda {
				if it.Kind != model.ItemHotspot {
					continue
				}
				for mid, whole := range wholes {
					scoped, err := record.HotspotScoped(s.Store, mid, it.HotspotID)
					if err != nil {
						t.Fatal(err)
					}
					got, want := scoped.HotspotHistory(it.HotspotID, 0), whole.HotspotHistory(it.HotspotID, 0)
					entries += len(want)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s before M-%d: %d history entries through the indexes, %d from the whole record", model.HotspotRef(it.HotspotID), mid, len(got), len(want))
					}
					check := func(r model.MeetingRecord) []model.ID {
						var out []model.ID
						for _, a := range r.ItemActions(it.HotspotID) {
							out = append(out, a.ID)
						}
						return out
					}
					if !reflect.DeepEqual(check(scoped), check(whole)) {
						t.Errorf("%s: its actions differ through the indexes", model.HotspotRef(it.HotspotID))
					}
				}
			}
		})
	}
}

func chairOf(t *testing.T, s *bolt.File) model.Actor {
	t.Helper()
	p, _ := s.Partnership()
	members, _ := s.Members()
	for _, m := range members {
		if m.ID == p.ChairID {
			return model.ActorFor(m)
		}
	}
	t.Fatal("no chair")
	return model.Actor{}
}

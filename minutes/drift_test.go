package minutes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// exportAll renders the minutes of every closed meeting in every format and
// version. A DOCX is there twice: its bytes ("docx"), and its text
// ("docx-text"), which shows a change as lines.
func exportAll(t *testing.T, s *bolt.File) map[string][]byte {
	t.Helper()
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, m := range ms {
		if m.State != model.MeetingClosed {
			continue
		}
		rec, err := s.MinutesRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Formats {
			for _, public := range []bool{false, true} {
				b, err := Render(rec, f, Options{Public: public})
				if err != nil {
					t.Fatal(err)
				}
				out[fmt.Sprintf("%s %s public=%v", m.Ref(), f, public)] = b
				if f == DOCX {
					out[fmt.Sprintf("%s docx-text public=%v", m.Ref(), public)] = []byte(docxText(t, b))
				}
			}
		}
	}
	return out
}

// TestClosedMinutesNeverDrift: the minutes of every closed meeting of the
// demo — and of one closed here, in every format and version — are the same
// bytes after everything that can change has changed (every open action
// updated, finished or moved, every hotspot's risk, status and Part 2 mark
// changed or closed, every agency and member renamed, the partnership's
// name and confidentiality statement changed, a later meeting held) and the
// clock moved on 60 days. Only the approval line changes, when a later
// meeting approves them.
func TestClosedMinutesNeverDrift(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	d, err := demo.Build(model.DateOf(now), demo.Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	s, err := bolt.Open(filepath.Join(t.TempDir(), "tasking.db"), bolt.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Seed(model.SystemActor("test"), d); err != nil {
		t.Fatal(err)
	}
	members, _ := s.Members()
	chairM, _ := model.FindMember(members, "Helen Marsh")
	chair := model.ActorFor(chairM)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	// Today's meeting: business on a hotspot, a private item, then closed.
	m, err := s.StartMeeting(chair, model.DateOf(now))
	if err != nil {
		t.Fatal(err)
	}
	must(s.MarkRemainingPresent(chair, m.ID))
	hs := m.Agenda[4].HotspotID
	must(s.GoToItem(chair, m.ID, 4))
	must(s.RecordNote(chair, m.ID, model.NewNote{Item: model.ItemHotspot, HotspotID: hs, Text: "Quieter this week", AgencyID: chairM.AgencyID}))
	must(s.AssignAction(chair, model.NewAction{HotspotID: hs, Text: "Patrol the car park", AgencyID: chairM.AgencyID, Due: model.DateOf(now).AddDays(14), MeetingID: m.ID}))
	must(s.SetItemPart2(chair, m.ID, 5, nil, true, model.ParaCrime))
	rec, _ := s.MeetingRecord(m.ID)
	for _, a := range rec.MattersArising()[:3] {
		must(s.MarkReviewed(chair, a.ID, m.ID))
	}
	must(s.SetNextMeeting(chair, m.ID, nil, model.DateOf(now).AddDays(7), "10:00", ""))
	now = now.Add(90 * time.Minute)
	must(s.CloseMeeting(chair, m.ID))

	// Frozen as it stood: the same as the live record read as at the day.
	live, err := s.MeetingRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	frozen, err := s.MinutesRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		a, _ := Render(live, f, Options{})
		b, _ := Render(frozen, f, Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the frozen minutes differ from the record at close:\n%s", f, firstDiff([]byte(readable(t, f, a)), []byte(readable(t, f, b))))
		}
	}
	before := exportAll(t, s)

	// Everything that can change, changes, over 60 days.
	now = now.Add(60 * 24 * time.Hour)
	actions, _ := s.Actions(model.ActionFilter{Today: model.DateOf(now)})
	for i, a := range actions {
		switch {
		case a.Status.IsClosed():
			must(s.SetActionStatus(chair, a.ID, 0, model.StatusOpen, "reopened", 0))
		case i%3 == 0:
			must(s.SetActionStatus(chair, a.ID, 0, model.StatusDone, "finished after the meeting", 0))
		case i%3 == 1:
			must(s.ChangeDue(chair, a.ID, 0, model.DateOf(now).AddDays(30), "moved after the meeting", 0))
		default:
			must(s.SetActionStatus(chair, a.ID, 0, model.StatusCancelled, "no longer needed", 0))
		}
	}
	hotspots, _ := s.Hotspots()
	for i, h := range hotspots {
		if !h.IsOpen() {
			must(s.SetHotspotStatus(chair, h.ID, 0, model.HotspotActive, 0))
			continue
		}
		must(s.SetHotspotRisk(chair, h.ID, 0, model.Risk(1+i%3), "reassessed", 0))
		if i%2 == 0 {
			must(s.CloseHotspot(chair, h.ID, 0, "solved after the meeting", 0, model.OpenActionsClose))
		}
	}
	agencies, _ := s.Agencies()
	for _, a := range agencies {
		must(s.RenameAgency(chair, a.ID, 0, "Renamed "+a.Name, "R "+a.ShortName))
	}
	members, _ = s.Members()
	for _, mem := range members {
		must(s.EditMember(chair, mem.ID, 0, model.NewMember{Name: "Renamed " + mem.Name, AgencyID: mem.AgencyID, Role: mem.Role, Title: "New " + mem.Title}))
	}
	p, _ := s.Partnership()
	p.Name, p.ConfidentialityStatement = "Renamed "+p.Name, "A new statement."
	must(s.SetPartnership(chair, 0, p))
	// A later meeting, which takes the private hotspot back into Part 1.
	chair.Name = "Renamed " + chair.Name
	next, err := s.StartMeeting(chair, model.DateOf(now))
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range next.Agenda {
		if it.Part2 && it.Kind == model.ItemHotspot {
			if h, _ := s.Hotspot(it.HotspotID); h.Category != model.CategoryPersonal {
				must(s.SetItemPart2(chair, next.ID, i, nil, false, 0))
				break
			}
		}
	}
	must(s.CloseMeeting(chair, next.ID))

	after := exportAll(t, s)
	for name, b := range before {
		if !bytes.Equal(b, after[name]) {
			t.Errorf("%s changed after the meeting closed:\n%s", name, firstDiff(b, after[name]))
		}
	}

	// Approval is a change to the record: only the status line says so.
	third, err := s.StartMeeting(chair, model.DateOf(now).AddDays(7))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApprovePreviousMinutes(chair, third.ID); err != nil {
		t.Fatal(err)
	}
	approved := exportAll(t, s)
	for name, b := range after {
		switch {
		case !strings.HasPrefix(name, next.Ref()+" "):
			if !bytes.Equal(b, approved[name]) {
				t.Errorf("%s changed when another meeting's minutes were approved", name)
			}
		case strings.Contains(name, " docx "):
			// Zipped bytes: what they say is checked as docx-text.
		case strings.Contains(name, " md "), strings.Contains(name, " docx-text "):
			changed := diffLines(b, approved[name])
			if len(changed) != 2 || !strings.Contains(changed[0], "subject to approval") || !strings.Contains(changed[1], "Approved as a correct record") {
				t.Errorf("%s: approval changed more than its status line: %q", name, changed)
			}
		case !bytes.Contains(approved[name], []byte("Approved as a correct record")) && !bytes.Contains(approved[name], []byte(`"final"`)):
			t.Errorf("%s does not say it was approved", name)
		}
	}
}

// firstDiff shows where two outputs part.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// diffLines is the lines that differ, before then after, when both have as
// many lines.
func diffLines(a, b []byte) []string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		return []string{"different lengths"}
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, la[i], lb[i])
		}
	}
	return out
}

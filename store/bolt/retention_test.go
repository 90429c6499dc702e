package bolt

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// caseMarkers are words put in every field a personal case's records have,
// through every kind of change the app makes: none may be anywhere in the
// file once the case is anonymised. keptMarkers are words of the same
// meetings that are not the case's, and stay.
var (
	caseMarkers = []string{"Xq7title", "Xq7location", "Xq7riskreason", "Xq7assessreason", "Xq7declaration", "Xq7guestdecl",
		"Xq7note", "Xq7resolution", "Xq7action", "Xq7officer", "Xq7progress", "Xq7undone", "Xq7terms", "Xq7authorised",
		"Xq7done", "Xq7corrected", "Xq7correctreason", "Xq7amended", "Xq7amendreason", "Xq7closereason",
		"Xq7powerended", "Xq7genfinished"}
	keptMarkers = []string{"Keep5note", "Keep5action", "Keep5still-open", "Keep5declaration"}
)

// retentionFixture is a tiny partnership with one personal case, closed on
// 1 December 2026 after two meetings that took it, its words in every
// field; and a nuisance hotspot's business beside it. It returns the store,
// its clock and path, and the case.
func retentionFixture(t *testing.T) (*File, *fixedClock, string, model.Hotspot) {
	t.Helper()
	s, clock, path := openTiny(t)
	h, err := s.AddHotspot(chair, model.NewHotspot{Title: "Xq7title Flat 3", Location: "Xq7location 12 Rose Street", Ward: "Spire",
		Category: model.CategoryPersonal, Risk: model.RiskHigh, RiskReason: "Xq7riskreason", LeadAgencyID: 2}, 0)
	mustNoErr(t, err)
	h, err = s.AssessHotspot(chair, h.ID, h.Version, model.RiskAssessment{Likelihood: 4, Harm: 4, Vulnerable: true}, "Xq7assessreason", 0)
	mustNoErr(t, err)

	m1, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if !slices.ContainsFunc(m1.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == h.ID }) {
		t.Fatal("the new case is not on the agenda")
	}
	_, err = s.AddDeclaration(chair, m1.ID, 2, nil, model.ItemHotspot, h.ID, "Xq7declaration")
	mustNoErr(t, err)
	_, err = s.AddDeclaration(chair, m1.ID, 3, nil, model.ItemHotspot, 1, "Keep5declaration")
	mustNoErr(t, err)
	_, err = s.AddGuest(chair, m1.ID, nil, model.Guest{Name: "Dr Ada Guest", Agency: "NHS"})
	mustNoErr(t, err)
	_, err = s.AddGuestDeclaration(chair, m1.ID, "Dr Ada Guest", nil, model.ItemHotspot, h.ID, "Xq7guestdecl")
	mustNoErr(t, err)
	note, err := s.AddNote(chair, m1.ID, model.ItemHotspot, h.ID, "Xq7note", false)
	mustNoErr(t, err)
	_, err = s.AddNote(chair, m1.ID, model.ItemHotspot, 1, "Keep5note", false)
	mustNoErr(t, err)
	_, err = s.RecordDecision(chair, m1.ID, model.ItemHotspot, h.ID, "that Xq7resolution", false)
	mustNoErr(t, err)
	due := s.Today().AddDays(7)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: h.ID, Text: "Xq7action", Officer: "PC Xq7officer", AgencyID: 2, Due: due, MeetingID: m1.ID})
	mustNoErr(t, err)
	a, err = s.AddActionNote(chair, a.ID, 0, "Xq7progress", m1.ID)
	mustNoErr(t, err)
	// Still open years later, as general business: kept, words and all.
	_, err = s.AssignAction(chair, model.NewAction{HotspotID: h.ID, Text: "Keep5still-open", AgencyID: 3, Due: due, MeetingID: m1.ID})
	mustNoErr(t, err)
	finished, err := s.AssignAction(chair, model.NewAction{HotspotID: h.ID, Text: "Xq7genfinished", AgencyID: 3, Due: due, MeetingID: m1.ID})
	mustNoErr(t, err)
	_, err = s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Keep5action", AgencyID: 2, Due: due, MeetingID: m1.ID})
	mustNoErr(t, err)
	// Assigned by mistake and undone: only the trail knows it.
	_, err = s.AssignAction(chair, model.NewAction{HotspotID: h.ID, Text: "Xq7undone", AgencyID: 2, Due: due, MeetingID: m1.ID})
	mustNoErr(t, err)
	_, err = s.Undo(chair, m1.ID)
	mustNoErr(t, err)
	p, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerCPN, HotspotID: h.ID, AgencyID: 1, Start: clock.t.Add(-time.Hour),
		AuthorisedBy: "Insp Xq7authorised", Terms: "Xq7terms"}, m1.ID)
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m1.ID)
	mustNoErr(t, err)

	// Between meetings: done, its words corrected, a note amended.
	clock.t = clock.t.Add(2 * 24 * time.Hour)
	a, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusDone, "Xq7done", 0)
	mustNoErr(t, err)
	_, err = s.CorrectUpdate(chair, a.ID, a.Version, "Xq7corrected", "Xq7correctreason")
	mustNoErr(t, err)
	_, err = s.Amend(chair, note.Ref(), "Xq7amended", "Xq7amendreason")
	mustNoErr(t, err)
	_, err = s.EndPower(chair, p.ID, p.Version, clock.t, "Xq7powerended")
	mustNoErr(t, err)

	// The case closes in the next meeting; its two open actions go on as
	// general business: one is finished that week, one never is.
	clock.t = time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	m2, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	h, err = s.Hotspot(h.ID)
	mustNoErr(t, err)
	h, err = s.CloseHotspot(chair, h.ID, h.Version, "Xq7closereason", m2.ID, model.OpenActionsGeneral)
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m2.ID)
	mustNoErr(t, err)
	finished, err = s.Action(finished.ID)
	mustNoErr(t, err)
	_, err = s.SetActionStatus(chair, finished.ID, finished.Version, model.StatusDone, "", 0)
	mustNoErr(t, err)
	return s, clock, path, h
}

func TestRetentionAnonymisesEverywhereAndTheChainHolds(t *testing.T) {
	s, clock, path, h := retentionFixture(t)
	everything := allValues(t, s)
	for _, m := range append(slices.Clone(caseMarkers), keptMarkers...) {
		if !strings.Contains(everything, m) {
			t.Fatalf("the fixture never stored %q", m)
		}
	}
	public := publicMinutes(t, s)

	// Six years on, to the day after: not yet. Seven years on: due.
	clock.t = time.Date(2032, 12, 1, 9, 0, 0, 0, time.Local)
	plan, err := s.RetentionPlan(chair)
	mustNoErr(t, err)
	if len(plan.Cases) != 0 {
		t.Fatalf("a case closed six years ago to the day is past retention: %+v", plan.Cases)
	}
	clock.t = time.Date(2033, 6, 1, 10, 0, 0, 0, time.Local)
	before := fileSum(t, path)
	plan, err = s.RetentionPlan(chair)
	mustNoErr(t, err)
	if fileSum(t, path) != before {
		t.Error("listing what is past retention changed the file")
	}
	if len(plan.Cases) != 1 || plan.Cases[0].Hotspot.ID != h.ID || plan.Years != model.DefaultRetentionYears || plan.Cases[0].Decisions != 1 {
		t.Fatalf("the plan: %+v", plan)
	}
	if _, err := s.RetentionPlan(sgt); err == nil {
		t.Error("a member listed the cases past retention")
	}
	if _, err := s.ApplyRetention(sgt, store.Watch{}); err == nil {
		t.Error("a member anonymised cases")
	}

	run, err := s.ApplyRetention(chair, store.Watch{})
	mustNoErr(t, err)
	if !slices.Equal(run.Cases, []string{h.Ref()}) || run.Events == 0 || len(run.Frozen) != 2 || run.Pages == 0 || len(run.Kept) != 1 {
		t.Errorf("the run: %+v", run)
	}

	// No marker of the case anywhere: not in any value (decompressed),
	// not in the file's bytes, and the free space is cleared.
	everything = allValues(t, s)
	raw, err := os.ReadFile(path)
	mustNoErr(t, err)
	for _, m := range caseMarkers {
		if strings.Contains(everything, m) {
			t.Errorf("%q is still stored: %s", m, around(everything, m))
		}
		if bytes.Contains(raw, []byte(m)) {
			t.Errorf("%q is still in the file's bytes", m)
		}
	}
	for _, m := range keptMarkers {
		if !strings.Contains(everything, m) {
			t.Errorf("%q, not the case's, was anonymised", m)
		}
	}
	freeSpaceIsClear(t, s, raw)

	// The chain holds, every record is what it says, and the trail says
	// what was done.
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Erased == 0 {
		t.Errorf("after the anonymisation the chain: erased %d, problems %v", r.Erased, r.Problems)
	}
	problems, err := s.CheckRecords()
	mustNoErr(t, err)
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
	if got := publicMinutes(t, s); !equalMinutes(t, public, got) {
		t.Error("the public minutes changed")
	}
	events, err := s.AuditEvents(2)
	mustNoErr(t, err)
	if events[0].Op != model.OpRetentionRun || events[1].Op != model.OpRetentionCase || events[1].Ref != h.Ref() || events[0].By != chair.Name {
		t.Errorf("the anonymisation's events: %+v", events)
	}

	// What an anonymised case reads as.
	h, err = s.Hotspot(h.ID)
	mustNoErr(t, err)
	if h.Title != model.AnonymisedText || h.Location != model.AnonymisedText || h.Anonymised != model.NewDate(2033, 6, 1) || h.Closed != model.NewDate(2026, 12, 1) || h.Risk != model.RiskHigh {
		t.Errorf("the case: %+v", h)
	}
	rec, err := s.MinutesRecord(1)
	mustNoErr(t, err)
	md, err := minutes.Render(rec, minutes.MD, minutes.Options{})
	mustNoErr(t, err)
	if !strings.Contains(string(md), `HS-3 \[anonymised\]`) || !strings.Contains(string(md), "Keep5note") {
		t.Errorf("the restricted minutes of the case's meeting:\n%s", md)
	}

	// Nothing more is due; applying again anonymises nothing, and the
	// trail says that retention was applied.
	again, err := s.ApplyRetention(chair, store.Watch{})
	mustNoErr(t, err)
	if len(again.Cases) != 0 || again.Events != 0 {
		t.Errorf("a second run: %+v", again)
	}
	if latest, _ := s.AuditEvents(2); latest[0].Op != model.OpRetentionRun || latest[1].ID != events[0].ID {
		t.Errorf("a run with nothing due: the trail's newest events %+v", latest)
	}
}

// A run stopped part way changes nothing.
func TestRetentionStoppedChangesNothing(t *testing.T) {
	s, clock, _, _ := retentionFixture(t)
	clock.t = time.Date(2033, 6, 1, 10, 0, 0, 0, time.Local)
	_, err := s.ApplyRetention(chair, stopAt("writing the anonymised record"))
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("a stopped run: %v", err)
	}
	if !strings.Contains(allValues(t, s), "Xq7title") {
		t.Error("a stopped run anonymised the case")
	}
	plan, err := s.RetentionPlan(chair)
	mustNoErr(t, err)
	if len(plan.Cases) != 1 {
		t.Error("a stopped run left the case no longer due")
	}
}

// stopAt is a watch stopped as the step what begins.
func stopAt(what string) store.Watch {
	ctx, cancel := context.WithCancel(context.Background())
	return store.NewWatch(ctx, store.ReportFunc(func(s store.Step) {
		if s.What == what {
			cancel()
		}
	}))
}

// publicMinutes are the public minutes of every closed meeting, in every
// format.
func publicMinutes(t *testing.T, s *File) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	meetings, err := s.Meetings()
	mustNoErr(t, err)
	for _, m := range meetings {
		if m.State != model.MeetingClosed {
			continue
		}
		rec, err := s.MinutesRecord(m.ID)
		mustNoErr(t, err)
		for _, f := range minutes.Formats {
			b, err := minutes.Render(rec, f, minutes.Options{Public: true})
			mustNoErr(t, err)
			out[m.Ref()+"."+string(f)] = b
		}
	}
	if len(out) == 0 {
		t.Fatal("no closed meetings")
	}
	return out
}

func equalMinutes(t *testing.T, a, b map[string][]byte) bool {
	t.Helper()
	same := len(a) == len(b)
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			t.Errorf("%s differs", k)
			same = false
		}
	}
	return same
}

// allValues is every value in the file, unsealed and decompressed, with
// every key: what a search of the record finds.
func allValues(t *testing.T, s *File) string {
	t.Helper()
	var b strings.Builder
	err := s.boltView(func(tx *bolt.Tx) error {
		var walk func(name []byte, bk *bolt.Bucket) error
		walk = func(name []byte, bk *bolt.Bucket) error {
			return bk.ForEach(func(k, v []byte) error {
				b.Write(k)
				b.WriteByte('\n')
				if v == nil {
					return walk(k, bk.Bucket(k))
				}
				body, err := unseal(v)
				if err != nil {
					body = v // a key's value that is not a record (meta, indexes)
				}
				b.Write(body)
				b.WriteByte('\n')
				return nil
			})
		}
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error { return walk(name, bk) })
	})
	mustNoErr(t, err)
	return b.String()
}

// freeSpaceIsClear: every free page of the file is zeros, but for
// freelist pages bbolt has let go since (page numbers, no words).
func freeSpaceIsClear(t *testing.T, s *File, raw []byte) {
	t.Helper()
	size := s.db.Info().PageSize
	err := s.db.Update(func(tx *bolt.Tx) error {
		free := 0
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return err
			}
			if info.Type != "free" {
				continue
			}
			free++
			page := raw[id*size : (id+1)*size]
			const freelistFlag = 0x10
			if !bytes.Equal(page, make([]byte, size)) && binary.LittleEndian.Uint16(page[8:10]) != freelistFlag {
				t.Errorf("free page %d holds old bytes", id)
			}
		}
	})
	mustNoErr(t, err)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	mustNoErr(t, err)
	return sha256.Sum256(b)
}

func around(s, m string) string {
	i := strings.Index(s, m)
	return fmt.Sprintf("…%s…", s[max(0, i-120):min(len(s), i+60)])
}

// An anonymised event is chained by the anonymisation that wrote it: a
// later change to it is found.
func TestAnAnonymisedEventChangedAfterIsFound(t *testing.T) {
	s, clock, path, _ := retentionFixture(t)
	clock.t = time.Date(2033, 6, 1, 10, 0, 0, 0, time.Local)
	_, err := s.ApplyRetention(chair, store.Watch{})
	mustNoErr(t, err)
	copied := tamper(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bAudit)
		return b.ForEach(func(k, v []byte) error {
			var e model.AuditEvent
			if err := decode(v, &e); err != nil {
				return err
			}
			if !e.Erased || !bytes.Contains(e.After, []byte(model.AnonymisedText)) {
				return nil
			}
			e.After = bytes.Replace(e.After, []byte(model.AnonymisedText), []byte("[something else]"), 1)
			return b.Put(k, resealed(t, bAudit, e))
		})
	})
	c, err := Open(copied, Options{ReadOnly: true})
	mustNoErr(t, err)
	defer c.Close()
	r, err := c.VerifyChain()
	mustNoErr(t, err)
	if !strings.Contains(strings.Join(r.Problems, "\n"), "differs from what its anonymisation wrote") {
		t.Errorf("audit verify found %q", r.Problems)
	}
}

func TestAScrubWaitsForTheReadsBegunBeforeIt(t *testing.T) {
	var r readers
	first := r.begin()
	mark := r.mark()
	later := r.begin()
	if !r.openBefore(mark) {
		t.Error("a read begun before the mark is not waited for")
	}
	r.end(first)
	if r.openBefore(mark) {
		t.Error("a read begun after the mark is waited for")
	}
	r.end(later)
}

// The scrub waits for a read begun before it, and clears the free space
// once it ends; one that outlasts scrubWait leaves the free space as it
// was, saying so.
func TestAScrubWaitsForAnEarlierRead(t *testing.T) {
	s, _, _ := openTiny(t)
	reading, release := make(chan struct{}), make(chan struct{})
	readDone := make(chan error)
	go func() {
		readDone <- s.boltView(func(tx *bolt.Tx) error {
			close(reading)
			<-release
			return nil
		})
	}()
	<-reading
	waiting := make(chan struct{})
	var once bool
	scrubbed := make(chan error)
	go func() {
		_, err := s.scrubFree(store.NewWatch(context.Background(), store.ReportFunc(func(st store.Step) {
			if st.What == "waiting for reads under way to finish" && !once {
				once = true
				close(waiting)
			}
		})))
		scrubbed <- err
	}()
	<-waiting
	close(release)
	mustNoErr(t, <-readDone)
	mustNoErr(t, <-scrubbed)

	was := scrubWait
	scrubWait = 20 * time.Millisecond
	t.Cleanup(func() { scrubWait = was })
	reading, release = make(chan struct{}), make(chan struct{})
	go func() {
		readDone <- s.boltView(func(tx *bolt.Tx) error {
			close(reading)
			<-release
			return nil
		})
	}()
	<-reading
	_, err := s.scrubFree(store.Watch{})
	close(release)
	mustNoErr(t, <-readDone)
	if err == nil || !strings.Contains(err.Error(), "were still open after") {
		t.Errorf("a scrub past its wait: %v", err)
	}
}

package model

import (
	"strings"
	"testing"
	"time"
)

func TestCorrectingAnUpdate(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	rep := Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: RoleMember, AgencyID: 2}
	other := Actor{MemberID: 3, Name: "PC Lee Barker", Role: RoleMember, AgencyID: 2}
	chair := Actor{MemberID: 1, Name: "Helen Marsh", Role: RoleChair}
	a := Action{ID: 12, AgencyID: 2}
	history := []ActionUpdate{
		{ID: 1, Kind: UpdateCreated, MeetingID: 5, At: at.Add(-72 * time.Hour)},
		{ID: 2, Kind: UpdateNote, Text: "Letters sent to all tenants", ByID: 2, By: rep.Name, News: true, At: at.Add(-48 * time.Hour)},
		{ID: 3, Kind: UpdateDue, FromDue: MustDate("2026-12-01"), ToDue: MustDate("2026-12-15"), Text: "waiting for the contractor", ByID: 2, By: rep.Name, News: true, At: at.Add(-24 * time.Hour)},
		{ID: 4, Kind: UpdateNote, Text: "x", ByID: 2, By: rep.Name, News: true, At: at.Add(-time.Hour)},
	}
	u, ok := LatestWithWords(history)
	if !ok || u.ID != 4 {
		t.Fatalf("the latest update with words: %+v", u)
	}
	for _, tt := range []struct {
		who     Actor
		reason  string
		wantErr string
	}{
		{rep, "typed by mistake", ""},
		{chair, "typed by mistake", ""},
		{other, "typed by mistake", "only its author (Sgt Jas Patel) or the chair may correct A-12's update"},
		{rep, "  ", "reason"},
	} {
		_, err := CheckCorrection(tt.who, a, u, tt.reason)
		if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s with reason %q: %v, want %q", tt.who, tt.reason, err, tt.wantErr)
		}
	}

	// Corrected: new words, the first ones kept, shown marked.
	c := u
	if err := c.Correct("Letters sent; two replies so far", "typed by mistake", rep.Name, at); err != nil {
		t.Fatal(err)
	}
	if c.Corrected.Original != "x" || c.Shown() != "Letters sent; two replies so far (corrected)" || c.Describe() != "Letters sent; two replies so far (corrected)" {
		t.Errorf("corrected: %+v shown %q", c.Corrected, c.Shown())
	}
	if err := c.Correct("Letters sent; two replies", "again", chair.Name, at); err != nil || c.Corrected.Original != "x" {
		t.Errorf("a second correction keeps the first words: %+v %v", c.Corrected, err)
	}
	if err := c.Correct(c.Text, "no change", rep.Name, at); err == nil {
		t.Error("a correction to the same words")
	}
	history[3] = c
	a.LatestNews(history)
	if a.LastUpdate != "Letters sent; two replies (corrected)" || !a.LastUpdateAt.Equal(c.At) {
		t.Errorf("latest after the correction: %q", a.LastUpdate)
	}

	// Withdrawn: left out; the words before it are the latest again — not
	// the date moved in between, which is a change, not words.
	w := u
	w.Withdraw("typed by mistake", rep.Name, at)
	history[3] = w
	if w.Shown() != "" {
		t.Errorf("a withdrawn update still says %q", w.Shown())
	}
	a.LatestNews(history)
	if a.LastUpdate != "Letters sent to all tenants" || a.LastUpdateBy != rep.Name {
		t.Errorf("latest after the withdrawal: %q by %q", a.LastUpdate, a.LastUpdateBy)
	}
	if next, _ := LatestWithWords(history); next.ID != 3 {
		t.Errorf("after a withdrawal the next to correct is %d, want the date moved (3)", next.ID)
	}
}

// A date moved never hides the rep's last words: the action keeps both,
// each with who and when, and accepting it minutes both.
func TestTheLatestUpdateIsTheLatestWords(t *testing.T) {
	rep := Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: RoleMember, AgencyID: 2}
	day := func(d int) time.Time { return time.Date(2026, 12, d, 10, 0, 0, 0, time.UTC) }
	a := Action{ID: 12, AgencyID: 2, Status: StatusOpen, Due: MustDate("2026-12-01")}
	if !a.TakeNews(ActionUpdate{Kind: UpdateNote, Text: "Letters sent to all tenants"}, rep, day(2)) {
		t.Fatal("a rep's note is not news")
	}
	u, err := a.MoveDue(MustDate("2026-12-15"), "waiting for the contractor", 0)
	if err != nil {
		t.Fatal(err)
	}
	a.TakeNews(u, rep, day(3))
	if a.LastUpdate != "Letters sent to all tenants" || a.LastChange != "due 01 Dec → 15 Dec: waiting for the contractor" {
		t.Fatalf("words %q, change %q", a.LastUpdate, a.LastChange)
	}
	if !a.NewsAt().Equal(day(3)) {
		t.Errorf("news at %s", a.NewsAt())
	}
	prev := &Meeting{ClosedAt: day(1)}
	acc, err := a.Accept(prev, 9)
	if err != nil {
		t.Fatal(err)
	}
	if acc.Text != "Letters sent to all tenants (Sgt Jas Patel, 2 Dec); due 01 Dec → 15 Dec: waiting for the contractor (Sgt Jas Patel, 3 Dec)" {
		t.Errorf("accepted: %q", acc.Text)
	}
	// A bare status change is a change, never words.
	st, _ := a.SetStatus(StatusInProgress, "", 0, day(4))
	a.TakeNews(st, rep, day(4))
	if a.LastUpdate != "Letters sent to all tenants" || !strings.HasPrefix(a.LastChange, "open → in progress") {
		t.Errorf("after a bare status change: words %q, change %q", a.LastUpdate, a.LastChange)
	}
}

// A history says a status once: "in progress → done: site visited",
// never "… done: Done: site visited".
func TestHistoryWordsDoNotRepeatTheStatus(t *testing.T) {
	u := ActionUpdate{ID: 1, Kind: UpdateStatus, FromStatus: StatusInProgress, ToStatus: StatusDone, Text: "Done: Site visited, bins removed"}
	if got := u.Words(); got != "Site visited, bins removed" {
		t.Errorf("Words %q", got)
	}
	e := HistoryEntry{Text: "A-6 " + u.Change(), Words: u.Words()}
	if got := e.Line(); got != "A-6 in progress → done: Site visited, bins removed" {
		t.Errorf("history line %q", got)
	}
	note := ActionUpdate{ID: 2, Kind: UpdateNote, Text: "Done by Friday, they say"}
	if got := note.Words(); got != "Done by Friday, they say" {
		t.Errorf("a note's words were cut: %q", got)
	}
}

// A meeting that accepted an update and is still open accepts the words as
// they are put right: corrected words marked, withdrawn words never; a
// closed meeting's acceptance is the record as it was.
func TestReacceptedAfterACorrection(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	since := at.Add(-7 * 24 * time.Hour) // the last meeting closed
	rep := "Neil Armitage"
	words := ActionUpdate{ID: 4, Kind: UpdateNote, Text: "Back from Monday", By: rep, News: true, At: at.Add(-5 * 24 * time.Hour)}
	accept := ActionUpdate{ID: 6, Kind: UpdateAccept, MeetingID: 7, At: at.Add(10 * time.Minute),
		Text: "Back from Friday (Neil Armitage, 19 Nov)"}
	open := Meeting{ID: 7, State: MeetingOpen}
	why := Correction{Reason: "wrong day", By: rep, At: at.Add(20 * time.Minute)}
	corrected := Action{ID: 10, LastUpdate: "Back from Monday (corrected)", LastUpdateBy: rep, LastUpdateAt: words.At}
	older := Action{ID: 10, LastUpdate: "Letters sent", LastUpdateBy: rep, LastUpdateAt: since.Add(-time.Hour)}
	olderWithChange := older
	olderWithChange.LastChange, olderWithChange.LastChangeBy, olderWithChange.LastChangeAt = "due 1 Dec → 15 Dec: rota", rep, since.Add(time.Hour)
	for _, tt := range []struct {
		name          string
		a             Action
		accept        ActionUpdate
		m             Meeting
		wantOK        bool
		wantText      string
		wantWithdrawn bool
	}{
		{"corrected in an open meeting", corrected, accept, open, true, "Back from Monday (corrected) (Neil Armitage, 19 Nov)", false},
		{"withdrawn, nothing new left", older, accept, open, true, accept.Text, true},
		{"withdrawn, a change since stays", olderWithChange, accept, open, true,
			"Letters sent (Neil Armitage, 17 Nov); due 1 Dec → 15 Dec: rota (Neil Armitage, 17 Nov)", false},
		{"a closed meeting is the record as it was", corrected, accept, Meeting{ID: 7, State: MeetingClosed}, false, accept.Text, false},
		{"another meeting's acceptance", corrected, accept, Meeting{ID: 8, State: MeetingOpen}, false, accept.Text, false},
		{"accepted before the words were said", corrected, func() ActionUpdate { u := accept; u.At = words.At.Add(-time.Hour); return u }(), open, false, accept.Text, false},
		{"not an acceptance", corrected, ActionUpdate{ID: 6, Kind: UpdateReview, MeetingID: 7, At: accept.At}, open, false, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.a.Reaccepted(tt.accept, words, tt.m, since, why)
			if ok != tt.wantOK || got.Text != tt.wantText || (got.Withdrawn != nil) != tt.wantWithdrawn {
				t.Errorf("got %v %q withdrawn %v, want %v %q withdrawn %v", ok, got.Text, got.Withdrawn != nil, tt.wantOK, tt.wantText, tt.wantWithdrawn)
			}
		})
	}
}

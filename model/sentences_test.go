package model

import (
	"strings"
	"testing"
	"time"
)

// One table per kind of generated sentence (sentences.go).

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "apology", "0 apologies"},
		{1, "apology", "1 apology"},
		{2, "apology", "2 apologies"},
		{1, "guest", "1 guest"},
		{3, "guest", "3 guests"},
		{2, "day", "2 days"}, // a vowel before the y
		{2, "SSH key", "2 SSH keys"},
		{2, "match", "2 matches"},
		{2, "address", "2 addresses"},
		{1, "matter arising", "1 matter arising"},
		{4, "matter arising", "4 matters arising"},
		{2, "member's", "2 members'"},
		{12, "open action", "12 open actions"},
	}
	for _, tt := range tests {
		if got := Plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestWithArticle(t *testing.T) {
	tests := map[string]string{
		"action":        "an action",
		"agency":        "an agency",
		"admin":         "an admin",
		"hotspot":       "a hotspot",
		"meeting":       "a meeting",
		"decision":      "a decision",
		"note":          "a note",
		"update":        "an update",
		"user":          "a user",
		"European case": "a European case",
		"one-off":       "a one-off",
		"hour":          "an hour",
		"HMO":           "an HMO",
		"SSH key":       "an SSH key",
		"PCSO":          "a PCSO",
		"ASB case":      "an ASB case",
		"chair":         "a chair",
		"":              "a ",
	}
	for noun, want := range tests {
		if got := WithArticle(noun); got != want {
			t.Errorf("WithArticle(%q) = %q, want %q", noun, got, want)
		}
	}
}

func TestJoinAnd(t *testing.T) {
	tests := []struct {
		in         []string
		and, semis string
	}{
		{nil, "", ""},
		{[]string{"A-4"}, "A-4", "A-4"},
		{[]string{"A-4", "A-9"}, "A-4 and A-9", "A-4; and A-9"},
		{[]string{"A-4", "A-9", "A-12"}, "A-4, A-9 and A-12", "A-4; A-9; and A-12"},
	}
	for _, tt := range tests {
		if got := JoinAnd(tt.in); got != tt.and {
			t.Errorf("JoinAnd(%q) = %q, want %q", tt.in, got, tt.and)
		}
		if got := JoinAndSemicolons(tt.in); got != tt.semis {
			t.Errorf("JoinAndSemicolons(%q) = %q, want %q", tt.in, got, tt.semis)
		}
	}
}

// A sentence ends with one stop; a clause inside one has none of its own.
func TestPunctuation(t *testing.T) {
	ends := map[string]string{
		"patrols continue":        "patrols continue.",
		"patrols continue.":       "patrols continue.",
		"patrols continue?":       "patrols continue?",
		"is it (really)":          "is it (really).",
		`he said "enough."`:       `he said "enough."`,
		"and so on…":              "and so on…",
		"trailing space  ":        "trailing space.",
		"":                        "",
		"Risk changed: half.":     "Risk changed: half.",
		"Risk changed: by half. ": "Risk changed: by half.",
	}
	for in, want := range ends {
		if got := EndSentence(in); got != want {
			t.Errorf("EndSentence(%q) = %q, want %q", in, got, want)
		}
	}
	clauses := []struct {
		parts []string
		want  string
	}{
		{[]string{"completed since the last meeting: site visited.", "completion confirmed"},
			"completed since the last meeting: site visited; completion confirmed"},
		{[]string{"", "reviewed, no change", ""}, "reviewed, no change"},
		{[]string{"wait and see...", "done?"}, "wait and see...; done?"},
		{[]string{"update accepted: figures down.", "due 1 Dec → 15 Dec: carried forward."}, "update accepted: figures down; due 1 Dec → 15 Dec: carried forward."},
	}
	for _, tt := range clauses {
		if got := Clauses(tt.parts...); got != tt.want {
			t.Errorf("Clauses(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

// A label is never said twice by the words after it.
func TestLabelled(t *testing.T) {
	tests := []struct {
		label, words string
		also         []string
		want         string
	}{
		{"in progress → done", "Done: patrols finished", []string{"done"}, "in progress → done: patrols finished"},
		{"in progress → done", "DONE - patrols finished", []string{"done"}, "in progress → done: patrols finished"},
		{"in progress → done", "Done", []string{"done"}, "in progress → done"},
		{"in progress → done", "Done by Friday, as agreed", []string{"done"}, "in progress → done: Done by Friday, as agreed"},
		{"in progress → done", "Done-ish: the rest next week", []string{"done"}, "in progress → done: Done-ish: the rest next week"},
		{"Done", "Done: Done: twice", nil, "Done: twice"},
		{"in progress → done", "Done: done: patrols finished", []string{"done"}, "in progress → done: patrols finished"},
		{"Hotspot closed", "Hotspot closed: quiet for six weeks", nil, "Hotspot closed: quiet for six weeks"},
		{"Hotspot closed", "quiet for six weeks", nil, "Hotspot closed: quiet for six weeks"},
		{"reviewed, no change", "", nil, "reviewed, no change"},
		{"", "a note", nil, "a note"},
		// The words carry on from the label: it is said once, as written.
		{"Update", "update accepted: letters sent (Neil Armitage, 18 Nov)", nil, "Update accepted: letters sent (Neil Armitage, 18 Nov)"},
		{"Update", "in progress → blocked", nil, "Update: in progress → blocked"},
		{"Update", "updates to follow", nil, "Update: updates to follow"},
		{"Hotspot closed", "hotspot closed early: the shop shut", []string{"closed"}, "Hotspot closed early: the shop shut"},
	}
	for _, tt := range tests {
		if got := Labelled(tt.label, tt.words, tt.also...); got != tt.want {
			t.Errorf("Labelled(%q, %q) = %q, want %q", tt.label, tt.words, got, tt.want)
		}
	}
}

// An update's line in a history: the change, then the words, which do not
// repeat the status.
func TestDescribeSaysTheStatusOnce(t *testing.T) {
	tests := []struct {
		u    ActionUpdate
		want string
	}{
		{ActionUpdate{Kind: UpdateStatus, FromStatus: StatusInProgress, ToStatus: StatusDone, Text: "Done: Site visited on Thursday."},
			"in progress → done: Site visited on Thursday."},
		{ActionUpdate{Kind: UpdateStatus, FromStatus: StatusInProgress, ToStatus: StatusDone, Text: "Completed - report sent"},
			"in progress → done: report sent"},
		{ActionUpdate{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusBlocked, Text: "Blocked: waiting for the landlord"},
			"open → blocked: waiting for the landlord"},
		{ActionUpdate{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusCancelled, Text: "Hotspot closed: quiet"},
			"open → cancelled: Hotspot closed: quiet"},
		{ActionUpdate{Kind: UpdateNote, Text: "Done: leaflets"}, "Done: leaflets"}, // a note has no status to repeat
		{ActionUpdate{Kind: UpdateReview}, "reviewed, no change"},
	}
	for _, tt := range tests {
		if got := tt.u.Describe(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.u, got, tt.want)
		}
	}
}

// Matters arising: finished between meetings, then confirmed by the
// meeting — said once each, never "reviewed, no change".
func TestConfirmedCompletions(t *testing.T) {
	finished := []struct {
		status ActionStatus
		note   string
		want   string
	}{
		{StatusDone, "", "completed since the last meeting"},
		{StatusDone, "Done: Site visited on Thursday.", "completed since the last meeting: Site visited on Thursday."},
		{StatusDone, "Completed", "completed since the last meeting"},
		{StatusCancelled, "Cancelled: superseded by A-12", "cancelled since the last meeting: superseded by A-12"},
	}
	for _, tt := range finished {
		if got := FinishedSinceLine(tt.status, tt.note); got != tt.want {
			t.Errorf("FinishedSinceLine(%s, %q) = %q, want %q", tt.status, tt.note, got, tt.want)
		}
	}
	if ConfirmedLine(StatusDone) != "completion confirmed" || ConfirmedLine(StatusCancelled) != "cancellation confirmed" {
		t.Errorf("confirmed: %q, %q", ConfirmedLine(StatusDone), ConfirmedLine(StatusCancelled))
	}
	done := Action{Status: StatusDone, CompletionNote: "Done: Site visited on Thursday."}
	confirms := []struct {
		name string
		u    ActionUpdate
		want bool
	}{
		{"reviewed, no change", ActionUpdate{Kind: UpdateReview, FromStatus: StatusDone, ToStatus: StatusDone}, true},
		{"the completion accepted", ActionUpdate{Kind: UpdateAccept, Text: "in progress → done: Site visited on Thursday. (Gary Fletcher, 3 Dec)"}, true},
		{"an older record of it accepted", ActionUpdate{Kind: UpdateAccept, Text: "in progress → done: Done: Site visited on Thursday. (Gary Fletcher, 3 Dec)"}, true},
		{"other news accepted", ActionUpdate{Kind: UpdateAccept, Text: "Residents' meeting on Monday (Gary Fletcher, 4 Dec)"}, false},
		{"reopened", ActionUpdate{Kind: UpdateStatus, FromStatus: StatusDone, ToStatus: StatusOpen}, false},
	}
	for _, tt := range confirms {
		if got := ConfirmsFinish(tt.u, done); got != tt.want {
			t.Errorf("%s: confirms %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestHotspotClosedLine(t *testing.T) {
	tests := []struct {
		reason string
		refs   []string
		then   OpenActions
		want   string
	}{
		{"no reports for six weeks", nil, OpenActionsRefuse, "The hotspot was closed: no reports for six weeks."},
		{"No reports for six weeks.", nil, OpenActionsRefuse, "The hotspot was closed: No reports for six weeks."},
		{"Closed: problem solved", nil, OpenActionsRefuse, "The hotspot was closed: problem solved."},
		{"resolved", []string{"A-4"}, OpenActionsClose, "The hotspot was closed: resolved. Its open action (A-4) was closed with it."},
		{"resolved", []string{"A-4", "A-9"}, OpenActionsClose, "The hotspot was closed: resolved. Its open actions (A-4 and A-9) were closed with it."},
		{"resolved", []string{"A-4"}, OpenActionsGeneral, "The hotspot was closed: resolved. Its open action (A-4) continues as general business."},
		{"resolved", []string{"A-4", "A-9", "A-12"}, OpenActionsGeneral, "The hotspot was closed: resolved. Its open actions (A-4, A-9 and A-12) continue as general business."},
	}
	for _, tt := range tests {
		if got := HotspotClosedLine(tt.reason, tt.refs, 0, tt.then); got != tt.want {
			t.Errorf("HotspotClosedLine(%q, %v):\n got %q\nwant %q", tt.reason, tt.refs, got, tt.want)
		}
	}
	// Actions taken in private are counted, never named.
	if got := HotspotClosedLine("resolved", []string{"A-45"}, 2, OpenActionsGeneral); got != "The hotspot was closed: resolved. Its open actions (A-45 and 2 taken in private) continue as general business." {
		t.Errorf("with private actions: %q", got)
	}
	if got := HotspotClosedLine("resolved", nil, 1, OpenActionsClose); got != "The hotspot was closed: resolved. Its open action (1 taken in private) was closed with it." {
		t.Errorf("only a private action: %q", got)
	}
	for refs, want := range map[int]string{
		1: "HS-3 still has 1 open action (A-4): close it with the hotspot, or move it to general business",
		2: "HS-3 still has 2 open actions (A-4 and A-9): close them with the hotspot, or move them to general business",
	} {
		if got := OpenActionsLine("HS-3", []string{"A-4", "A-9"}[:refs]); got != want {
			t.Errorf("OpenActionsLine, %d: %q", refs, got)
		}
	}
}

func TestPeopleAndCountsLines(t *testing.T) {
	apologies := []struct {
		apologies, absent []string
		want              string
	}{
		{nil, nil, "No apologies for absence were received."},
		{[]string{"Gary Fletcher (CBC Housing)"}, nil, "Apologies for absence were received from Gary Fletcher (CBC Housing)."},
		{[]string{"A", "B", "C"}, []string{"D"}, "Apologies for absence were received from A, B and C. Absent: D."},
		{nil, []string{"D", "E"}, "No apologies for absence were received. Absent: D and E."},
	}
	for _, tt := range []struct {
		n      int
		agency string
		want   string
	}{
		{1, "CBC Housing", "a representative of CBC Housing"},
		{3, "CBC Housing", "3 representatives of CBC Housing"},
		{1, "", "a representative"},
		{2, "", "2 representatives"},
	} {
		if got := Representatives(tt.n, tt.agency); got != tt.want {
			t.Errorf("Representatives(%d, %q) = %q, want %q", tt.n, tt.agency, got, tt.want)
		}
	}
	for _, tt := range apologies {
		if got := ApologiesLine(tt.apologies, tt.absent); got != tt.want {
			t.Errorf("ApologiesLine(%v, %v) = %q", tt.apologies, tt.absent, got)
		}
	}
	counts := []struct {
		present, apologies, absent, unmarked, guests int
		want                                         string
	}{
		{20, 1, 0, 2, 1, "20 present · 1 apology · 0 absent · 2 not marked · 1 guest"},
		{1, 2, 3, 0, 2, "1 present · 2 apologies · 3 absent · 0 not marked · 2 guests"},
		{0, 0, 0, 0, 0, "0 present · 0 apologies · 0 absent · 0 not marked · 0 guests"},
	}
	for _, tt := range counts {
		if got := AttendanceCounts(tt.present, tt.apologies, tt.absent, tt.unmarked, tt.guests); got != tt.want {
			t.Errorf("AttendanceCounts = %q, want %q", got, tt.want)
		}
	}
	reviewed := map[int]string{
		0: "",
		1: "Action A-6 was reviewed under this item (see Matters arising).",
		2: "Actions A-6 and A-9 were reviewed under this item (see Matters arising).",
	}
	for n, want := range reviewed {
		if got := ReviewedUnderLine([]string{"A-6", "A-9"}[:n]); got != want {
			t.Errorf("ReviewedUnderLine, %d: %q", n, got)
		}
	}
}

func TestCloseWarningCounts(t *testing.T) {
	m := Meeting{NextDate: MustDate("2026-12-01")}
	tests := []struct {
		p    Progress
		want string
	}{
		{Progress{Unmarked: 1}, "1 member's attendance not recorded (minuted absent)."},
		{Progress{Unmarked: 2}, "2 members' attendance not recorded (minuted absent)."},
		{Progress{Unreviewed: 1}, "1 matter arising not reviewed."},
		{Progress{Unreviewed: 2}, "2 matters arising not reviewed."},
		{Progress{NotReached: []ID{4}}, "1 item not discussed (HS-4), to be deferred to the next meeting."},
	}
	for _, tt := range tests {
		if got := tt.p.CloseWarning(m); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

// Closing a hotspot minutes its public actions by ref and counts the ones
// taken in private.
func TestClosingNamesNoPrivateAction(t *testing.T) {
	h := Hotspot{ID: 16, Status: HotspotActive}
	open := []Action{{ID: 45}, {ID: 40, Privacy: PrivateUnder(ParaCrime)}, {ID: 44, Privacy: PrivateUnder(ParaIndividual)}}
	minute, err := h.Close("quiet since the closure order", MustDate("2026-12-01"), open, OpenActionsGeneral)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(minute, "(A-45 and 2 taken in private)") || strings.Contains(minute, "A-40") || strings.Contains(minute, "A-44") {
		t.Errorf("minute %q", minute)
	}
}

// An empty list of a hotspot's actions says so in one plain sentence.
func TestNoActionsLine(t *testing.T) {
	for _, tt := range []struct {
		closed bool
		hint   string
		want   string
	}{
		{true, "a assigns one.", "No action for this hotspot was assigned or reviewed at this meeting."},
		{false, "a assigns one.", "None yet: a assigns one."},
		{false, "they are assigned in the meeting", "None yet: they are assigned in the meeting."},
		{false, "", "None yet."},
	} {
		if got := NoActionsLine(tt.closed, tt.hint); got != tt.want {
			t.Errorf("NoActionsLine(%v, %q) = %q, want %q", tt.closed, tt.hint, got, tt.want)
		}
	}
}

// Who said or did it, and when, follow what: inside the full stop.
func TestStamped(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 20, 0, 0, time.Local)
	for _, tt := range []struct {
		what, by string
		at       time.Time
		want     string
	}{
		{"due 01 Dec → 08 Dec: partners need more time", "Helen Marsh", at, "due 01 Dec → 08 Dec: partners need more time (Helen Marsh, 24 Nov)"},
		{"Back on track from Friday.", "Neil Armitage", at, "Back on track from Friday (Neil Armitage, 24 Nov)."},
		{"Any news?", "Neil Armitage", at, "Any news? (Neil Armitage, 24 Nov)"},
		{"Wait for it...", "Neil Armitage", at, "Wait for it... (Neil Armitage, 24 Nov)"},
		{"in progress → blocked", "Helen Marsh", time.Time{}, "in progress → blocked (Helen Marsh)"},
		{"in progress → blocked", "", at, "in progress → blocked"},
		{"", "Helen Marsh", at, ""},
	} {
		if got := Stamped(tt.what, tt.by, tt.at); got != tt.want {
			t.Errorf("Stamped(%q, %q) = %q, want %q", tt.what, tt.by, got, tt.want)
		}
	}
}

package model

import (
	"slices"
	"strings"
	"time"
)

// MeetingRecord is everything about one meeting and its context, read in one
// transaction: what the meeting screen shows and what the minutes are made
// from. Derived lists (matters arising, an item's actions, a hotspot's
// history) are computed here once, so the screen and the minutes agree.
type MeetingRecord struct {
	Partnership Partnership    `json:"partnership"`
	Meeting     Meeting        `json:"meeting"`
	Previous    *Meeting       `json:"previous,omitempty"` // the meeting before this one, if any
	Agencies    []Agency       `json:"agencies"`
	Members     []Member       `json:"members"`
	Hotspots    []Hotspot      `json:"hotspots"`
	Actions     []Action       `json:"actions"`
	Updates     []ActionUpdate `json:"updates"`
	Decisions   []Decision     `json:"decisions"`
	Notes       []Note         `json:"notes"`
	Amendments  []Amendment    `json:"amendments,omitempty"` // to this meeting's notes and decisions
	// FirstMinute numbers the first minute: minute numbers run on through
	// the municipal year (see FirstMinute).
	FirstMinute int `json:"first_minute"`
	// Approval is the later meeting's decision approving these minutes as a
	// correct record (nil until then): it makes them final.
	Approval        *Decision `json:"approval,omitempty"`
	ApprovalMeeting *Meeting  `json:"approval_meeting,omitempty"`
	// Today is the day the record is read as at: what "overdue" and the RAG
	// are measured against. A frozen record reads as at its meeting's date.
	Today Date `json:"today"`
	// RecordNote says, once, what the record could not tell (see Snapshot);
	// empty for a live record and for one frozen at close.
	RecordNote string `json:"record_note,omitempty"`
	// Completions is CompletionDays as at Today, read by the store from its
	// index (a record holds only the actions it shows); nil in a frozen
	// record, whose own actions are used.
	Completions map[ID][]int `json:"-"`
	// PublicOnly: this is the record as someone who reads the public
	// record only reads it (PublicRecord): private business is markers
	// without words, and every version made from it is the public one.
	PublicOnly bool `json:"-"`
	// AuditHead is the audit chain's head when the meeting closed (a frozen
	// record only): a later rewrite of the history before it no longer
	// holds it.
	AuditHead *AuditHead `json:"audit_head,omitempty"`
	// Powers are the powers current on the record's day (in force, or yet
	// to take effect: Power.Current): on hotspots and general actions, as
	// the meeting's items and its minutes list them. A closed meeting's
	// record keeps those current when it closed.
	Powers []Power `json:"powers,omitempty"`
	// CaseReviews are the ASB case reviews the meeting's "ASB case reviews"
	// item holds: received by its day and not answered before it
	// (CaseReview.OnRecordOf). Private business always: the public record
	// has none. A closed meeting's record keeps them as they stood.
	CaseReviews []CaseReview `json:"case_reviews,omitempty"`
	// Suggestions are the emerging hotspots on offer (Offer), for a
	// meeting under way: its New referrals offers them. Never frozen.
	Suggestions []Suggestion `json:"-"`
	// Held is the dates of the meetings held (closed) when the record was
	// read: the review cadence (Hotspot.DueForReview) that says which open
	// hotspots a meeting not yet closed leaves off its agenda (OffAgenda).
	// Nil in a closed meeting's record.
	Held []Date `json:"-"`
	// Trends are the hotspots' series (HotspotSeries) as the record was
	// read: a closed meeting's record keeps those of its hotspots as they
	// stood when it closed, so its minutes show the counts the meeting
	// saw.
	Trends map[ID]Series `json:"trends,omitempty"`
}

// AgencyWorkload is the accountability table as at the record's day.
func (r *MeetingRecord) AgencyWorkload() []AgencyLoad {
	days := r.Completions
	if days == nil {
		days = CompletionDays(r.Actions, r.Today)
	}
	var since time.Time
	if r.Previous != nil {
		since = r.Previous.ClosedAt
	}
	return AgencyWorkload(r.Agencies, r.Actions, r.Today, since, days)
}

// Indexes for display, built once per record.
type RecordIndex struct {
	Agencies AgencyIndex
	Members  map[ID]Member
	Hotspots map[ID]Hotspot
	Actions  map[ID]Action
}

func (r *MeetingRecord) Index() RecordIndex {
	idx := RecordIndex{
		Agencies: IndexAgencies(r.Agencies),
		Members:  make(map[ID]Member, len(r.Members)),
		Hotspots: make(map[ID]Hotspot, len(r.Hotspots)),
		Actions:  make(map[ID]Action, len(r.Actions)),
	}
	for _, m := range r.Members {
		idx.Members[m.ID] = m
	}
	for _, h := range r.Hotspots {
		idx.Hotspots[h.ID] = h
	}
	for _, a := range r.Actions {
		idx.Actions[a.ID] = a
	}
	return idx
}

// ReviewedIn is the last update made to each action in the given meeting:
// what matters arising recorded.
func (r *MeetingRecord) ReviewedIn(meetingID ID) map[ID]ActionUpdate {
	return reviewedIn(r.Updates, meetingID)
}

// UpdatesIn is every update made to each action in the given meeting, in
// the order made: what matters arising minutes (an update accepted, then a
// status changed, are both the record).
func (r *MeetingRecord) UpdatesIn(meetingID ID) map[ID][]ActionUpdate {
	out := map[ID][]ActionUpdate{}
	if meetingID == 0 {
		return out
	}
	for _, u := range r.Updates {
		if u.MeetingID == meetingID && u.Kind != UpdateCreated && u.Withdrawn == nil {
			out[u.ActionID] = append(out[u.ActionID], u)
		}
	}
	for id := range out {
		slices.SortStableFunc(out[id], func(a, b ActionUpdate) int { return a.At.Compare(b.At) })
	}
	return out
}

// MattersArising is every action from earlier meetings that is still open,
// those finished since the last meeting (to confirm: FinishedSince), and
// those this meeting has already reviewed (so a just-closed action stays on
// the list with its new status). For a closed meeting, read from its
// frozen record, "still open" is as at the close: the minutes list what was
// before the meeting, reviewed or not. Overdue first (most overdue first),
// then by due date.
func (r *MeetingRecord) MattersArising() []Action {
	var since time.Time
	if r.Previous != nil {
		since = r.Previous.ClosedAt
	}
	return MattersArisingFor(r.Meeting, r.Actions, r.ReviewedIn(r.Meeting.ID), r.Today, since)
}

// FinishedSince: the action was done or cancelled by its agency since the
// last meeting closed (since; zero means there was no last meeting) and, for
// a closed meeting, before it closed — including while the meeting is
// sitting — and not by the meeting itself (inMeeting: the updates this
// meeting made to it; a status change there is minuted as the meeting's
// own). Matters arising lists it "completed since the last meeting —
// confirm", so its completion is minuted.
func FinishedSince(a Action, since time.Time, m Meeting, inMeeting []ActionUpdate) bool {
	if since.IsZero() || !a.Status.IsClosed() {
		return false
	}
	at := a.FinishedAt()
	if !at.After(since) || (m.State == MeetingClosed && !m.ClosedAt.IsZero() && at.After(m.ClosedAt)) {
		return false
	}
	for _, u := range inMeeting {
		if u.Kind == UpdateStatus && u.ToStatus.IsClosed() {
			return false
		}
	}
	return true
}

// MattersArisingFor is the one rule for matters arising, used by the meeting
// and (counted: CountMattersArising) by the home screen. m may be the zero
// Meeting (no meeting under way): then it is every open action.
func MattersArisingFor(m Meeting, actions []Action, reviewed map[ID]ActionUpdate, today Date, since time.Time) []Action {
	var out []Action
	for _, a := range actions {
		if isMatterArising(m, a, reviewed, since) {
			out = append(out, a)
		}
	}
	SortForReview(out, today)
	return out
}

// CountMattersArising is len(MattersArisingFor(…)) without making and
// sorting the list: home counts them each time it is read, which under
// `tasking serve` is after every save.
func CountMattersArising(m Meeting, actions []Action, reviewed map[ID]ActionUpdate, since time.Time) int {
	n := 0
	for _, a := range actions {
		if isMatterArising(m, a, reviewed, since) {
			n++
		}
	}
	return n
}

// isMatterArising is whether a is one of meeting m's matters arising.
func isMatterArising(m Meeting, a Action, reviewed map[ID]ActionUpdate, since time.Time) bool {
	if m.ID != 0 && a.CreatedMeetingID == m.ID {
		return false
	}
	if !m.OpenedAt.IsZero() && a.CreatedAt.After(m.OpenedAt) && a.CreatedMeetingID != 0 {
		return false // made in a later meeting
	}
	if m.State == MeetingClosed && !m.ClosedAt.IsZero() && a.CreatedAt.After(m.ClosedAt) {
		return false // assigned after the meeting closed
	}
	_, seen := reviewed[a.ID]
	return seen || !a.Status.IsClosed() || FinishedSince(a, since, m, nil)
}

// reviewedIn is ReviewedIn over any list of updates.
func reviewedIn(updates []ActionUpdate, meetingID ID) map[ID]ActionUpdate {
	out := map[ID]ActionUpdate{}
	if meetingID == 0 {
		return out
	}
	for _, u := range updates {
		if u.MeetingID == meetingID && u.Kind != UpdateCreated && u.Withdrawn == nil {
			if prev, ok := out[u.ActionID]; !ok || !u.At.Before(prev.At) {
				out[u.ActionID] = u
			}
		}
	}
	return out
}

// SortForReview orders actions overdue first (most overdue first), then by
// due date, then by ref.
//
// It is slices.SortStableFunc(actions, ReviewOrder(today)) in effect
// (TestSortForReviewIsTheStableSort), done on the keys: an Action is a
// large value, and the stable merge moved each many times over (most of
// the minutes' building, with a decade's thousand open actions). Here the
// keys are sorted, ties kept in their order, and each action moved once.
func SortForReview(actions []Action, today Date) {
	type key struct {
		overdue bool
		due     Date
		id      ID
		at      int // where it was: ties keep their order
	}
	keys := make([]key, len(actions))
	for i := range actions {
		a := &actions[i]
		keys[i] = key{a.IsOverdue(today), a.Due, a.ID, i}
	}
	slices.SortFunc(keys, func(x, y key) int {
		switch {
		case x.overdue != y.overdue:
			if x.overdue {
				return -1
			}
			return 1
		case x.due != y.due:
			return x.due.Compare(y.due)
		case x.id != y.id:
			return cmpInt(int(x.id), int(y.id))
		}
		return cmpInt(x.at, y.at)
	})
	// Put each where it belongs, cycle by cycle: position j takes the
	// action that was at keys[j].at.
	for start := range keys {
		if keys[start].at == start || keys[start].at < 0 {
			continue
		}
		held := actions[start]
		j := start
		for {
			from := keys[j].at
			keys[j].at = -1
			if from == start {
				actions[j] = held
				break
			}
			actions[j] = actions[from]
			j = from
		}
	}
}

// ReviewOrder is SortForReview's order as a comparison, for putting one
// changed action back in its place in a list already sorted.
func ReviewOrder(today Date) func(a, b Action) int {
	return func(a, b Action) int {
		ao, bo := a.IsOverdue(today), b.IsOverdue(today)
		if ao != bo {
			if ao {
				return -1
			}
			return 1
		}
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmpInt(int(a.ID), int(b.ID))
	}
}

// ItemActions is what an agenda item shows under "Open actions": the
// hotspot's open actions and anything assigned to it in this meeting
// (hotspotID 0: general actions from this meeting's AOB).
func (r *MeetingRecord) ItemActions(hotspotID ID) []Action {
	var out []Action
	for _, a := range r.Actions {
		if a.HotspotID != hotspotID {
			continue
		}
		if a.CreatedMeetingID == r.Meeting.ID || (hotspotID != 0 && !a.Status.IsClosed() && r.Meeting.State != MeetingClosed) {
			out = append(out, a)
		}
	}
	SortForReview(out, r.Today)
	return out
}

// DealtWithIn is what this meeting did about one hotspot's actions: those
// it assigned under it and those it reviewed (any update made in the
// meeting), as the record has them. A closed meeting's item lists these,
// not "open actions": as read from its frozen record, what is open now
// is another question (OpenActionsOf, over the live actions).
func (r *MeetingRecord) DealtWithIn(hotspotID ID) []Action {
	reviewed := r.ReviewedIn(r.Meeting.ID)
	var out []Action
	for _, a := range r.Actions {
		if a.HotspotID != hotspotID || r.Meeting.ID == 0 {
			continue
		}
		if _, seen := reviewed[a.ID]; seen || a.CreatedMeetingID == r.Meeting.ID {
			out = append(out, a)
		}
	}
	SortForReview(out, r.Today)
	return out
}

// OpenActionsOf is a hotspot's actions not yet done or cancelled, among
// actions, in review order as at today.
func OpenActionsOf(actions []Action, hotspotID ID, today Date) []Action {
	var out []Action
	for _, a := range actions {
		if a.HotspotID == hotspotID && !a.Status.IsClosed() {
			out = append(out, a)
		}
	}
	SortForReview(out, today)
	return out
}

// CreatedIn is the actions this meeting assigned under one item.
func (r *MeetingRecord) CreatedIn(hotspotID ID) []Action {
	var out []Action
	// By index: the minutes ask this of every item, and copying each
	// action (nearly 500 bytes) to look at two fields was most of the cost.
	for i := range r.Actions {
		if a := &r.Actions[i]; a.CreatedMeetingID == r.Meeting.ID && a.HotspotID == hotspotID {
			out = append(out, *a)
		}
	}
	slices.SortFunc(out, func(a, b Action) int { return cmpInt(int(a.ID), int(b.ID)) })
	return out
}

// DecisionsIn is this meeting's decisions under one item.
func (r *MeetingRecord) DecisionsIn(item ItemKind, hotspotID ID) []Decision {
	var out []Decision
	for _, d := range r.Decisions {
		if d.MeetingID == r.Meeting.ID && d.HotspotID == hotspotID && (hotspotID != 0 || d.Item == item) {
			out = append(out, d)
		}
	}
	return out
}

// NotesIn is this meeting's notes under one item.
func (r *MeetingRecord) NotesIn(item ItemKind, hotspotID ID) []Note {
	var out []Note
	for _, n := range r.Notes {
		if n.MeetingID == r.Meeting.ID && n.HotspotID == hotspotID && (hotspotID != 0 || n.Item == item) {
			out = append(out, n)
		}
	}
	return out
}

// Referrals is the hotspots referred in this meeting.
func (r *MeetingRecord) Referrals() []Hotspot {
	var out []Hotspot
	for _, h := range r.Hotspots {
		if h.ReferredInMeeting == r.Meeting.ID && r.Meeting.ID != 0 {
			out = append(out, h)
		}
	}
	return out
}

// HistoryEntry is one line of a hotspot's recent history. Private marks
// private business (a note, decision, action or update made in private or
// marked confidential): it is shown marked, and never leaves through a
// public output.
type HistoryEntry struct {
	At   time.Time
	Kind string // "note", "resolved", "action", "update"
	Text string
	// Words are an update's own words, beside Text's account of what
	// changed ("A-12 due 1 Dec → 15 Dec"): a public view leaves them out.
	Words string
	Privacy
}

// Line is the entry in one line: what changed, then the words.
func (e HistoryEntry) Line() string {
	switch {
	case e.Words == "":
		return e.Text
	case strings.Contains(e.Text, " "):
		return e.Text + ": " + e.Words
	}
	return e.Text + " " + e.Words
}

// HotspotHistory is what happened at a hotspot before this meeting: notes,
// decisions, actions assigned and their updates, newest first, at most limit.
func (r *MeetingRecord) HotspotHistory(hotspotID ID, limit int) []HistoryEntry {
	var out []HistoryEntry
	before := func(t time.Time) bool {
		return r.Meeting.OpenedAt.IsZero() || t.Before(r.Meeting.OpenedAt)
	}
	for _, n := range r.Notes {
		if n.HotspotID == hotspotID && n.MeetingID != r.Meeting.ID && before(n.At) {
			out = append(out, HistoryEntry{At: n.At, Kind: "note", Text: n.Text, Privacy: n.Privacy})
		}
	}
	for _, d := range r.Decisions {
		if d.HotspotID == hotspotID && d.MeetingID != r.Meeting.ID && before(d.At) {
			out = append(out, HistoryEntry{At: d.At, Kind: "resolved", Text: d.Resolved(), Privacy: d.Privacy})
		}
	}
	actions := map[ID]Action{}
	for _, a := range r.Actions {
		if a.HotspotID == hotspotID {
			actions[a.ID] = a
		}
	}
	for _, u := range r.Updates {
		a, ok := actions[u.ActionID]
		if !ok || u.MeetingID == r.Meeting.ID && r.Meeting.ID != 0 || !before(u.At) || u.Withdrawn != nil {
			continue
		}
		switch u.Kind {
		case UpdateReview:
			// "reviewed, no change" says nothing about the hotspot
		case UpdateCreated:
			out = append(out, HistoryEntry{At: u.At, Kind: "action", Text: a.Ref() + " " + a.Text, Privacy: a.Privacy})
		default:
			out = append(out, HistoryEntry{At: u.At, Kind: "update", Text: strings.TrimSpace(a.Ref() + " " + u.Change()), Words: u.Words(), Privacy: a.Privacy.Stricter(u.Privacy)})
		}
	}
	slices.SortStableFunc(out, func(a, b HistoryEntry) int { return b.At.Compare(a.At) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// AgencyLoad is one agency's line in the accountability table.
type AgencyLoad struct {
	Agency       Agency
	Open         int // not done or cancelled
	Overdue      int
	DoneSince    int // done since the last meeting
	UpdatedSince int // open or done since, with an update since the last meeting
	// MedianDaysToComplete is the median days from assigned to done over the
	// agency's actions done in the last year (CompletionWindow); -1 when it
	// has none. A year, not the whole record: how an agency works now.
	MedianDaysToComplete int
}

// CompletionWindow is how far back the median days to complete looks.
const CompletionWindow = 365

// CompletionsFrom is when the completion window opens, as at today.
func CompletionsFrom(today Date) time.Time { return today.AddDays(-CompletionWindow).Time(time.Local) }

// CompletionDays is, per agency, the days each action done in the window
// took (from assigned to done): what the median is taken over. Stores read
// it from an index; this is the same from a list of actions.
func CompletionDays(actions []Action, today Date) map[ID][]int {
	from := CompletionsFrom(today)
	out := map[ID][]int{}
	for _, a := range actions {
		if a.Status == StatusDone && !a.CompletedOn.IsZero() && !a.FinishedAt().Before(from) {
			out[a.AgencyID] = append(out[a.AgencyID], a.DaysToComplete())
		}
	}
	return out
}

// DaysToComplete is the days from assignment to done (0 if not done).
func (a Action) DaysToComplete() int {
	if a.Status != StatusDone || a.CompletedOn.IsZero() {
		return 0
	}
	return max(DateOf(a.CreatedAt).DaysUntil(a.CompletedOn), 0)
}

// SinceLastMeeting is when "since the last meeting" begins: when the last
// meeting closed (its date, for records from before the time was kept);
// zero when there was none.
func SinceLastMeeting(last *Meeting) time.Time {
	if last == nil {
		return time.Time{}
	}
	if last.ClosedAt.IsZero() {
		return last.Date.Time(time.Local)
	}
	return last.ClosedAt
}

// AgencyWorkload is the accountability table: each agency's open, overdue,
// done since and updated since the last meeting (since: when it closed;
// zero counts nothing as recent), and the median days it takes to finish an
// action (days: CompletionDays). actions need only be those open and those
// finished since. Agencies with nothing open or done are left out; the most
// overdue (then most open) come first.
func AgencyWorkload(agencies []Agency, actions []Action, today Date, since time.Time, days map[ID][]int) []AgencyLoad {
	loads := make(map[ID]*AgencyLoad, len(agencies))
	for _, a := range agencies {
		loads[a.ID] = &AgencyLoad{Agency: a, MedianDaysToComplete: -1}
	}
	sinceDate := DateOf(since)
	for _, a := range actions {
		l, ok := loads[a.AgencyID]
		if !ok {
			continue
		}
		if !a.Status.IsClosed() {
			l.Open++
		}
		if a.IsOverdue(today) {
			l.Overdue++
		}
		if a.Status == StatusDone && !a.CompletedOn.IsZero() {
			// Done since the last meeting closed (work finished in the
			// meeting itself is not news). Older records have only a date.
			done := a.CompletedOn.After(sinceDate)
			if !a.CompletedAt.IsZero() {
				done = a.CompletedAt.After(since)
			}
			if !since.IsZero() && done {
				l.DoneSince++
			}
		}
		if !since.IsZero() && a.NewsAt().After(since) && (a.Status != StatusCancelled) {
			l.UpdatedSince++
		}
	}
	var out []AgencyLoad
	for _, a := range agencies {
		l := loads[a.ID]
		if d := slices.Clone(days[a.ID]); len(d) > 0 {
			slices.Sort(d)
			l.MedianDaysToComplete = (d[(len(d)-1)/2] + d[len(d)/2]) / 2
		}
		if l.Open+l.DoneSince > 0 {
			out = append(out, *l)
		}
	}
	slices.SortStableFunc(out, func(a, b AgencyLoad) int {
		if a.Overdue != b.Overdue {
			return cmpInt(b.Overdue, a.Overdue)
		}
		if a.Open != b.Open {
			return cmpInt(b.Open, a.Open)
		}
		return strings.Compare(a.Agency.Name, b.Agency.Name)
	})
	return out
}

// MembersByAgency groups members under their agencies in agency order, for
// attendance and the minutes' "Present" list.
type AgencyMembers struct {
	Agency  Agency
	Members []Member
}

func MembersByAgency(agencies []Agency, members []Member) []AgencyMembers {
	var out []AgencyMembers
	for _, a := range agencies {
		g := AgencyMembers{Agency: a}
		for _, m := range members {
			if m.AgencyID == a.ID {
				g.Members = append(g.Members, m)
			}
		}
		if len(g.Members) > 0 {
			out = append(out, g)
		}
	}
	return out
}

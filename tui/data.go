package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Store is everything the TUI asks of the database: every store.Record is
// one. Every call happens inside a tea.Cmd, never in View.
type Store interface {
	IsEmpty() (bool, error)
	Home() (model.HomeSummary, error)
	HomeSince(tx uint64) (model.HomeSummary, error)
	MeetingRecord(id model.ID) (model.MeetingRecord, error)
	// MinutesRecord is what a meeting's minutes are made from: frozen at close.
	MinutesRecord(id model.ID) (model.MeetingRecord, error)
	HotspotRecord(id model.ID) (model.Hotspot, model.MeetingRecord, error)
	HotspotSeries(id model.ID) (model.Series, error)
	Members() ([]model.Member, error)
	Agencies() ([]model.Agency, error)
	Hotspots() ([]model.Hotspot, error)
	Hotspot(id model.ID) (model.Hotspot, error)
	HotspotsOf(ids []model.ID) (map[model.ID]model.Hotspot, error)
	Powers(f model.PowerFilter) ([]model.Power, error)
	RecordCaseReview(actor model.Actor, n model.NewCaseReview, meetingID model.ID) (model.CaseReview, error)
	AcceptSuggestion(actor model.Actor, key string, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error)
	DismissSuggestion(actor model.Actor, key string) (model.Dismissal, error)
	DecideCaseReview(actor model.Actor, id model.ID, version int, on model.Date, met bool, reason string) (model.CaseReview, error)
	AnswerCaseReview(actor model.Actor, id model.ID, version int, on model.Date, outcome string) (model.CaseReview, error)
	IncidentPlaces() ([]model.PlaceSeries, error)
	ResolveMeeting(ref string) (model.Meeting, error)
	Subscribe() (<-chan store.Change, func())
	Now() time.Time
	Today() model.Date
	Path() string

	LinkHotspotArea(actor model.Actor, id model.ID, version int, a model.HotspotArea, meetingID model.ID) (model.Hotspot, error)
	UnlinkHotspotArea(actor model.Actor, id model.ID, version int, which model.HotspotArea, meetingID model.ID) (model.Hotspot, error)
	SetHotspotCount(actor model.Actor, id model.ID, version int, month model.Month, count *int, meetingID model.ID) (model.Hotspot, error)

	AddMemberKeys(actor model.Actor, memberID model.ID, keys []string) (model.Member, []string, error)
	RemoveMemberKey(actor model.Actor, memberID model.ID, fingerprint string) (model.Member, error)

	Setup(in store.SetupInput) (model.Member, error)
	Seed(actor model.Actor, d store.Dataset) error

	StartMeeting(actor model.Actor, date model.Date) (model.Meeting, error)
	GoToItem(actor model.Actor, id model.ID, i int) (model.Meeting, error)
	SetAttendance(actor model.Actor, id, member model.ID, status model.AttendanceStatus) (model.Meeting, error)
	MarkRemainingPresent(actor model.Actor, id model.ID) (model.Meeting, error)
	AddGuest(actor model.Actor, id model.ID, shown *model.MeetingPart, g model.Guest) (model.Meeting, error)
	RemoveGuest(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error)
	RecordConfidentiality(actor model.Actor, id model.ID) (model.Meeting, error)
	AddDeclaration(actor model.Actor, id, member model.ID, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error)
	AddGuestDeclaration(actor model.Actor, id model.ID, guest string, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error)
	SetNoDeclarations(actor model.Actor, id model.ID) (model.Meeting, error)
	WithdrawDeclaration(actor model.Actor, id model.ID, i int) (model.Meeting, error)
	ApprovePreviousMinutes(actor model.Actor, id model.ID) (model.Decision, error)
	MoveAgendaItem(actor model.Actor, id model.ID, i, delta int, shown *model.MeetingPart) (model.Meeting, error)
	DropAgendaItem(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error)
	AddAgendaHotspot(actor model.Actor, id, hotspot model.ID) (model.Meeting, error)
	SetNextMeeting(actor model.Actor, id model.ID, shown *model.NextMeeting, date model.Date, clock, place string) (model.Meeting, error)
	CloseMeeting(actor model.Actor, id model.ID) (model.Meeting, error)
	// LastAutoBackup is where the automatic backup after a close went.
	LastAutoBackup() (string, error)
	SetItemPart2(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, part2 bool, para model.ExemptParagraph) (model.Meeting, error)
	// BackToPart1 says what taking a Part 2 item back would make public.
	BackToPart1(meetingID model.ID, i int) (model.BackToPart1, error)
	Release(actor model.Actor, ref, reason string) (model.Decision, error)
	Amend(actor model.Actor, ref string, text, reason string) (model.Amendment, error)

	AssignAction(actor model.Actor, n model.NewAction) (model.Action, error)
	SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error)
	ChangeDue(actor model.Actor, id model.ID, version int, due model.Date, reason string, meetingID model.ID) (model.Action, error)
	CorrectUpdate(actor model.Actor, id model.ID, version int, text, reason string) (model.Action, error)
	WithdrawUpdate(actor model.Actor, id model.ID, version int, reason string) (model.Action, error)
	AddActionNote(actor model.Actor, id model.ID, version int, text string, meetingID model.ID) (model.Action, error)
	MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error)
	AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error)
	Actions(f model.ActionFilter) ([]model.Action, error)
	NextMeetingDate() (model.Date, error)
	HotspotHistory(meetingID, hotspotID model.ID, limit int) ([]model.HistoryEntry, error)
	ActionHistory(id model.ID) ([]model.ActionUpdate, error)
	// Action is one action as it is now: a change patched into a list.
	Action(id model.ID) (model.Action, error)

	AddHotspot(actor model.Actor, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error)
	SetHotspotRisk(actor model.Actor, id model.ID, version int, risk model.Risk, reason string, meetingID model.ID) (model.Hotspot, error)
	AssessHotspot(actor model.Actor, id model.ID, version int, a model.RiskAssessment, reason string, meetingID model.ID) (model.Hotspot, error)
	RecordPower(actor model.Actor, n model.NewPower, meetingID model.ID) (model.Power, error)
	SetHotspotStatus(actor model.Actor, id model.ID, version int, status model.HotspotStatus, meetingID model.ID) (model.Hotspot, error)
	CloseHotspot(actor model.Actor, id model.ID, version int, reason string, meetingID model.ID, then model.OpenActions) (model.Hotspot, error)

	RecordDecision(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error)
	RecordNote(actor model.Actor, meetingID model.ID, n model.NewNote) (model.Note, error)
	Undo(actor model.Actor, meetingID model.ID) (string, error)
	UndoChange(actor model.Actor, meetingID model.ID, key uint64) (string, error)
	UndoChoices(actor model.Actor, meetingID model.ID) ([]model.Undoable, error)
	SetItemBudget(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, minutes int) (model.Meeting, error)

	// People and the partnership (the people screen).
	Partnership() (model.Partnership, error)
	AddMember(actor model.Actor, n model.NewMember) (model.Member, error)
	EditMember(actor model.Actor, id model.ID, version int, n model.NewMember) (model.Member, error)
	RetireMember(actor model.Actor, id model.ID) (model.Member, error)
	AddAgency(actor model.Actor, name, short string) (model.Agency, error)
	RenameAgency(actor model.Actor, id model.ID, version int, name, short string) (model.Agency, error)
	RetireAgency(actor model.Actor, id model.ID) (model.Agency, error)
	SetPartnership(actor model.Actor, version int, p model.Partnership) (model.Partnership, error)
}

var _ Store = store.Record(nil)

// Messages from commands back to Update.
type (
	// changeMsg: another write committed (this session's or anyone's).
	changeMsg store.Change
	// feedClosedMsg: the store is closing.
	feedClosedMsg struct{}
	emptyMsg      struct{ empty bool }
	// savedMsg: a write this session asked for has committed.
	savedMsg struct {
		formID int
		what   string
		nav    bool
		action model.ID // the action written, if any: its save is no longer pending
		result any
	}
	// failedMsg: a write or read failed. formID routes the message to the
	// form it was typed in, if any.
	failedMsg struct {
		formID int
		nav    bool
		write  bool // a queued write (counted in "saving…")
		action model.ID
		err    error
	}
	tickMsg time.Time
)

// waitForChange turns the store's change feed into messages, one at a time.
func waitForChange(ch <-chan store.Change) tea.Cmd {
	return func() tea.Msg {
		c, ok := <-ch
		if !ok {
			return feedClosedMsg{}
		}
		return changeMsg(c)
	}
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// writeQueue runs this session's writes one at a time, in the order the
// keys were pressed. Each write is queued synchronously in Update and its
// command only waits for the answer, so two quick keypresses (] ]) can never
// commit out of order and leave the record behind the screen.
type writeQueue struct {
	jobs chan func()
	done chan struct{}
}

func newWriteQueue() *writeQueue {
	q := &writeQueue{jobs: make(chan func(), 256), done: make(chan struct{})}
	go func() {
		defer close(q.done)
		for job := range q.jobs {
			job()
		}
	}()
	return q
}

// close lets queued writes finish, then stops.
func (q *writeQueue) close() {
	close(q.jobs)
	<-q.done
}

type writeResult struct {
	res any
	err error
}

// enqueue queues write and returns a command that waits for its result.
func (a *App) enqueue(write func() (any, error), done func(writeResult) tea.Msg) tea.Cmd {
	a.saving++
	ch := make(chan writeResult, 1)
	a.writes.jobs <- func() {
		// A bug in one save must not take the process down (under tasking
		// serve that is everyone's session): it fails that save, in words.
		defer func() {
			if r := recover(); r != nil {
				ch <- writeResult{err: fmt.Errorf("internal error while saving (%v): nothing was saved", r)}
			}
		}()
		res, err := write()
		ch <- writeResult{res, err}
	}
	return func() tea.Msg { return done(<-ch) }
}

// save runs a write. The screen shows "saving…" until the answer comes back,
// and "saved" only after the commit. formID routes a failure to its form.
func (a *App) save(formID int, what string, write func() (any, error)) tea.Cmd {
	return a.enqueue(write, func(r writeResult) tea.Msg {
		if r.err != nil {
			return failedMsg{formID: formID, write: true, err: r.err}
		}
		return savedMsg{formID: formID, what: what, result: r.res}
	})
}

// saveAction is save for a change to one action. While it is in flight the
// action is "pending": a second key on it waits (see actionBusy), because it
// would carry the version the first change is about to replace.
func (a *App) saveAction(formID int, what string, id model.ID, write func() (any, error)) tea.Cmd {
	if a.pending == nil {
		a.pending = map[model.ID]int{}
	}
	a.pending[id]++
	return a.enqueue(write, func(r writeResult) tea.Msg {
		if r.err != nil {
			return failedMsg{formID: formID, write: true, action: id, err: r.err}
		}
		return savedMsg{formID: formID, what: what, action: id, result: r.res}
	})
}

// actionBusy says (and flashes) whether a change to the action is still
// being saved.
func (a *App) actionBusy(act model.Action) bool {
	if a.pending[act.ID] > 0 {
		a.flash, a.flashErr = "still saving "+act.Ref()+"…", true
		return true
	}
	return false
}

// navigate is save for moving around the agenda.
func (a *App) navigate(write func() (any, error)) tea.Cmd {
	return a.enqueue(write, func(r writeResult) tea.Msg {
		if r.err != nil {
			return failedMsg{nav: true, err: r.err}
		}
		return savedMsg{nav: true, result: r.res}
	})
}

package model

import (
	"fmt"
	"time"
)

// What each change to a hotspot does to it, and what the minutes say when
// it is made in a meeting. A store loads the hotspot, asks one of these
// inside its write transaction and saves the result.

// SetRisk changes h's risk level, with the reason, and returns the minute.
// Only low, medium and high are levels. The level it has already is a
// change only with a new reason (the group re-assessed it and kept it:
// minuted "Risk kept at …"); an empty reason keeps the reason it had.
func (h *Hotspot) SetRisk(risk Risk, reason string) (string, error) {
	if risk < RiskLow || risk > RiskHigh {
		return "", Invalid("risk", "choose low, medium or high")
	}
	if h.Risk == risk && (reason == "" || reason == h.RiskReason) {
		return "", Invalid("risk", "%s is already %s risk", h.Ref(), risk)
	}
	minute := fmt.Sprintf("Risk changed from %s to %s", h.Risk, risk)
	if h.Risk == risk {
		minute = fmt.Sprintf("Risk kept at %s", risk)
	}
	minute = EndSentence(Labelled(minute, Clause(reason)))
	h.Risk = risk
	if reason != "" {
		h.RiskReason = reason
	}
	return minute, nil
}

// SetStatus moves h between new, active and monitoring and returns the
// minute. Closing needs the group's reason and says what happens to its
// open actions (Close), so it is refused here; the status it has already is
// no change. Moving a closed hotspot reopens it: its closing date and
// reason go.
func (h *Hotspot) SetStatus(status HotspotStatus) (string, error) {
	switch {
	case status == HotspotClosed:
		return "", Invalid("status", "closing a hotspot needs a reason: use close")
	case h.Status == status:
		return "", Invalid("status", "%s is already %s", h.Ref(), status)
	}
	minute := fmt.Sprintf("Status changed from %s to %s.", h.Status, status)
	if h.Status == HotspotClosed {
		h.Closed, h.CloseReason = Date{}, ""
		minute = fmt.Sprintf("Reopened as %s.", status)
	}
	h.Status = status
	return minute, nil
}

// SetSARA moves h to a stage of the problem-solving cycle and returns the
// minute; the stage it is at already is no change.
func (h *Hotspot) SetSARA(stage SARAStage) (string, error) {
	if h.SARA == stage {
		return "", Invalid("sara", "%s is already at %s", h.Ref(), stage)
	}
	h.SARA = stage
	return fmt.Sprintf("Moved to the %s stage.", stage), nil
}

// OpenActionsError: a hotspot cannot close while it has open actions, until
// the chair says what happens to them.
type OpenActionsError struct {
	Hotspot string
	Refs    []string
}

func (e *OpenActionsError) Error() string { return OpenActionsLine(e.Hotspot, e.Refs) }

// Close closes h on day on with the reason the group agreed, and returns
// the minute. open are its actions not yet done or cancelled: with any, it
// closes only when the chair has said what happens to them (then) — they
// are cancelled with it, or continue as general business (see
// OpenActions.Apply) — and the minute says which; otherwise an
// OpenActionsError names them and nothing closes. A closed hotspot is not
// closed again.
func (h *Hotspot) Close(reason string, on Date, open []Action, then OpenActions) (string, error) {
	if h.Status == HotspotClosed {
		return "", Invalid("status", "%s is already closed", h.Ref())
	}
	refs := make([]string, len(open))
	var public []string
	private := 0
	for i, a := range open {
		refs[i] = a.Ref()
		if a.Private {
			private++
		} else {
			public = append(public, a.Ref())
		}
	}
	if len(open) > 0 && then == OpenActionsRefuse {
		return "", &OpenActionsError{Hotspot: h.Ref(), Refs: refs}
	}
	h.Status, h.Closed, h.CloseReason = HotspotClosed, on, reason
	return HotspotClosedLine(reason, public, private, then), nil
}

// Apply is what closing hotspot h (with the group's reason) does to one of
// its open actions, as the chair chose, and the history entry it makes:
// cancelled, with "Hotspot closed: " and the reason as why; or taken off
// the hotspot to continue as general business, with a note saying so.
// Refusing changes no action (Close refuses first).
func (o OpenActions) Apply(a *Action, h Hotspot, reason string, meetingID ID, at time.Time) (ActionUpdate, error) {
	switch o {
	case OpenActionsClose:
		return a.SetStatus(StatusCancelled, Labelled("Hotspot closed", reason, "closed"), meetingID, at)
	case OpenActionsGeneral:
		u := ActionUpdate{Kind: UpdateNote, Text: "Moved to general business: " + h.Ref() + " closed", MeetingID: meetingID}
		// Off the hotspot nothing would say it was private business: the
		// action carries that itself, for good.
		a.Privacy = CarryOut(a.Privacy, h)
		a.HotspotID = 0
		return u, nil
	}
	return ActionUpdate{}, Invalid("actions", "%s: open actions are closed with the hotspot or moved to general business", h.Ref())
}

// MarkReviewed records that the meeting of day on reviewed h (it went to
// it, or recorded business under it), and says whether that is news: a
// hotspot already reviewed on that day or later — a meeting's record
// re-closed, or an older meeting — is not counted again.
func (h *Hotspot) MarkReviewed(on Date) bool {
	if !h.LastReviewed.Before(on) {
		return false
	}
	h.LastReviewed = on
	h.TimesReviewed++
	return true
}

// CheckOnAgenda refuses to put a closed hotspot on a meeting's agenda: the
// group is no longer working on it (reopen it first).
func (h Hotspot) CheckOnAgenda() error {
	if !h.IsOpen() {
		return Invalid("ref", "%s is closed", h.Ref())
	}
	return nil
}

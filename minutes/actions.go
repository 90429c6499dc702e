package minutes

import (
	"github.com/ccsp/tasking/model"
)

// generalHotspot is what the Hotspot column says for an action under no
// hotspot (assigned in any other business).
const generalHotspot = "General"

// actionRows are the rows for actions; withheld: the public version left
// some out.
func (b *builder) actionRows(actions []model.Action) (out []ActionRow, withheld bool) {
	for _, a := range actions {
		if b.withholdAction(a) {
			withheld = true
			continue
		}
		out = append(out, b.actionRow(a))
	}
	return out, withheld
}

// withholdAction: the public version leaves the action out (model.Disclosure
// decides); each one is counted once for the notice.
func (b *builder) withholdAction(a model.Action) bool {
	if b.rules.Action(a) {
		return false
	}
	b.actionsWithheld[a.ID] = true // counted in both versions
	return b.public
}

func (b *builder) actionRow(a model.Action) ActionRow {
	today := b.rec.Today
	agency := line(b.idx.Agencies.Label(a.AgencyID))
	row := ActionRow{Ref: a.Ref(), Hotspot: generalHotspot, Text: text(a.Text), Owner: agency, Agency: agency,
		Due: a.Due, Status: a.Status.Label(), Overdue: a.IsOverdue(today), RAG: string(a.RAGFor(today)),
		Marking: b.marking(b.rules.ActionPrivacy(a))}
	// The owner is the agency's short label, with the named officer when
	// there is one: "Police (PCSO Nadia Khan)". Public minutes name agencies,
	// not officers.
	if o := line(a.Officer); o != "" && (!b.public || b.rules.Officer()) {
		row.Officer = o
		row.Owner += " (" + o + ")"
	}
	if a.HotspotID != 0 {
		row.Hotspot = model.HotspotRef(a.HotspotID)
	}
	if row.Overdue {
		row.Status += " (overdue)"
	}
	return row
}

// actionLog is the appendix: every action still open, and every action this
// meeting assigned or reviewed (so a just-finished one shows its outcome),
// overdue first, then by due date. For a closed meeting, actions assigned
// after it closed belong to later minutes and are left out.
func (b *builder) actionLog() []ActionRow {
	m := b.rec.Meeting
	closed := m.State == model.MeetingClosed
	var log []model.Action
	for _, a := range b.rec.Actions {
		_, reviewed := b.reviewed[a.ID]
		if (m.ID != 0 && a.CreatedMeetingID == m.ID) || reviewed {
			log = append(log, a)
			continue
		}
		if a.Status.IsClosed() || (closed && a.CreatedAt.After(m.ClosedAt)) {
			continue
		}
		log = append(log, a)
	}
	model.SortForReview(log, b.rec.Today)
	rows, _ := b.actionRows(log)
	return rows
}

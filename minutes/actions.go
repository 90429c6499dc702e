package minutes

import (
	"github.com/ccsp/tasking/model"
)

// generalHotspot is what the Hotspot column says for an action under no
// hotspot (assigned in any other business).
const generalHotspot = "General"

func (b *builder) actionRows(actions []model.Action) []ActionRow {
	var out []ActionRow
	for _, a := range actions {
		out = append(out, b.actionRow(a))
	}
	return out
}

func (b *builder) actionRow(a model.Action) ActionRow {
	today := b.rec.Today
	row := ActionRow{Ref: a.Ref(), Hotspot: generalHotspot, Text: text(a.Text), Owner: b.owner(a), Due: a.Due,
		Status: a.Status.Label(), Overdue: a.IsOverdue(today)}
	if a.HotspotID != 0 {
		row.Hotspot = model.HotspotRef(a.HotspotID)
	}
	if row.Overdue {
		row.Status += " (overdue)"
	}
	return row
}

// owner is the agency's short label, with the named officer when there is one:
// "Police (PCSO Nadia Khan)".
func (b *builder) owner(a model.Action) string {
	s := line(b.idx.Agencies.Label(a.AgencyID))
	if o := line(a.Officer); o != "" {
		s += " (" + o + ")"
	}
	return s
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
	return b.actionRows(log)
}

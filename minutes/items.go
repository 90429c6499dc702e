package minutes

import (
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
)

// items makes the numbered minutes, one per agenda item in agenda order.
//
// Numbering: attendance (Present, Apologies) is minuted in the heading, as
// council minutes list those present before the first minute, so the
// Attendance agenda item gets no number and the minutes are numbered 1..N
// from the next item (normally "1. Declarations of interest"). So minute N is
// agenda item N+1 on the meeting screen, until a dropped hotspot's business is
// added back (see agenda).
func (b *builder) items() []Item {
	var out []Item
	n := 0
	for _, it := range b.agenda() {
		if it.Kind == model.ItemAttendance {
			continue
		}
		n++
		out = append(out, b.item(n, it))
	}
	return out
}

// agenda is the meeting's agenda, plus any hotspot that has notes, decisions
// or actions from this meeting but is no longer on it (dropped after being
// discussed): the minutes are the record, so nothing said may vanish. Those
// go after the hotspot walk, before new referrals. A meeting that has not
// started has no agenda yet; its draft shows the standing items.
func (b *builder) agenda() []model.AgendaItem {
	m := b.rec.Meeting
	agenda := slices.Clone(m.Agenda)
	if len(agenda) == 0 {
		agenda = model.BuildAgenda(nil)
	}
	var stray []model.ID
	add := func(meetingID, hotspotID model.ID) {
		if meetingID == m.ID && hotspotID != 0 && !m.HasHotspot(hotspotID) && !slices.Contains(stray, hotspotID) {
			stray = append(stray, hotspotID)
		}
	}
	for _, n := range b.rec.Notes {
		add(n.MeetingID, n.HotspotID)
	}
	for _, d := range b.rec.Decisions {
		add(d.MeetingID, d.HotspotID)
	}
	for _, a := range b.rec.Actions {
		add(a.CreatedMeetingID, a.HotspotID)
	}
	if len(stray) == 0 {
		return agenda
	}
	slices.Sort(stray)
	at := slices.IndexFunc(agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemReferrals })
	if at < 0 {
		at = len(agenda)
	}
	extra := make([]model.AgendaItem, len(stray))
	for i, id := range stray {
		extra[i] = model.AgendaItem{Kind: model.ItemHotspot, HotspotID: id}
	}
	return slices.Insert(agenda, at, extra...)
}

// item is one numbered minute. Every item carries the notes and resolutions
// recorded under it; each kind adds what it is about.
func (b *builder) item(n int, it model.AgendaItem) Item {
	rec := b.rec
	out := Item{Number: n, Kind: it.Kind, Title: line(model.ItemTitle(it, b.idx.Hotspots)),
		Notes: b.notes(it.Kind, it.HotspotID), Resolutions: b.resolutions(it.Kind, it.HotspotID)}
	switch it.Kind {
	case model.ItemDeclarations:
		out.Declarations = b.declarations()
		if len(out.Declarations) == 0 {
			out.Statement = "No declarations of interest were received."
		}
	case model.ItemMinutes:
		if len(out.Resolutions) == 0 {
			out.Statement = b.minutesNotApproved()
		}
	case model.ItemMatters:
		for _, a := range rec.MattersArising() {
			row := MatterRow{ActionRow: b.actionRow(a)}
			if u, ok := b.reviewed[a.ID]; ok {
				row.Update = line(u.Describe())
			}
			out.Matters = append(out.Matters, row)
		}
		if len(out.Matters) == 0 {
			// A closed meeting lists only what it reviewed; "no matters
			// arising" would be false if open actions were simply not reached.
			out.Statement = "There were no matters arising."
			if rec.Meeting.State == model.MeetingClosed && rec.Meeting.PreviousMeetingID != 0 {
				out.Statement = "No actions from earlier meetings were reviewed at this meeting."
			}
		}
	case model.ItemHotspot:
		if h, ok := b.idx.Hotspots[it.HotspotID]; ok {
			facts := b.hotspot(h)
			out.Hotspot = &facts
		}
		out.Actions = b.actionRows(rec.CreatedIn(it.HotspotID))
		if len(out.Notes)+len(out.Resolutions)+len(out.Actions) == 0 {
			out.Statement = "No update was recorded."
		}
	case model.ItemReferrals:
		for _, h := range rec.Referrals() {
			out.Referrals = append(out.Referrals, b.hotspot(h))
		}
		if len(out.Referrals) == 0 {
			out.Statement = "There were no new referrals."
		}
	case model.ItemAOB:
		out.Actions = b.actionRows(rec.CreatedIn(0))
		if len(out.Notes)+len(out.Resolutions)+len(out.Actions) == 0 {
			out.Statement = "There was no other business."
		}
	case model.ItemNextMeeting:
		out.Statement = nextMeeting(rec.Meeting)
	}
	return out
}

func (b *builder) notes(kind model.ItemKind, hotspotID model.ID) []Note {
	var out []Note
	for _, n := range b.rec.NotesIn(kind, hotspotID) {
		if t := text(n.Text); t != "" {
			out = append(out, Note{Text: model.Sentence(t), Confidential: n.Confidential})
		}
	}
	return out
}

func (b *builder) resolutions(kind model.ItemKind, hotspotID model.ID) []Resolution {
	var out []Resolution
	for _, d := range b.rec.DecisionsIn(kind, hotspotID) {
		if t := text(d.Text); t != "" {
			out = append(out, Resolution{Ref: d.Ref(), Text: fullStop(t), Part2: d.Part2})
		}
	}
	return out
}

func (b *builder) declarations() []Declaration {
	var out []Declaration
	for _, d := range b.rec.Meeting.Declarations {
		name := line(d.Name)
		if name == "" {
			if mem, ok := b.idx.Members[d.MemberID]; ok {
				name = line(mem.Name)
			}
		}
		out = append(out, Declaration{Name: name, Text: text(d.Text)})
	}
	return out
}

func (b *builder) minutesNotApproved() string {
	rec := b.rec
	switch {
	case rec.Previous != nil && !rec.Previous.Date.IsZero():
		return "The minutes of the previous meeting, held on " + rec.Previous.Date.Long() + ", were not yet approved."
	case rec.Previous != nil || rec.Meeting.PreviousMeetingID != 0:
		return "The minutes of the previous meeting were not yet approved."
	}
	return "There was no previous meeting, so there were no minutes to approve."
}

func (b *builder) hotspot(h model.Hotspot) Hotspot {
	return Hotspot{Ref: h.Ref(), Title: line(h.Title), Ward: line(h.Ward), Risk: h.Risk.String(),
		Status: string(h.Status), LeadAgency: line(b.idx.Agencies.Name(h.LeadAgencyID))}
}

// nextMeeting is the whole sentence under "Date of next meeting".
func nextMeeting(m model.Meeting) string {
	if m.NextDate.IsZero() {
		return "To be arranged."
	}
	s := m.NextDate.Long()
	if t := line(m.NextTime); t != "" {
		s += " at " + t
	}
	if p := strings.TrimRight(line(m.NextPlace), "."); p != "" {
		s += ", " + p
	}
	return s + "."
}

// fullStop ends a resolution as a sentence, as council minutes do; the chair
// rarely types the stop.
func fullStop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

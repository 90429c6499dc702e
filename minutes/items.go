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
// Attendance agenda item gets no number. The others are numbered on from the
// record's FirstMinute, which carries the numbers through the municipal
// year: exactly FirstMinute .. FirstMinute+Meeting.MinuteCount()-1. The
// public version numbers the same way and leaves gaps where it leaves items
// out.
func (b *builder) items() []Item {
	var out []Item
	n := firstMinute(*b.rec) - 1
	for _, it := range b.agenda {
		if it.Kind == model.ItemAttendance {
			continue
		}
		n++
		if b.public && b.privateItem(it) {
			continue
		}
		out = append(out, b.item(n, it))
	}
	return out
}

// privateItem: an item the public version leaves out whole. A Part 2 item,
// and the item of a new referral about an individual (its title would name
// the very case the referral list leaves out).
func (b *builder) privateItem(it model.AgendaItem) bool {
	return it.Part2 || (it.Kind == model.ItemHotspot && b.personalReferral(it.HotspotID))
}

// personal: the hotspot is in the personal ASB category (targeted at an
// individual or group): its details identify people.
func (b *builder) personal(hotspotID model.ID) bool {
	h, ok := b.idx.Hotspots[hotspotID]
	return ok && h.Category == model.CategoryPersonal
}

func (b *builder) personalReferral(hotspotID model.ID) bool {
	h, ok := b.idx.Hotspots[hotspotID]
	return ok && b.rec.Meeting.ID != 0 && h.ReferredInMeeting == b.rec.Meeting.ID && h.Category == model.CategoryPersonal
}

// agendaItem is the item of the given kind (and hotspot), if on the agenda.
func (b *builder) agendaItem(kind model.ItemKind, hotspotID model.ID) (model.AgendaItem, bool) {
	for _, it := range b.agenda {
		if it.Kind == kind && (kind != model.ItemHotspot || it.HotspotID == hotspotID) {
			return it, true
		}
	}
	return model.AgendaItem{}, false
}

// privateItems counts what the public version leaves out as private
// business, each piece once: Part 2 agenda items; Part 2 resolutions under
// Part 1 items it shows; new referrals in the personal category, unless
// they are already inside a Part 2 item (their own, or "New referrals" when
// they have no item of their own).
func (b *builder) privateItems() int {
	n := 0
	for _, it := range b.agenda {
		if it.Kind == model.ItemAttendance {
			continue
		}
		if it.Part2 {
			n++
			continue
		}
		if it.Kind == model.ItemHotspot && b.personalReferral(it.HotspotID) {
			continue // counted below, once, as a referral
		}
		for _, d := range b.rec.DecisionsIn(it.Kind, it.HotspotID) {
			if d.Part2 && text(d.Text) != "" {
				n++
			}
		}
	}
	for _, h := range b.rec.Referrals() {
		if h.Category != model.CategoryPersonal {
			continue
		}
		if own, ok := b.agendaItem(model.ItemHotspot, h.ID); ok {
			if !own.Part2 {
				n++
			}
			continue
		}
		if refs, ok := b.agendaItem(model.ItemReferrals, 0); ok && !refs.Part2 {
			n++
		}
	}
	return n
}

// item is one numbered minute. Every item carries the notes and resolutions
// recorded under it; each kind adds what it is about. withheld says the
// public version left something out of it, so a "nothing was recorded"
// statement would not be true.
func (b *builder) item(n int, it model.AgendaItem) Item {
	rec := b.rec
	out := Item{Number: n, Kind: it.Kind, Title: line(model.ItemTitle(it, b.idx.Hotspots)), Part2: it.Part2}
	var withheld bool
	out.Notes, withheld = b.notes(it.Kind, it.HotspotID)
	var w bool
	out.Resolutions, w = b.resolutions(it.Kind, it.HotspotID)
	withheld = withheld || w
	switch it.Kind {
	case model.ItemDeclarations:
		out.Declarations = b.declarations()
		if len(out.Declarations) == 0 {
			out.Statement = "No declarations of interest were received."
		}
	case model.ItemMinutes:
		if len(out.Resolutions) == 0 {
			out.Statement = b.minutesNotApproved()
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemMatters:
		updates := rec.UpdatesIn(rec.Meeting.ID)
		for _, a := range rec.MattersArising() {
			if b.privateAction(a) {
				withheld = true
				continue
			}
			row := MatterRow{ActionRow: b.actionRow(a)}
			// Everything the meeting did to it, in order: an update accepted
			// and then a status changed are both the record.
			var said []string
			for _, u := range updates[a.ID] {
				if d := b.describe(u); d != "" && !slices.Contains(said, d) {
					said = append(said, d)
				}
			}
			row.Update = strings.Join(said, "; ")
			out.Matters = append(out.Matters, row)
		}
		if len(out.Matters) == 0 {
			// A closed meeting lists only what it reviewed; "no matters
			// arising" would be false if open actions were simply not reached.
			out.Statement = "There were no matters arising."
			if rec.Meeting.State == model.MeetingClosed && rec.Meeting.PreviousMeetingID != 0 {
				out.Statement = "No actions from earlier meetings were reviewed at this meeting."
			}
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemHotspot:
		if h, ok := b.idx.Hotspots[it.HotspotID]; ok && !(b.public && b.personal(h.ID)) {
			facts := b.hotspot(h)
			out.Hotspot = &facts
		}
		out.Actions, w = b.actionRows(rec.CreatedIn(it.HotspotID))
		withheld = withheld || w
		if len(out.Notes)+len(out.Resolutions)+len(out.Actions) == 0 {
			out.Statement = "No update was recorded."
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemReferrals:
		for _, h := range rec.Referrals() {
			if b.public && h.Category == model.CategoryPersonal {
				withheld = true
				continue
			}
			out.Referrals = append(out.Referrals, b.hotspot(h))
		}
		if len(out.Referrals) == 0 {
			out.Statement = "There were no new referrals."
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemAOB:
		out.Actions, w = b.actionRows(rec.CreatedIn(0))
		withheld = withheld || w
		if len(out.Notes)+len(out.Resolutions)+len(out.Actions) == 0 {
			out.Statement = "There was no other business."
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemNextMeeting:
		out.Statement = nextMeeting(rec.Meeting)
	}
	return out
}

// notes under an item; withheld: the public version left some out.
func (b *builder) notes(kind model.ItemKind, hotspotID model.ID) (out []Note, withheld bool) {
	for _, n := range b.rec.NotesIn(kind, hotspotID) {
		t := text(n.Text)
		if t == "" {
			continue
		}
		if b.public && n.Confidential {
			withheld = true
			continue
		}
		note := Note{Text: model.Sentence(t), Confidential: n.Confidential, Amended: b.amendment("note", n.Ref())}
		if !b.public {
			note.Ref = n.Ref()
		}
		out = append(out, note)
	}
	return out, withheld
}

// resolutions under an item; withheld: the public version left some out.
func (b *builder) resolutions(kind model.ItemKind, hotspotID model.ID) (out []Resolution, withheld bool) {
	for _, d := range b.rec.DecisionsIn(kind, hotspotID) {
		t := text(d.Text)
		if t == "" {
			continue
		}
		if b.public && d.Part2 {
			withheld = true
			continue
		}
		r := Resolution{Text: fullStop(t), Part2: d.Part2, Amended: b.amendment("decision", d.Ref())}
		if !b.public {
			r.Ref = d.Ref()
		}
		out = append(out, r)
	}
	return out, withheld
}

// describe is what matters arising records about an action: the whole
// update in the restricted version; in public only its structured part
// (a status or due date change, "update accepted", "reviewed, no change"),
// because the words a rep typed may name people.
func (b *builder) describe(u model.ActionUpdate) string {
	if !b.public {
		return line(u.Describe())
	}
	u.Text = ""
	if s := line(u.Describe()); s != "" {
		return s
	}
	return "progress update noted"
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
	return Hotspot{Ref: h.Ref(), Title: line(h.Title), Ward: line(h.Ward), Category: string(h.Category),
		Risk: h.Risk.String(), Status: string(h.Status), LeadAgency: line(b.idx.Agencies.Name(h.LeadAgencyID))}
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

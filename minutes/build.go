package minutes

import (
	"fmt"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
)

// Options choose the version of the minutes.
//
// Public makes the Part 1 version, for publication beyond the partnership.
// It leaves out:
//   - agenda items taken in Part 2 (the whole item, number and all: the
//     numbering keeps its gaps, so the two versions' numbers agree);
//   - Part 2 resolutions, and confidential notes, under Part 1 items;
//   - officers' names: an action's owner is its agency alone;
//   - actions (in item tables, matters arising and the action log) on a
//     hotspot whose item is Part 2 in this meeting, on a hotspot in the
//     personal ASB category, or assigned under a Part 2 item;
//   - new referrals in the personal category (the referral and its own
//     agenda item);
//   - the words of updates in matters arising: only the structured part
//     ("in progress → done", "due 27 Oct → 08 Dec", "update accepted");
//   - the facts line (ward, risk, lead agency) of a personal-category hotspot;
//   - the refs of notes and resolutions.
//
// A hotspot's confidential notes are in neither version.
type Options struct{ Public bool }

// builder holds what every part of Build looks things up in, computed once.
type builder struct {
	rec      *model.MeetingRecord
	idx      model.RecordIndex
	reviewed map[model.ID]model.ActionUpdate // this meeting's last update to each action
	public   bool
	amended  map[string]model.Amendment // "note N-5" / "decision D-3" → latest amendment
	// part2Hotspots are the hotspots whose item is Part 2 in this meeting.
	part2Hotspots map[model.ID]bool
	agenda        []model.AgendaItem
}

// Build reads the record into the restricted minutes' structure:
// BuildWith(rec, Options{}).
func Build(rec model.MeetingRecord) Doc { return BuildWith(rec, Options{}) }

// BuildWith reads the record into the minutes' structure, restricted or
// public. It does not escape anything: that is each renderer's job.
func BuildWith(rec model.MeetingRecord, opt Options) Doc {
	b := newBuilder(&rec, opt)
	m := rec.Meeting
	d := Doc{
		Version:      JSONVersion,
		Public:       opt.Public,
		Partnership:  line(rec.Partnership.Name),
		MeetingTitle: line(rec.Partnership.MeetingTitle),
		Kind:         line(m.Kind.Title()),
		Ref:          m.Ref(),
		Date:         m.Date,
		Time:         line(m.Time),
		Place:        line(m.Place),
		State:        m.State,
		Draft:        m.State != model.MeetingClosed,
		FirstMinute:  firstMinute(rec),
		AsAt:         rec.Today,
	}
	if d.State == "" {
		d.State = model.MeetingPlanned // a meeting record with no state has not started
	}
	d.Classification = restrictedClassification
	if opt.Public {
		d.Classification = publicClassification
	}
	if d.MeetingTitle == "" {
		d.MeetingTitle = model.DefaultMeetingTitle
	}
	d.Status, d.Approval = b.status()
	d.Present, d.Guests, d.Apologies = b.attendance()
	if m.ConfidentialityRead {
		d.ConfidentialityRead = true
		d.ConfidentialityStatement = text(rec.Partnership.ConfidentialityStatement)
		if d.ConfidentialityStatement == "" {
			d.ConfidentialityStatement = model.DefaultConfidentialityStatement
		}
	}
	d.Items = b.items()
	d.ActionLog = b.actionLog()
	d.PrivateItems = b.privateItems()
	if opt.Public {
		d.PrivateNotice = privateNotice(d.PrivateItems)
	}
	return d
}

func newBuilder(rec *model.MeetingRecord, opt Options) *builder {
	b := &builder{rec: rec, idx: rec.Index(), reviewed: rec.ReviewedIn(rec.Meeting.ID), public: opt.Public,
		amended: map[string]model.Amendment{}, part2Hotspots: map[model.ID]bool{}}
	// A meeting that has not started has no agenda yet; its draft shows the
	// standing items.
	b.agenda = rec.Meeting.Agenda
	if len(b.agenda) == 0 {
		b.agenda = model.BuildAgenda(nil)
	}
	for _, it := range b.agenda {
		if it.Kind == model.ItemHotspot && it.Part2 {
			b.part2Hotspots[it.HotspotID] = true
		}
	}
	ams := slices.Clone(rec.Amendments)
	slices.SortStableFunc(ams, func(x, y model.Amendment) int { return x.At.Compare(y.At) })
	for _, am := range ams {
		if am.MeetingID == rec.Meeting.ID || am.MeetingID == 0 {
			b.amended[am.Target+" "+am.Ref()] = am // the latest wins
		}
	}
	return b
}

// firstMinute is the number of the first minute; a record without one (a
// fixture, an old caller) starts at 1.
func firstMinute(rec model.MeetingRecord) int {
	return max(rec.FirstMinute, 1)
}

// Status values.
const (
	StatusDraft    = "draft"
	StatusAwaiting = "awaiting approval"
	StatusFinal    = "final"
)

// status: draft while the meeting is planned or open; once closed, awaiting
// approval until a later meeting approves the minutes, then final.
func (b *builder) status() (string, *Approval) {
	rec := b.rec
	switch {
	case rec.Meeting.State != model.MeetingClosed:
		return StatusDraft, nil
	case rec.Approval == nil:
		return StatusAwaiting, nil
	}
	a := &Approval{Decision: rec.Approval.Ref()}
	if am := rec.ApprovalMeeting; am != nil {
		a.Meeting, a.Date = am.Ref(), am.Date
	} else if !rec.Approval.At.IsZero() {
		a.Date = model.DateOf(rec.Approval.At)
	}
	return StatusFinal, a
}

// attendance groups those present by agency (the chair's agency first, then
// the partnership's agency order; the chair first within their agency) and
// lists apologies. Members not marked, or marked absent, are in neither list:
// minutes record who was there and who sent apologies, not who did not come.
func (b *builder) attendance() (present []AgencyGroup, guests, apologies []Person) {
	m := b.rec.Meeting
	byAgency := map[model.ID][]Person{}
	var agencyOrder []model.ID
	for _, a := range b.rec.Agencies {
		agencyOrder = append(agencyOrder, a.ID)
	}
	for _, at := range m.Attendance {
		mem, ok := b.idx.Members[at.MemberID]
		if !ok {
			// A member record that has gone still attended: say so rather than drop them.
			mem = model.Member{ID: at.MemberID, Name: fmt.Sprintf("member #%d", at.MemberID)}
		}
		p := Person{Name: line(mem.Name), Title: line(mem.Title), Agency: line(b.idx.Agencies.Name(mem.AgencyID)),
			Chair: mem.ID == m.ChairID && m.ChairID != 0}
		switch at.Status {
		case model.Present:
			if _, known := b.idx.Agencies[mem.AgencyID]; !known && !slices.Contains(agencyOrder, mem.AgencyID) {
				agencyOrder = append(agencyOrder, mem.AgencyID)
			}
			byAgency[mem.AgencyID] = append(byAgency[mem.AgencyID], p)
		case model.Apologies:
			apologies = append(apologies, p)
		}
	}
	for _, id := range agencyOrder {
		people := byAgency[id]
		if len(people) == 0 {
			continue
		}
		slices.SortStableFunc(people, func(x, y Person) int {
			switch {
			case x.Chair == y.Chair:
				return 0
			case x.Chair:
				return -1
			}
			return 1
		})
		present = append(present, AgencyGroup{Agency: people[0].Agency, People: people})
	}
	// Council minutes name the Chair first.
	if i := slices.IndexFunc(present, func(g AgencyGroup) bool { return g.People[0].Chair }); i > 0 {
		chair := present[i]
		present = slices.Insert(slices.Delete(present, i, i+1), 0, chair)
	}
	for _, g := range m.Guests {
		guests = append(guests, Person{Name: line(g.Name), Agency: line(g.Agency)})
	}
	return present, guests, apologies
}

// amendment is the Doc's record of the latest correction to a note or a
// decision, if any.
func (b *builder) amendment(target, ref string) *Amended {
	am, ok := b.amended[target+" "+ref]
	if !ok {
		return nil
	}
	return &Amended{On: dateOf(am.At), By: line(am.By), Reason: line(am.Reason)}
}

func dateOf(t time.Time) model.Date {
	if t.IsZero() {
		return model.Date{}
	}
	return model.DateOf(t)
}

// line is user text for one-line places (names, titles, table cells): control
// sequences gone, whitespace and newlines folded to single spaces.
func line(s string) string { return model.CleanLine(s) }

// text is user text that may run to several lines (notes, resolutions).
func text(s string) string { return model.CleanText(s) }

package minutes

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
)

// Options choose the version of the minutes.
//
// Public makes the Part 1 version, for publication beyond the partnership.
// What it may show is decided by model.Disclosure, thing by thing; this
// package only asks. In short: items taken in private keep their number and
// a neutral heading; private resolutions, confidential notes, private
// actions and referrals are left out; people are named by agency only;
// officers, the words of progress updates and amendment reasons are left
// out; a hotspot's confidential notes are in neither version.
type Options struct{ Public bool }

// builder holds what every part of Build looks things up in, computed once.
type builder struct {
	rec      *model.MeetingRecord
	idx      model.RecordIndex
	reviewed map[model.ID]model.ActionUpdate // this meeting's last update to each action
	public   bool
	rules    model.Disclosure
	amended  map[string]model.Amendment // "note N-5" / "decision D-3" → latest amendment
	agenda   []model.AgendaItem
	numbers  map[int]int // agenda index → minute number
	withheld model.Withheld
	// actionsWithheld counts each withheld action once, wherever it was due.
	actionsWithheld map[model.ID]bool
}

// Build reads the record into the restricted minutes' structure:
// BuildWith(rec, Options{}).
func Build(rec model.MeetingRecord) Doc { return BuildWith(rec, Options{}) }

// BuildWith reads the record into the minutes' structure, restricted or
// public. It does not escape anything: that is each renderer's job.
func BuildWith(rec model.MeetingRecord, opt Options) Doc {
	if rec.PublicOnly {
		// Read by someone who reads the public record only: its private
		// business has no words to show, and its version is the public one.
		opt.Public = true
	}
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
		Started:      clockTime(m.OpenedAt),
		RecordNote:   text(rec.RecordNote),
		AuditHead:    rec.AuditHead,
	}
	if m.State == model.MeetingClosed {
		d.Ended = clockTime(m.ClosedAt)
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
	d.Present, d.Guests, d.Apologies, d.Absent = b.attendance()
	if m.ConfidentialityRead {
		d.ConfidentialityRead = true
		d.ConfidentialityStatement = text(rec.Partnership.ConfidentialityStatement)
		if d.ConfidentialityStatement == "" {
			d.ConfidentialityStatement = model.DefaultConfidentialityStatement
		}
	}
	d.Items = b.items()
	d.ActionLog = b.actionLog()
	b.withheld.Actions = len(b.actionsWithheld)
	d.PrivateItems = b.withheld.Total()
	if opt.Public {
		d.PrivateNotice = model.PublicNotice(b.withheld)
	}
	return d
}

func newBuilder(rec *model.MeetingRecord, opt Options) *builder {
	b := &builder{rec: rec, idx: rec.Index(), reviewed: rec.ReviewedIn(rec.Meeting.ID), public: opt.Public,
		amended: map[string]model.Amendment{}, numbers: map[int]int{}, actionsWithheld: map[model.ID]bool{}}
	// A meeting that has not started has no agenda yet; its draft shows the
	// standing items.
	b.agenda = rec.Meeting.Agenda
	if len(b.agenda) == 0 {
		b.agenda = model.BuildAgenda(nil, nil, nil)
	}
	m := rec.Meeting
	m.Agenda = b.agenda
	b.rules = model.PublicRules(m, b.idx.Hotspots)
	n := firstMinute(*rec)
	for _, slot := range b.order() {
		if slot.Index >= 0 {
			b.numbers[slot.Index] = n
		}
		n++
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

// order is the numbered minutes in council order (model.MinuteOrder),
// with the minute of the meeting's releases when it made any.
func (b *builder) order() []model.MinuteSlot {
	return model.MinuteOrder(b.agenda, len(b.rec.Meeting.Releases) > 0)
}

// releaseParagraphs are the paragraphs the records the meeting released
// had been exempt under: its releases' minute is exempt under them.
func (b *builder) releaseParagraphs() []model.ExemptParagraph {
	var out []model.ExemptParagraph
	for _, d := range b.rec.DecisionsIn(model.ItemRelease, 0) {
		out = append(out, d.Paragraph.Or(model.ParaIndividual))
	}
	return out
}

// firstMinute is the number of the first minute; a record without one (a
// fixture, an old caller) starts at 1.
func firstMinute(rec model.MeetingRecord) int {
	return max(rec.FirstMinute, 1)
}

// clockTime is a time as council minutes give it: "10.00 am", "2.15 pm".
func clockTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strings.ToLower(t.Format("3.04 PM"))
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

// person is a member as the minutes name them: by name, job title and
// agency in the restricted version; in public by agency only.
func (b *builder) person(id model.ID) Person {
	mem, ok := b.idx.Members[id]
	if !ok {
		// A member record that has gone still attended: say so rather than drop them.
		mem = model.Member{ID: id, Name: fmt.Sprintf("member #%d", id)}
	}
	p := Person{Name: line(mem.Name), Title: line(mem.Title), Agency: line(b.idx.Agencies.Name(mem.AgencyID)),
		Chair: id == b.rec.Meeting.ChairID && id != 0}
	if b.public && !b.rules.NamesPeople() {
		p.Name, p.Title = "", ""
	}
	return p
}

// attendance groups those present by agency (the chair's agency first, then
// the partnership's agency order; the chair first within their agency) and
// lists apologies and those absent. Members not marked are in no list.
func (b *builder) attendance() (present []AgencyGroup, guests, apologies, absent []Person) {
	m := b.rec.Meeting
	byAgency := map[model.ID][]Person{}
	var agencyOrder []model.ID
	for _, a := range b.rec.Agencies {
		agencyOrder = append(agencyOrder, a.ID)
	}
	for _, at := range m.Attendance {
		p := b.person(at.MemberID)
		agencyID := b.idx.Members[at.MemberID].AgencyID
		switch at.Status {
		case model.Present:
			if !slices.Contains(agencyOrder, agencyID) {
				agencyOrder = append(agencyOrder, agencyID)
			}
			byAgency[agencyID] = append(byAgency[agencyID], p)
		case model.Apologies:
			apologies = append(apologies, p)
		case model.Absent:
			absent = append(absent, p)
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
		g := AgencyGroup{Agency: people[0].Agency, People: people, Count: len(people), Chair: people[0].Chair}
		if b.public {
			g.People = []Person{}
		}
		present = append(present, g)
	}
	// Council minutes name the Chair first.
	if i := slices.IndexFunc(present, func(g AgencyGroup) bool { return g.Chair }); i > 0 {
		chair := present[i]
		present = slices.Insert(slices.Delete(present, i, i+1), 0, chair)
	}
	for _, g := range m.Guests {
		p := Person{Name: line(g.Name), Agency: line(g.Agency)}
		if b.public {
			p.Name = ""
		}
		guests = append(guests, p)
	}
	return present, guests, apologies, absent
}

// amendment is the Doc's record of the latest correction to a note or a
// decision, if any; in public, its date only.
func (b *builder) amendment(target, ref string) *Amended {
	am, ok := b.amended[target+" "+ref]
	if !ok {
		return nil
	}
	out := &Amended{On: dateOf(am.At), By: line(am.By), Reason: line(am.Reason)}
	if b.public && !b.rules.AmendmentDetail() {
		out.By, out.Reason = "", ""
	}
	return out
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

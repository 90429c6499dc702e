package minutes

import (
	"fmt"
	"slices"

	"github.com/ccsp/tasking/model"
)

// builder holds what every part of Build looks things up in, computed once.
type builder struct {
	rec      *model.MeetingRecord
	idx      model.RecordIndex
	reviewed map[model.ID]model.ActionUpdate // this meeting's last update to each action
}

// Build reads the record into the minutes' structure. It does not escape
// anything: that is each renderer's job.
func Build(rec model.MeetingRecord) Doc {
	b := &builder{rec: &rec, idx: rec.Index(), reviewed: rec.ReviewedIn(rec.Meeting.ID)}
	m := rec.Meeting
	d := Doc{
		Partnership:  line(rec.Partnership.Name),
		MeetingTitle: line(rec.Partnership.MeetingTitle),
		Kind:         line(m.Kind.Title()),
		Ref:          m.Ref(),
		Date:         m.Date,
		Time:         line(m.Time),
		Place:        line(m.Place),
		State:        m.State,
		Draft:        m.State != model.MeetingClosed,
		AsAt:         rec.Today,
	}
	if d.MeetingTitle == "" {
		d.MeetingTitle = model.DefaultMeetingTitle
	}
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
	return d
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

// line is user text for one-line places (names, titles, table cells): control
// sequences gone, whitespace and newlines folded to single spaces.
func line(s string) string { return model.CleanLine(s) }

// text is user text that may run to several lines (notes, resolutions).
func text(s string) string { return model.CleanText(s) }

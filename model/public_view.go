package model

import "slices"

// What someone who reads the public record only (ReadPublic) is given: the
// record with every word Disclosure withholds taken out. Private records are
// kept as markers — their refs, places and dates, none of their words — so
// the public minutes made from this view are the public minutes made from
// the whole record, the public notice's counts included; screens show a
// marker as WithheldText. What leaves the store for such a reader is made
// here and nowhere else.

// WithheldText stands in for the words of private business in a public
// view (a screen shows it where the words would be).
const WithheldText = "Private business (not shown: you read the public record only)"

// PublicRecord is r as a public-only reader reads it. PublicOnly says so,
// and every version of the minutes made from it is the public one.
func PublicRecord(r MeetingRecord) MeetingRecord {
	hotspots := make(map[ID]Hotspot, len(r.Hotspots))
	for _, h := range r.Hotspots {
		hotspots[h.ID] = h
	}
	rules := PublicRules(r.Meeting, hotspots)
	out := r
	out.PublicOnly = true
	out.Meeting = rules.PublicMeeting(r.Meeting)
	if r.Previous != nil {
		p := PublicRules(*r.Previous, hotspots).PublicMeeting(*r.Previous)
		out.Previous = &p
	}
	if r.ApprovalMeeting != nil {
		p := PublicRules(*r.ApprovalMeeting, hotspots).PublicMeeting(*r.ApprovalMeeting)
		out.ApprovalMeeting = &p
	}
	out.Members = PublicMembers(r.Members)
	out.Powers = nil
	out.CaseReviews = nil // about individuals: private business always
	for _, pw := range r.Powers {
		if rules.Power(pw) {
			out.Powers = append(out.Powers, rules.PublicPower(pw))
		}
	}
	out.Hotspots = make([]Hotspot, len(r.Hotspots))
	out.Trends = nil
	for i, h := range r.Hotspots {
		out.Hotspots[i] = rules.PublicHotspot(h)
		// A private hotspot's counts would say where it is.
		if s, ok := r.Trends[h.ID]; ok && rules.Hotspot(h) {
			if out.Trends == nil {
				out.Trends = map[ID]Series{}
			}
			out.Trends[h.ID] = s
		}
	}
	who := AuthorsOf(r.Members, IndexAgencies(r.Agencies))
	withheld := map[ID]bool{}
	out.Actions = make([]Action, len(r.Actions))
	for i, a := range r.Actions {
		out.Actions[i] = who.Action(rules.PublicAction(a))
		withheld[a.ID] = out.Actions[i].Private
	}
	out.Updates = make([]ActionUpdate, len(r.Updates))
	for i, u := range r.Updates {
		out.Updates[i] = who.Update(rules.PublicUpdate(u, withheld[u.ActionID]))
	}
	out.Decisions = make([]Decision, len(r.Decisions))
	for i, d := range r.Decisions {
		if !rules.Decision(d) {
			d.Text, d.Private = WithheldText, true
		}
		d.By = who.Of(d.By, 0)
		out.Decisions[i] = d
	}
	out.Notes = make([]Note, len(r.Notes))
	for i, n := range r.Notes {
		if !rules.Note(n) {
			n.Text, n.Private = WithheldText, true
		}
		n.By = who.Of(n.By, 0)
		out.Notes[i] = n
	}
	out.Amendments = make([]Amendment, len(r.Amendments))
	for i, am := range r.Amendments {
		// An amendment's date only (AmendmentDetail); its words are the
		// amended record's, public when that record is.
		am.By, am.Reason, am.Before = "", "", ""
		if !amendedPublic(am, out.Decisions, out.Notes) {
			am.After = WithheldText
		}
		out.Amendments[i] = am
	}
	return out
}

// amendedPublic: the note or decision an amendment corrects is public in
// the view.
func amendedPublic(am Amendment, decisions []Decision, notes []Note) bool {
	if am.Target == "note" {
		for _, n := range notes {
			if n.ID == am.TargetID {
				return !n.Private
			}
		}
		return false
	}
	for _, d := range decisions {
		if d.ID == am.TargetID {
			return !d.Private
		}
	}
	return false
}

// PublicHotspot is h as a public-only reader sees it: a private one by its
// ref and the neutral heading of its exempt paragraph, nothing else of its
// words; any one without its confidential notes, risk reasoning (often
// about victims) and, when private, its closing reason.
func (p Disclosure) PublicHotspot(h Hotspot) Hotspot {
	// The reasoning behind the level (its words, and the matrix with its
	// flags: a vulnerable or repeat victim, hate) is the partnership's.
	h.ConfidentialNotes, h.RiskReason, h.Assessment = "", "", nil
	if p.Hotspot(h) {
		h.Areas = PublicAreas(h.Areas)
		return h
	}
	return ExemptHotspot(h)
}

// PublicAction is a as a public-only reader sees it: without its named
// officer (Officer) or the words of its updates (UpdateWords); a withheld
// one keeps its ref, agency, place, dates and status, and is marked
// private, with WithheldText for its words.
func (p Disclosure) PublicAction(a Action) Action {
	public := p.Action(a)
	a.Officer, a.LastUpdate, a.CompletionNote = "", "", ""
	if !public {
		a.Text = WithheldText
		if !a.Private {
			a.Privacy = PrivateUnder(0)
			if a.HotspotID != 0 {
				if h, ok := p.hotspots[a.HotspotID]; ok {
					a.Paragraph = h.ExemptAs()
				}
			}
		}
	} else {
		// That a resolution released it is Part 2 business too.
		a.ReleasedBy = 0
	}
	return a
}

// PublicUpdate is u as a public-only reader sees it: never its words; one
// made on private business (or on an action withheld from the view) marked
// private.
func (p Disclosure) PublicUpdate(u ActionUpdate, actionWithheld bool) ActionUpdate {
	u.Text = ""
	if actionWithheld && !u.Private {
		u.Privacy = PrivateUnder(0)
	}
	return u
}

// PublicUpdates is an action's history as a public-only reader sees it:
// the updates made on public business, without their words, each author
// named by their agency (Authors).
func PublicUpdates(history []ActionUpdate, who Authors) []ActionUpdate {
	var out []ActionUpdate
	for _, u := range history {
		if !u.Private {
			u.Text = ""
			out = append(out, who.Update(u))
		}
	}
	return out
}

// PublicMeeting is m as a public-only reader sees it: guests by their
// organisation (their declarations too), a declaration on private business
// only as the fixed line the public minutes give (PrivateDeclaration), not
// saying who.
func (p Disclosure) PublicMeeting(m Meeting) Meeting {
	m.Guests = append([]Guest(nil), m.Guests...)
	for i := range m.Guests {
		m.Guests[i].Name = ""
	}
	m.Declarations = append([]Declaration(nil), m.Declarations...)
	for i, d := range m.Declarations {
		if !p.Declaration(d) {
			// The fixed line, as the public minutes give it: not even who.
			m.Declarations[i] = Declaration{Text: PrivateDeclaration, Item: d.Item, HotspotID: d.HotspotID, Privacy: PrivateUnder(d.Paragraph)}
			continue
		}
		if d.Guest {
			m.Declarations[i].Name = ""
		}
	}
	return m
}

// PublicMembers are the partnership's members as a public-only reader sees
// them: names, agencies and roles, not their contact details or keys.
func PublicMembers(ms []Member) []Member {
	out := make([]Member, len(ms))
	for i, m := range ms {
		m.Email, m.Phone, m.SSHKeys = "", "", nil
		out[i] = m
	}
	return out
}

// PublicHistory is a hotspot's history as a public-only reader sees it:
// the entries about public business, without the words of updates.
func PublicHistory(entries []HistoryEntry) []HistoryEntry {
	var out []HistoryEntry
	for _, e := range entries {
		if !e.Private {
			e.Words = ""
			out = append(out, e)
		}
	}
	return out
}

// PublicView is r as a public-only reader's screens show it: PublicRecord
// with the markers taken out too — private actions, updates, resolutions
// and notes are not listed at all, a hotspot taken in private is only its
// neutral heading (ExemptHotspot), a declaration on private business is
// the fixed line without who made it, and the statistics count public
// business only. The minutes are made from PublicRecord, whose markers
// keep the public notice's counts true; a screen lists what may be read.
func PublicView(r MeetingRecord) MeetingRecord {
	p := PublicRecord(r)
	keep := func(private bool) bool { return !private }
	actions := p.Actions[:0:0]
	kept := map[ID]bool{}
	for _, a := range p.Actions {
		if keep(a.Private) {
			actions = append(actions, a)
			kept[a.ID] = true
		}
	}
	p.Actions = actions
	updates := p.Updates[:0:0]
	for _, u := range p.Updates {
		if keep(u.Private) && kept[u.ActionID] {
			updates = append(updates, u)
		}
	}
	p.Updates = updates
	decisions := p.Decisions[:0:0]
	keptDecisions := map[ID]bool{}
	for _, d := range p.Decisions {
		if keep(d.Private) {
			decisions = append(decisions, d)
			keptDecisions[d.ID] = true
		}
	}
	p.Decisions = decisions
	notes := p.Notes[:0:0]
	keptNotes := map[ID]bool{}
	for _, n := range p.Notes {
		if keep(n.Private) {
			notes = append(notes, n)
			keptNotes[n.ID] = true
		}
	}
	p.Notes = notes
	amendments := p.Amendments[:0:0]
	for _, am := range p.Amendments {
		if (am.Target == "note" && keptNotes[am.TargetID]) || (am.Target != "note" && keptDecisions[am.TargetID]) {
			amendments = append(amendments, am)
		}
	}
	p.Amendments = amendments
	for i, h := range p.Hotspots {
		if h.Private() {
			p.Hotspots[i] = ExemptHotspot(h)
			delete(p.Trends, h.ID)
		}
	}
	p.Completions = nil // worked out again from the actions listed
	return p
}

// ExemptHotspot is the stand-in a public view gives for a hotspot taken in
// private: its neutral heading, whether it is open, and nothing else — no
// ref in titles, no risk, category, lead agency, dates or reviews.
func ExemptHotspot(h Hotspot) Hotspot {
	para := h.ExemptAs()
	return Hotspot{ID: h.ID, Title: ExemptHeading(para), Status: h.Status, Closed: h.Closed, Part2: true,
		Paragraph: para, ReferredInMeeting: h.ReferredInMeeting, Exempt: true, Version: h.Version}
}

// PublicHomeInput is what a public-only reader's home is made from: the
// open hotspots that may be public, and only the actions (and updates)
// that may — so the figures (open, overdue, per agency, matters arising)
// count public business only. hotspots are those the actions are on.
func PublicHomeInput(in HomeInput, hotspots []Hotspot) HomeInput {
	byID := make(map[ID]Hotspot, len(hotspots)+len(in.Hotspots))
	for _, h := range append(slices.Clone(hotspots), in.Hotspots...) {
		byID[h.ID] = h
	}
	rules := PublicRules(Meeting{}, byID)
	var hs []Hotspot
	for _, h := range in.Hotspots {
		if rules.Hotspot(h) {
			hs = append(hs, rules.PublicHotspot(h))
		}
	}
	in.Hotspots = hs
	in.Trends = TrendsOf(in.Trends, hs)
	var actions []Action
	for _, a := range in.Actions {
		if rules.Action(a) {
			actions = append(actions, rules.PublicAction(a))
		}
	}
	in.Actions = actions
	var updates []ActionUpdate
	for _, u := range in.Updates {
		if !u.Private {
			updates = append(updates, PublicUpdates([]ActionUpdate{u}, Authors{})...) // figures only: nobody named
		}
	}
	in.Updates = updates
	in.Completions = CompletionDays(actions, in.Today)
	return in
}

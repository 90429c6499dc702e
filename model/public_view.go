package model

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
	out.Hotspots = make([]Hotspot, len(r.Hotspots))
	for i, h := range r.Hotspots {
		out.Hotspots[i] = rules.PublicHotspot(h)
	}
	withheld := map[ID]bool{}
	out.Actions = make([]Action, len(r.Actions))
	for i, a := range r.Actions {
		out.Actions[i] = rules.PublicAction(a)
		withheld[a.ID] = out.Actions[i].Private
	}
	out.Updates = make([]ActionUpdate, len(r.Updates))
	for i, u := range r.Updates {
		out.Updates[i] = rules.PublicUpdate(u, withheld[u.ActionID])
	}
	out.Decisions = make([]Decision, len(r.Decisions))
	for i, d := range r.Decisions {
		if !rules.Decision(d) {
			d.Text, d.Private = WithheldText, true
		}
		out.Decisions[i] = d
	}
	out.Notes = make([]Note, len(r.Notes))
	for i, n := range r.Notes {
		if !rules.Note(n) {
			n.Text, n.Private = WithheldText, true
		}
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
	h.ConfidentialNotes, h.RiskReason = "", ""
	if p.Hotspot(h) {
		return h
	}
	h.Title = ExemptHeading(h.ExemptAs())
	h.Location, h.Ward, h.LSOA, h.Theme, h.CloseReason = "", "", "", "", ""
	h.Lat, h.Lon = 0, 0
	h.Part2 = true // what the rules withheld stays withheld in the view
	if h.Paragraph == 0 {
		h.Paragraph = h.ExemptAs()
	}
	return h
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
// the updates made on public business, without their words.
func PublicUpdates(history []ActionUpdate) []ActionUpdate {
	var out []ActionUpdate
	for _, u := range history {
		if !u.Private {
			u.Text = ""
			out = append(out, u)
		}
	}
	return out
}

// PublicMeeting is m as a public-only reader sees it: guests by their
// organisation, a declaration on private business without its words.
func (p Disclosure) PublicMeeting(m Meeting) Meeting {
	m.Guests = append([]Guest(nil), m.Guests...)
	for i := range m.Guests {
		m.Guests[i].Name = ""
	}
	m.Declarations = append([]Declaration(nil), m.Declarations...)
	for i, d := range m.Declarations {
		if !p.Declaration(d) {
			m.Declarations[i].Text = WithheldText
			m.Declarations[i].Private = true
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

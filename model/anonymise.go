package model

import "slices"

// What retention erases of each kind of record, and what it keeps. Each
// kind names its words once (the …Words functions): the names, addresses
// and free text a person typed. Anonymising sets each that holds anything
// to AnonymisedText; refs, dates, agencies, statuses, risk levels, flags,
// counts and who made each change are kept. A record is anonymised the
// same way wherever it is found: live, frozen with a closed meeting, or as
// an audit image.

// erase sets each of words that holds anything to AnonymisedText.
func erase(words ...*string) {
	for _, w := range words {
		if *w != "" {
			*w = AnonymisedText
		}
	}
}

// hotspotWords: its title and location (an address), the reasoning about
// its risk (often about victims), why it closed, its confidential notes,
// why it was opened from a suggestion, and a theme typed rather than
// chosen from the list.
func hotspotWords(h *Hotspot) []*string {
	words := []*string{&h.Title, &h.Location, &h.RiskReason, &h.CloseReason, &h.ConfidentialNotes, &h.Evidence}
	if !slices.Contains(Themes, h.Theme) {
		words = append(words, &h.Theme)
	}
	return words
}

// Anonymise erases h's words as retention does on day on: its place is
// dropped too (coordinates, LSOA and the police.uk places linked to it
// point at an address); its ward, category, risk level and matrix, status,
// dates and incident counts stay.
func (h *Hotspot) Anonymise(on Date) {
	erase(hotspotWords(h)...)
	h.LSOA, h.Lat, h.Lon, h.Areas = "", 0, 0, nil
	if h.Anonymised.IsZero() {
		h.Anonymised = on
	}
}

// Anonymise erases a's words: what it is, the officer named on it, its
// completion note and the agency's latest words and change. Its agency,
// due date, status, intervention, dates and who changed it stay.
func (a *Action) Anonymise() {
	erase(&a.Text, &a.Officer, &a.CompletionNote, &a.LastUpdate, &a.LastChange)
}

// Anonymise erases u's words, and what a correction kept of them and why;
// its kind, status and date changes, meeting and author stay.
func (u *ActionUpdate) Anonymise() {
	erase(&u.Text)
	for _, c := range []*Correction{u.Corrected, u.Withdrawn} {
		if c != nil {
			erase(&c.Original, &c.Reason)
		}
	}
}

// Anonymise erases the resolution's words; its meeting, item, Part 2 mark
// and dates stay.
func (d *Decision) Anonymise() { erase(&d.Text) }

// Anonymise erases the note's words; the agency that reported it stays.
func (n *Note) Anonymise() { erase(&n.Text) }

// Anonymise erases the words of an amendment: what the record said, what
// it says now and why.
func (am *Amendment) Anonymise() { erase(&am.Before, &am.After, &am.Reason) }

// Anonymise erases a power's terms (an area, a premises), who authorised
// it and why it ended; its kind, agency and clock stay.
func (p *Power) Anonymise() { erase(&p.Terms, &p.AuthorisedBy, &p.EndReason) }

// Anonymise erases what a declaration of interest said; who declared it
// stays (a member of the group, not of the case).
func (d *Declaration) Anonymise() { erase(&d.Text) }

// Erasure is one anonymisation: the cases past retention and every record
// of theirs it finds, live, frozen or in the trail. Its methods say whether
// a record is the cases' and, when it is, anonymise it in place; they learn
// as they go, so a record known only from the trail (an action undone in
// its meeting) is recognised by what its own images say.
type Erasure struct {
	On     Date // the day of the anonymisation
	Cutoff Date // cases closed before it are past retention
	// The cases' records by kind; kept are actions that left a case and
	// are still the group's business (KeepsAction).
	cases, actions, decisions, notes, powers, kept map[ID]bool
}

// NewErasure is the anonymisation on day on of cases (PastRetention), for
// a retention of years.
func NewErasure(cases []Hotspot, on Date, years int) *Erasure {
	e := &Erasure{On: on, Cutoff: RetentionCutoff(on, years), cases: map[ID]bool{}, actions: map[ID]bool{},
		decisions: map[ID]bool{}, notes: map[ID]bool{}, powers: map[ID]bool{}, kept: map[ID]bool{}}
	for _, h := range cases {
		e.cases[h.ID] = true
	}
	return e
}

// Case: id is one of the cases.
func (e *Erasure) Case(id ID) bool { return id != 0 && e.cases[id] }

// KeepsAction says whether an action that was once on a case (an image of
// it says so) is kept as it is, given the action as it is now (nil: it no
// longer exists). One still on the case is the case's; one gone (undone)
// was. One that left the case for general business when the case closed
// is the case's only once it is itself finished business past the cutoff
// and still private: while open, or recently finished, it is the group's
// live business; once released, its words are public and stay as the
// minutes published them.
func (e *Erasure) KeepsAction(now *Action) bool {
	if now == nil || e.Case(now.HotspotID) {
		return false
	}
	return !(now.Private && now.Status.IsClosed() && DateOf(now.FinishedAt()).Before(e.Cutoff))
}

// Learn takes an image of action a, and now the action as it is (nil: it
// no longer exists): an action the image puts on a case becomes the
// case's, unless KeepsAction. It is asked once per action.
func (e *Erasure) Learn(a Action, now *Action) {
	if !e.Case(a.HotspotID) || e.actions[a.ID] || e.kept[a.ID] {
		return
	}
	if e.KeepsAction(now) {
		e.kept[a.ID] = true
		return
	}
	e.actions[a.ID] = true
}

// Learns: the action is not yet known either way, but an image puts it on
// a case (the store then looks the action up for Learn).
func (e *Erasure) Learns(a Action) bool {
	return e.Case(a.HotspotID) && !e.actions[a.ID] && !e.kept[a.ID]
}

// HasAction, HasDecision, HasNote and HasPower: the record is known to be
// the cases'.
func (e *Erasure) HasAction(id ID) bool   { return e.actions[id] }
func (e *Erasure) HasDecision(id ID) bool { return e.decisions[id] }
func (e *Erasure) HasNote(id ID) bool     { return e.notes[id] }
func (e *Erasure) HasPower(id ID) bool    { return e.powers[id] }

// Kept are the actions that left a case and are kept (KeepsAction).
func (e *Erasure) Kept() []ID { return sortedIDs(e.kept) }

// Actions are the actions known to be the cases'.
func (e *Erasure) Actions() []ID { return sortedIDs(e.actions) }

// Hotspot anonymises h when it is one of the cases.
func (e *Erasure) Hotspot(h *Hotspot) bool {
	if !e.Case(h.ID) {
		return false
	}
	h.Anonymise(e.On)
	return true
}

// Action anonymises a when it is the cases' (Learn decides, for one not
// yet known).
func (e *Erasure) Action(a *Action) bool {
	if !e.actions[a.ID] {
		return false
	}
	a.Anonymise()
	return true
}

// Update anonymises u when its action is the cases'.
func (e *Erasure) Update(u *ActionUpdate) bool {
	if !e.actions[u.ActionID] {
		return false
	}
	u.Anonymise()
	return true
}

// Decision anonymises d when it was recorded on a case (or is known to
// be the cases').
func (e *Erasure) Decision(d *Decision) bool {
	if !e.Case(d.HotspotID) && !e.decisions[d.ID] {
		return false
	}
	e.decisions[d.ID] = true
	d.Anonymise()
	return true
}

// Note anonymises n when it was said on a case.
func (e *Erasure) Note(n *Note) bool {
	if !e.Case(n.HotspotID) && !e.notes[n.ID] {
		return false
	}
	e.notes[n.ID] = true
	n.Anonymise()
	return true
}

// Power anonymises p when it was in force on a case, or for one of the
// cases' actions.
func (e *Erasure) Power(p *Power) bool {
	if !e.Case(p.HotspotID) && !e.powers[p.ID] && !(p.ActionID != 0 && e.actions[p.ActionID]) {
		return false
	}
	e.powers[p.ID] = true
	p.Anonymise()
	return true
}

// Amendment anonymises am when it corrected a note or a decision of the
// cases' (known by then: amendments come after what they amend).
func (e *Erasure) Amendment(am *Amendment) bool {
	known := e.decisions
	if am.Target == "note" {
		known = e.notes
	}
	if !known[am.TargetID] {
		return false
	}
	am.Anonymise()
	return true
}

// Declaration anonymises d when it was declared on a case's item.
func (e *Erasure) Declaration(d *Declaration) bool {
	if !e.Case(d.HotspotID) {
		return false
	}
	d.Anonymise()
	return true
}

// Meeting anonymises the declarations m holds on the cases' items.
func (e *Erasure) Meeting(m *Meeting) bool {
	changed := false
	for i := range m.Declarations {
		changed = e.Declaration(&m.Declarations[i]) || changed
	}
	return changed
}

// Record anonymises everything of the cases' a meeting's record holds (a
// closed meeting's frozen record): its hotspots, actions and their
// updates, resolutions, notes, powers, amendments and declarations.
// Actions it holds on a case are learnt as the case's unless kept (now
// gives an action as it is: nil when it no longer exists).
func (e *Erasure) Record(r *MeetingRecord, now func(ID) *Action) bool {
	changed := false
	for i := range r.Hotspots {
		changed = e.Hotspot(&r.Hotspots[i]) || changed
	}
	for i := range r.Actions {
		if e.Learns(r.Actions[i]) {
			e.Learn(r.Actions[i], now(r.Actions[i].ID))
		}
		changed = e.Action(&r.Actions[i]) || changed
	}
	for i := range r.Updates {
		changed = e.Update(&r.Updates[i]) || changed
	}
	for i := range r.Decisions {
		changed = e.Decision(&r.Decisions[i]) || changed
	}
	for i := range r.Notes {
		changed = e.Note(&r.Notes[i]) || changed
	}
	for i := range r.Powers {
		changed = e.Power(&r.Powers[i]) || changed
	}
	for i := range r.Amendments {
		changed = e.Amendment(&r.Amendments[i]) || changed
	}
	changed = e.Meeting(&r.Meeting) || changed
	if r.Previous != nil {
		changed = e.Meeting(r.Previous) || changed
	}
	if r.ApprovalMeeting != nil {
		changed = e.Meeting(r.ApprovalMeeting) || changed
	}
	return changed
}

func sortedIDs(set map[ID]bool) []ID {
	out := make([]ID, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

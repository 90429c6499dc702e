package minutes

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
)

// Wording of the items the minutes make themselves.
const (
	apologiesTitle = "Apologies for absence"
	exclusionTitle = "Exclusion of the public"
	deferredText   = "Deferred to the next meeting."
	exclusionKind  = model.ItemKind("exclusion")
	// notReviewed is what a closed meeting's matters arising say of an
	// action it did not get to.
	notReviewed = "not reviewed at this meeting"
)

// items makes the numbered minutes in council order (model.MinuteOrder):
// the Part 1 items as the agenda had them — attendance is "Apologies for
// absence" — then, when anything was taken in private, the resolution
// excluding the public, then the Part 2 items. Numbers run on from the
// record's FirstMinute, which carries them through the municipal year. The
// public version keeps every number: an item taken in private appears with
// its number and a neutral heading only.
func (b *builder) items() []Item {
	var out []Item
	n := firstMinute(*b.rec) - 1
	released := b.releaseParagraphs()
	for _, slot := range b.order() {
		n++
		if slot.Exclusion {
			out = append(out, Item{Number: n, Kind: exclusionKind, Title: exclusionTitle,
				Resolutions: []Resolution{{Text: model.EndSentence(model.ExclusionResolution(model.ExemptParagraphsOf(b.agenda, released...)))}}})
			continue
		}
		if slot.Release {
			out = append(out, b.releases(n, released))
			continue
		}
		it := slot.Item
		if !b.rules.Item(it) {
			// Counted in both versions, so they give the same number.
			b.withheld.Items++
			b.withholdUnder(it)
			if b.public {
				para := b.paragraph(it)
				out = append(out, Item{Number: n, Kind: it.Kind, Title: model.ExemptHeading(para), Part2: true,
					Paragraph: int(para), Exempt: true})
				continue
			}
		}
		out = append(out, b.item(n, it))
	}
	return out
}

// releases is the minute of the meeting's releases of private business:
// each resolution naming the record released and why, in the restricted
// version; in public, like any exempt item, its number and a neutral
// heading under the paragraph of the first record released (paras).
func (b *builder) releases(n int, paras []model.ExemptParagraph) Item {
	b.withheld.Items++
	para := model.ParaIndividual
	if len(paras) > 0 {
		para = paras[0]
	}
	it := model.ReleaseItem()
	if b.public {
		return Item{Number: n, Kind: it.Kind, Title: model.ExemptHeading(para), Part2: true, Paragraph: int(para), Exempt: true}
	}
	out := Item{Number: n, Kind: it.Kind, Title: it.Kind.StandingTitle(), Part2: true, Paragraph: int(para)}
	out.Resolutions, _ = b.resolutions(it.Kind, 0, true)
	if len(out.Resolutions) == 0 {
		out.Statement = "No release was recorded."
	}
	return out
}

// paragraph is the Schedule 12A paragraph a private item is exempt under.
func (b *builder) paragraph(it model.AgendaItem) model.ExemptParagraph {
	para := it.Paragraph
	if para == 0 && it.Kind == model.ItemHotspot {
		para = b.idx.Hotspots[it.HotspotID].ExemptAs()
	}
	return para.Or(model.ParaIndividual)
}

// withholdUnder counts the actions that a private item would have shown, so
// the public notice's count is whole.
func (b *builder) withholdUnder(it model.AgendaItem) {
	switch it.Kind {
	case model.ItemHotspot:
		for _, a := range b.rec.CreatedIn(it.HotspotID) {
			b.actionsWithheld[a.ID] = true
		}
	case model.ItemAOB:
		for _, a := range b.rec.CreatedIn(0) {
			b.actionsWithheld[a.ID] = true
		}
	case model.ItemMatters:
		for _, a := range b.rec.MattersArising() {
			b.actionsWithheld[a.ID] = true
		}
	}
}

// title is an item's heading: a standing item's name, or the hotspot's ref
// and title.
func (b *builder) title(it model.AgendaItem) string {
	if it.Kind == model.ItemAttendance {
		return apologiesTitle
	}
	return line(model.ItemTitle(it, b.idx.Hotspots))
}

// minuteRef is how a declaration names its item: "minute 97, HS-1 Town
// centre: youths congregating".
func (b *builder) minuteRef(kind model.ItemKind, hotspotID model.ID) string {
	for i, it := range b.agenda {
		if it.Kind == kind && (kind != model.ItemHotspot || it.HotspotID == hotspotID) {
			return "minute " + strconv.Itoa(b.numbers[i]) + ", " + b.title(it)
		}
	}
	return ""
}

// item is one numbered minute. Every item carries the notes and resolutions
// recorded under it; each kind adds what it is about. withheld says the
// public version left something out of it, so a "nothing was recorded"
// statement would not be true.
func (b *builder) item(n int, it model.AgendaItem) Item {
	rec := b.rec
	out := Item{Number: n, Kind: it.Kind, Title: b.title(it), Part2: it.Part2}
	if it.Part2 {
		out.Paragraph = int(b.paragraph(it))
	}
	// Inside an item the public version leaves out whole, nothing is
	// counted again: the item was.
	inPrivate := !b.rules.Item(it)
	var withheld bool
	out.Notes, withheld = b.notes(it.Kind, it.HotspotID, inPrivate)
	var w bool
	out.Resolutions, w = b.resolutions(it.Kind, it.HotspotID, inPrivate)
	withheld = withheld || w
	switch it.Kind {
	case model.ItemAttendance:
		out.Statement = b.apologiesStatement()
		if rec.Meeting.State == model.MeetingPlanned {
			out.Statement = "Attendance will be recorded at the meeting."
		}
	case model.ItemDeclarations:
		out.Declarations = b.declarations(inPrivate)
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
		var since time.Time
		if rec.Previous != nil {
			since = rec.Previous.ClosedAt
		}
		for _, a := range rec.MattersArising() {
			if b.withholdAction(a) {
				withheld = true
				continue
			}
			row := MatterRow{ActionRow: b.actionRow(a)}
			// Everything the meeting did to it, in order: an update accepted
			// and then a status changed are both the record.
			var said []string
			finished := model.FinishedSince(a, since, rec.Meeting, updates[a.ID])
			if finished {
				// Finished between meetings: the completion is minuted, with
				// its note in the restricted version.
				note := ""
				if b.words() {
					note = line(a.CompletionNote)
				}
				said = append(said, model.FinishedSinceLine(a.Status, note))
			}
			var private model.Privacy // the first private update's, if any
			if !finished && b.words() {
				// A date moved or a status set here never hides what the
				// agency last said (accepted, its acceptance says it).
				if w := line(a.WordsBeside(since, updates[a.ID])); w != "" {
					said = append(said, w)
					private = private.Stricter(a.LastUpdatePrivacy)
				}
			}
			for _, u := range updates[a.ID] {
				if b.public && !b.rules.Update(u) {
					// Made on private business: not even what it changed.
					if !slices.Contains(said, consideredInPrivate) {
						said = append(said, consideredInPrivate)
					}
					continue
				}
				d := b.describe(u)
				if finished && model.ConfirmsFinish(u, a) {
					// Looking at finished work and leaving it so confirms it:
					// its words are minuted already.
					d = model.ConfirmedLine(a.Status)
				}
				if d != "" && !slices.Contains(said, d) {
					said = append(said, d)
					private = private.Stricter(b.rules.UpdatePrivacy(u))
				}
			}
			row.Update = model.Clauses(said...)
			if m := b.marking(private); m.Private {
				row.UpdatePrivate, row.UpdateMark = true, m.Mark
			}
			if len(said) == 0 && rec.Meeting.State == model.MeetingClosed {
				row.Update = notReviewed
			}
			out.Matters = append(out.Matters, row)
		}
		if len(out.Matters) == 0 {
			out.Statement = "There were no matters arising."
			if withheld {
				out.Statement = withheldStatement
			}
		}
	case model.ItemHotspot:
		if h, ok := b.idx.Hotspots[it.HotspotID]; ok && !(b.public && !b.rules.Hotspot(h)) {
			facts := b.hotspot(h)
			out.Hotspot = &facts
			out.Trend = b.trend(h)
			out.Powers = b.powers(h)
		}
		out.Actions, w = b.actionRows(rec.CreatedIn(it.HotspotID))
		withheld = withheld || w
		if len(out.Notes)+len(out.Resolutions)+len(out.Actions) == 0 {
			reviewed, w := b.reviewedUnder(it.HotspotID)
			withheld = withheld || w
			switch {
			case withheld:
				out.Statement = withheldStatement
			case b.deferred(it.HotspotID):
				out.Statement = deferredText
			case len(reviewed) > 0:
				out.Statement = model.ReviewedUnderLine(reviewed)
			default:
				out.Statement = "No update was recorded."
			}
		}
	case model.ItemReferrals:
		for _, h := range rec.Referrals() {
			if !b.rules.Referral(h) {
				// A referral with its own (private) item is counted there.
				if !rec.Meeting.HasHotspot(h.ID) && !inPrivate {
					b.withheld.Referrals++
				}
				if b.public {
					withheld = true
					continue
				}
			}
			ref := b.hotspot(h)
			if !b.rules.Referral(h) {
				ref.Marking = b.marking(model.PrivateUnder(h.ExemptAs()))
			}
			out.Referrals = append(out.Referrals, ref)
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
	case model.ItemCaseReviews:
		out.CaseReviews = b.caseReviews()
		if len(out.Notes)+len(out.Resolutions)+len(out.CaseReviews) == 0 {
			out.Statement = "There were no ASB case reviews to consider."
		}
	}
	return out
}

// reviewedUnder is the refs of the actions the meeting reviewed under this
// hotspot's item (model.ReviewedUnder), the only business it may have had:
// its ✓ says it was discussed, so its minute says how. withheld: the
// public version left some out.
func (b *builder) reviewedUnder(hotspotID model.ID) (refs []string, withheld bool) {
	for _, id := range model.ReviewedUnder(b.rec.Meeting, b.rec.Actions, b.rec.Updates, hotspotID) {
		a, ok := b.idx.Actions[id]
		if !ok {
			continue
		}
		if b.withholdAction(a) {
			withheld = true
			continue
		}
		refs = append(refs, a.Ref())
	}
	return refs, withheld
}

// deferred: the meeting closed without reaching this hotspot.
func (b *builder) deferred(hotspotID model.ID) bool {
	m := b.rec.Meeting
	return m.State == model.MeetingClosed && slices.Contains(m.Deferred, hotspotID)
}

// apologiesStatement is the Apologies minute: apologies received, then
// those absent (model.ApologiesLine).
func (b *builder) apologiesStatement() string {
	var apologies, absent []Person
	for _, at := range b.rec.Meeting.Attendance {
		switch at.Status {
		case model.Apologies:
			apologies = append(apologies, b.person(at.MemberID))
		case model.Absent:
			absent = append(absent, b.person(at.MemberID))
		}
	}
	return model.ApologiesLine(peopleNames(apologies), peopleNames(absent))
}

// notes under an item; withheld: the public version left some out.
func (b *builder) notes(kind model.ItemKind, hotspotID model.ID, inPrivate bool) (out []Note, withheld bool) {
	for _, n := range b.rec.NotesIn(kind, hotspotID) {
		t := text(n.Text)
		if t == "" {
			continue
		}
		if !b.rules.Note(n) {
			if !inPrivate {
				b.withheld.Notes++
			}
			if b.public {
				withheld = true
				continue
			}
		}
		note := Note{Text: model.Sentence(t), Amended: b.amendment("note", n.Ref()), Marking: b.marking(b.rules.NotePrivacy(n))}
		if a, ok := b.idx.Agencies[n.AgencyID]; ok {
			note.Agency = line(a.Name)
		}
		if !b.public {
			note.Ref, note.Confidential = n.Ref(), n.Confidential
		}
		out = append(out, note)
	}
	return out, withheld
}

// resolutions under an item; withheld: the public version left some out.
func (b *builder) resolutions(kind model.ItemKind, hotspotID model.ID, inPrivate bool) (out []Resolution, withheld bool) {
	for _, d := range b.rec.DecisionsIn(kind, hotspotID) {
		t := text(d.Text)
		if t == "" {
			continue
		}
		if !b.rules.Decision(d) {
			if !inPrivate {
				b.withheld.Resolutions++
			}
			if b.public {
				withheld = true
				continue
			}
		}
		r := Resolution{Text: model.EndSentence(t), Amended: b.amendment("decision", d.Ref()), Marking: b.marking(b.rules.DecisionPrivacy(d))}
		if !b.public {
			r.Ref, r.Part2 = d.Ref(), d.Part2
		}
		out = append(out, r)
	}
	return out, withheld
}

// words: this version shows the words of updates and who gave them (the
// restricted one does; the public one shows only what changed).
func (b *builder) words() bool { return !b.public || b.rules.UpdateWords() }

// describe is what matters arising records about an action: the whole
// update in the restricted version; in public only its structured part
// (a status or due date change, "update accepted", "reviewed, no change"),
// because the words a rep typed may name people.
func (b *builder) describe(u model.ActionUpdate) string {
	if b.words() {
		if u.Kind == model.UpdateAccept || u.Kind == model.UpdateReview {
			// An acceptance names who gave the words it accepts; a review
			// changed nothing.
			return line(u.Describe())
		}
		// A change made here, or words said here: who and when.
		return line(model.Stamped(u.Describe(), u.By, u.At))
	}
	u.Text = ""
	if s := line(u.Describe()); s != "" {
		return s
	}
	return "progress update noted"
}

func (b *builder) declarations(inPrivate bool) []Declaration {
	var out []Declaration
	for _, d := range b.rec.Meeting.Declarations {
		if !b.rules.Declaration(d) {
			if !inPrivate {
				b.withheld.Declarations++
			}
			if b.public {
				out = append(out, Declaration{Text: model.PrivateDeclaration})
				continue
			}
		}
		name := line(d.Name)
		if mem, ok := b.idx.Members[d.MemberID]; ok && (name == "" || d.MemberID != 0) {
			name = line(mem.Name)
		}
		if b.public {
			name = "A representative"
			if mem, ok := b.idx.Members[d.MemberID]; ok {
				name = "A representative of " + line(b.idx.Agencies.Name(mem.AgencyID))
			}
		}
		if d.Guest {
			// A guest by name and organisation; in public, as guests are
			// listed, by the organisation alone (model.Declarant).
			who := model.Declaration{Guest: true, Name: line(d.Name), Organisation: line(d.Organisation)}
			if b.public {
				who.Name = ""
			}
			name = who.Declarant()
		}
		decl := Declaration{Name: name, Text: text(d.Text), Marking: b.marking(b.rules.DeclarationPrivacy(d))}
		if d.Item != "" {
			decl.On = b.minuteRef(d.Item, d.HotspotID)
		}
		out = append(out, decl)
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
		s += " at " + councilTime(t)
	}
	if p := strings.TrimRight(line(m.NextPlace), "."); p != "" {
		s += ", " + p
	}
	return s + "."
}

// powers are the powers the record holds at hotspot h, soonest ending
// first: in public only those the disclosure rule allows, without
// officers; in the restricted version every one, private ones marked.
func (b *builder) powers(h model.Hotspot) []PowerLine {
	var ps []model.Power
	for _, p := range b.rec.Powers {
		if p.HotspotID == h.ID {
			ps = append(ps, p)
		}
	}
	model.SortPowers(ps)
	var out []PowerLine
	for _, p := range ps {
		priv := p.Privacy
		if !b.rules.Power(p) {
			if b.public {
				continue
			}
			if !priv.Private {
				priv = model.PrivateUnder(h.ExemptAs())
			}
		}
		if b.public {
			p = b.rules.PublicPower(p)
		}
		t := p.Summary()
		if terms := text(p.Terms); terms != "" {
			t += ": " + model.Clause(terms)
		}
		out = append(out, PowerLine{Ref: p.Ref(), Kind: string(p.Kind), Text: line(t), Marking: b.marking(priv)})
	}
	return out
}

// caseReviews are the ASB case reviews the record holds, oldest received
// first, each in full and marked: only the restricted version reaches here
// (the item is Part 2 always, an exempt heading in public).
func (b *builder) caseReviews() []CaseReviewLine {
	cs := slices.Clone(b.rec.CaseReviews)
	model.SortCaseReviews(cs)
	out := make([]CaseReviewLine, 0, len(cs))
	for _, c := range cs {
		parts := []string{c.Line() + "."}
		if s := text(c.Summary); s != "" {
			parts = append(parts, "Asked to review: "+model.EndSentence(s))
		}
		if r := text(c.DecisionReason); r != "" {
			parts = append(parts, "Decision: "+model.EndSentence(r))
		}
		if o := text(c.Outcome); o != "" {
			parts = append(parts, "Outcome: "+model.EndSentence(o))
		}
		out = append(out, CaseReviewLine{Ref: c.Ref(), ApplicantRef: line(c.ApplicantRef), Stage: string(c.Stage()),
			Text: line(strings.Join(parts, " ")), Marking: b.marking(c.Privacy)})
	}
	return out
}

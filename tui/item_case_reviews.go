package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// caseReviewsItem is the ASB case reviews item, Part 2 always: each case
// review waiting for its decision or answer (and any the meeting answered),
// with c to record one received, d to decide the selected one against the
// threshold and w to record its answer. It is on the agenda until every
// one is answered.
type caseReviewsItem struct{ plainItem }

func (caseReviewsItem) about() itemAbout {
	return itemAbout{help: "ASB case reviews", records: true, declarable: true}
}

func (caseReviewsItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.rec.CaseReviews), nil
}

// tail: how many wait for a decision or an answer.
func (caseReviewsItem) tail(a *App, e agendaEntry) string {
	open := 0
	for _, c := range a.mt.view.rec.CaseReviews {
		if c.Open() {
			open++
		}
	}
	s := a.styles.Confidential.Render("P2")
	if open > 0 {
		s = strconv.Itoa(open) + " " + s
	}
	return s
}

func (caseReviewsItem) hints(a *App, _ agendaEntry) []hint {
	x, m := a.keys.CaseReview, a.keys.Meeting
	return []hint{keyHint("received", x.Add), keyHint("decide", x.Decide), keyHint("answered", x.Answer), keyHint("resolve", m.Resolve),
		keyHint("note", m.Note), keyHint("next", m.Next)}
}

func (caseReviewsItem) pane(a *App, _ agendaEntry, w int) itemPane {
	v, s := a.mt.view, a.styles
	cs := v.rec.CaseReviews
	lines := []string{" " + s.Confidential.Render("Part 2: about individuals.") + " On the agenda until the applicant is answered.",
		" Threshold: " + v.rec.Partnership.Trigger().String() + ". " + s.Key.Render("c") + " received · " + s.Key.Render("d") + " decide · " +
			s.Key.Render("w") + " answered", ""}
	if len(cs) == 0 {
		lines = append(lines, " "+s.Muted.Render("No case review is waiting."))
	} else {
		lines = append(lines, s.section("Case reviews ("+strconv.Itoa(len(cs))+")"))
	}
	p := itemPane{head: lines, rows: len(cs), sel: a.mt.sel}
	p.row = func(i int, selected bool) string {
		c := cs[i]
		cur := " "
		if selected {
			cur = "▸"
		}
		var state string
		switch c.Stage() {
		case model.ReviewReceived:
			state = "waiting for decision"
		case model.ReviewDecided:
			state = c.Decision() + ", waiting for answer"
		default:
			state = "answered " + c.Answered.Format("2 Jan")
		}
		return cur + columns(w-2, []int{6, 14, 13, 0}, c.Ref(), c.ApplicantRef, model.Plural(c.Complaints, "complaint"), state)
	}
	p.under = func(i int) []string {
		c := cs[i]
		var out []string
		add := func(label, text string) {
			if text = model.CleanLine(text); text != "" {
				for _, l := range wrap(label+text, w-6) {
					out = append(out, "     "+l)
				}
			}
		}
		add("", c.Mark()+" "+c.Against()+", received "+c.Received.Format("2 Jan 2006"))
		add("Asked to review: ", c.Summary)
		if !c.Decided.IsZero() {
			add("Decision: ", c.Decision()+" on "+c.Decided.Format("2 Jan 2006")+clause(c.DecisionReason))
		}
		if !c.Answered.IsZero() {
			add("Answered: ", c.Answered.Format("2 Jan 2006")+clause(c.Outcome))
		}
		return out
	}
	p.tail = recorded(s, a.mt.rowCtx(), v.standing[model.ItemCaseReviews], w)
	return p
}

// clause is ": text", or nothing for no text.
func clause(text string) string {
	if text = model.CleanLine(text); text != "" {
		return ": " + text
	}
	return ""
}

func (caseReviewsItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	x := a.keys.CaseReview
	cs := a.mt.view.rec.CaseReviews
	selected := func() (model.CaseReview, bool) {
		if a.mt.sel < 0 || a.mt.sel >= len(cs) {
			a.flash, a.flashErr = "select a case review first (j/k): there is none here", true
			return model.CaseReview{}, false
		}
		return cs[a.mt.sel], true
	}
	switch {
	case key.Matches(msg, x.Add):
		caseReviewForm(a)
	case key.Matches(msg, x.Decide):
		if c, ok := selected(); ok {
			decideForm(a, c)
		}
	case key.Matches(msg, x.Answer):
		if c, ok := selected(); ok {
			answerForm(a, c)
		}
	default:
		return nil, false
	}
	return nil, true
}

// caseReviewForm records an application received (c under the case
// reviews item or new referrals): the applicant's reference, never their
// name; the complaints they made in the threshold's months; when it came.
func caseReviewForm(a *App) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	t := a.mt.view.rec.Partnership.Trigger()
	ctx := a.mt.itemFormCtx(a)
	ctx.part2 = true // about an individual: the form says so, whatever item it is opened on
	f := newForm("ASB case review received", ctx, func(f *form) tea.Cmd {
		received, ok := f.dateOf("received")
		complaints, err := strconv.Atoi(strings.TrimSpace(f.value("complaints")))
		if err != nil {
			f.fail("complaints", "give how many complaints, as a number")
			return nil
		}
		if !ok {
			return nil
		}
		n, err := model.NewCaseReview{ApplicantRef: f.value("applicant"), Complaints: complaints, Received: received, Summary: f.value("summary")}.Validate(ctx.today)
		if err != nil {
			f.failWith(err)
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			c, err := st.RecordCaseReview(actor, n, meetingID)
			if err != nil {
				return nil, err
			}
			return c.Ref() + " recorded: on the agenda (Part 2) until answered", nil
		})
	})
	f.text("applicant", "Applicant's reference", "", "the council's case number, e.g. CT-2026-014 — never their name").
		text("complaints", "Complaints in the threshold's months", "", "the threshold is "+t.String()).
		date("received", "Received", "today").
		text("summary", "What they ask to be reviewed (optional)", "", "no names")
	a.push(f)
}

var metChoices = []string{"met: the review goes ahead", "not met"}

// decideForm records the decision on the threshold: met is offered first
// where the complaints meet it (and "not met" is then refused: the Act).
func decideForm(a *App, c model.CaseReview) {
	actor, st := a.actor, a.st
	def := 1
	if c.Threshold.Met(c.Complaints) {
		def = 0
	}
	f := newForm("Decide "+c.Ref()+" "+c.ApplicantRef+": "+model.Plural(c.Complaints, "complaint"), a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		on, ok := f.dateOf("on")
		if !ok {
			return nil
		}
		met := f.field("met").choice == 0
		check := c
		if err := check.Decide(on, met, f.value("reason")); err != nil {
			f.failWith(err)
			return nil
		}
		version := a.expect(f)
		return a.save(f.id, c.Ref()+" decided: "+check.Decision(), func() (any, error) {
			return st.DecideCaseReview(actor, c.ID, version, on, met, f.value("reason"))
		})
	})
	f.choose("met", "Threshold (←/→)", metChoices, def).
		text("reason", "Reason (needed to take one up below the threshold)", "", "").
		date("on", "Decided on", "today")
	f.guard(c.Ref(), c, c.Version)
	a.push(f)
}

// answerForm records that the applicant was told the outcome: the case
// review leaves the next agenda.
func answerForm(a *App, c model.CaseReview) {
	actor, st := a.actor, a.st
	f := newForm("Answered "+c.Ref()+" "+c.ApplicantRef, a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		on, ok := f.dateOf("on")
		if !ok {
			return nil
		}
		check := c
		if err := check.Answer(on, f.value("outcome")); err != nil {
			f.failWith(err)
			return nil
		}
		version := a.expect(f)
		return a.save(f.id, c.Ref()+" answered: it leaves the next agenda", func() (any, error) {
			return st.AnswerCaseReview(actor, c.ID, version, on, f.value("outcome"))
		})
	})
	f.longText("outcome", "Outcome: what the applicant was told", "", "the findings and recommendations, or why the threshold was not met").
		date("on", "Told on", "today")
	f.guard(c.Ref(), c, c.Version)
	a.push(f)
}

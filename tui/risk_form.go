package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// The risk matrix (R on a hotspot's item in the meeting and on its page):
// likelihood and harm, 1 to 5, and the three flags; the level is the
// matrix's (model.RiskAssessment.Level), saved against the version the
// form showed.

var (
	likelihoodChoices = []string{"1 rare", "2 unlikely", "3 possible", "4 likely", "5 almost certain"}
	harmChoices       = []string{"1 minimal", "2 minor", "3 moderate", "4 serious", "5 severe"}
)

// assessForm opens the risk matrix on h, starting from its last assessment
// (or the middle of the matrix); meetingID is the meeting it is minuted in
// (0: none).
func assessForm(a *App, h model.Hotspot, ctx formContext, meetingID model.ID) {
	actor, st := a.actor, a.st
	cur := assessmentOf(h)
	// The hotspot as the form shows it: as it opened, or after a refused
	// save as it is now (its level, reason and assessment then fresh).
	shown := func(f *form) model.Hotspot {
		if s, ok := f.guarded.shown.(model.Hotspot); ok {
			return s
		}
		return h
	}
	f := newForm("Assess risk · "+h.Ref()+" "+h.Title, ctx, func(f *form) tea.Cmd {
		as := matrixOf(f)
		reason, ok := f.textOf("reason", "reason", model.CleanLine(shown(f).RiskReason) == "")
		if !ok {
			return nil
		}
		version := a.expect(f)
		said := fmt.Sprintf("%s risk %s (%s)", h.Ref(), strings.ToUpper(as.Level().String()), as.Summary())
		return a.save(f.id, said, func() (any, error) {
			return st.AssessHotspot(actor, h.ID, version, as, reason, meetingID)
		})
	})
	f.choose("likelihood", "Likelihood of further harm (←/→)", likelihoodChoices, cur.Likelihood-1).
		choose("harm", "Harm it would do (←/→)", harmChoices, cur.Harm-1).
		toggle("vulnerable", "Vulnerable victim", cur.Vulnerable, "each flag raises the level one step").
		toggle("repeat", "Repeat victim", cur.Repeat, "").
		toggle("hate", "Hate motivation", cur.Hate, "").
		text("reason", "Reason", "", reasonHint(h, meetingID))
	f.summary = func(f *form) string {
		as, h := matrixOf(f), shown(f)
		return fmt.Sprintf("→ %s: %s · now %s", strings.ToUpper(as.Level().String()), as.Summary(), strings.ToUpper(h.Risk.String())+assessedNow(h))
	}
	g := f.guard(h.Ref(), h, h.Version)
	g.refresh = func(f *form, now any) {
		// Someone assessed it meanwhile: the summary's "now" and the
		// reason's hint say their assessment (shown reads it). The matrix
		// keeps what the chair set: an assessment is judged whole, and a
		// mix of two people's would be nobody's.
		if fresh, ok := now.(model.Hotspot); ok {
			f.field("reason").hint = reasonHint(fresh, meetingID)
		}
	}
	a.push(f)
}

// assessmentOf is h's last assessment, or the middle of the matrix.
func assessmentOf(h model.Hotspot) model.RiskAssessment {
	if h.Assessment != nil {
		return *h.Assessment
	}
	return model.RiskAssessment{Likelihood: 3, Harm: 3}
}

// reasonHint: the reason starts empty, the current one shown as its hint:
// typing replaces it rather than gluing onto it; left empty, it stays.
func reasonHint(h model.Hotspot, meetingID model.ID) string {
	if now := model.CleanLine(h.RiskReason); now != "" {
		// Short enough for an 80-column form to show it whole.
		return "now: " + model.Clip(now, 40) + " — left empty, it stays"
	}
	hint := "why: harm, vulnerability, repeat victimisation"
	if meetingID != 0 {
		hint += " (minuted with the level)"
	}
	return hint
}

// assessedNow is the assessment behind h's level, as the form says it.
func assessedNow(h model.Hotspot) string {
	if h.Assessment == nil {
		return " (set before the matrix)"
	}
	return " (" + h.Assessment.Summary() + ", " + h.Assessment.On.Format("2 Jan 2006") + ")"
}

// matrixOf is the assessment the form's fields hold as they stand.
func matrixOf(f *form) model.RiskAssessment {
	return model.RiskAssessment{Likelihood: f.field("likelihood").choice + 1, Harm: f.field("harm").choice + 1,
		Vulnerable: f.on("vulnerable"), Repeat: f.on("repeat"), Hate: f.on("hate")}
}

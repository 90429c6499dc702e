package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// A Draft is a half-typed form, kept when a session ends without the
// person choosing to end it (tasking serve keeps it for them while the
// server stops). On their next session the app offers it back: r arms it,
// and the next time the same form opens (the same title: the same form on
// the same record) its fields are filled with what was typed; esc
// discards it. A form can only be saved from where it was opened, so the
// words go back into that form rather than into a copy that could not
// save. Drafts hold what people typed, private business included: whoever
// keeps them treats them as restricted and never logs them.
type Draft struct {
	// Form is the form's title ("Progress update · A-12 Letters to …").
	Form string `json:"form"`
	// Fields are the form's fields as they were: a text as typed, a
	// yes/no as "yes" or "no", a choice by its word.
	Fields []DraftField `json:"fields"`
	// Ended says when it was kept, to finish "You were typing … when":
	// "the server stopped".
	Ended string `json:"ended"`
}

// DraftField is one field of a Draft.
type DraftField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// drafts is the App's side of it: a draft offered back and not yet used.
type drafts struct {
	held  *Draft
	armed bool   // the person asked for it back (r)
	done  func() // tells the keeper it may forget the draft
}

// Draft is the typing in the topmost form that has any (not one being
// saved: its save is finished by Close), else a draft offered back and not
// yet used, so a second stop loses nothing either. Call it once the
// program has ended.
func (a *App) Draft() (Draft, bool) {
	for _, o := range slices.Backward(a.overlays) {
		if f, ok := o.(*form); ok && !f.busy && f.dirty() {
			return f.draft(), true
		}
	}
	if a.drafts.held != nil {
		return *a.drafts.held, true
	}
	return Draft{}, false
}

func (f *form) draft() Draft {
	d := Draft{Form: f.title}
	for _, fl := range f.fields {
		v := fl.input.Value()
		switch fl.kind {
		case fieldToggle:
			v = map[bool]string{true: "yes", false: "no"}[fl.on]
		case fieldChoice:
			v = fl.choices[fl.choice]
		}
		d.Fields = append(d.Fields, DraftField{Key: fl.key, Value: v})
	}
	return d
}

// offerDraft asks, over whatever the app opens on, whether to have d back.
func (a *App) offerDraft(d *Draft, done func()) {
	if d == nil {
		return
	}
	a.drafts = drafts{held: d, done: done}
	a.push(&draftOffer{})
}

// refill puts an armed draft into f when f is its form, and tells the
// keeper the draft is used.
func (a *App) refill(f *form) {
	d := a.drafts.held
	if d == nil || !a.drafts.armed || f.title != d.Form {
		return
	}
	for _, df := range d.Fields {
		fl := f.field(df.Key)
		switch {
		case fl == nil:
		case fl.kind == fieldToggle:
			fl.on = df.Value == "yes"
		case fl.kind == fieldChoice:
			if i := slices.Index(fl.choices, df.Value); i >= 0 {
				fl.choice = i
			}
		default:
			fl.input.SetValue(df.Value)
			fl.input.CursorEnd()
			fl.pristine = false
		}
	}
	a.flash, a.flashErr = "your words from before are back in the form", false
	a.forgetDraft()
}

func (a *App) forgetDraft() {
	if a.drafts.done != nil {
		a.drafts.done()
	}
	a.drafts = drafts{}
}

// draftOffer is the question: r arms the draft, esc discards it.
type draftOffer struct{}

func (d *draftOffer) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case msg.String() == "r":
		a.drafts.armed = true
		a.flash, a.flashErr = "open "+model.Clip(a.drafts.held.Form, 60)+" again as before: your words will be in it", false
		return nil, true
	case msg.String() == "esc":
		a.forgetDraft()
		a.flash, a.flashErr = "what you were typing is discarded", false
		return nil, true
	}
	return nil, false
}

func (d *draftOffer) message(*App, tea.Msg) tea.Cmd { return nil }

func (d *draftOffer) view(a *App, below func() string, w, h int) string {
	s, dr := a.styles, a.drafts.held
	fw := min(w-4, 96)
	var words []string
	for _, f := range dr.Fields {
		if t := strings.TrimSpace(f.Value); t != "" && t != "yes" && t != "no" {
			words = append(words, t)
		}
	}
	lines := []string{}
	for _, l := range wrap("You were typing in “"+dr.Form+"” when "+dr.Ended+":", fw-4) {
		lines = append(lines, " "+l)
	}
	if len(words) > 0 {
		lines = append(lines, " "+s.Muted.Render(clip("“"+model.Clip(strings.Join(words, " · "), 200)+"”", fw-4)))
	}
	lines = append(lines, "", " "+d.hints(a))
	return drawOver(below(), box(s.FocusStyle, "Your unsaved typing", lines, fw, len(lines)+2), (w-fw)/2, 2, h)
}

func (d *draftOffer) hints(a *App) string {
	return a.styles.Key.Render("r") + " " + a.styles.KeyDesc.Render("restores it") + a.styles.KeyDesc.Render(" · ") +
		a.styles.Key.Render("esc") + " " + a.styles.KeyDesc.Render("discards it")
}

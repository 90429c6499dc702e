package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// A form is a small dialog over the current screen: a few fields, a message
// under each one that is wrong, and nothing lost when saving fails. It stays
// open (busy) until the store answers; only a commit closes it.

type fieldKind int

const (
	fieldText   fieldKind = iota // free text, cleaned and length-checked on save
	fieldAgency                  // part of an agency's name; the match is shown live
	fieldDate                    // a WHEN date; the date it means is shown live
	fieldToggle                  // yes/no, space toggles
	fieldChoice                  // one of a few words; ←/→ or the first letter
)

type formField struct {
	key, label, hint string
	kind             fieldKind
	input            textinput.Model
	on               bool
	choices          []string
	choice           int
	err              string
	// initial is the value the field opened with: the form is "dirty" (has
	// typing to lose) once any field differs from it.
	initial string
	// pristine: the field still holds its default; the first character
	// typed replaces it rather than being added to it.
	pristine bool
	// wrap shows the text over several lines as it is typed (resolutions,
	// notes, actions): the room reads the wording before it is saved.
	wrap bool
	// prefix is fixed wording shown before the text ("RESOLVED – that"),
	// which the text completes.
	prefix string
	// scroll is the first character a one-line field shows (form_line.go).
	scroll int
}

// formContext is what live previews need: the agencies and dates; and
// whether the form is on business taken in private (Part 2), which its
// title then says.
type formContext struct {
	agencies    []model.Agency
	today, next model.Date
	part2       bool
}

// part2Title ends the title of a form on an item taken in private.
const part2Title = " · PART 2 (in private)"

type form struct {
	id     int
	title  string
	fields []*formField
	focus  int
	ctx    formContext
	errMsg string // a problem not tied to one field
	// confirm is a yes/no question to answer before saving (a due date in
	// the past); confirmed records the answer for the resubmission.
	confirm   string
	confirmed bool
	// discard is the question asked when leaving a form with typing in it
	// (esc); quitting says the app will close too (ctrl+c).
	discard  string
	quitting bool
	busy     bool
	// submit validates the fields (setting field errors) and returns the
	// save command, or nil when something is wrong or needs confirming.
	submit func(f *form) tea.Cmd
	// onChoice, if set, is told when a choice field changes (a file name
	// that follows the chosen format).
	onChoice func(f *form, key string)
	// saveAfter is the field on which enter saves: the fields after it are
	// optional or already hold their defaults (tab reaches them), so the
	// usual case costs no keys for them. "" means the last field.
	saveAfter string
	// guarded is the record the form edits, as it showed it (formGuard).
	guarded *formGuard
	// summary, if set, is a line under the fields worked out from them as
	// they stand (the level the risk matrix gives), drawn with the form.
	summary func(f *form) string
}

var formSeq int

func newForm(title string, ctx formContext, submit func(f *form) tea.Cmd) *form {
	formSeq++
	return &form{id: formSeq, title: title, ctx: ctx, submit: submit}
}

func (f *form) addInput(kind fieldKind, key, label, value, hint string) *form {
	ti := plainInput()
	ti.CharLimit = model.MaxTextLen * 3 // over-long text is refused with a message, not cut silently
	ti.SetValue(value)
	ti.CursorEnd()
	f.fields = append(f.fields, &formField{key: key, label: label, hint: hint, kind: kind, input: ti, initial: value,
		pristine: kind == fieldDate && value != ""})
	if len(f.fields) == 1 {
		f.fields[0].input.Focus()
	}
	return f
}

func (f *form) text(key, label, value, hint string) *form {
	return f.addInput(fieldText, key, label, value, hint)
}

// longText is a text field shown wrapped over several lines as it is
// typed, after an optional fixed prefix the text completes.
func (f *form) longText(key, label, prefix, hint string) *form {
	f.addInput(fieldText, key, label, "", hint)
	fl := f.fields[len(f.fields)-1]
	fl.wrap, fl.prefix = true, prefix
	return f
}

// dirty: something was typed or chosen that leaving would lose.
func (f *form) dirty() bool {
	for _, fl := range f.fields {
		if fl.kind <= fieldDate && strings.TrimSpace(fl.input.Value()) != strings.TrimSpace(fl.initial) {
			return true
		}
	}
	return false
}

// askDiscard puts the "discard what you typed?" question; quitting says the
// app closes too.
func (f *form) askDiscard(quitting bool) {
	f.discard, f.quitting = "Discard what you typed?", quitting
	if quitting {
		f.discard = "Discard what you typed and quit?"
	}
}
func (f *form) agency(key, label, value string) *form {
	return f.addInput(fieldAgency, key, label, value, "type two or three letters of the name")
}
func (f *form) date(key, label, value string) *form {
	return f.addInput(fieldDate, key, label, value, model.WhenHelp)
}

// Toggle and choice fields still get a real (unused) text input: a zero
// textinput.Model has no cursor and panics if anything focuses it.
func (f *form) toggle(key, label string, on bool, hint string) *form {
	f.fields = append(f.fields, &formField{key: key, label: label, kind: fieldToggle, on: on, hint: hint, input: textinput.New()})
	return f
}

func (f *form) choose(key, label string, choices []string, selected int) *form {
	// initial: the choice it opened with, so a refused save can show a
	// fresh value in a choice the person has not moved (adopt).
	f.fields = append(f.fields, &formField{key: key, label: label, kind: fieldChoice, choices: choices, choice: selected, input: textinput.New(),
		initial: choices[selected]})
	return f
}

// indexOf is the position of a field (len when there is none).
func (f *form) indexOf(key string) int {
	for i, fl := range f.fields {
		if fl.key == key {
			return i
		}
	}
	return len(f.fields)
}

func (f *form) field(key string) *formField {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

func (f *form) value(key string) string {
	if fl := f.field(key); fl != nil {
		if fl.kind == fieldChoice {
			return fl.choices[fl.choice]
		}
		return fl.input.Value()
	}
	return ""
}

func (f *form) on(key string) bool {
	fl := f.field(key)
	return fl != nil && fl.on
}

// fail puts a message under a field (or the form when the field is unknown).
func (f *form) fail(key, msg string) {
	if fl := f.field(key); fl != nil {
		fl.err = msg
		return
	}
	f.errMsg = msg
}

// failWith routes an error from the store to where it belongs: a field
// error under its field, anything else at the bottom of the form.
func (f *form) failWith(err error) {
	f.busy = false
	var fe *model.FieldError
	if errors.As(err, &fe) && f.field(fe.Field) != nil {
		f.fail(fe.Field, fe.Problem)
		f.focusOn(fe.Field)
		return
	}
	f.errMsg = err.Error()
}

func (f *form) focusOn(key string) {
	for i, fl := range f.fields {
		if fl.key == key {
			f.setFocus(i)
		}
	}
}

func (f *form) setFocus(i int) {
	if i < 0 || i >= len(f.fields) {
		return
	}
	for _, fl := range f.fields {
		fl.input.Blur()
	}
	f.focus = i
	if f.fields[i].kind <= fieldDate {
		f.fields[i].input.Focus()
	}
}

func (f *form) clearErrors() {
	f.errMsg = ""
	for _, fl := range f.fields {
		fl.err = ""
	}
}

// agencyOf resolves the agency field, setting its error when it does not
// name exactly one agency.
func (f *form) agencyOf(key string) (model.Agency, bool) {
	a, err := model.FindAgency(f.ctx.agencies, f.value(key))
	if err != nil {
		f.fail(key, err.Error())
		return a, false
	}
	return a, true
}

// optionalAgencyOf is agencyOf for a field that may be left empty (zero
// agency, true).
func (f *form) optionalAgencyOf(key string) (model.Agency, bool) {
	if strings.TrimSpace(f.value(key)) == "" {
		return model.Agency{}, true
	}
	return f.agencyOf(key)
}

// dateOf resolves a date field.
func (f *form) dateOf(key string) (model.Date, bool) {
	d, err := model.ParseWhen(f.value(key), f.ctx.today, f.ctx.next)
	if err != nil {
		f.fail(key, err.Error())
		return d, false
	}
	return d, true
}

// textOf checks a text field's length and emptiness before it goes to the
// store (which checks again), so the message appears as soon as possible.
func (f *form) textOf(key, label string, required bool) (string, bool) {
	s, err := model.CheckText(key, label, f.value(key), required)
	if err != nil {
		f.fail(key, err.Error())
		return "", false
	}
	return s, true
}

// formResult is what Update does with a key: keep going, or close.
type formResult int

const (
	formOpen formResult = iota
	formCancelled
)

func (f *form) update(msg tea.Msg, km keyMap) (formResult, tea.Cmd) {
	if f.busy {
		return formOpen, nil
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		if f.discard != "" {
			switch strings.ToLower(kp.String()) {
			case "y":
				return formCancelled, nil
			case "n", "esc":
				f.discard, f.quitting = "", false
			}
			return formOpen, nil
		}
		if f.confirm != "" {
			switch strings.ToLower(kp.String()) {
			case "y":
				f.confirm, f.confirmed = "", true
				return formOpen, f.trySubmit()
			case "n", "esc":
				f.confirm = ""
			}
			return formOpen, nil
		}
		cur := f.fields[f.focus]
		switch {
		case key.Matches(kp, km.Form.Cancel):
			if f.dirty() {
				f.askDiscard(false)
				return formOpen, nil
			}
			return formCancelled, nil
		case kp.String() == "ctrl+s":
			return formOpen, f.trySubmit()
		case kp.String() == "enter":
			if f.focus == len(f.fields)-1 || (f.saveAfter != "" && f.focus >= f.indexOf(f.saveAfter)) {
				return formOpen, f.trySubmit()
			}
			f.setFocus(f.focus + 1)
			return formOpen, nil
		case key.Matches(kp, km.Form.Next):
			f.setFocus((f.focus + 1) % len(f.fields))
			return formOpen, nil
		case key.Matches(kp, km.Form.Prev):
			f.setFocus((f.focus + len(f.fields) - 1) % len(f.fields))
			return formOpen, nil
		case cur.kind == fieldToggle:
			switch strings.ToLower(kp.String()) {
			case "space", "y", "n", "left", "right":
				cur.on = kp.String() == "y" || (kp.String() != "n" && !cur.on)
				cur.err = ""
			}
			return formOpen, nil
		case cur.kind == fieldChoice:
			// Arrows move; a letter picks the choice it starts ("h" high).
			switch kp.String() {
			case "left":
				cur.choice = (cur.choice + len(cur.choices) - 1) % len(cur.choices)
			case "right", "space":
				cur.choice = (cur.choice + 1) % len(cur.choices)
			default:
				for i, c := range cur.choices {
					if strings.HasPrefix(c, strings.ToLower(kp.String())) {
						cur.choice = i
						break
					}
				}
			}
			cur.err = ""
			if f.onChoice != nil {
				f.onChoice(f, cur.key)
			}
			return formOpen, nil
		}
		if cur.pristine {
			// The default goes as soon as the person types over it.
			if t := kp.Text; t != "" && kp.Mod == 0 {
				cur.input.SetValue("")
			}
			cur.pristine = false
		}
		var cmd tea.Cmd
		cur.input, cmd = cur.input.Update(msg)
		cur.err = ""
		f.confirmed = false
		return formOpen, cmd
	}
	// A paste can carry terminal escape sequences (copied from a coloured
	// terminal, or hostile): clean it whole, before the input splits it into
	// runes and only the ESC bytes are lost.
	if pm, ok := msg.(tea.PasteMsg); ok {
		pm.Content = model.CleanText(pm.Content)
		msg = pm
	}
	// Paste and cursor blink go to the focused input.
	if f.fields[f.focus].kind <= fieldDate {
		var cmd tea.Cmd
		f.fields[f.focus].input, cmd = f.fields[f.focus].input.Update(msg)
		return formOpen, cmd
	}
	return formOpen, nil
}

func (f *form) trySubmit() tea.Cmd {
	f.clearErrors()
	cmd := f.submit(f)
	if cmd != nil {
		f.busy = true
	} else if f.errMsg == "" && f.confirm == "" {
		for i, fl := range f.fields {
			if fl.err != "" {
				f.setFocus(i)
				break
			}
		}
	}
	return cmd
}

// render draws the form as a box w wide.
func (f *form) render(s Styles, w int) string {
	inner := w - 4
	var lines []string
	for i, fl := range f.fields {
		focused := i == f.focus
		label := "  " + fl.label
		if focused {
			label = s.Cursor.Render("▸ ") + s.Bold.Render(fl.label)
		}
		lines = append(lines, label)
		switch fl.kind {
		case fieldToggle:
			mark := "[ ] no"
			if fl.on {
				mark = "[x] yes"
			}
			lines = append(lines, "    "+mark+s.Muted.Render("  "+fl.hint))
		case fieldChoice:
			var parts []string
			plain := 0
			// The chosen one is marked by a filled circle as well as by
			// colour, so it reads the same with NO_COLOR: chairs press → and
			// see which level is chosen, by name.
			for j, c := range fl.choices {
				plain += cells(c) + 4
				if j == fl.choice {
					parts = append(parts, s.Selected.Render("● "+c+" "))
				} else {
					parts = append(parts, "○ "+c+" ")
				}
			}
			if plain > inner-4 {
				// Too many to show side by side (the items of an agenda):
				// the chosen one, where it is in the list, and the arrows.
				c := fmt.Sprintf("%d of %d", fl.choice+1, len(fl.choices))
				lines = append(lines, "    ◂ "+s.Selected.Render(" "+clip(fl.choices[fl.choice], inner-16-len(c))+" ")+" ▸  "+s.Muted.Render(c))
				break
			}
			lines = append(lines, "    "+strings.Join(parts, " "))
		default:
			if fl.wrap {
				lines = append(lines, f.wrapped(fl, s, inner-4, focused)...)
				break
			}
			lines = append(lines, "    "+fl.line(s, max(inner-6, 10), focused))
		}
		switch {
		case fl.err != "":
			for _, l := range wrap("✗ "+fl.err, inner-4) {
				lines = append(lines, "    "+s.ErrorText.Render(l))
			}
		default:
			if p := f.preview(fl); p != "" {
				lines = append(lines, "    "+s.Muted.Render(clip(p, inner-4)))
			} else if focused && fl.hint != "" && fl.kind != fieldToggle {
				lines = append(lines, "    "+s.Faint.Render(clip(fl.hint, inner-4)))
			}
		}
	}
	if f.summary != nil {
		lines = append(lines, "")
		for _, l := range wrap(f.summary(f), inner) {
			lines = append(lines, s.Bold.Render(l))
		}
	}
	lines = append(lines, "")
	switch {
	case f.discard != "":
		lines = append(lines, s.Warning.Render(f.discard+"  y yes · n no"))
	case f.confirm != "":
		for _, l := range wrap(f.confirm+"  y yes · n no", inner) {
			lines = append(lines, s.Warning.Render(l))
		}
	case f.busy:
		lines = append(lines, s.Saving.Render("saving…"))
	case f.errMsg != "":
		for _, l := range wrap("✗ "+f.errMsg, inner) {
			lines = append(lines, s.Error.Render(l))
		}
	default:
		if f.saveAfter != "" && f.saveAfter != f.fields[len(f.fields)-1].key {
			lines = append(lines, s.Muted.Render("enter saves from "+f.field(f.saveAfter).label+" · tab reaches the rest · esc cancel"))
		} else {
			lines = append(lines, s.Muted.Render("enter next/save · ctrl+s save · tab field · esc cancel"))
		}
	}
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	title := f.title
	if f.ctx.part2 {
		// Said whatever the title's length: its own words give way.
		title = clip(title, w-5-cells(part2Title)) + part2Title
	}
	return box(s.FocusStyle, title, lines, w, len(lines)+2)
}

// maxWrapLines is how much of a long text a form shows at once.
const maxWrapLines = 6

// wrapped draws a long text field over several lines, its fixed prefix
// first and a block cursor where typing goes, scrolled to keep the cursor
// in view.
func (f *form) wrapped(fl *formField, s Styles, w int, focused bool) []string {
	value := []rune(fl.input.Value())
	pos := min(fl.input.Position(), len(value))
	cursor := ""
	if focused {
		under := " "
		if pos < len(value) {
			under = string(value[pos])
		}
		cursor = s.Selected.Render(under)
	}
	after := ""
	if pos < len(value) {
		after = string(value[pos+1:])
		if !focused {
			after = string(value[pos:])
		}
	}
	prefix := ""
	if fl.prefix != "" {
		prefix = s.Bold.Render(fl.prefix) + " "
	}
	text := prefix + string(value[:pos]) + cursor + after
	rows := wrap(text, w)
	if len(rows) == 0 {
		rows = []string{""}
	}
	// Keep the cursor's row in view.
	at := 0
	for i, r := range rows {
		if cursor != "" && strings.Contains(r, cursor) {
			at = i
		}
	}
	start := max(0, min(at-maxWrapLines+1, len(rows)-maxWrapLines))
	end := min(len(rows), start+maxWrapLines)
	out := make([]string, 0, end-start)
	for _, r := range rows[start:end] {
		out = append(out, "    "+r)
	}
	return out
}

// preview shows what an agency or date field currently means, or how long
// a text is when it is getting long.
func (f *form) preview(fl *formField) string {
	v := strings.TrimSpace(fl.input.Value())
	switch fl.kind {
	case fieldAgency:
		if v == "" {
			return ""
		}
		a, err := model.FindAgency(f.ctx.agencies, v)
		if err != nil {
			return "? " + err.Error()
		}
		return "→ " + a.Name
	case fieldDate:
		if v == "" {
			return ""
		}
		d, err := model.ParseWhen(v, f.ctx.today, f.ctx.next)
		if err != nil {
			return "? " + model.WhenHelp
		}
		return "→ " + d.Format("Monday 2 January 2006")
	case fieldText:
		if n := utf8.RuneCountInString(v); n > model.MaxTextLen*3/4 {
			return "characters: " + thousands(n) + " of " + thousands(model.MaxTextLen)
		}
	}
	return ""
}

// thousands writes 2345 as "2,345".
func thousands(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

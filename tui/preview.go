package tui

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
)

// preview shows a meeting's minutes as they will be saved: the same
// Markdown `tasking minutes` writes, rendered with glamour in a command
// (never in View), in a scrolling viewport.
type preview struct {
	ref      string // what was asked for: "latest" or "M-3"
	meeting  model.Meeting
	markdown string
	rendered string
	width    int
	vp       viewport.Model
	back     screen
	err      string
}

type previewMsg struct {
	ref      string
	meeting  model.Meeting
	markdown string
	rendered string
	width    int
	err      error
}

func (a *App) openPreview(ref string) tea.Cmd {
	a.preview = &preview{ref: ref, back: a.screen, vp: viewport.New()}
	a.screen = screenPreview
	return a.renderPreview()
}

// renderPreview reads the record and renders it at the current width.
func (a *App) renderPreview() tea.Cmd {
	p := a.preview
	if p == nil {
		return nil
	}
	// glamour adds its own margins and a quote bar, and wraps quotes past
	// the width it is given: leave it room inside the box.
	st, ref, w := a.st, p.ref, max(a.w-10, 40)
	style := "dark"
	if !a.styles.isDark {
		style = "light"
	}
	if os.Getenv("NO_COLOR") != "" {
		style = "notty"
	}
	return func() tea.Msg {
		m, err := st.ResolveMeeting(ref)
		if err != nil {
			return previewMsg{ref: ref, err: err}
		}
		rec, err := st.MeetingRecord(m.ID)
		if err != nil {
			return previewMsg{ref: ref, err: err}
		}
		md := minutes.Markdown(rec)
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(w))
		if err != nil {
			return previewMsg{ref: ref, meeting: m, markdown: md, err: err}
		}
		out, err := r.Render(md)
		return previewMsg{ref: ref, meeting: m, markdown: md, rendered: out, width: w, err: err}
	}
}

func (a *App) previewReady(msg previewMsg) {
	p := a.preview
	if p == nil || p.ref != msg.ref {
		return
	}
	p.meeting, p.markdown, p.rendered, p.width = msg.meeting, msg.markdown, msg.rendered, msg.width
	p.err = ""
	if msg.err != nil {
		p.err = msg.err.Error()
	}
	p.vp.SetContent(p.rendered)
}

func (a *App) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	p := a.preview
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Back):
		a.screen = p.back
		a.preview = nil
		return a.reload()
	case key.Matches(msg, a.keys.Preview.Save):
		if p.markdown == "" {
			return nil
		}
		a.saveMinutesForm()
		return nil
	case key.Matches(msg, g.Down):
		p.vp.ScrollDown(1)
	case key.Matches(msg, g.Up):
		p.vp.ScrollUp(1)
	case key.Matches(msg, g.PageDown), msg.String() == "space":
		p.vp.PageDown()
	case key.Matches(msg, g.PageUp):
		p.vp.PageUp()
	case key.Matches(msg, a.keys.Preview.Top):
		p.vp.GotoTop()
	case key.Matches(msg, a.keys.Preview.Bottom):
		p.vp.GotoBottom()
	}
	return nil
}

// saveMinutesForm asks where to save, defaulting to minutes-YYYY-MM-DD.md
// in the current directory.
func (a *App) saveMinutesForm() {
	p := a.preview
	md, meeting := p.markdown, p.meeting
	f := newForm("Save the minutes", formContext{today: a.st.Today()}, func(f *form) tea.Cmd {
		name, ok := f.lineOf("file", "file name", 500, true)
		if !ok {
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			path, err := minutes.Save(name, meeting, "md", []byte(md))
			if err != nil {
				return nil, &model.FieldError{Field: "file", Problem: err.Error()}
			}
			return "saved to " + path, nil
		})
	})
	f.text("file", "File name", minutes.FileName(p.meeting, "md"), "Markdown; a relative name is saved in the current folder")
	a.form = f
}

func (a *App) previewView(w, h int) string {
	p, s := a.preview, a.styles
	title := "Minutes preview"
	if !p.meeting.Date.IsZero() {
		title = fmt.Sprintf("Minutes · %s (%s)", p.meeting.Date.Long(), p.meeting.Ref())
		if p.meeting.State != model.MeetingClosed {
			title += " · DRAFT"
		}
	}
	var lines []string
	switch {
	case p.err != "":
		lines = []string{" " + s.Error.Render("✗ "+p.err)}
	case p.rendered == "":
		lines = []string{" " + s.Muted.Render("rendering…")}
	default:
		p.vp.SetWidth(w - 2)
		p.vp.SetHeight(h - 2)
		lines = strings.Split(p.vp.View(), "\n")
		pct := fmt.Sprintf(" %3.0f%% ", p.vp.ScrollPercent()*100)
		title += " ·" + pct
	}
	return box(s.BorderStyle, title, lines, w, h)
}

// historyMsg carries an action's history to the info overlay.
type historyMsg struct {
	action  model.Action
	updates []model.ActionUpdate
	err     error
}

func (a *App) loadHistory(act model.Action) tea.Cmd {
	st := a.st
	return func() tea.Msg {
		u, err := st.ActionHistory(act.ID)
		return historyMsg{action: act, updates: u, err: err}
	}
}

// showHistory opens the action's history in the info overlay.
func (a *App) showHistory(msg historyMsg) {
	if msg.err != nil {
		a.flash, a.flashErr = msg.err.Error(), true
		return
	}
	var lines []string
	for _, u := range msg.updates {
		where := ""
		if u.MeetingID != 0 {
			where = "  [" + model.MeetingRef(u.MeetingID) + "]"
		}
		lines = append(lines, u.At.Local().Format("02 Jan 2006 15:04")+"  "+u.By+" — "+u.Describe()+where)
	}
	if len(lines) == 0 {
		lines = []string{"No history recorded."}
	}
	a.info = &infoBox{title: "History · " + msg.action.Ref() + " " + msg.action.Text, lines: lines}
}

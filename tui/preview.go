package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// preview shows a meeting's minutes as they will be read: the plain-text
// version `tasking minutes --format txt` writes (the email body), its
// headings in bold, made in a command (never in View), in a scrolling
// viewport. (Not Markdown through a renderer: one would bring a syntax
// highlighter's start-up cost to every command.) Being those minutes, it
// marks private business as they do, in the model's words.
type preview struct {
	ref      string // what was asked for: "latest" or "M-3"
	public   bool   // the Part 1 version for publication (p toggles)
	rec      model.MeetingRecord
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
	public   bool
	rec      model.MeetingRecord
	meeting  model.Meeting
	markdown string
	rendered string
	width    int
	err      error
}

func (a *App) openPreview(ref string) tea.Cmd {
	// Someone who reads the public record only sees the public version
	// (model.VersionFor), and is told so once.
	public, note := model.VersionFor(a.actor, false)
	if note != "" {
		a.flash, a.flashErr = note, false
	}
	a.preview = &preview{ref: ref, public: public, back: a.screen, vp: viewport.New()}
	a.screen = screenPreview
	return a.preview.read(a)
}

// read reads the record and renders it at the current width.
func (p *preview) read(a *App) tea.Cmd {
	st, ref, w, public, styles := a.st, p.ref, max(a.w-10, 40), p.public, a.styles
	return func() tea.Msg {
		m, err := st.ResolveMeeting(ref)
		if err != nil {
			return previewMsg{ref: ref, err: err}
		}
		rec, err := st.MinutesRecord(m.ID)
		if err != nil {
			return previewMsg{ref: ref, err: err}
		}
		txt, err := minutes.Render(rec, minutes.TXT, minutes.Options{Public: public})
		if err != nil {
			return previewMsg{ref: ref, public: public, err: err}
		}
		return previewMsg{ref: ref, public: public, rec: rec, meeting: m, markdown: string(txt), rendered: styleMinutes(string(txt), styles), width: w}
	}
}

// styleMinutes bolds the plain-text minutes' headings (the lines "===" or
// "---" underline) and indents the page one column.
func styleMinutes(txt string, s Styles) string {
	lines := strings.Split(strings.TrimRight(txt, "\n"), "\n")
	for i, l := range lines {
		under := i+1 < len(lines) && l != "" && (strings.Trim(lines[i+1], "=") == "" || strings.Trim(lines[i+1], "-") == "") && lines[i+1] != ""
		if under {
			l = s.Bold.Render(l)
		}
		lines[i] = " " + l
	}
	return strings.Join(lines, "\n")
}

func (msg previewMsg) take(a *App) tea.Cmd {
	p := a.preview
	if p == nil || p.ref != msg.ref || p.public != msg.public {
		return nil // a stale render (the version was switched meanwhile)
	}
	p.rec, p.meeting, p.markdown, p.rendered, p.width = msg.rec, msg.meeting, msg.markdown, msg.rendered, msg.width
	p.err = ""
	if msg.err != nil {
		p.err = msg.err.Error()
	}
	p.vp.SetContent(p.rendered)
	return nil
}

func (p *preview) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
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
		if a.remote != "" {
			a.push(remoteExportBox(a.remote, p.meeting, p.public))
			return nil
		}
		p.exportForm(a)
		return nil
	case key.Matches(msg, a.keys.Preview.Public):
		public, note := model.VersionFor(a.actor, !p.public)
		if note != "" {
			a.flash, a.flashErr = note, true
			return nil
		}
		p.public = public
		p.rendered, p.markdown = "", ""
		return p.read(a)
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

// exportForm exports the minutes: the format, then where, defaulting
// to minutes-YYYY-MM-DD[-public].EXT in the current directory. The version
// (restricted or public) is the one on screen.
func (p *preview) exportForm(a *App) {
	rec, m, public := p.rec, p.meeting, p.public
	choices := make([]string, len(minutes.Formats))
	for i, f := range minutes.Formats {
		choices[i] = string(f)
	}
	version := "restricted (OFFICIAL-SENSITIVE)"
	if public {
		version = "public (Part 1)"
	}
	f := newForm("Export the minutes · "+version, formContext{today: a.st.Today()}, func(f *form) tea.Cmd {
		format := minutes.Format(f.value("format"))
		name, ok := f.lineOf("file", "file name", 500, true)
		if !ok {
			return nil
		}
		// A default name follows the chosen format; a name the person typed
		// is kept as typed.
		for _, other := range minutes.Formats {
			if name == minutes.FileNameFor(m, other, public) {
				name = minutes.FileNameFor(m, format, public)
			}
		}
		if a.dir != "" && !filepath.IsAbs(name) {
			name = filepath.Join(a.dir, name) // the person's own folder, not the holder's
		}
		// An existing file is replaced only when the person says so.
		if target := minutes.Target(name, m, string(format)); !f.confirmed {
			if st, err := os.Stat(target); err == nil && !st.IsDir() {
				f.confirm = filepath.Base(target) + " already exists here. Replace it?"
				return nil
			}
		}
		return a.save(f.id, "", func() (any, error) {
			data, err := minutes.Render(rec, format, minutes.Options{Public: public})
			if err != nil {
				return nil, err
			}
			path, err := minutes.Save(name, m, string(format), data)
			if err != nil {
				return nil, &model.FieldError{Field: "file", Problem: err.Error()}
			}
			return "saved to " + path, nil
		})
	})
	f.choose("format", "Format (md, html for print, txt for email, json, docx for Word)", choices, 0).
		text("file", "File name", minutes.FileNameFor(m, minutes.MD, public), "a relative name is saved in the current folder; written readable by you only")
	// The name follows the format as it is chosen: the default one whole, a
	// typed one by its extension when that is a minutes format's (anything
	// else the person typed is left alone).
	f.onChoice = func(f *form, key string) {
		fl := f.field("file")
		if key != "format" || fl == nil {
			return
		}
		format := minutes.Format(f.value("format"))
		name := withFormatExt(fl.input.Value(), format)
		for _, other := range minutes.Formats {
			if fl.input.Value() == minutes.FileNameFor(m, other, public) {
				name = minutes.FileNameFor(m, format, public)
			}
		}
		if name != fl.input.Value() {
			fl.input.SetValue(name)
			fl.input.CursorEnd()
		}
	}
	a.push(f)
}

// withFormatExt gives a file name the extension of format f when it ends in
// another minutes format's (.md, .html, .htm, .txt, .json, .docx, any case;
// what minutes.ParseFormat reads):
// "board-pack.md" becomes "board-pack.html". A name without an extension,
// with another one ("pack.odt") or already right for f ("pack.htm" for
// html) is returned as it is.
func withFormatExt(name string, f minutes.Format) string {
	ext := filepath.Ext(name)
	if ext == "" || ext == filepath.Base(name) {
		return name // no extension, or a name that is only one (".md")
	}
	if old, err := minutes.ParseFormat(ext); err != nil || old == f {
		return name
	}
	return strings.TrimSuffix(name, ext) + "." + string(f)
}

func (p *preview) draw(a *App, w, h int) string {
	s := a.styles
	title := "Minutes preview"
	if !p.meeting.Date.IsZero() {
		title = fmt.Sprintf("Minutes · %s (%s)", p.meeting.Date.Long(), p.meeting.Ref())
		if p.meeting.State != model.MeetingClosed {
			title += " · DRAFT"
		}
	}
	if p.public {
		title += " · PUBLIC (Part 1)"
	} else {
		title += " · restricted"
	}
	var lines []string
	switch {
	case p.err != "":
		lines = errorLines(s, p.err, w)
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

// previewPart is a meeting's minutes, as they will be read.
type previewPart struct{}

func (previewPart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.preview.key(a, msg) }
func (previewPart) view(a *App, w, h int) string                 { return a.preview.draw(a, w, h) }
func (previewPart) load(*App) tea.Cmd                            { return nil }

// affected: the minutes are rendered once, as they stood when opened.
func (previewPart) affected(*App, store.Change) bool { return false }
func (previewPart) help(*App) []string               { return []string{"Minutes preview"} }

func (previewPart) hints(a *App) string {
	p, g := a.keys.Preview, a.keys.Global
	return a.hintsOf(keyHint("scroll", g.Down, g.Up), keyHint("public/restricted", p.Public), keyHint("export", p.Save), keyHint("back", g.Back))
}

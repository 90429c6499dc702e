package minutes

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
)

// Format is an output format of the minutes; its value is the file
// extension.
type Format string

const (
	MD   Format = "md"   // Markdown (CommonMark with GFM tables)
	HTML Format = "html" // one self-contained HTML file that prints on A4
	TXT  Format = "txt"  // plain text wrapped at 72 columns, for an email body
	JSON Format = "json" // the whole Doc, described by Schema
	DOCX Format = "docx" // a Word document on A4 (binary: a zip of XML)
)

// Formats are every format, in the order help texts list them.
var Formats = []Format{MD, HTML, TXT, JSON, DOCX}

// Binary: the format is not text, so it is never written to a terminal.
func (f Format) Binary() bool { return f == DOCX }

// ParseFormat reads a format name: md, html, txt, json or docx (any case; a
// leading dot, "markdown", "text" and "htm" are understood too).
func ParseFormat(s string) (Format, error) {
	in := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "."))
	switch in {
	case "markdown":
		in = string(MD)
	case "text":
		in = string(TXT)
	case "htm":
		in = string(HTML)
	}
	for _, f := range Formats {
		if in == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%q is not a minutes format: use %s", model.CleanLine(s), formatList())
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Render builds the minutes of rec (restricted, or public with
// opt.Public) and writes them in format f.
func Render(rec model.MeetingRecord, f Format, opt Options) ([]byte, error) {
	d := BuildWith(rec, opt)
	switch f {
	case MD:
		return []byte(d.Markdown()), nil
	case HTML:
		return []byte(d.HTML()), nil
	case TXT:
		return []byte(d.Text()), nil
	case JSON:
		return d.JSON()
	case DOCX:
		return d.DOCX()
	}
	return nil, fmt.Errorf("%q is not a minutes format: use %s", model.CleanLine(string(f)), formatList())
}

// FileNameFor is the default file name for a meeting's minutes in format f:
// "minutes-2026-11-24.md", or "minutes-2026-11-24-public.html" for the
// public version.
func FileNameFor(m model.Meeting, f Format, public bool) string {
	name := FileName(m, string(f))
	if !public {
		return name
	}
	ext := "." + strings.TrimPrefix(string(f), ".")
	if f == "" {
		ext = ".md"
	}
	return strings.TrimSuffix(name, ext) + "-public" + ext
}

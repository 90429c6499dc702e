package minutes

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"md": MD, "html": HTML, "txt": TXT, "json": JSON, "docx": DOCX, ".DOCX": DOCX,
		"MD": MD, " Html ": HTML, ".json": JSON, "markdown": MD, "text": TXT, "htm": HTML,
	} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "pdf", "csv", "doc", "odt", "\x1b[31mmd"} {
		_, err := ParseFormat(in)
		if err == nil {
			t.Errorf("ParseFormat(%q) took it", in)
			continue
		}
		if !strings.Contains(err.Error(), "use md, html, txt, json or docx") || strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("ParseFormat(%q): %v", in, err)
		}
	}
	if got := len(Formats); got != 5 {
		t.Errorf("%d formats", got)
	}
	for _, f := range Formats {
		if f.Binary() != (f == DOCX) {
			t.Errorf("%s: binary %v", f, f.Binary())
		}
	}
}

func TestFileNameFor(t *testing.T) {
	m := model.Meeting{ID: 6, Date: model.MustDate("2026-11-24")}
	for _, tt := range []struct {
		f      Format
		public bool
		want   string
	}{
		{MD, false, "minutes-2026-11-24.md"},
		{HTML, false, "minutes-2026-11-24.html"},
		{TXT, true, "minutes-2026-11-24-public.txt"},
		{JSON, true, "minutes-2026-11-24-public.json"},
		{HTML, true, "minutes-2026-11-24-public.html"},
		{DOCX, false, "minutes-2026-11-24.docx"},
		{DOCX, true, "minutes-2026-11-24-public.docx"},
	} {
		if got := FileNameFor(m, tt.f, tt.public); got != tt.want {
			t.Errorf("FileNameFor(%s, %v) = %q, want %q", tt.f, tt.public, got, tt.want)
		}
	}
	if got := FileNameFor(model.Meeting{ID: 6}, MD, true); got != "minutes-M-6-public.md" {
		t.Errorf("an undated meeting: %q", got)
	}
}

// Render is BuildWith and the format's writer; Build is the restricted
// version.
func TestRender(t *testing.T) {
	rec := richRecord()
	if !reflect.DeepEqual(Build(rec), BuildWith(rec, Options{})) {
		t.Error("Build differs from BuildWith with no options")
	}
	if Markdown(rec) != Build(rec).Markdown() {
		t.Error("Markdown(rec) is not the restricted Markdown")
	}
	for _, public := range []bool{false, true} {
		d := BuildWith(rec, Options{Public: public})
		j, _ := d.JSON()
		docx, _ := d.DOCX()
		for f, want := range map[Format]string{MD: d.Markdown(), HTML: d.HTML(), TXT: d.Text(), JSON: string(j), DOCX: string(docx)} {
			got, err := Render(rec, f, Options{Public: public})
			if err != nil || string(got) != want {
				t.Errorf("Render(%s, public %v) is not the Doc's %s (%v)", f, public, f, err)
			}
		}
	}
	if _, err := Render(rec, "pdf", Options{}); err == nil {
		t.Error("Render took an unknown format")
	}
}

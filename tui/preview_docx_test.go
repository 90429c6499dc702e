package tui

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
)

// The preview's export offers the Word document: chosen, the default name
// follows (minutes-2026-11-17.docx), and what is saved is the restricted
// minutes as a DOCX, readable by its owner only.
func TestPreviewExportsWord(t *testing.T) {
	s := demoStore(t)
	dir := t.TempDir()
	ss := startSession(t, s, chairOf(t, s), 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("M")
	ss.waitFor("· restricted", "OFFICIAL-SENSITIVE")
	ss.keys("w")
	ss.waitFor("Export the minutes", "docx for Word", "minutes-2026-11-17.md")
	ss.keys("right", "right", "right", "right") // md → html → txt → json → docx
	ss.waitFor("minutes-2026-11-17.docx")
	ss.keys("tab")
	for range len("minutes-2026-11-17.docx") {
		ss.tm.Send(keyPress("backspace"))
	}
	path := filepath.Join(dir, "minutes-2026-11-17.docx")
	ss.typeText(path)
	ss.keys("enter")
	ss.waitFor("saved to " + path)
	ss.finish()

	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != minutes.FileMode {
		t.Errorf("saved %v, want %v", st.Mode().Perm(), os.FileMode(minutes.FileMode))
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("not a Word document: %v", err)
	}
	defer zr.Close()
	f, err := zr.Open("word/header1.xml")
	if err != nil {
		t.Fatal(err)
	}
	header, _ := io.ReadAll(f)
	f.Close()
	if !strings.Contains(string(header), "OFFICIAL-SENSITIVE") {
		t.Errorf("the saved document's page header is not the restricted one:\n%s", header)
	}
}

// Over SSH the export gives the command that fetches each format, the
// Word document with -o - (the command refuses to write one otherwise).
func TestRemoteExportBoxOffersWord(t *testing.T) {
	m := model.Meeting{ID: 3, Date: model.MustDate("2026-11-17")}
	box := remoteExportBox("ssh -p 23234 tasking.example.org", m, true)
	text := strings.Join(box.lines, "\n")
	for _, want := range []string{
		"ssh -p 23234 tasking.example.org minutes M-3 --format docx --public -o - > minutes-2026-11-17-public.docx",
		"ssh -p 23234 tasking.example.org minutes M-3 --format html --public > minutes-2026-11-17-public.html",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the box does not offer %q:\n%s", want, text)
		}
	}
	for _, f := range minutes.Formats {
		if !strings.Contains(text, "--format "+string(f)+" ") {
			t.Errorf("the box offers no %s", f)
		}
	}
}

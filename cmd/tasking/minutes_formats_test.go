package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMinutesEveryFormatBothVersions(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	chair := []string{"--db", db, "--as", "Helen Marsh"}
	ok(t, append(chair, "meeting", "start")...)
	ok(t, append(chair, "decision", "add", "--part2", "That", "ZZSECRET", "the", "family", "be", "offered", "a", "move")...)
	ok(t, append(chair, "decision", "add", "--hotspot", "HS-1", "That", "patrols", "continue")...)
	ok(t, append(chair, "meeting", "close", "--next", "+1w")...)
	for _, f := range minutesFormats {
		args := []string{"--db", db, "minutes", "latest", "--format", string(f)}
		if f == "docx" {
			args = append(args, "-o", "-") // a binary file is sent down a pipe only when asked
		}
		restricted := minutesText(t, f, ok(t, args...))
		public := minutesText(t, f, ok(t, append(args, "--public")...))
		if !strings.Contains(restricted, "OFFICIAL-SENSITIVE") || strings.Contains(public, "OFFICIAL-SENSITIVE") {
			t.Errorf("%s: the restricted version is not marked, or the public one is", f)
		}
		flat := strings.Join(strings.Fields(public), " ") // text wraps at 72 columns
		if !strings.Contains(public, "PUBLIC") || !strings.Contains(flat, "taken in private (Part 2)") || !strings.Contains(flat, "named by their agency only") {
			t.Errorf("%s: the public version lacks its marking or its private-items line", f)
		}
		// A Part 2 decision is in the group's minutes, never in the public ones.
		if !strings.Contains(restricted, "ZZSECRET") || strings.Contains(public, "ZZSECRET") {
			t.Errorf("%s: Part 2 text in the wrong version", f)
		}
		if !strings.Contains(public, "patrols continue") {
			t.Errorf("%s: the public version lost Part 1 business", f)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "minutes", "--format", "json")), &doc); err != nil || doc["version"] != float64(1) {
		t.Fatalf("json: %v, version %v", err, doc["version"])
	}
	if schema := ok(t, "--db", db, "minutes", "--schema"); !strings.Contains(schema, `"$schema"`) {
		t.Fatalf("--schema printed %q", schema[:min(len(schema), 80)])
	}
	dir := t.TempDir()
	r := run(t, nil, "--db", db, "minutes", "latest", "--format", "html", "--public", "-o", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), "-public.html") {
		t.Fatalf("saved %v", entries)
	}
	if st, _ := os.Stat(filepath.Join(dir, entries[0].Name())); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
}

// minutesText is the minutes in format f as words to search: a Word
// document's text, paragraph by paragraph; any other format as written.
func minutesText(t *testing.T, f format, out string) string {
	t.Helper()
	if f != "docx" {
		return out
	}
	if !strings.HasPrefix(out, "PK\x03\x04") {
		t.Fatalf("not a Word document: %q", out[:min(len(out), 8)])
	}
	return docxWords(t, []byte(out))
}

// docxWords is the text of a DOCX's header, body and footer, a line per
// paragraph.
func docxWords(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, name := range []string{"word/header1.xml", "word/document.xml", "word/footer1.xml"} {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("the DOCX has no %s: %v", name, err)
		}
		dec := xml.NewDecoder(f)
		inText := false
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inText = tok.Name.Local == "t"
			case xml.EndElement:
				inText = false
				if tok.Name.Local == "p" {
					b.WriteString("\n")
				}
			case xml.CharData:
				if inText {
					b.Write(tok)
				}
			}
		}
		f.Close()
	}
	return b.String()
}

// The Word minutes are a binary file: written with -o FILE (readable by
// the owner only) or into a folder, sent down a pipe with -o -, and
// refused without -o or onto a terminal.
func TestMinutesWordNeedsAFile(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	failsWith(t, run(t, nil, "--db", db, "minutes", "--format", "docx"), 2, "-o FILE")
	refusesBinaryOnTerminal(t, "--db", db, "minutes", "--format", "docx", "-o", "-")

	path := filepath.Join(t.TempDir(), "minutes.docx")
	r := run(t, nil, "--db", db, "minutes", "M-1", "--format", "docx", "-o", path)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "saved to "+path) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	checkPrivateFile(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if words := docxWords(t, data); !strings.Contains(words, "OFFICIAL-SENSITIVE") || !strings.Contains(words, "Page 1 of 1") {
		t.Errorf("the saved DOCX says:\n%.400s", words)
	}

	dir := t.TempDir()
	ok(t, "--db", db, "minutes", "M-1", "--format", "docx", "--public", "-o", dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), "-public.docx") {
		t.Fatalf("saved %v", entries)
	}
}

package minutes

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The whole of the fixture's minutes, byte for byte: any change to wording
// or layout shows up as a diff to review (go test ./minutes/ -update).
func TestGolden(t *testing.T) {
	draft := fixtureRecord()
	draft.Meeting.State = model.MeetingOpen
	for name, rec := range map[string]model.MeetingRecord{
		"closed": fixtureRecord(),
		"draft":  draft,
		// The escaping, for review; the long word is shortened to keep the file readable.
		"hostile": hostileRecord(strings.Replace(evil, strings.Repeat("W", 500), "WWWW", 1)),
	} {
		t.Run(name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", name+".md.golden"), Markdown(rec))
		})
	}
	// The record with everything (minute numbers, approval, amendments,
	// Part 2, personal ASB) in every format, both versions.
	for _, public := range []bool{false, true} {
		for _, f := range Formats {
			name := "rich"
			if public {
				name += "-public"
			}
			name += "." + string(f)
			t.Run(name, func(t *testing.T) {
				b, err := Render(richRecord(), f, Options{Public: public})
				if err != nil {
					t.Fatal(err)
				}
				if f == DOCX {
					// Binary: the golden file is what a reader reads,
					// paragraph by paragraph with its style, and the
					// tables (TestDOCXPackage and TestDOCXTables check
					// the rest of the XML).
					b = []byte(docxOutline(t, b))
				}
				golden(t, filepath.Join("testdata", name+".golden"), string(b))
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./minutes/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./minutes/ -update and review the diff):\n%s", path, got)
	}
}

package minutes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

func TestSave(t *testing.T) {
	dir := t.TempDir()
	m := model.Meeting{Date: model.MustDate("2026-11-24")}
	// Into a folder: named after the meeting, private, no temp file left.
	path, err := Save(dir, m, "md", []byte("# Minutes\n"))
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "minutes-2026-11-24.md") {
		t.Fatalf("saved to %s", path)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != FileMode {
		t.Fatalf("mode %v, %v", st.Mode().Perm(), err)
	}
	// Over an existing file: replaced whole.
	if _, err := Save(path, m, "md", []byte("# Again\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "# Again\n" {
		t.Fatalf("content %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	// A folder that does not exist: a clear error naming the file.
	_, err = Save(filepath.Join(dir, "no", "such", "x.md"), m, "md", nil)
	if err == nil || !strings.Contains(err.Error(), "cannot write") || !strings.Contains(err.Error(), "x.md") {
		t.Fatalf("missing folder: %v", err)
	}
}

package minutes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ccsp/tasking/model"
)

// FileMode is how minutes files are created: readable by their owner only.
// Restricted minutes carry Part 2 business and people's names; sharing a
// file is a decision someone takes, not a default.
const FileMode = 0o600

// Save writes the minutes of m to path (or, if path is a folder, to
// FileName(m, ext) inside it) so that a reader or a crash sees the old file
// or the whole new one, never half: a temporary file beside it, synced, then
// renamed over it. It returns the absolute path written.
func Save(path string, m model.Meeting, ext string, data []byte) (string, error) {
	path = Target(path, m, ext)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", writeErr(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", writeErr(path, err)
	}
	if err = tmp.Chmod(FileMode); err != nil {
		return "", writeErr(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return "", writeErr(path, err)
	}
	if err = tmp.Close(); err != nil {
		return "", writeErr(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return "", writeErr(path, err)
	}
	return path, nil
}

// Target is the file Save writes for path: inside it if it is a folder,
// made absolute.
func Target(path string, m model.Meeting, ext string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, FileName(m, ext))
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return path
}

// writeErr names the file the person asked for, not the temporary one.
func writeErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

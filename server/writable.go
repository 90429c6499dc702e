package server

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckDraftsDir says whether the drafts folder can be made and written
// (for serve --check-config), leaving nothing behind.
func CheckDraftsDir(dir string) error { return checkWritable(dir, "drafts folder", true) }

// checkWritable tries what serve will do in dir: write a file in it, after
// making it if mayMake (then the nearest folder that exists must take it).
func checkWritable(dir, what string, mayMake bool) error {
	existing := dir
	for mayMake {
		_, err := os.Stat(existing)
		parent := filepath.Dir(existing)
		if !errors.Is(err, fs.ErrNotExist) || parent == existing {
			break
		}
		existing = parent
	}
	st, err := os.Stat(existing)
	switch {
	case err != nil:
		return fmt.Errorf("%s %s: %w", what, dir, err)
	case !st.IsDir():
		return fmt.Errorf("%s %s: %s is not a folder", what, dir, existing)
	}
	f, err := os.CreateTemp(existing, ".tasking-check-*")
	if err != nil {
		return fmt.Errorf("%s %s: nothing can be written in %s (%v)", what, dir, existing, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

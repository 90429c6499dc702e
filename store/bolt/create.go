package bolt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// A new database is made whole beside its name and then put in place, so a
// failure part way (a full disk, a quota, the power) never leaves a 0-byte
// or half-written file under the name: such a file is "damaged" to every
// later Open, and would block the very demo or setup that failed. Nothing
// is left where it failed either: the folders made for it go too.

// createAside makes a new, empty tasking database at path: written and
// synced as path.new-PID, then linked into place. It returns the new
// file's FileInfo, or nil when another process put a file there first (it
// is then theirs, and is opened as it is).
func createAside(path string, opts Options) (os.FileInfo, error) {
	clearStaleNew(path)
	tmp := newAsideName(path, os.Getpid())
	_ = os.Remove(tmp) // a leftover of a process that had our pid
	fail := func(err error) (os.FileInfo, error) {
		_ = os.Remove(tmp)
		return nil, fmt.Errorf("cannot create %s: %s; nothing was left there", path, errText(err))
	}
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: opts.LockTimeout})
	if err != nil {
		return fail(err)
	}
	aside := newBoltFile(db, tmp, opts.Now, "")
	err = aside.prepare()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	// Link, not rename: a file that appeared under the name meanwhile is
	// never replaced.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			_ = os.Remove(tmp)
			return nil, nil
		}
		// A filesystem without hard links: rename, the name being free.
		if _, serr := os.Lstat(path); serr == nil {
			_ = os.Remove(tmp)
			return nil, nil
		}
		if rerr := os.Rename(tmp, path); rerr != nil {
			return fail(rerr)
		}
	} else {
		_ = os.Remove(tmp)
	}
	syncDir(filepath.Dir(path))
	return os.Stat(path)
}

func newAsideName(path string, pid int) string { return path + ".new-" + strconv.Itoa(pid) }

// clearStaleNew removes what a process killed while making a new database
// at path left (path.new-PID, its pid gone).
func clearStaleNew(path string) {
	leftovers, _ := filepath.Glob(path + ".new-*")
	for _, f := range leftovers {
		pid, err := strconv.Atoi(strings.TrimPrefix(f, path+".new-"))
		if err == nil && pid != os.Getpid() && !processAlive(pid) {
			_ = os.Remove(f)
		}
	}
}

// makeFolders makes dir and any folder above it that is missing (0700),
// and returns the ones it made, innermost first.
func makeFolders(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		removeFolders(missing)
		return nil, err
	}
	return missing, nil
}

// removeFolders removes folders innermost first, each only if it is empty.
func removeFolders(dirs []string) {
	for _, d := range dirs {
		_ = os.Remove(d)
	}
}

// Discard closes the store and, when this Open made its file and the file
// still holds no partnership, removes it, its owner file and the folders
// made for it: what a failed demo or setup calls, so it leaves nothing
// behind. A file that was there before, or holds a partnership now, is
// only closed.
func (s *File) Discard() error {
	if s == nil {
		return nil
	}
	if s.db == nil || s.created == nil {
		return s.Close()
	}
	empty, err := s.IsEmpty()
	cerr := s.Close()
	if err != nil || !empty {
		return cerr
	}
	// Only the very file made: not one renamed into its place since (the
	// decade demo builds aside and renames over it).
	if now, err := os.Stat(s.path); err != nil || !os.SameFile(now, s.created) {
		return cerr
	}
	if err := os.Remove(s.path); err != nil {
		return err
	}
	_ = os.Remove(s.path + ".backup-dir")
	removeFolders(s.madeDirs)
	return cerr
}

package bolt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/ccsp/tasking/record"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options for Open.
type Options struct {
	// Mode is what this process is, for the owner sidecar ("tui", "cli").
	Mode string
	// LockTimeout is how long to wait for another process to let go. Default 1s.
	LockTimeout time.Duration
	// Now is the clock (tests fix it). Default time.Now.
	Now func() time.Time
	// ReadOnly opens without write access, beside any other reader (a
	// shared lock): nothing in the file changes. The file must exist and be
	// of this release's schema.
	ReadOnly bool
	// ReadOnlyIfDenied opens a file this process may not write (its
	// permissions, a read-only filesystem) read-only instead of refusing
	// it, with a notice: the app, which can still show the record. Without
	// it such a file is refused with an *UnwritableError.
	ReadOnlyIfDenied bool
}

// File is a record held in a bbolt file: the record (Store, the use
// cases over the file's engine) with what only a file has beside it —
// check, reindex, backups, its pages, the owner sidecar. It is safe for
// concurrent use: every session in the process shares one File.
type File struct {
	*record.Store
	// bolt is the file's engine, and db its bbolt database.
	bolt *boltEngine
	db   *bolt.DB
	path string

	// notices are what opening did that the person should know (a file
	// made private).
	notices []string

	// backups is what the newest automatic backup did (LastAutoBackup).
	backups lastBackup

	// created is the file as this Open made it (nil when it was there
	// before), and madeDirs the folders it made for it, innermost first:
	// what Discard removes.
	created  os.FileInfo
	madeDirs []string
}

// ReadOnly: the file was opened read-only (asked for, or because it cannot
// be written here), beside any other reader.
func (s *File) ReadOnly() bool { return s.db != nil && s.db.IsReadOnly() }

// Open opens (creating if needed) the database at path.
func Open(path string, opts Options) (s *File, err error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	if opts.LockTimeout == 0 {
		opts.LockTimeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Mode == "" {
		opts.Mode = "cli"
	}
	notices, exists, err := checkFile(path, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	readOnlyWhy := ""
	if exists && !opts.ReadOnly {
		// bbolt would fail with a bare "permission denied" (or worse, on a
		// read-only filesystem, part way): ask first, and say what it means.
		if werr := probeWritable(path); werr != nil {
			if !denied(werr) {
				return nil, fmt.Errorf("cannot open %s: %w", path, werr)
			}
			if !opts.ReadOnlyIfDenied {
				return nil, &UnwritableError{Path: path, Err: werr}
			}
			opts.ReadOnly = true
			readOnlyWhy = fmt.Sprintf("this computer may not write it: %s", errText(werr))
			notices = append(notices, fmt.Sprintf("%s cannot be written here (%s): opened read-only — everything can be read, nothing can be changed", path, errText(werr)))
		}
	}
	var created os.FileInfo
	var madeDirs []string
	if !exists && !opts.ReadOnly {
		if madeDirs, err = makeFolders(filepath.Dir(path)); err != nil {
			return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
		}
		if created, err = createAside(path, opts); err != nil {
			removeFolders(madeDirs)
			return nil, err
		}
		if created == nil {
			madeDirs = nil // another process made it first: it is theirs
		}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	// A server holds the file for as long as it runs: waiting for the lock
	// would only end in a refusal, so say at once where to go instead.
	if o := readOwner(path); o != nil && o.serving() {
		return nil, &ServedError{Path: path, Owner: *o}
	}
	// A garbled freelist or branch page panics inside bbolt (recoverably,
	// unlike a short file): report it as damage rather than crash.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, &DamagedError{Path: path, Reason: fmt.Sprint(r), Backup: latestBackup(path)}
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:         opts.LockTimeout,
		ReadOnly:        opts.ReadOnly,
		InitialMmapSize: 64 << 20,
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, &LockedError{Path: path, Owner: readOwner(path)}
	}
	if err != nil {
		if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch) {
			return nil, &DamagedError{Path: path, Reason: err.Error(), Backup: latestBackup(path)}
		}
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	s = newBoltFile(db, path, opts.Now, readOnlyWhy)
	s.notices, s.created, s.madeDirs = notices, created, madeDirs
	if !opts.ReadOnly {
		// Damage another process found: no write until it is restored
		// (the upgrade a file may need included). Reads go on.
		if d := markedDamaged(path); d != nil {
			s.bolt.damage.Store(d)
		}
		err = s.prepare()
	} else {
		err = s.checkReadable()
	}
	if err == nil && s.bolt.fileSchema > SchemaVersion {
		err = &TooNewError{Path: path, File: s.bolt.fileSchema, Supports: SchemaVersion}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if !opts.ReadOnly {
		_ = writeOwner(path, opts.Mode, "") // best effort: only used in messages
	}
	return s, nil
}

// checkFile looks at the path before bbolt does: only a regular file is
// opened (a directory, FIFO or device gets one line, and a FIFO would
// block); an empty file is not a database and is never made into one; a
// file others can read is made private (it holds personal data), with a
// notice — and where the filesystem will not allow that, it is still
// opened, with a warning. A reader needs the file to exist: a missing one
// is a *MissingError. exists says whether it does.
func checkFile(path string, readOnly bool) (notices []string, exists bool, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if readOnly {
			return nil, false, &MissingError{Path: path}
		}
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("cannot open %s: %w", path, err)
	}
	switch mode := st.Mode(); {
	case mode.IsDir():
		return nil, true, &DamagedError{Path: path, Reason: "it is a directory, not a database file"}
	case mode&fs.ModeNamedPipe != 0:
		return nil, true, &DamagedError{Path: path, Reason: "it is a named pipe (FIFO), not a database file"}
	case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return nil, true, &DamagedError{Path: path, Reason: "it is a device, not a database file"}
	case !mode.IsRegular():
		return nil, true, &DamagedError{Path: path, Reason: "it is not a regular file"}
	case st.Size() == 0:
		return nil, true, &DamagedError{Path: path, Reason: "it is empty (0 bytes): not a database, and it was left as it is", Backup: latestBackup(path)}
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		if err := makePrivate(path, perm&0o700); err != nil {
			// A file on a share or a read-only filesystem, or someone
			// else's: refusing would keep its owner from their own record,
			// and the file is no more open for being read.
			notices = append(notices, fmt.Sprintf("warning: %s can be read by others (%04o) and could not be made private (%s): it holds personal data — ask whoever manages that folder to make it readable by you only (chmod 600)", path, perm, errText(err)))
		} else {
			notices = append(notices, fmt.Sprintf("%s could be read by others (%04o): made private (%04o), as it holds personal data", path, perm, perm&0o700))
		}
	}
	return notices, true, nil
}

// makePrivate and probeWritable are os.Chmod and a test of opening for
// writing: tests replace them to be a filesystem that refuses.
var (
	makePrivate   = os.Chmod
	probeWritable = func(path string) error {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err == nil {
			f.Close()
		}
		return err
	}
)

// denied: the error is the system refusing (permissions, a read-only
// filesystem), not the file being wrong.
func denied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// errText is an error's own words without the path an *os.PathError
// repeats ("permission denied", "read-only file system").
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Close releases the file (nil: nothing to release).
func (s *File) Close() error {
	if s == nil {
		return nil
	}
	return s.Store.Close()
}

// CheckPages runs bbolt's consistency check over the whole file (a damaged
// page can crash the process running it: `tasking check` runs it in a
// child).
func (s *File) CheckPages() error {
	return s.boltView(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
}

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ccsp/tasking/model"
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
	// ReadOnly opens without write access (still exclusive: bbolt's flock).
	ReadOnly bool
}

// Store is the open database. It is safe for concurrent use: every session
// in the process shares one Store.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time
	feed feed

	// fileSchema is set when the file's schema is newer than ours: then the
	// store reads but refuses every write.
	fileSchema int
}

// Open opens (creating if needed) the database at path.
func Open(path string, opts Options) (s *Store, err error) {
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
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
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
	s = &Store{db: db, path: path, now: opts.Now}
	if !opts.ReadOnly {
		if err := s.prepare(); err != nil {
			db.Close()
			return nil, err
		}
		_ = writeOwner(path, opts.Mode) // best effort: only used in messages
	} else if err := s.checkFormat(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the file.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.feed.closeAll()
	if !s.db.IsReadOnly() {
		removeOwner(s.path)
	}
	return s.db.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Today is the store clock's date.
func (s *Store) Today() model.Date { return model.DateOf(s.now()) }

// CheckPages runs bbolt's consistency check over the whole file (a damaged
// page can crash the process running it: `tasking check` runs it in a
// child).
func (s *Store) CheckPages() error {
	return s.view(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
}

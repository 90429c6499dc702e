package record

import (
	"io"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Store is the record over an engine: every use case of store.Record,
// written once over the persistence interface. It is safe for concurrent
// use: every session in the process shares one Store. A bbolt file
// (bolt.File) is a Store with the file's own methods beside it.
type Store struct {
	// eng is the engine holding the record.
	eng store.Engine
	// hooks are what the file holding the record does beside the
	// transactions (noFile for an engine that is not a file).
	hooks FileHooks
	name  string // what Path says: the file, or the database an engine names (Named)
	now   func() time.Time
	feed  feed
	// homes shares home's reading among the sessions asking after the
	// same commit (home_cache.go).
	homes homes
	// commits are this Store's own commits, as far as home's reading
	// needs to know them (commit_watch.go).
	commits commitWatch
}

var _ store.Record = (*Store)(nil)

// New is the record held by eng: empty until Setup or Seed, with the
// clock now (time.Now when nil). hooks are what the file holding it does
// beside its transactions (nil: it is not held in a file, and what only a
// file has — backups, check, its pages — is refused on it).
func New(eng store.Engine, now func() time.Time, hooks FileHooks) *Store {
	if now == nil {
		now = time.Now
	}
	if hooks == nil {
		hooks = noFile{}
	}
	s := &Store{eng: eng, now: now, hooks: hooks}
	if n, ok := eng.(store.Named); ok {
		s.name = n.Name()
	}
	return s
}

// FileHooks are what a record held in a file does beside its
// transactions, at the moments the use cases say: a backup after a
// meeting closes, the map's pages handed back between a long load's
// batches, the chain heads its backups carry (VerifyChain), its free
// space cleared of what an anonymisation erased; and what Record asks of
// the file alone (Backup, LastAutoBackup, Notices). The bbolt file
// (store/bolt) gives its own; a record over another engine has none
// (noFile).
type FileHooks interface {
	AutoBackupAfter(why string)
	ReleaseMapped()
	KnownHeads() []store.ChainHead
	ScrubFree(w store.Watch) (cleared int, err error)
	// BackupTo writes the whole file to w (permission was asked).
	BackupTo(w io.Writer) (store.ChainHead, error)
	LastAutoBackup() (string, error)
	Notices() []string
}

// noFile is the hooks of a record not held in a file: an engine that is
// not a file keeps its own backups and free space.
type noFile struct{}

func (noFile) AutoBackupAfter(string)             {}
func (noFile) ReleaseMapped()                     {}
func (noFile) KnownHeads() []store.ChainHead      { return nil }
func (noFile) ScrubFree(store.Watch) (int, error) { return 0, nil }
func (noFile) BackupTo(io.Writer) (store.ChainHead, error) {
	return store.ChainHead{}, store.ErrNotAFile
}
func (noFile) LastAutoBackup() (string, error) { return "", nil }
func (noFile) Notices() []string               { return nil }

// Notices says what opening the record did that the person should know
// (a file made private).
func (s *Store) Notices() []string { return s.hooks.Notices() }

// Close releases the record: the feed's subscribers, then the engine (a
// file, or an engine's connections).
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.feed.closeAll()
	if c, ok := s.eng.(interface{ Close() error }); ok {
		return c.Close()
	}
	return nil
}

// Path is the database file, or the database an engine that is not a
// file names (Named).
func (s *Store) Path() string { return s.name }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Today is the store clock's date.
func (s *Store) Today() model.Date { return model.DateOf(s.now()) }

// Backup writes a consistent copy of the whole record to w, from one read
// transaction while the record stays open for everyone else (the app, the
// server's sessions): `tasking backup -`, and over SSH `ssh HOST backup >
// copy.db`. Only the chair, an admin or the file's owner may
// (model.PermitBackup): a backup holds every private word.
func (s *Store) Backup(actor model.Actor, w io.Writer) (store.ChainHead, error) {
	if err := model.PermitBackup(actor); err != nil {
		return store.ChainHead{}, err
	}
	return s.hooks.BackupTo(w)
}

// LastAutoBackup is where the newest automatic backup went, or why it
// could not be taken ("" and nil when none has been taken since the file
// was opened).
func (s *Store) LastAutoBackup() (string, error) { return s.hooks.LastAutoBackup() }

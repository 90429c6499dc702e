package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bbolt panics (recoverably) when it walks a page that is not what it should
// be: a file damaged after its header. Every transaction goes through view or
// update so that becomes the same clear "damaged" error as a bad header,
// never a crash in the middle of a meeting. The deferred recover also rolls
// the transaction back: bbolt's own defers run as the panic unwinds.

func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer s.recoverDamage(&err)
	return s.db.View(fn)
}

func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if s.db.IsReadOnly() {
		return &ReadOnlyError{Path: s.path, Why: s.readOnlyWhy}
	}
	defer s.recoverDamage(&err)
	return s.db.Update(fn)
}

func (s *Store) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = &DamagedError{Path: s.path, Reason: fmt.Sprintf("a page inside the file is unreadable: %v", r), Backup: latestBackup(s.path)}
	}
}

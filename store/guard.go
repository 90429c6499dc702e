package store

import (
	"errors"
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
	n := s.readers.begin()
	defer s.readers.end(n)
	return s.db.View(fn)
}

// update runs fn in one write transaction, which ends by chaining and
// writing its audit events (txlog.go). Once this process has found damage
// in the file, every write is refused with the damage message: writing
// over a damaged file can only spread the damage.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if d := s.damage.Load(); d != nil {
		refused := *d
		refused.Refused = true
		return &refused
	}
	if s.db.IsReadOnly() {
		return &ReadOnlyError{Path: s.path, Why: s.readOnlyWhy}
	}
	defer s.recoverDamage(&err)
	return s.db.Update(func(tx *bolt.Tx) error {
		l := &txLog{}
		txLogs.Store(tx, l)
		defer txLogs.Delete(tx)
		if err := fn(tx); err != nil {
			return err
		}
		return commitLog(tx, l, s.now())
	})
}

// recoverDamage turns a bbolt panic on a damaged page, and a value that
// fails its checksum, into the damage error, and remembers it: from then
// on this process refuses every write (update).
func (s *Store) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = &DamagedError{Path: s.path, Reason: fmt.Sprintf("a page inside the file is unreadable: %v", r), Backup: latestBackup(s.path)}
	}
	var vd *ValueDamage
	if *err != nil && errors.As(*err, &vd) {
		*err = &DamagedError{Path: s.path, Reason: (*err).Error(), Backup: latestBackup(s.path)}
	}
	var d *DamagedError
	if *err != nil && errors.As(*err, &d) {
		s.damage.CompareAndSwap(nil, d)
	}
}

package store

import (
	"io"

	bolt "go.etcd.io/bbolt"
)

// backupTo writes a consistent copy of the whole database to dest (0600),
// from one read transaction while the store stays open: to a temporary file
// beside it, synced, then renamed, so dest is either the whole copy or
// absent. It refuses to overwrite an existing file.
func (s *Store) backupTo(dest string) (string, error) {
	err := writeWhole(dest, func(w io.Writer) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", err
	}
	return dest, nil
}

package store

import (
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// backupTo writes a consistent copy of the whole database to dest (0600),
// from one read transaction while the store stays open: to a temporary file
// beside it, synced, then renamed, so dest is either the whole copy or
// absent. It refuses to overwrite an existing file.
func (s *Store) backupTo(dest string) (string, error) {
	if _, err := os.Lstat(dest); err == nil {
		return "", fmt.Errorf("%s already exists", dest)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), filepath.Base(dest)+".part-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up a failure
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return "", err
	}
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return "", err
	}
	return dest, nil
}

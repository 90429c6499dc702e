package server

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"
)

// hostKey is the server's identity: people's ssh clients remember its
// fingerprint and warn if it ever changes.
type hostKey struct {
	signer      gossh.Signer
	fingerprint string
	created     bool
}

// loadHostKey reads the host key at path, or makes an ed25519 one there
// (0600) on first start. A key file others can read is refused: it would
// let anyone who copied it pose as the server.
func loadHostKey(path string) (hostKey, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return makeHostKey(path)
	case err != nil:
		return hostKey{}, fmt.Errorf("--host-key %s: %w", path, err)
	case !st.Mode().IsRegular():
		return hostKey{}, fmt.Errorf("--host-key %s is not a file", path)
	case st.Mode().Perm()&0o077 != 0:
		return hostKey{}, fmt.Errorf("--host-key %s can be read by others (mode %04o): chmod 600 %s, or make a new key by moving it away", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return hostKey{}, fmt.Errorf("--host-key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return hostKey{}, fmt.Errorf("--host-key %s is not an unencrypted SSH private key (%v)", path, err)
	}
	return hostKey{signer: signer, fingerprint: gossh.FingerprintSHA256(signer.PublicKey())}, nil
}

// makeHostKey generates an ed25519 key (keygen) and writes it with
// O_EXCL, so two servers starting at once cannot overwrite each other's.
func makeHostKey(path string) (hostKey, error) {
	kp, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519))
	if err != nil {
		return hostKey{}, fmt.Errorf("cannot make a host key: %w", err)
	}
	pem := kp.RawPrivateKey()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return hostKey{}, fmt.Errorf("cannot write the host key: %w", err)
	}
	if _, err := f.Write(pem); err != nil {
		f.Close()
		os.Remove(path)
		return hostKey{}, fmt.Errorf("cannot write the host key: %w", err)
	}
	if err := f.Close(); err != nil {
		return hostKey{}, fmt.Errorf("cannot write the host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		return hostKey{}, fmt.Errorf("cannot make a host key: %w", err)
	}
	return hostKey{signer: signer, fingerprint: gossh.FingerprintSHA256(kp.PublicKey()), created: true}, nil
}

// CheckHostKey checks the host key at path without making one: its
// fingerprint if it exists and is usable.
func CheckHostKey(path string) (fingerprint string, exists bool, err error) {
	if _, err := os.Stat(path); err != nil {
		// serve will make it: its folder must be one, and take a file.
		if werr := checkWritable(filepath.Dir(path), "--host-key: the folder", false); werr != nil {
			return "", false, werr
		}
		if errors.Is(err, fs.ErrNotExist) {
			return "", false, nil
		}
	}
	k, err := loadHostKey(path)
	if err != nil {
		return "", true, err
	}
	return k.fingerprint, true, nil
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// identityFile remembers who uses each database on this computer, so a rep
// chooses themselves once rather than typing --as every time:
// $XDG_CONFIG_HOME/tasking/identity.json = {"databases": {"/abs/tasking.db": "Gary Fletcher"}}.
const identityFile = "tasking/identity.json"

type identities struct {
	Databases map[string]string `json:"databases"`
}

func readIdentities() (identities, error) {
	path, err := xdg.SearchConfigFile(identityFile)
	if err != nil {
		return identities{}, nil // none yet
	}
	return readIdentitiesAt(path)
}

func readIdentitiesAt(path string) (identities, error) {
	var ids identities
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ids, nil
	}
	if err != nil {
		return ids, err
	}
	if err := json.Unmarshal(b, &ids); err != nil {
		return identities{}, fmt.Errorf("%s is not readable (%v): delete it and choose yourself again", path, err)
	}
	return ids, nil
}

// rememberedName is who last said they use dbPath here ("" if nobody).
func rememberedName(dbPath string) string {
	ids, err := readIdentities()
	if err != nil {
		return ""
	}
	return ids.Databases[dbPath]
}

// remember records that name uses dbPath on this computer.
func remember(dbPath, name string) error {
	path, err := xdg.ConfigFile(identityFile)
	if err != nil {
		return fmt.Errorf("cannot create the config folder: %w", err)
	}
	return rememberIn(path, dbPath, name)
}

// identitiesPath is where this process keeps who uses each database
// (made or not), for a process it joins to remember there.
func identitiesPath() string { return filepath.Join(xdg.ConfigHome, filepath.FromSlash(identityFile)) }

// rememberIn records in the identities file at path that name uses dbPath.
func rememberIn(path, dbPath, name string) error {
	ids, err := readIdentitiesAt(path)
	if err != nil {
		return err
	}
	if ids.Databases == nil {
		ids.Databases = map[string]string{}
	}
	ids.Databases[dbPath] = name
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot create the config folder: %w", err)
	}
	b, err := json.MarshalIndent(ids, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".identity-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Saving the action log: each file written as its rows are read, never
// held whole, and never over an existing file without --force.

// checkFree refuses to overwrite a file unless force says so; a folder is
// never overwritten.
func checkFree(path string, force bool) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%s is a folder, not a file", path)
	case !force:
		return fmt.Errorf("%s already exists: add --force to overwrite it", path)
	}
	return nil
}

// saveActionLog writes path, created 0600, with what write writes into it.
// Without force an existing file is never touched (the file is created
// exclusively, and removed again if writing fails); with force the new file
// replaces the old one whole (written beside it, then renamed), so a reader
// never sees half of either.
func saveActionLog(path string, force bool, write func(io.Writer) error) error {
	if !force {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, actionLogFileMode)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: add --force to overwrite it", path)
		}
		if err != nil {
			return saveErr(path, err)
		}
		if err := finishFile(f, write); err != nil {
			os.Remove(path)
			return saveErr(path, err)
		}
		return nil
	}
	if err := checkFree(path, true); err != nil {
		return err
	}
	tmp, err := writeBeside(path, write)
	if err != nil {
		return saveErr(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return saveErr(path, err)
	}
	return nil
}

// writeBeside writes a hidden temporary file, 0600, in path's folder and
// says its name; nothing is left behind if writing fails.
func writeBeside(path string, write func(io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	if err := tmp.Chmod(actionLogFileMode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := finishFile(tmp, write); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// finishFile writes f, syncs it to the disk and closes it.
func finishFile(f *os.File, write func(io.Writer) error) error {
	err := write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// spooled runs write on the command's standard output. Over SSH (and for a
// process that joined the holder of the file) it writes into a temporary
// file first and sends that: the record is read in one transaction while
// the rows are written, and a member's slow connection (or a pager nobody
// reads on) must not hold it open (bbolt cannot grow the file's map while a reader
// is in it, and every writer would wait).
func (a *app) spooled(out io.Writer, write func(io.Writer) error) error {
	if a.remote == nil && a.joined == nil {
		return write(out)
	}
	f, err := os.CreateTemp("", "tasking-export-*")
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		os.Remove(f.Name())
	}()
	if err := write(f); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(out, f)
	return err
}

// saveErr names the file the person asked for, not a temporary one.
func saveErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

package bolt

import "fmt"

// LockedError: another process has the file open.
type LockedError struct {
	Path  string
	Owner *Owner // nil when the holder left no sidecar
}

func (e *LockedError) Error() string {
	if e.Owner == nil {
		return fmt.Sprintf("database %s is in use by another program (it gave no details); close it and try again", e.Path)
	}
	return fmt.Sprintf("database %s is in use by %s; close that first or wait for it to finish", e.Path, e.Owner)
}

// ServedError: `tasking serve` owns the file; everyone else goes through
// it over SSH. The command line turns it into the exact ssh command.
type ServedError struct {
	Path  string
	Owner Owner
}

func (e *ServedError) Error() string {
	host, port := e.Owner.SSHAddress()
	return fmt.Sprintf("%s is served by tasking serve on %s (pid %d, since %s): use it through ssh -p %s %s",
		e.Path, e.Owner.Listen, e.Owner.PID, e.Owner.Started.Local().Format("15:04 on 2 Jan"), port, host)
}

// DamagedError: the file is not a bbolt file, is truncated, or is not ours.
type DamagedError struct {
	Path   string
	Reason string
	Backup string // newest backup we know of, if any
	// Refused: a change asked for after the damage was found, and not
	// saved (guard.go).
	Refused bool
}

func (e *DamagedError) Error() string {
	msg := fmt.Sprintf("%s is damaged or not a tasking database (%s); the file has not been changed", e.Path, e.Reason)
	if e.Refused {
		msg = fmt.Sprintf("%s is damaged (%s): this change was not saved, and no change will be until the file is restored from a backup (tasking restore) or salvaged", e.Path, e.Reason)
	}
	if e.Backup != "" {
		msg += "; latest backup: " + e.Backup
	} else {
		msg += "; no backup was found beside it"
	}
	return msg
}

// TooNewError: the file was written by a newer tasking.
type TooNewError struct {
	Path           string
	File, Supports int
}

func (e *TooNewError) Error() string {
	return fmt.Sprintf("%s was written by a newer tasking (schema %d; this one understands up to %d): upgrade tasking to open it", e.Path, e.File, e.Supports)
}

// TooOldError: a reader met a file an older release wrote, which only a
// command that writes may upgrade.
type TooOldError struct {
	Path        string
	File, Wants int
}

func (e *TooOldError) Error() string {
	return fmt.Sprintf("%s was written by an older tasking (schema %d; this one reads %d): run `tasking upgrade --db %s` once to bring it up to date (it is backed up first)", e.Path, e.File, e.Wants, e.Path)
}

// MissingError: a command that reads was given a database file that does
// not exist (a mistyped --db, most likely): it is missing, not empty.
type MissingError struct{ Path string }

func (e *MissingError) Error() string {
	return fmt.Sprintf("database %s is missing (no such file): check --db or $TASKING_DB; `tasking demo` or `tasking` starts a new one there", e.Path)
}

// UnwritableError: the file exists but this process may not write it (its
// permissions, a read-only filesystem), and the command would change it.
type UnwritableError struct {
	Path string
	Err  error
}

func (e *UnwritableError) Error() string {
	return fmt.Sprintf("%s cannot be written here (%s): nothing was changed; commands that only read, and the app (read-only), still open it", e.Path, errText(e.Err))
}

func (e *UnwritableError) Unwrap() error { return e.Err }

// ReadOnlyError: a change was asked of a store opened read-only.
type ReadOnlyError struct {
	Path string
	Why  string // "this computer may not write it: permission denied"
}

func (e *ReadOnlyError) Error() string {
	why := e.Why
	if why == "" {
		why = "opened only to read"
	}
	return fmt.Sprintf("%s is open read-only (%s): nothing was saved", e.Path, why)
}

package model

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Backups: a consistent copy of the whole record, made on demand (`tasking
// backup`) and by itself when a meeting closes and before every upgrade,
// the newest few kept. A restore puts one back, keeping the file it
// replaces. These are the rules; a store writes and reads the files.

// DefaultBackupKeep is how many automatic backups are kept unless the
// partnership says otherwise.
const DefaultBackupKeep = 12

// MaxBackupKeep bounds the setting: a year of weekly meetings and more.
const MaxBackupKeep = 1000

// RightBackup is taking a copy of the whole record: it holds every private
// word, so only those who read the restricted record and run the group
// may.
const RightBackup Right = "take a backup of the whole record"

// PermitBackup: the chair, an admin, or the file's owner (who may copy the
// file anyway) may take a backup; nobody else, over SSH least of all.
func PermitBackup(a Actor) error {
	if !(a.Owner || a.Role == RoleChair || a.Role == RoleAdmin) {
		return &PermissionError{Who: a.String(), Right: RightBackup, Rule: "only the chair or an admin may: a backup holds every private word"}
	}
	if a.Reads() != ReadRestricted {
		return &PermissionError{Who: a.String(), Right: RightBackup, Rule: "a backup holds the restricted record, which " + a.Name + " does not read"}
	}
	return nil
}

// CheckBackupKeep refuses a number of backups to keep that is not one.
func CheckBackupKeep(n int) error {
	if n < 1 || n > MaxBackupKeep {
		return Invalid("backup_keep", "keep between 1 and %d automatic backups (default %d)", MaxBackupKeep, DefaultBackupKeep)
	}
	return nil
}

// BackupBeside, given as the backup folder, puts the automatic backups
// back in the folder beside the record (Partnership.Edit).
const BackupBeside = "beside"

// CheckBackupDir cleans the folder a partnership keeps its automatic
// backups in: a full path (the server and the app may run from anywhere),
// or "beside"/"default" for the folder beside the record.
func CheckBackupDir(dir string) (string, error) {
	dir = CleanLine(dir)
	switch strings.ToLower(dir) {
	case "":
		return "", nil
	case BackupBeside, "default":
		return BackupBeside, nil
	}
	if !filepath.IsAbs(dir) {
		return "", Invalid("backup_dir", "%q: give the backup folder as a full path (/srv/tasking/backups), or beside for the folder beside the record", dir)
	}
	if len(dir) > 1024 {
		return "", Invalid("backup_dir", "the backup folder's path is longer than 1024 characters")
	}
	return filepath.Clean(dir), nil
}

// BackupKeep is how many automatic backups the partnership keeps.
func (p Partnership) BackupKeep() int {
	if p.KeepBackups == 0 {
		return DefaultBackupKeep
	}
	return p.KeepBackups
}

// AutoBackupPrefix starts the name of every automatic backup of the file
// named base, so they can be found (and pruned) among other files.
func AutoBackupPrefix(base string) string { return base + ".backup-" }

// AutoBackupName is the name of an automatic backup of the file named
// base, taken at at for why ("meeting-M-7", "schema3"): it sorts by time.
func AutoBackupName(base, why string, at time.Time) string {
	return AutoBackupPrefix(base) + at.UTC().Format("20060102-150405") + "-" + strings.ReplaceAll(why, "/", "-")
}

// PruneBackups says which automatic backups (names as AutoBackupName gives
// them) to delete so that the newest keep are left.
func PruneBackups(names []string, keep int) []string {
	sorted := slices.Clone(names)
	slices.Sort(sorted) // the time in the name sorts them, oldest first
	if len(sorted) <= keep {
		return nil
	}
	return sorted[:len(sorted)-keep]
}

// BackupInfo is what a backup (or any tasking file) holds, as a restore
// shows it before asking.
type BackupInfo struct {
	Path        string
	Partnership string
	Schema      int
	// NewestChange is the last change recorded in it, and who made it.
	NewestChange   time.Time
	NewestChangeBy string
	// LatestMeeting is its newest meeting ("M-7 on Tue 24 Nov 2026,
	// closed").
	LatestMeeting string
	Actions       int
	// Problems are what its own check found (a record that fails its
	// checksum, a history that does not hold), one line each.
	Problems []string
}

func (b BackupInfo) String() string { return b.Path + ": " + b.summary() }

// RestoreQuestion is what the person is asked before backup b replaces
// the file now holding current (its newest change, current.NewestChange):
// what comes back, what goes, and where the file it replaces is kept.
func RestoreQuestion(b, current BackupInfo, keptAs string) string {
	var q strings.Builder
	fmt.Fprintf(&q, "The backup %s holds %s.\n", b.Path, b.summary())
	if current.Partnership != "" {
		fmt.Fprintf(&q, "The record %s now holds %s.\n", current.Path, current.summary())
	}
	if b.Partnership != current.Partnership && current.Partnership != "" {
		fmt.Fprintf(&q, "It is another partnership's record (%q, not %q).\n", b.Partnership, current.Partnership)
	}
	if current.NewestChange.After(b.NewestChange) {
		fmt.Fprintf(&q, "Everything changed after %s goes from the record (it has changes up to %s).\n",
			b.NewestChange.Local().Format("15:04 on 2 Jan 2006"), current.NewestChange.Local().Format("15:04 on 2 Jan 2006"))
	}
	if keptAs != "" {
		fmt.Fprintf(&q, "The file it replaces is kept as %s.\n", keptAs)
	}
	q.WriteString("Restore it?")
	return q.String()
}

// summary is what a file holds, in words.
func (b BackupInfo) summary() string {
	s := fmt.Sprintf("%s (schema %d, %d actions", b.Partnership, b.Schema, b.Actions)
	if !b.NewestChange.IsZero() {
		s += fmt.Sprintf(", newest change %s by %s", b.NewestChange.Local().Format("15:04 on Mon 2 Jan 2006"), b.NewestChangeBy)
	}
	if b.LatestMeeting != "" {
		s += ", latest meeting " + b.LatestMeeting
	}
	return s + ")"
}

// BeforeRestoreName is what the file a restore replaces is kept as.
func BeforeRestoreName(path string, at time.Time) string {
	return path + ".before-restore-" + at.UTC().Format("20060102-150405")
}

// CheckRestore refuses a backup that cannot be put back by a program
// reading schema supports: one a newer tasking wrote, or a file that holds
// no partnership (an empty record would replace the whole history).
func CheckRestore(b BackupInfo, supports int) error {
	if b.Schema > supports {
		return Invalid("restore", "%s was written by a newer tasking (schema %d; this one reads up to %d): restore it with that version", b.Path, b.Schema, supports)
	}
	if b.Partnership == "" {
		return Invalid("restore", "%s holds no partnership: it is not a backup of a record", b.Path)
	}
	if len(b.Problems) > 0 {
		// Put in place, it would be the record: a damaged one, or one whose
		// history does not hold, over whatever is there now.
		return Invalid("restore", "%s does not check out (%s, the first: %s): restore another backup (tasking check --db %s lists them), or salvage this one (tasking salvage %s NEW) and restore what that makes",
			b.Path, Plural(len(b.Problems), "problem"), b.Problems[0], b.Path, b.Path)
	}
	return nil
}

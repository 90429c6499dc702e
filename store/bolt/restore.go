package bolt

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// RestorePlan is what putting a backup back would do, worked out before
// anything changes so the person can be asked (model.RestoreQuestion).
type RestorePlan struct {
	Path   string           // the record's file
	Backup model.BackupInfo // what comes back
	// Current is what the file holds now; CurrentDamage why it could not
	// be read (a damaged file is what a restore is for).
	Current       model.BackupInfo
	CurrentDamage error
	KeptAs        string // where the file it replaces is kept
}

// Question is what to ask before the restore.
func (p RestorePlan) Question() string {
	q := model.RestoreQuestion(p.Backup, p.Current, p.KeptAs)
	if p.CurrentDamage != nil {
		q = "The file now there could not be read (" + p.CurrentDamage.Error() + "). " + q
	}
	return q
}

// PlanRestore checks the backup (its pages, that it holds a record this
// tasking reads) and reads what the file at path holds now. A file in use
// (the app, a server, a command) is refused naming its holder: a restore
// under a running program would be lost when it next writes.
func PlanRestore(path, backup string, now time.Time) (RestorePlan, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	plan := RestorePlan{Path: path, KeptAs: model.BeforeRestoreName(path, now)}
	if same(path, backup) {
		return plan, model.Invalid("restore", "%s is the record itself, not a backup of it", backup)
	}
	info, err := Inspect(backup)
	var missing *MissingError
	if errors.As(err, &missing) {
		// The backup is what is missing, not the database: no advice about
		// --db or starting a new one.
		return plan, fmt.Errorf("the backup %s does not exist: give the file `tasking backup` wrote", backup)
	}
	if err != nil {
		return plan, fmt.Errorf("the backup %s cannot be restored: %w", backup, err)
	}
	if err := model.CheckRestore(info, SchemaVersion); err != nil {
		return plan, err
	}
	plan.Backup = info
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		plan.KeptAs = ""
		return plan, nil
	}
	plan.Current, plan.CurrentDamage = Inspect(path)
	plan.Current.Path = path
	var locked *LockedError
	var served *ServedError
	if errors.As(plan.CurrentDamage, &locked) || errors.As(plan.CurrentDamage, &served) {
		return plan, plan.CurrentDamage
	}
	return plan, nil
}

// same says whether a and b are one file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// Restore carries out plan: the backup is copied beside the record
// (synced), the record is renamed to plan.KeptAs, and the copy takes its
// name. The record is locked as bbolt locks it throughout, so no tasking
// can open it half-restored; the backup itself is left as it was.
func Restore(plan RestorePlan) error { return RestoreWatched(store.Watch{}, plan) }

// RestoreWatched is Restore reporting to w the bytes copied, and stopped
// by w's context (ErrInterrupted) until the copy is whole: the copy is then
// removed and the record left as it was. Once the copy is whole the two
// renames are not stopped.
func RestoreWatched(w store.Watch, plan RestorePlan) error {
	tmpPath := ""
	err := writeWhole(plan.Path+".restoring", func(out io.Writer) error {
		src, err := os.Open(plan.Backup.Path)
		if err != nil {
			return err
		}
		defer src.Close()
		var size int64
		if st, err := src.Stat(); err == nil {
			size = st.Size()
		}
		if _, err = copyWatched(w, "copying the backup beside the record", size, out, src); err != nil {
			return err
		}
		return w.Stopped() // the last moment to stop: next, the renames
	})
	if errors.Is(err, store.ErrInterrupted) {
		return err
	}
	if err != nil {
		return fmt.Errorf("cannot copy the backup beside %s (%w); nothing was changed", plan.Path, err)
	}
	tmpPath = plan.Path + ".restoring"
	defer os.Remove(tmpPath) // gone once renamed; cleans up a failure
	if plan.KeptAs != "" {
		cur, err := os.Open(plan.Path)
		if err != nil {
			return fmt.Errorf("cannot open %s: %w; nothing was changed", plan.Path, err)
		}
		defer cur.Close() // releases the lock, now on the kept file
		if !lockWhole(cur) {
			return &LockedError{Path: plan.Path, Owner: readOwner(plan.Path)}
		}
		if o := readOwner(plan.Path); o != nil && o.serving() {
			return &ServedError{Path: plan.Path, Owner: *o}
		}
		if err := os.Rename(plan.Path, plan.KeptAs); err != nil {
			return fmt.Errorf("cannot keep %s as %s (%w); nothing was changed", plan.Path, plan.KeptAs, err)
		}
	}
	if err := os.Rename(tmpPath, plan.Path); err != nil {
		if plan.KeptAs != "" {
			_ = os.Rename(plan.KeptAs, plan.Path) // put the record back as it was
		}
		return fmt.Errorf("cannot put the backup in place of %s (%w); the record was left as it was", plan.Path, err)
	}
	clearDamageMark(plan.Path) // the damage found was in the file now kept aside
	syncDir(filepath.Dir(plan.Path))
	return nil
}

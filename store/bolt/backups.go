package bolt

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	berrors "go.etcd.io/bbolt/errors"

	bolt "go.etcd.io/bbolt"
)

// backupWhole writes a consistent copy of the whole file to w, from one
// read transaction while the record stays open for everyone else
// (Store.Backup, which asks permission first).
func (s *File) backupWhole(w io.Writer) (store.ChainHead, error) {
	var head store.ChainHead
	err := s.boltView(func(tx *bolt.Tx) error {
		var err error
		if head, err = record.HeadOf(boltTxn(tx)); err != nil {
			return err
		}
		_, err = tx.WriteTo(w)
		return err
	})
	return head, err
}

// WriteBackupFile writes actor's backup of rec to dest (0600, written
// whole or not at all, synced), then opens it as a tasking file and checks
// its pages before saying it is done: what it holds comes back. A copy
// that does not check out is removed, so no failed backup is left to be
// trusted later.
func WriteBackupFile(rec store.Record, actor model.Actor, dest string) (model.BackupInfo, store.ChainHead, error) {
	return WriteBackupFileWatched(store.Watch{}, rec, actor, dest)
}

// WriteBackupFileWatched is WriteBackupFile reporting to w the bytes
// written and then the check of the copy, and stopped by w's context
// (ErrInterrupted): the part written is removed, so nothing is left.
func WriteBackupFileWatched(w store.Watch, rec store.Record, actor model.Actor, dest string) (model.BackupInfo, store.ChainHead, error) {
	if err := model.PermitBackup(actor); err != nil {
		return model.BackupInfo{}, store.ChainHead{}, err
	}
	if _, err := os.Lstat(dest); err == nil {
		return model.BackupInfo{}, store.ChainHead{}, fmt.Errorf("%s already exists: name a new file, so no backup is ever written over", dest)
	}
	var head store.ChainHead
	const what = "writing the copy"
	var total int64 // the file's size: about what a copy of it writes
	if f, ok := rec.(interface{ Path() string }); ok {
		if st, err := os.Stat(f.Path()); err == nil {
			total = st.Size()
		}
	}
	counted := &countingWriter{watch: w, what: what, total: total}
	sum := sha256.New() // of the bytes as written, for the manifest
	err := writeWhole(dest, func(out io.Writer) error {
		if err := w.Step(store.Step{What: what, Total: total, Unit: "bytes"}); err != nil {
			return err
		}
		var err error
		counted.w = io.MultiWriter(out, sum)
		head, err = rec.Backup(actor, counted)
		if err == nil {
			err = w.Stopped() // before it is renamed into place
		}
		return err
	})
	if errors.Is(err, store.ErrInterrupted) {
		return model.BackupInfo{}, head, err
	}
	if err != nil {
		return model.BackupInfo{}, head, fmt.Errorf("backup to %s: %w; nothing was left there", dest, err)
	}
	w.Report(store.Step{What: "checking the copy's pages", Done: counted.done, Total: counted.done, Unit: "bytes"})
	info, err := Inspect(dest)
	if err != nil {
		_ = os.Remove(dest)
		return info, head, fmt.Errorf("the backup written to %s did not check out, so it was removed: %w", dest, err)
	}
	from := ""
	if f, ok := rec.(interface{ Path() string }); ok {
		from = f.Path()
	}
	if err := writeManifest(dest, from, counted.done, sum.Sum(nil), head); err != nil {
		_ = os.Remove(dest) // a backup without its manifest is not called done
		return info, head, fmt.Errorf("the manifest of the backup %s could not be written (%w), so the backup was removed", dest, err)
	}
	return info, head, nil
}

// writeWhole writes dest through fill: to a temporary file beside it
// (0600), synced, then renamed, so dest is either the whole file or
// absent, and a failure leaves nothing behind. It refuses to replace a
// file that exists.
func writeWhole(dest string, fill func(io.Writer) error) error {
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists: choose another name", dest)
	}
	return putWhole(dest, fill)
}

// putWhole is writeWhole for a file that may be replaced: written aside
// (0600), synced, then renamed over whatever is at dest.
func putWhole(dest string, fill func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), filepath.Base(dest)+".part-*")
	if err != nil {
		// Name the folder, not the temporary file nobody asked for.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("cannot create a file in %s: %w", filepath.Dir(dest), pe.Err)
		}
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up a failure
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	err = fill(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return err
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// syncDir makes a rename in dir durable (best effort: not every system
// can sync a folder).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// BackupDir is where the automatic backups of the file at path go: the
// folder the partnership set, else one beside the file.
func BackupDir(path string, p model.Partnership) string {
	if p.BackupDir != "" {
		return p.BackupDir
	}
	return path + "-backups"
}

// AutoBackup takes an automatic backup (why: "meeting-M-7") into the
// backup folder and keeps the newest the partnership says
// (model.PruneBackups). It is taken after the change it follows has
// committed, so a failure here never undoes that change: it is returned
// for the caller to say.
func (s *File) AutoBackup(why string) (string, error) {
	p, err := s.Partnership()
	if err != nil {
		p = model.Partnership{} // an old or half-set-up file: the defaults
	}
	return autoBackup(s, p, why)
}

// autoBackup writes the backup for why into p's backup folder and prunes
// the folder to p.BackupKeep().
func autoBackup(s *File, p model.Partnership, why string) (string, error) {
	dir := BackupDir(s.path, p)
	made, err := makeFolders(dir)
	if err != nil {
		return "", fmt.Errorf("cannot make the backup folder %s: %w", dir, err)
	}
	rememberBackupDir(s.path, p)
	base := filepath.Base(s.path)
	// The chain's head goes into the name: kept outside the file, it
	// shows later that the history up to it was not rewritten.
	dest, _, err := s.backupTo(func(h store.ChainHead) string {
		return filepath.Join(dir, model.AutoBackupName(base, why, s.Now())+headSuffix(h))
	})
	if err != nil {
		removeFolders(made) // a failed backup leaves no empty folder either
		return "", fmt.Errorf("cannot write the automatic backup in %s: %w", dir, err)
	}
	if err := backupSealsHold(dest); err != nil {
		// The record itself is damaged: a copy of it must not push out an
		// older backup that is whole, nor be named as the one to restore.
		_ = os.Remove(dest)
		removeFolders(made)
		reason := err.Error()
		var d *DamagedError
		if errors.As(err, &d) {
			reason = d.Reason
		}
		return "", fmt.Errorf("%w (%s), so no automatic backup was kept and the older ones stay: run tasking check", ErrRecordDamaged, reason)
	}
	for _, old := range model.PruneBackups(autoBackupsIn(dir, base), p.BackupKeep()) {
		_ = os.Remove(filepath.Join(dir, old))
	}
	return dest, nil
}

// autoBackupsIn lists the automatic backups of the file named base in dir.
func autoBackupsIn(dir, base string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), model.AutoBackupPrefix(base)) && !strings.Contains(e.Name(), ".part-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// backupDirPointer names the small file beside the record that says where
// the partnership keeps its backups when that is not the folder beside
// it: a damaged file cannot be read for the setting, and its damage
// message must still name the newest backup.
func backupDirPointer(db string) string { return db + ".backup-dir" }

func rememberBackupDir(db string, p model.Partnership) {
	if p.BackupDir == "" {
		_ = os.Remove(backupDirPointer(db))
		return
	}
	if b, err := os.ReadFile(backupDirPointer(db)); err == nil && string(b) == p.BackupDir {
		return
	}
	_ = os.WriteFile(backupDirPointer(db), []byte(p.BackupDir), 0o600)
}

// backupFolders are the folders the backups of db may be in: the one
// beside it, and the partnership's own if it set one.
func backupFolders(db string) []string {
	dirs := []string{filepath.Dir(db), db + "-backups"}
	if b, err := os.ReadFile(backupDirPointer(db)); err == nil && len(b) > 0 && len(b) < 4096 {
		dirs = append(dirs, string(b))
	}
	return dirs
}

// lastBackup is what the newest automatic backup after a change did, for
// the person who made the change to be told (LastAutoBackup).
type lastBackup struct {
	mu   sync.Mutex
	path string
	err  error
}

// lastAutoBackup is what the newest automatic backup did (LastAutoBackup).
func (s *File) lastAutoBackup() (string, error) {
	s.backups.mu.Lock()
	defer s.backups.mu.Unlock()
	return s.backups.path, s.backups.err
}

// autoBackupAfter takes the automatic backup that follows a committed
// change, keeping what it did for LastAutoBackup.
func (s *File) autoBackupAfter(why string) {
	path, err := s.AutoBackup(why)
	s.backups.mu.Lock()
	s.backups.path, s.backups.err = path, err
	s.backups.mu.Unlock()
}

// Inspect opens the tasking file at path read-only, checks its pages, and
// says what it holds: its partnership, schema, newest change and latest
// meeting (model.BackupInfo). Nothing in it changes. A file another
// process holds is refused naming the holder, as Open does.
func Inspect(path string) (info model.BackupInfo, err error) {
	info = model.BackupInfo{Path: path}
	defer func() { // a damaged page can make bbolt panic: that is damage, not a crash
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	if _, _, err := checkFile(path, true); err != nil {
		return info, err
	}
	if err := checkHeader(path); err != nil {
		return info, err
	}
	if o := readOwner(path); o != nil && o.serving() {
		return info, &ServedError{Path: path, Owner: *o}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return info, &LockedError{Path: path, Owner: readOwner(path)}
	}
	if err != nil {
		return info, &DamagedError{Path: path, Reason: err.Error()}
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		var damage error
		for err := range tx.Check() { // drained: the check runs on until it closes the channel
			if damage == nil {
				damage = &DamagedError{Path: path, Reason: "a page is damaged: " + err.Error()}
			}
		}
		if damage != nil {
			return damage
		}
		if where := brokenSeal(tx); where != "" {
			return &DamagedError{Path: path, Reason: sealDamage(where)}
		}
		return infoOf(tx, &info)
	})
	return info, err
}

// infoOf reads what the record in tx holds into info.
func infoOf(tx *bolt.Tx, info *model.BackupInfo) error {
	if tx.Bucket(bMeta) == nil {
		return &DamagedError{Path: info.Path, Reason: "it holds no tasking record"}
	}
	info.Schema = schemaOf(tx.Bucket(bMeta))
	if p, err := record.ReadPartnership(boltTxn(tx)); err == nil {
		info.Partnership = p.Name
	}
	if b := tx.Bucket(bActions); b != nil {
		info.Actions = b.Stats().KeyN
	}
	if b := tx.Bucket(bAudit); b != nil {
		if k, v := b.Cursor().Last(); k != nil {
			var e model.AuditEvent
			if decode(v, &e) == nil {
				info.NewestChange, info.NewestChangeBy = e.At, e.By
			}
		}
	}
	var latest model.Meeting
	if b := tx.Bucket(bMeetings); b != nil {
		_ = b.ForEach(func(_, v []byte) error {
			var m model.Meeting
			if decode(v, &m) == nil && (latest.ID == 0 || m.Date.After(latest.Date) || (m.Date == latest.Date && m.ID > latest.ID)) {
				latest = m
			}
			return nil
		})
	}
	if latest.ID != 0 {
		info.LatestMeeting = fmt.Sprintf("%s on %s, %s", latest.Ref(), latest.Date.Format("Mon 2 Jan 2006"), latest.State)
	}
	return nil
}

// knownHeads are the chain heads kept outside the record: its file's
// automatic backups'.
func (s *File) knownHeads() []store.ChainHead { return KnownHeads(s.path) }

// A backup copies the file's pages as they are, a record that fails its
// checksum included: a page check passes it. Every backup is held to the
// records' seals too, bytes only (a CRC over each stored value: no
// decoding, no inflating, none of check's indexes or chain), so a damaged
// record is found when the copy is made — and an automatic backup holding
// it never takes the place of an older one that does not.

// ErrRecordDamaged is an automatic backup refused because the record it
// copies holds a value that fails its checksum.
var ErrRecordDamaged = errors.New("the record is damaged")

// brokenSeal names the first record in tx whose stored bytes fail their
// checksum ("notes #86"), or "".
func brokenSeal(tx *bolt.Tx) string {
	for _, rb := range recordBuckets {
		b := tx.Bucket(rb.name)
		if b == nil {
			continue
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil || !sealed(v) {
				continue // a file from before sealing (schema < 5): check finds what is left so
			}
			if len(v) < frameHeader || crc32.Checksum(v[frameHeader:], castagnoli) != binary.LittleEndian.Uint32(v[1:5]) {
				return fmt.Sprintf("%s #%d", rb.name, store.KeyID(k))
			}
		}
	}
	return ""
}

// sealDamage is what brokenSeal finds, as a reason.
func sealDamage(where string) string {
	return "reading " + where + ": a stored value fails its checksum: its bytes were changed after it was written"
}

// backupSealsHold opens the backup at path and checks every record's
// seal; a damaged page reading it is damage, not a crash.
func backupSealsHold(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return &DamagedError{Path: path, Reason: err.Error()}
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if where := brokenSeal(tx); where != "" {
			return &DamagedError{Path: path, Reason: sealDamage(where)}
		}
		return nil
	})
}

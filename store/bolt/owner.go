package bolt

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// Owner is written beside the database (<db>.owner) by the process that holds
// it, because flock cannot say who holds a lock.
type Owner struct {
	PID     int       `json:"pid"`
	Mode    string    `json:"mode"` // "tui", "cli actions", "serve"
	Started time.Time `json:"started"`
	Host    string    `json:"host,omitempty"`
	// Listen is the address a `tasking serve` owner answers SSH on.
	Listen string `json:"listen,omitempty"`
}

func (o *Owner) String() string {
	return fmt.Sprintf("tasking %s (pid %d, since %s)", o.Mode, o.PID, o.Started.Local().Format("15:04 on 2 Jan"))
}

func ownerPath(db string) string { return db + ".owner" }

func writeOwner(db, mode, listen string) error {
	host, _ := os.Hostname()
	b, _ := json.Marshal(Owner{PID: os.Getpid(), Mode: mode, Started: time.Now(), Host: host, Listen: listen})
	tmp := ownerPath(db) + ".tmp"
	err := writeOwnerFile(tmp, b)
	if err == nil {
		err = os.Rename(tmp, ownerPath(db))
	}
	if err != nil {
		_ = os.Remove(tmp) // a full disk or a refused rename leaves nothing
	}
	return err
}

// writeOwnerFile is os.WriteFile (0600): tests replace it with a disk that
// fills part way.
var writeOwnerFile = func(name string, b []byte) error { return os.WriteFile(name, b, 0o600) }

func readOwner(db string) *Owner {
	b, err := os.ReadFile(ownerPath(db))
	if err != nil {
		return nil
	}
	var o Owner
	if json.Unmarshal(b, &o) != nil || o.PID == 0 {
		return nil
	}
	if o.Host == hostname() && !processAlive(o.PID) {
		return nil // left by a process that has gone: it holds nothing
	}
	return &o
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}

// removeOwner deletes the sidecar if it is still ours.
func removeOwner(db string) {
	if o := readOwner(db); o != nil && o.PID == os.Getpid() {
		os.Remove(ownerPath(db))
	}
}

// LatestBackup is the newest backup of the file at db whose header checks
// out, as damage messages name it ("" when there is none).
func LatestBackup(db string) string { return latestBackup(db) }

// latestBackup is the newest good backup of db we can find, for damage
// messages: automatic backups in its backup folders, upgrade and reindex
// copies and "<name>-*.bak" beside it. Good means its header checks out
// (a full page check of every candidate would take as long as a restore).
func latestBackup(db string) string {
	var found []string
	base := filepath.Base(db)
	for _, dir := range backupFolders(db) {
		for _, name := range autoBackupsIn(dir, base) {
			found = append(found, filepath.Join(dir, name))
		}
	}
	for _, pat := range []string{db + ".bak*", filepath.Join(filepath.Dir(db), "*.backup.db")} {
		m, _ := filepath.Glob(pat)
		found = append(found, m...)
	}
	type dated struct {
		path string
		at   time.Time
	}
	var good []dated
	for _, f := range found {
		st, err := os.Stat(f)
		if err != nil || !st.Mode().IsRegular() || f == db || checkHeader(f) != nil {
			continue
		}
		good = append(good, dated{f, st.ModTime()})
	}
	if len(good) == 0 {
		return ""
	}
	sort.Slice(good, func(i, j int) bool { return good[i].at.After(good[j].at) })
	return good[0].path
}

// SSHAddress is the host and port to give ssh for a serving owner: a
// server listening on every address is reached locally as localhost.
func (o Owner) SSHAddress() (host, port string) {
	host, port, err := net.SplitHostPort(o.Listen)
	if err != nil {
		return o.Listen, "22"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return host, port
}

// ServedBy says whether `tasking serve` holds the file at path, as Open
// would: a *ServedError naming it, or nil. For commands that read the file
// by other means first (check's page check in a child process).
func ServedBy(path string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if o := readOwner(path); o != nil && o.serving() {
		return &ServedError{Path: path, Owner: *o}
	}
	return nil
}

// serving: the owner is a `tasking serve` other than this process, and its
// address answers. An owner file left by a server that died (its pid since
// taken by another program) is not believed: nothing answers there.
func (o *Owner) serving() bool {
	if o.Listen == "" || o.PID == os.Getpid() {
		return false
	}
	host, port := o.SSHAddress()
	c, err := net.DialTimeout("tcp", net.JoinHostPort(host, port), 500*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// AnnounceServing records in the owner file the address `tasking serve`
// answers on, once it is listening (the port is known only then): other
// processes on this machine are then refused at once with the ssh command
// to use, instead of waiting for the lock.
func (s *File) AnnounceServing(addr string) error {
	return writeOwner(s.path, "serve", addr)
}

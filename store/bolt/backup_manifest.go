package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ccsp/tasking/store"
)

// A backup written to a file of the person's naming gets a manifest
// beside it (FILE.manifest): the audit chain's head as the backup was
// taken, and the backup's SHA-256 and size. An automatic backup carries
// the head in its name; a named one cannot, so the manifest keeps it
// apart from the file. Restore holds the backup to its manifest: a
// backup rewritten since — a byte changed, or a history re-chained to
// agree with itself — no longer has the SHA-256 it was written with.

// BackupManifest is what a manifest says.
type BackupManifest struct {
	Backup    string    `json:"backup"`     // the backup's file name
	Written   time.Time `json:"written"`    // when it was written
	From      string    `json:"from"`       // the record it is a copy of
	Size      int64     `json:"size"`       // its length in bytes
	SHA256    string    `json:"sha256"`     // of its bytes, hex
	AuditHead string    `json:"audit_head"` // EVENT:CHAIN, as audit verify --head takes it
}

// ManifestPath is where the manifest of the backup at path is kept.
func ManifestPath(backup string) string { return backup + ".manifest" }

// writeManifest writes the manifest of the backup just written at dest,
// whole or not at all.
func writeManifest(dest, from string, size int64, sum []byte, head store.ChainHead) error {
	m := BackupManifest{Backup: filepath.Base(dest), Written: time.Now().UTC(), From: from, Size: size, SHA256: hex.EncodeToString(sum)}
	if head.Event > 0 {
		m.AuditHead = fmt.Sprintf("%d:%x", head.Event, head.Chain)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	// Renamed over any manifest left there by a backup of the same name
	// since deleted: it described a file that is gone, and must not stop
	// this one being called done.
	return putWhole(ManifestPath(dest), func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// ManifestProblem says how the backup at path differs from its manifest
// ("" when it has none, or matches it).
func ManifestProblem(backup string) (string, error) {
	b, err := os.ReadFile(ManifestPath(backup))
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var m BackupManifest
	if json.Unmarshal(b, &m) != nil || len(m.SHA256) != 2*sha256.Size {
		return fmt.Sprintf("its manifest %s does not read as one", ManifestPath(backup)), nil
	}
	f, err := os.Open(backup)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", err
	}
	want, _ := hex.DecodeString(m.SHA256)
	if n != m.Size || !bytes.Equal(h.Sum(nil), want) {
		return fmt.Sprintf("it was changed after it was written: its bytes are not those its manifest %s records (written %s, audit chain head %s)",
			ManifestPath(backup), m.Written.Local().Format("2 Jan 2006 15:04"), m.AuditHead), nil
	}
	return "", nil
}

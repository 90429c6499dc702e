package bolt

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Damage found is kept beside the file (FILE.damaged), so that not only
// the process that found it but every later one refuses writes, until a
// restore puts a sound file in its place: a rep's `action update` started
// after the app had found a damaged page would otherwise write over a
// file already known to be damaged. Only a process that may write the
// file leaves the mark (a command that only reads changes nothing on
// disk); the mark holds what was found, when and by which process, never
// the record's words (the reason names a kind and an ID at most).

// damageMarkPath is where the mark of a damaged file at db is kept.
func damageMarkPath(db string) string { return db + ".damaged" }

// damageMark is what the mark says.
type damageMark struct {
	Reason string    `json:"reason"`
	Found  time.Time `json:"found"`
	PID    int       `json:"pid"`
}

// markDamaged leaves the mark of d beside the file, unless one is there
// already (the first finding is the one kept). Best effort: the process
// that found the damage refuses writes whether or not the mark is made.
func markDamaged(db string, d *DamagedError) {
	if _, err := os.Lstat(damageMarkPath(db)); err == nil {
		return
	}
	b, _ := json.Marshal(damageMark{Reason: d.Reason, Found: time.Now(), PID: os.Getpid()})
	tmp := damageMarkPath(db) + ".tmp"
	err := writeOwnerFile(tmp, b)
	if err == nil {
		err = os.Rename(tmp, damageMarkPath(db))
	}
	if err != nil {
		_ = os.Remove(tmp) // a full disk leaves nothing half-made
	}
}

// markedDamaged is the damage a mark beside db records, as the refusal of
// a write says it (nil: no mark, or one that does not read).
func markedDamaged(db string) *DamagedError {
	b, err := os.ReadFile(damageMarkPath(db))
	if err != nil {
		return nil
	}
	var m damageMark
	if json.Unmarshal(b, &m) != nil || m.Reason == "" {
		// A mark that does not read still says damage was found.
		m = damageMark{Reason: "damage was found in it earlier"}
	}
	reason := m.Reason
	if !m.Found.IsZero() {
		reason = fmt.Sprintf("%s — found %s by process %d", m.Reason, m.Found.Local().Format("2 Jan 2006 15:04"), m.PID)
	}
	return &DamagedError{Path: db, Reason: reason, Backup: latestBackup(db)}
}

// DamageMarked is the damage a process found in the file at db earlier,
// kept beside it (nil: none): check names it, since every write is refused
// for it until the file is restored.
func DamageMarked(db string) *DamagedError { return markedDamaged(db) }

// clearDamageMark takes the mark away: a sound file is in place.
func clearDamageMark(db string) { _ = os.Remove(damageMarkPath(db)) }

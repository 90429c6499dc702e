package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// tamperFixture is a small record with a history: a meeting, notes and an
// action's status changed, closed; its path, the action changed and the
// chain's head as it stood.
func tamperFixture(t *testing.T) (path string, action model.Action, head store.ChainHead) {
	t.Helper()
	clock := &fixedClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)}
	path = filepath.Join(t.TempDir(), "tasking.db")
	s, err := Open(path, Options{Now: clock.now})
	mustNoErr(t, err)
	defer s.Close()
	mustNoErr(t, s.Seed(model.SystemActor("test"), tinyDataset(clock.t)))
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	for _, words := range []string{"Safeguarding visit made", "Patrols up on Fridays", "CCTV reviewed"} {
		_, err := s.AddNote(chair, m.ID, model.ItemAOB, 0, words, false)
		mustNoErr(t, err)
	}
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Safeguarding visit to the family", AgencyID: 2, Due: s.Today().AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)
	action, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusInProgress, "Safeguarding visit booked", m.ID)
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	head, err = s.Head()
	mustNoErr(t, err)
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Events < 6 || r.Records == 0 {
		t.Fatalf("the untouched fixture does not verify: %+v", r)
	}
	return path, action, head
}

// tamper copies the fixture and changes the copy with bbolt's own API,
// behind tasking's back.
func tamper(t *testing.T, fixture string, edit func(tx *bolt.Tx) error) string {
	t.Helper()
	raw, err := os.ReadFile(fixture)
	mustNoErr(t, err)
	path := filepath.Join(t.TempDir(), "tampered.db")
	mustNoErr(t, os.WriteFile(path, raw, 0o600))
	db, err := bolt.Open(path, 0o600, nil)
	mustNoErr(t, err)
	if err := db.Update(edit); err != nil {
		t.Fatal(err)
	}
	mustNoErr(t, db.Close())
	return path
}

// Each way of rewriting history with bbolt's own API is found by check and
// by audit verify, named.
func TestTamperingIsFound(t *testing.T) {
	fixture, action, _ := tamperFixture(t)
	key := store.IDKey(action.ID)
	auditKeys := func(tx *bolt.Tx) [][]byte {
		var keys [][]byte
		_ = tx.Bucket(bAudit).ForEach(func(k, _ []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		})
		return keys
	}
	cases := []struct {
		name  string
		edit  func(tx *bolt.Tx) error
		check string // in a problem check finds
		chain string // in a problem audit verify finds
	}{
		{"a same-length change inside a record", func(tx *bolt.Tx) error {
			// Notes are stored as JSON: the words are there to edit.
			b := tx.Bucket(bNotes)
			return b.ForEach(func(k, v []byte) error {
				if i := bytes.Index(v, []byte("Safeguarding")); i >= 0 {
					nv := append([]byte(nil), v...)
					copy(nv[i:], "Sabotaging  ")
					return b.Put(k, nv)
				}
				return nil
			})
		}, "fails its checksum", "fails its checksum"},
		{"a byte changed inside a compressed record", func(tx *bolt.Tx) error {
			b := tx.Bucket(bActions)
			v := append([]byte(nil), b.Get(key)...)
			v[len(v)/2] ^= 0x01
			return b.Put(key, v)
		}, "fails its checksum", "fails its checksum"},
		{"a value rewritten with a fresh checksum, the chain left alone", func(tx *bolt.Tx) error {
			b := tx.Bucket(bActions)
			body, err := unseal(b.Get(key))
			if err != nil {
				return err
			}
			body = bytes.Replace(body, []byte("Safeguarding"), []byte("Sabotaging"), 1)
			return b.Put(key, seal(frameJSON, body))
		}, "changed behind the trail's back", "changed behind the trail's back"},
		{"a deleted event", func(tx *bolt.Tx) error {
			keys := auditKeys(tx)
			return tx.Bucket(bAudit).Delete(keys[len(keys)/2])
		}, "does not follow the event before it", "does not follow the event before it"},
		{"two events swapped", func(tx *bolt.Tx) error {
			keys := auditKeys(tx)
			b := tx.Bucket(bAudit)
			k1, k2 := keys[len(keys)/2], keys[len(keys)/2+1]
			v1, v2 := append([]byte(nil), b.Get(k1)...), append([]byte(nil), b.Get(k2)...)
			if err := b.Put(k1, v2); err != nil {
				return err
			}
			return b.Put(k2, v1)
		}, "moved or swapped", "moved or swapped"},
		{"an event's words rewritten and resealed", func(tx *bolt.Tx) error {
			keys := auditKeys(tx)
			b := tx.Bucket(bAudit)
			var e model.AuditEvent
			if err := decode(b.Get(keys[1]), &e); err != nil {
				return err
			}
			e.By = "Someone Else"
			return b.Put(keys[1], resealed(t, bAudit, e))
		}, "was changed after it was written", "was changed after it was written"},
		{"an event passed off as anonymised, its words rewritten", func(tx *bolt.Tx) error {
			// The sums of the images as written are kept, so its hash
			// still holds: only the trail's own record of anonymisations
			// can tell.
			keys := auditKeys(tx)
			b := tx.Bucket(bAudit)
			for _, k := range keys {
				var e model.AuditEvent
				if err := decode(b.Get(k), &e); err != nil {
					return err
				}
				if i := bytes.Index(e.After, []byte("Safeguarding")); i >= 0 {
					e.Erased, e.BeforeSum, e.AfterSum = true, imageSum(e.Before), imageSum(e.After)
					e.After = bytes.Replace(e.After, []byte("Safeguarding"), []byte("Sabotaging"), 1)
					return b.Put(k, resealed(t, bAudit, e))
				}
			}
			return errors.New("no event to pass off")
		}, "no anonymisation in the trail wrote it", "no anonymisation in the trail wrote it"},
		{"an event marked anonymised, with sums not its images'", func(tx *bolt.Tx) error {
			keys := auditKeys(tx)
			b := tx.Bucket(bAudit)
			var e model.AuditEvent
			if err := decode(b.Get(keys[1]), &e); err != nil {
				return err
			}
			e.Erased, e.BeforeSum, e.AfterSum = true, []byte("not the image's sum"), nil
			return b.Put(keys[1], resealed(t, bAudit, e))
		}, "was changed after it was written", "was changed after it was written"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tamper(t, fixture, tc.edit)
			s, err := Open(path, Options{})
			mustNoErr(t, err)
			defer s.Close()
			problems, err := s.CheckRecords()
			mustNoErr(t, err)
			if !someProblem(problems, tc.check) {
				t.Errorf("check found %v; want a problem saying %q", problems, tc.check)
			}
			r, err := s.VerifyChain()
			mustNoErr(t, err)
			if len(r.Problems) == 0 || !strings.Contains(strings.Join(r.Problems, "\n"), tc.chain) {
				t.Errorf("audit verify found %q; want %q", r.Problems, tc.chain)
			}
		})
	}
}

// History rewritten wholesale — every event after one re-chained so the
// file agrees with itself — is still found against a head kept outside it.
func TestARewrittenChainIsFoundAgainstAHeadKeptOutside(t *testing.T) {
	fixture, _, head := tamperFixture(t)
	path := tamper(t, fixture, func(tx *bolt.Tx) error {
		b := tx.Bucket(bAudit)
		c := b.Cursor()
		prev := record.Genesis()
		first := true
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var e model.AuditEvent
			if err := decode(v, &e); err != nil {
				return err
			}
			if first {
				e.By = "Someone Else" // the history changed at its start
				first = false
			}
			record.Link(&e, prev)
			prev = e.Chain
			if err := b.Put(k, resealed(t, bAudit, e)); err != nil {
				return err
			}
		}
		return nil
	})
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	defer s.Close()
	if r, _ := s.VerifyChain(); len(r.Problems) != 0 {
		t.Fatalf("a consistently re-chained file should agree with itself (that is why heads are kept outside): %q", r.Problems)
	}
	r, err := s.VerifyChain(head)
	mustNoErr(t, err)
	if len(r.Problems) == 0 || !strings.Contains(r.Problems[0], "not the event a backup recorded as the head") {
		t.Errorf("against the head kept outside: %q", r.Problems)
	}
	// A short head (the 16 hex digits of a backup's name) is enough.
	short := store.ChainHead{Event: head.Event, Chain: head.Chain[:8]}
	if r, _ := s.VerifyChain(short); len(r.Problems) == 0 {
		t.Error("a backup name's short head did not find the rewrite")
	}
	// A head past the end: events were cut off.
	if r, _ := s.VerifyChain(store.ChainHead{Event: head.Event + 5, Chain: head.Chain}); len(r.Problems) == 0 || !strings.Contains(r.Problems[0], "removed from the end") {
		t.Errorf("a head past the end: %q", r.Problems)
	}
}

// Once a read finds a record that fails its checksum, the process refuses
// every write, even to records that are whole.
func TestDamageFoundRefusesEveryWrite(t *testing.T) {
	fixture, action, _ := tamperFixture(t)
	path := tamper(t, fixture, func(tx *bolt.Tx) error {
		b := tx.Bucket(bActions)
		v := append([]byte(nil), b.Get(store.IDKey(action.ID))...)
		v[len(v)-3] ^= 0x20
		return b.Put(store.IDKey(action.ID), v)
	})
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	defer s.Close()
	before, err := os.ReadFile(path)
	mustNoErr(t, err)
	// Writes go through until the damage is seen…
	_, err = s.Action(action.ID)
	var d *DamagedError
	if !errors.As(err, &d) || !strings.Contains(d.Error(), "checksum") {
		t.Fatalf("reading the damaged action: %v; want a damage error", err)
	}
	// …and none after, whatever they touch.
	m, err := s.StartMeeting(chair, model.Date{})
	if !errors.As(err, &d) {
		t.Fatalf("a write after the damage was found: %+v, %v; want the damage error", m, err)
	}
	if !strings.Contains(err.Error(), "checksum") {
		t.Errorf("the refusal does not say what was found: %v", err)
	}
	mustNoErr(t, s.Close())
	after, err := os.ReadFile(path)
	mustNoErr(t, err)
	if !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
}

func someProblem(ps []store.Problem, want string) bool {
	for _, p := range ps {
		if strings.Contains(p.String(), want) {
			return true
		}
	}
	return false
}

// resealed is v stored as tasking would store it in bucket, with a fresh
// checksum: what someone who knows the format would write.
func resealed(t *testing.T, bucket []byte, v any) []byte {
	t.Helper()
	payload, err := json.Marshal(v)
	mustNoErr(t, err)
	return sealFor(bucket, payload)
}

// imageSum is the sum the chain keeps of an anonymised event's image
// (record/chain.go's): what a forger would write.
func imageSum(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	s := sha256.Sum256(b)
	return s[:]
}

// A record put back as plain JSON, its seal dropped so no checksum can
// fail, is damage when read — not the words on screen — and check says
// so. (Only a file being upgraded from before seals reads such values.)
func TestAValueWithoutItsSealIsDamageWhenRead(t *testing.T) {
	fixture, action, _ := tamperFixture(t)
	path := tamper(t, fixture, func(tx *bolt.Tx) error {
		b := tx.Bucket(bActions)
		body, err := unseal(b.Get(store.IDKey(action.ID)))
		if err != nil {
			return err
		}
		return b.Put(store.IDKey(action.ID), bytes.Replace(body, []byte("Safeguarding"), []byte("Sabotaging"), 1))
	})
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	defer s.Close()
	got, err := s.Action(action.ID)
	var d *DamagedError
	if !errors.As(err, &d) || !strings.Contains(d.Error(), "no checksum") {
		t.Fatalf("reading the unsealed action: %q, %v; want a damage error", got.Text, err)
	}
	problems, err := s.CheckRecords()
	mustNoErr(t, err)
	if !someProblem(problems, "checksum") {
		t.Errorf("check found %v; want the unsealed value named", problems)
	}
}

// Damage one process found is kept beside the file: a later process
// refuses every write for it too (reads go on), a process that only
// reads leaves no mark, and a restore takes the mark away.
func TestDamageFoundIsKeptForLaterProcesses(t *testing.T) {
	fixture, action, _ := tamperFixture(t)
	path := tamper(t, fixture, func(tx *bolt.Tx) error {
		b := tx.Bucket(bActions)
		v := append([]byte(nil), b.Get(store.IDKey(action.ID))...)
		v[len(v)-3] ^= 0x20
		return b.Put(store.IDKey(action.ID), v)
	})
	var d *DamagedError

	// A reader finds it and leaves nothing on disk.
	r, err := Open(path, Options{ReadOnly: true})
	mustNoErr(t, err)
	if _, err := r.Action(action.ID); !errors.As(err, &d) {
		t.Fatalf("reading the damaged action: %v", err)
	}
	mustNoErr(t, r.Close())
	if _, err := os.Lstat(damageMarkPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a process that only reads left a mark: %v", err)
	}

	// A process that may write finds it: the mark is left.
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	if _, err := s.Action(action.ID); !errors.As(err, &d) {
		t.Fatalf("reading the damaged action: %v", err)
	}
	mustNoErr(t, s.Close())
	if DamageMarked(path) == nil {
		t.Fatal("no mark was left beside the damaged file")
	}

	// The next process never reads the damaged record, and still may not write.
	s, err = Open(path, Options{})
	mustNoErr(t, err)
	if _, err := s.Agencies(); err != nil {
		t.Errorf("a read refused for damage found earlier: %v", err)
	}
	_, err = s.StartMeeting(chair, model.Date{})
	if !errors.As(err, &d) || !d.Refused || !strings.Contains(err.Error(), "checksum") || !strings.Contains(err.Error(), "found ") {
		t.Errorf("a write in a later process: %v; want the damage found earlier, refused", err)
	}
	mustNoErr(t, s.Close())

	// Restored from a sound copy: the mark goes, and writes go through.
	plan, err := PlanRestore(path, fixture, time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local))
	mustNoErr(t, err)
	mustNoErr(t, Restore(plan))
	if DamageMarked(path) != nil {
		t.Error("the mark outlived the restore")
	}
	s, err = Open(path, Options{})
	mustNoErr(t, err)
	defer s.Close()
	if _, err := s.StartMeeting(chair, model.Date{}); err != nil {
		t.Errorf("a write after the restore: %v", err)
	}
}

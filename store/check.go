package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Problem is one thing `tasking check` found wrong with the record.
type Problem struct {
	Where string // "actions #12", "idx_actions_open"
	What  string
}

func (p Problem) String() string { return p.Where + ": " + p.What }

// recordBuckets are the buckets of records, keyed by ID, with the type each
// holds (to decode them) and whether it carries a version.
var recordBuckets = []struct {
	name    []byte
	decode  func([]byte) (id model.ID, version int, err error)
	version bool
}{
	{bAgencies, decodeAs[model.Agency](func(x model.Agency) (model.ID, int) { return x.ID, x.Version }), true},
	{bMembers, decodeAs[model.Member](func(x model.Member) (model.ID, int) { return x.ID, x.Version }), true},
	{bHotspots, decodeAs[model.Hotspot](func(x model.Hotspot) (model.ID, int) { return x.ID, x.Version }), true},
	{bActions, decodeAs[model.Action](func(x model.Action) (model.ID, int) { return x.ID, x.Version }), true},
	{bUpdates, decodeAs[model.ActionUpdate](func(x model.ActionUpdate) (model.ID, int) { return x.ID, 1 }), false},
	{bDecisions, decodeAs[model.Decision](func(x model.Decision) (model.ID, int) { return x.ID, x.Version }), true},
	{bNotes, decodeAs[model.Note](func(x model.Note) (model.ID, int) { return x.ID, x.Version }), true},
	{bMeetings, decodeAs[model.Meeting](func(x model.Meeting) (model.ID, int) { return x.ID, x.Version }), true},
	{bAmends, decodeAs[model.Amendment](func(x model.Amendment) (model.ID, int) { return x.ID, 1 }), false},
	{bAudit, decodeAs[model.AuditEvent](func(x model.AuditEvent) (model.ID, int) { return x.ID, 1 }), false},
	{bSnapshots, decodeAs[model.Snapshot](func(x model.Snapshot) (model.ID, int) { return x.MeetingID, 1 }), false},
	{bPowers, decodeAs[model.Power](func(x model.Power) (model.ID, int) { return x.ID, x.Version }), true},
}

func decodeAs[T any](idOf func(T) (model.ID, int)) func([]byte) (model.ID, int, error) {
	return func(b []byte) (model.ID, int, error) {
		var x T
		if err := decode(b, &x); err != nil {
			return 0, 0, err
		}
		id, v := idOf(x)
		return id, v, nil
	}
}

// CheckRecords reads the whole record and says what is wrong with it, one problem
// per entry: a record that does not decode or whose ID is not its key, a
// version below 1, a bucket whose sequence would hand out an ID already
// used, an index entry pointing at nothing or a record missing from an
// index, a closed meeting without its frozen record, the audit trail out of
// order. It only reads. (bbolt's own page check runs separately, in a child
// process: see cmd/tasking.)
func (s *Store) CheckRecords() ([]Problem, error) {
	var out []Problem
	add := func(where, format string, a ...any) {
		out = append(out, Problem{Where: where, What: fmt.Sprintf(format, a...)})
	}
	err := s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta) == nil || tx.Bucket(bMeta).Get(kPartnership) == nil {
			add("meta", "no partnership: the file was never set up")
		} else if _, err := readPartnership(tx); err != nil {
			add("meta", "the partnership does not decode: %v", err)
		}
		for _, rb := range recordBuckets {
			b := tx.Bucket(rb.name)
			if b == nil {
				if !slices.ContainsFunc(laterBuckets, func(l []byte) bool { return bytes.Equal(l, rb.name) }) {
					add(string(rb.name), "the bucket is missing")
				}
				continue // one that came later is made by the first writer
			}
			var top model.ID
			_ = b.ForEach(func(k, v []byte) error {
				where := fmt.Sprintf("%s #%d", rb.name, keyID(k))
				if len(k) != 8 {
					add(string(rb.name), "a key of %d bytes (%x): records are keyed by 8-byte IDs", len(k), k)
					return nil
				}
				id, version, err := rb.decode(v)
				switch {
				case err != nil:
					add(where, "does not decode: %v", err)
				case !sealed(v):
					add(where, "%v: it was written or rewritten by something other than tasking", errUnsealed)
				case id != keyID(k):
					add(where, "holds record #%d", id)
				case rb.version && version < 1:
					add(where, "version %d (a record starts at 1)", version)
				}
				top = max(top, keyID(k))
				return nil
			})
			if !bytes.Equal(rb.name, bSnapshots) && b.Sequence() < top {
				add(string(rb.name), "the next ID would be %d, but #%d exists: a new record would overwrite it", b.Sequence()+1, top)
			}
		}
		out = append(out, checkIndexes(tx)...)
		out = append(out, checkIncidents(tx)...)
		out = append(out, checkSnapshots(tx)...)
		out = append(out, checkAuditOrder(tx)...)
		for _, p := range verifyChain(tx, KnownHeads(s.path)).Problems {
			out = append(out, Problem{Where: "audit chain", What: p})
		}
		return nil
	})
	return out, err
}

// checkIndexes recomputes every index from the records and compares.
func checkIndexes(tx *bolt.Tx) []Problem {
	var out []Problem
	want := map[string]map[string][]byte{}
	for _, name := range indexBuckets() {
		want[string(name)] = map[string][]byte{}
	}
	names := make([]string, 0, len(registry))
	for bucket := range registry {
		names = append(names, bucket)
	}
	sort.Strings(names)
	owner := map[string]string{} // index bucket → record bucket
	for _, bucket := range names {
		ix := registry[bucket]
		for _, name := range ix.buckets() {
			owner[string(name)] = bucket
		}
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			continue
		}
		_ = b.ForEach(func(k, v []byte) error {
			es, err := ix.expected(v)
			if err != nil {
				return nil // reported as undecodable above
			}
			for name, list := range es {
				for _, e := range list {
					want[name][string(e.key)] = e.value
				}
			}
			return nil
		})
	}
	for _, name := range indexBuckets() {
		b := tx.Bucket(name)
		if b == nil {
			out = append(out, Problem{string(name), "the index is missing"})
			continue
		}
		w := want[string(name)]
		_ = b.ForEach(func(k, v []byte) error {
			wv, ok := w[string(k)]
			switch {
			case !ok:
				out = append(out, Problem{string(name), fmt.Sprintf("an entry (%x) for %s #%d, which has no such entry", k, owner[string(name)], keyID(k))})
			case !bytes.Equal(wv, v):
				out = append(out, Problem{string(name), fmt.Sprintf("the entry for %s #%d says %x, the record says %x", owner[string(name)], keyID(k), v, wv)})
			}
			delete(w, string(k))
			return nil
		})
		missing := make([]string, 0, len(w))
		for k := range w {
			missing = append(missing, k)
		}
		sort.Strings(missing)
		for _, k := range missing {
			out = append(out, Problem{string(name), fmt.Sprintf("%s #%d is not indexed (%x)", owner[string(name)], keyID([]byte(k)), k)})
		}
	}
	return out
}

// checkSnapshots: every closed meeting has its frozen record (an upgraded
// file may have it rebuilt, but it has it).
func checkSnapshots(tx *bolt.Tx) []Problem {
	var out []Problem
	snaps := tx.Bucket(bSnapshots)
	_ = tx.Bucket(bMeetings).ForEach(func(k, v []byte) error {
		var m model.Meeting
		if decode(v, &m) != nil || m.State != model.MeetingClosed {
			return nil
		}
		if snaps == nil || snaps.Get(k) == nil {
			out = append(out, Problem{m.Ref(), "closed, but its record as at the close is missing: its minutes would be made from today's record"})
		}
		return nil
	})
	return out
}

// auditSkew is how far back in time an audit event may be from the one
// before it: the clocks of two processes writing the file need not agree to
// the second, but the trail is written in order. It is the skew a change
// to one record is allowed (model.ClockSkew): a trail further out of order
// than that was written by a clock the record now refuses.
const auditSkew = model.ClockSkew

func checkAuditOrder(tx *bolt.Tx) []Problem {
	var out []Problem
	var last time.Time
	var lastID model.ID
	_ = tx.Bucket(bAudit).ForEach(func(k, v []byte) error {
		var e model.AuditEvent
		if decode(v, &e) != nil || e.Op == model.OpRecordSeal {
			return nil // seal events are the store's bookkeeping, at the time they were written
		}
		if !last.IsZero() && e.At.Before(last.Add(-auditSkew)) {
			out = append(out, Problem{fmt.Sprintf("audit #%d", e.ID), fmt.Sprintf("made at %s, before #%d (%s): the trail is out of order",
				e.At.Format(time.RFC3339), lastID, last.Format(time.RFC3339))})
		}
		if e.At.After(last) {
			last, lastID = e.At, e.ID
		}
		return nil
	})
	return out
}

// CheckPagesOf runs bbolt's check of every page of the file at path,
// opened read-only after its header is checked: one line per problem. A
// damaged page can crash the process running it, so `tasking check` runs
// it in a child.
func CheckPagesOf(path string) ([]string, error) {
	if _, _, err := checkFile(path, true); err != nil {
		return nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		// Say who holds it, as every other command does: bbolt's own
		// word for this is just "timeout".
		return nil, &LockedError{Path: path, Owner: readOwner(path)}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer db.Close()
	var out []string
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			out = append(out, err.Error())
		}
		return nil
	})
	return out, err
}

// Reindex rebuilds every index from the records, after keeping a copy of
// the file as it was: what to do when check finds an index out of step.
func (s *Store) Reindex() (backup string, err error) {
	if backup, _, err = s.backupTo(named(fmt.Sprintf("%s.backup-reindex-%s", s.path, s.now().Format("20060102-150405")))); err != nil {
		return "", fmt.Errorf("cannot keep a copy of %s first (%w); nothing was changed", s.path, err)
	}
	return backup, s.update(func(tx *bolt.Tx) error {
		if err := rebuildIndexes(tx); err != nil {
			return err
		}
		return rebuildIncidents(tx)
	})
}

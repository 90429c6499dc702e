package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// recordBucketKind is a bucket of records, keyed by ID: its name, how to
// decode what it holds (its ID, version, and the record decoded: a *T),
// and whether its records carry a version.
type recordBucketKind struct {
	name    []byte
	decode  func([]byte) (id model.ID, version int, rec any, err error)
	version bool
}

// recordBuckets are the buckets of records (check, salvage).
var recordBuckets = []recordBucketKind{
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
	{bCaseReviews, decodeAs[model.CaseReview](func(x model.CaseReview) (model.ID, int) { return x.ID, x.Version }), true},
}

// checkedAs is what check decodes of a bucket's records where that is
// less than the whole record (salvage decodes them whole): a frozen record
// is a meeting's whole record, a few hundred kilobytes decoded, a quarter
// of what a check of the decade allocated, for one ID. Its bytes are held
// to the chain's sum like every record's, so one changed behind tasking's
// back is still found, and the minutes read it whole.
var checkedAs = map[string]func([]byte) (model.ID, int, any, error){
	string(bSnapshots): decodeAs[snapshotID](func(x snapshotID) (model.ID, int) { return x.MeetingID, 1 }),
}

// snapshotID is the part of a model.Snapshot check reads.
type snapshotID struct {
	MeetingID model.ID `json:"meeting_id"`
}

func decodeAs[T any](idOf func(T) (model.ID, int)) func([]byte) (model.ID, int, any, error) {
	return func(b []byte) (model.ID, int, any, error) {
		x := new(T)
		if err := decode(b, x); err != nil {
			return 0, 0, nil, err
		}
		id, v := idOf(*x)
		return id, v, x, nil
	}
}

// CheckRecords reads the whole record and says what is wrong with it, one problem
// per entry: a record that does not decode or whose ID is not its key, a
// version below 1, a bucket whose sequence would hand out an ID already
// used, an index entry pointing at nothing or a record missing from an
// index, a closed meeting without its frozen record, the audit trail out of
// order. It only reads. (bbolt's own page check runs separately, in a child
// process: see cmd/tasking.)
func (s *File) CheckRecords() ([]store.Problem, error) { return s.CheckRecordsWatched(store.Watch{}) }

// CheckRecordsWatched is CheckRecords reporting to w how many records it
// has read (each is read three times: decoded, indexed, and the audit
// trail's again for its chain), and stopped by w's context
// (ErrInterrupted) within a few thousand records.
func (s *File) CheckRecordsWatched(w store.Watch) ([]store.Problem, error) {
	var out []store.Problem
	add := func(where, format string, a ...any) {
		out = append(out, store.Problem{Where: where, What: fmt.Sprintf(format, a...)})
	}
	c := &checkCount{w: w}
	err := s.boltView(func(tx *bolt.Tx) error {
		t := boltTxn(tx)
		if err := c.plan(tx); err != nil {
			return err
		}
		if tx.Bucket(bMeta) == nil || tx.Bucket(bMeta).Get(kPartnership) == nil {
			add("meta", "no partnership: the file was never set up")
		} else if _, err := record.ReadPartnership(t); err != nil {
			add("meta", "the partnership does not decode: %v", err)
		}
		// One walk of the trail checks its chain and its order, keeping the
		// newest sum it holds for each record; one parallel walk of each
		// bucket then unseals and decodes every record once: its own
		// checks, its sum against the chain's, and the index entries it
		// should have (compared with the indexes after).
		order := newAuditOrder()
		trail := record.WalkTrail(t, KnownHeads(s.path), order.see, func() error { return c.tick("following the audit trail's chain") })
		if trail.Stopped() != nil {
			return trail.Stopped()
		}
		trail.AgainstPartnership(t)
		want := newIndexWant()
		read := map[string]bool{}
		for _, rb := range recordBuckets {
			b := tx.Bucket(rb.name)
			if b == nil {
				if !slices.ContainsFunc(laterBuckets, func(l []byte) bool { return bytes.Equal(l, rb.name) }) {
					add(string(rb.name), "the bucket is missing")
				}
				continue // one that came later is made by the first writer
			}
			read[string(rb.name)] = true
			var top model.ID
			if bytes.Equal(rb.name, bAudit) {
				// Each event's ID against its key: the chain's walk.
				if k, _ := b.Cursor().Last(); k != nil {
					top = store.KeyID(k)
				}
			} else if err := checkBucketRecords(tx, rb, c, trail, want, add, &top); err != nil {
				return err
			}
			// Its indexes now, while only its entries are held.
			if ix, ok := store.Registry[store.Kind(rb.name)]; ok {
				out = append(out, want.compare(tx, indexNames(ix))...)
			}
			if !bytes.Equal(rb.name, bSnapshots) && b.Sequence() < top {
				add(string(rb.name), "the next ID would be %d, but #%d exists: a new record would overwrite it", b.Sequence()+1, top)
			}
		}
		kinds, err := record.ChainedKinds(t)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			if !read[string(k)] { // a bucket of records check has no decoder for
				if err := trail.AgainstKind(t, k); err != nil {
					return err
				}
			}
		}
		if err := c.step("checking every index against its records"); err != nil {
			return err
		}
		out = append(out, want.compare(tx, want.left())...)
		out = append(out, checkIncidents(tx)...)
		out = append(out, checkSnapshots(tx)...)
		for _, p := range trail.Report().Problems {
			out = append(out, store.Problem{Where: "audit chain", What: p})
		}
		out = append(out, order.problems...)
		return c.step("checked")
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkCount counts the records a check has read, for its Watch: every
// record once decoded, those with indexes once more, the audit trail once
// more for its chain.
type checkCount struct {
	w           store.Watch
	done, total int64
	what        string
	left        int // records until the next report
}

// plan counts the records to read, from the pages' headers (bbolt's
// Stats: no record is visited).
func (c *checkCount) plan(tx *bolt.Tx) error {
	if err := c.w.Step(store.Step{What: "counting the records", Unit: "records"}); err != nil {
		return err
	}
	pages := newPageReleaser(tx.DB(), tx)
	defer pages.release()
	for _, rb := range recordBuckets {
		b := tx.Bucket(rb.name)
		if b == nil {
			continue
		}
		n := int64(b.Stats().KeyN)
		c.total += n
		if _, indexed := store.Registry[store.Kind(rb.name)]; indexed {
			c.total += n
		}
		// The audit trail is read once, by the chain's walk.
	}
	return nil
}

// checkReport is how many records a check reads between reports (and
// looks to see whether it was stopped).
const checkReport = 4096

// tick counts one record read doing what; every checkReport records, or
// when what changes, it reports and says whether to stop.
func (c *checkCount) tick(what string) error {
	c.done++
	if c.left--; c.left > 0 && what == c.what {
		return nil
	}
	c.left, c.what = checkReport, what
	return c.step(what)
}

func (c *checkCount) step(what string) error {
	c.total = max(c.total, c.done)
	return c.w.Step(store.Step{What: what, Done: c.done, Total: c.total, Unit: "records"})
}

// checkedRecord is what a worker made of one stored record: its ID and
// version, whether it was sealed, its sum, and the index entries it should
// have.
type checkedRecord struct {
	id      model.ID
	version int
	err     error
	sealed  bool
	entries []indexEntry
	sum     []byte // for the chain
	sumErr  error
}

// indexEntry is an entry a record should have in index ix.
type indexEntry struct {
	ix store.Index
	store.Entry
}

// checkBucketRecords decodes every record of rb's bucket on every core and
// checks, in key order, that each decodes, is sealed and holds its own ID
// and a version; top is the highest key seen.
func checkBucketRecords(tx *bolt.Tx, rb recordBucketKind, c *checkCount, t *record.Trail, want indexWant, add func(where, format string, a ...any), top *model.ID) error {
	ix, indexed := store.Registry[store.Kind(rb.name)]
	if indexed {
		// Room for an entry per record in each index, rather than
		// growing there a few hundred thousand entries at a time.
		want.reserve(ix, tx.Bucket(rb.name).Stats().KeyN)
	}
	what := "reading every record: " + string(rb.name)
	decode := rb.decode
	if d, ok := checkedAs[string(rb.name)]; ok {
		decode = d
	}
	var stopped error
	walkParallel(tx, rb.name, func(k, v []byte) (r checkedRecord) {
		if len(k) != 8 {
			return r
		}
		r.sealed = sealed(v)
		if err := withBody(v, func(body []byte) error {
			r.sum = record.RecordSum(body)
			// body is the record's JSON: decoded once, for its own
			// checks and its index entries.
			var rec any
			r.id, r.version, rec, r.err = decode(body)
			if indexed && r.err == nil {
				ix.EntriesOf(rec, func(name store.Index, e store.Entry) { r.entries = append(r.entries, indexEntry{name, e}) })
			}
			return nil
		}); err != nil {
			r.err, r.sumErr = err, err
		}
		return r
	}, func(k []byte, r checkedRecord) {
		if stopped != nil {
			return
		}
		if stopped = c.tick(what); stopped != nil {
			return
		}
		if indexed {
			c.done++ // its index entries, counted as plan counted them
		}
		if len(k) != 8 {
			add(string(rb.name), "a key of %d bytes (%x): records are keyed by 8-byte IDs", len(k), k)
			return
		}
		// Named only when there is something to say: a decade has
		// 570,000 records with nothing wrong.
		where := func() string { return fmt.Sprintf("%s #%d", rb.name, store.KeyID(k)) }
		switch {
		case r.err != nil:
			add(where(), "does not decode: %v", r.err)
		case !r.sealed:
			add(where(), "%v: it was written or rewritten by something other than tasking", errUnsealed)
		case r.id != store.KeyID(k):
			add(where(), "holds record #%d", r.id)
		case rb.version && r.version < 1:
			add(where(), "version %d (a record starts at 1)", r.version)
		}
		*top = max(*top, store.KeyID(k))
		t.Against(string(rb.name), store.KeyID(k), r.sum, r.sumErr)
		want.add(r.entries)
	})
	return stopped
}

// indexNames are ix's index buckets.
func indexNames(ix store.Indexer) [][]byte {
	var out [][]byte
	for _, name := range ix.Indexes() {
		out = append(out, []byte(name))
	}
	return out
}

// indexWant is every index's entries as the records say they should be,
// in the order the records were read: sorted when compared with the index
// (a merge of two ordered lists, where a map of half a million entries
// cost a tenth of the check).
type indexWant map[string][]store.Entry

func newIndexWant() indexWant {
	w := indexWant{}
	for _, name := range store.IndexBuckets() {
		w[string(name)] = nil
	}
	return w
}

// reserve makes room in ix's indexes for n entries each.
func (w indexWant) reserve(ix store.Indexer, n int) {
	for _, name := range ix.Indexes() {
		w[string(name)] = slices.Grow(w[string(name)], n)
	}
}

func (w indexWant) add(entries []indexEntry) {
	for _, e := range entries {
		w[string(e.ix)] = append(w[string(e.ix)], e.Entry)
	}
}

// left are the indexes not yet compared (those of a record bucket the
// file lacks: each should then be empty), in order.
func (w indexWant) left() [][]byte {
	var out [][]byte
	for _, name := range store.IndexBuckets() {
		if _, ok := w[string(name)]; ok {
			out = append(out, name)
		}
	}
	return out
}

// sortedEntries are entries in key order, one per key. Two records give
// the same key only when one holds the other's ID (found as such): of
// their entries, the one with the greater value is kept, so the order the
// records were read in does not matter.
func sortedEntries(es []store.Entry) []store.Entry {
	slices.SortFunc(es, func(a, b store.Entry) int {
		if c := bytes.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return bytes.Compare(a.Value, b.Value)
	})
	out := es[:0]
	for i, e := range es {
		if i+1 < len(es) && bytes.Equal(es[i+1].Key, e.Key) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// compare checks the named indexes against what the records say they
// should hold, and forgets those entries.
func (w indexWant) compare(tx *bolt.Tx, names [][]byte) []store.Problem {
	var out []store.Problem
	owner := map[string]string{} // index bucket → record bucket
	for k, ix := range store.Registry {
		for _, name := range ix.Indexes() {
			owner[string(name)] = string(k)
		}
	}
	for _, name := range names {
		defer delete(w, string(name))
		b := tx.Bucket(name)
		if b == nil {
			out = append(out, store.Problem{Where: string(name), What: "the index is missing"})
			continue
		}
		want := sortedEntries(w[string(name)])
		var missing []store.Entry
		pages := newPageReleaser(tx.DB(), tx)
		_ = b.ForEach(func(k, v []byte) error {
			pages.read(1)
			for len(want) > 0 && bytes.Compare(want[0].Key, k) < 0 {
				missing, want = append(missing, want[0]), want[1:]
			}
			switch {
			case len(want) == 0 || !bytes.Equal(want[0].Key, k):
				out = append(out, store.Problem{Where: string(name), What: fmt.Sprintf("an entry (%x) for %s #%d, which has no such entry", k, owner[string(name)], store.KeyID(k))})
				return nil
			case !bytes.Equal(want[0].Value, v):
				out = append(out, store.Problem{Where: string(name), What: fmt.Sprintf("the entry for %s #%d says %x, the record says %x", owner[string(name)], store.KeyID(k), v, want[0].Value)})
			}
			want = want[1:]
			return nil
		})
		for _, e := range append(missing, want...) {
			out = append(out, store.Problem{Where: string(name), What: fmt.Sprintf("%s #%d is not indexed (%x)", owner[string(name)], store.KeyID(e.Key), e.Key)})
		}
	}
	return out
}

// checkSnapshots: every closed meeting has its frozen record (an upgraded
// file may have it rebuilt, but it has it).
func checkSnapshots(tx *bolt.Tx) []store.Problem {
	var out []store.Problem
	snaps := tx.Bucket(bSnapshots)
	_ = tx.Bucket(bMeetings).ForEach(func(k, v []byte) error {
		var m model.Meeting
		if decode(v, &m) != nil || m.State != model.MeetingClosed {
			return nil
		}
		if snaps == nil || snaps.Get(k) == nil {
			out = append(out, store.Problem{Where: m.Ref(), What: "closed, but its record as at the close is missing: its minutes would be made from today's record"})
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

// auditOrder finds events written further back in time than the one
// before them allows.
type auditOrder struct {
	last     time.Time
	lastID   model.ID
	problems []store.Problem
}

func newAuditOrder() *auditOrder { return &auditOrder{} }

func (o *auditOrder) see(e *model.AuditEvent) {
	if e.Op == model.OpRecordSeal {
		return // seal events are the store's bookkeeping, at the time they were written
	}
	if !o.last.IsZero() && e.At.Before(o.last.Add(-auditSkew)) {
		o.problems = append(o.problems, store.Problem{Where: fmt.Sprintf("audit #%d", e.ID), What: fmt.Sprintf("made at %s, before #%d (%s): the trail is out of order",
			e.At.Format(time.RFC3339), o.lastID, o.last.Format(time.RFC3339))})
	}
	if e.At.After(o.last) {
		o.last, o.lastID = e.At, e.ID
	}
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
func (s *File) Reindex() (backup string, err error) { return s.ReindexWatched(store.Watch{}) }

// ReindexWatched is Reindex reporting to w (the bytes copied, then the
// records indexed) and stopped by w's context (ErrInterrupted): the
// rebuild is one transaction, so a stopped one changes nothing, and the
// copy made for it is removed.
func (s *File) ReindexWatched(w store.Watch) (backup string, err error) {
	if backup, _, err = s.backupToWatched(w, "keeping a copy of the file as it was", named(fmt.Sprintf("%s.backup-reindex-%s", s.path, s.Now().Format("20060102-150405")))); err != nil {
		if errors.Is(err, store.ErrInterrupted) {
			return "", err
		}
		return "", fmt.Errorf("cannot keep a copy of %s first (%w); nothing was changed", s.path, err)
	}
	err = s.Upkeep(func(t *record.Txn) error {
		tx := fileTx(t)
		c := &checkCount{w: w}
		for name := range store.Registry {
			c.total += int64(tx.Bucket([]byte(name)).Stats().KeyN)
		}
		if err := rebuildIndexesWatched(tx, func() error { return c.tick("rebuilding every index") }); err != nil {
			return err
		}
		if err := c.step("rebuilding the incident counts"); err != nil {
			return err
		}
		return rebuildIncidents(tx)
	})
	if errors.Is(err, store.ErrInterrupted) {
		_ = os.Remove(backup)
		return "", err
	}
	return backup, err
}

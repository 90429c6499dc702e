package bolt

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Salvage (`tasking salvage DAMAGED NEW`) copies what is left of a damaged
// file into a new one. It is done in two halves:
//
//   - SalvageRead walks the damaged file read-only and writes every key and
//     value it can reach, raw, to a stream. bbolt panics, or faults, on a
//     page that is not what it should be, so this runs in a child process
//     (cmd/tasking), recovers what it can (a fault is made a panic), and
//     steps past an unreadable page by seeking beyond it. If the child dies
//     anyway, the parent starts another from just past where it died.
//   - A SalvageHaul reads those streams, keeps each value only if it proves
//     itself (model.SalvageKeep), writes it into a new file made aside,
//     rebuilds the indexes, and lists what was lost.
//
// The damaged file is never opened for writing.

// SalvageFrom is where a read starts: at the first bucket whose name is
// Bucket or after, after the key After in it (nil: at its start). Skip:
// the last read died after After, so step past the page holding it.
type SalvageFrom struct {
	Bucket string
	After  []byte
	Skip   bool
}

// The stream: a tag byte, then its fields, each a uvarint length and bytes.
const (
	tagBucket = 'B' // name, sequence (8 bytes; empty when unreadable)
	tagValue  = 'K' // key, value
	tagGap    = 'G' // the key after which a page could not be read, the key reading resumed at (empty: none)
	tagNote   = 'N' // words: something else that could not be read
	tagDone   = 'D'
)

// SalvageRead reads the damaged file at path from from on, writing what it
// reaches to w. It never writes to the file.
func SalvageRead(path string, from SalvageFrom, w io.Writer) error {
	debug.SetPanicOnFault(true) // a read past a truncated file's end panics, not crashes
	out := bufio.NewWriterSize(w, 1<<16)
	defer out.Flush()
	frame := func(tag byte, fields ...[]byte) {
		out.WriteByte(tag)
		for _, f := range fields {
			out.Write(binary.AppendUvarint(nil, uint64(len(f))))
			out.Write(f)
		}
	}
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return &LockedError{Path: path, Owner: readOwner(path)}
	}
	if err != nil {
		return fmt.Errorf("bbolt cannot open %s at all (%v): nothing in it can be read", path, err)
	}
	defer db.Close()
	tx, err := db.Begin(false)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	// The buckets: every one tasking makes, and any other the root lists.
	names := map[string]bool{}
	for _, b := range allBuckets {
		names[string(b)] = true
	}
	if err := guarded(func() {
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names[string(name)] = true
			return nil
		})
	}); err != nil {
		frame(tagNote, []byte("the list of buckets could not be read whole: "+err.Error()))
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		if n >= from.Bucket {
			sorted = append(sorted, n)
		}
	}
	slices.Sort(sorted)
	for i, name := range sorted {
		var b *bolt.Bucket
		var seq []byte
		if err := guarded(func() {
			if b = tx.Bucket([]byte(name)); b != nil {
				seq = binary.BigEndian.AppendUint64(nil, b.Sequence())
			}
		}); err != nil {
			frame(tagBucket, []byte(name), nil)
			frame(tagGap, nil, nil)
			continue
		}
		if b == nil {
			continue
		}
		frame(tagBucket, []byte(name), seq)
		var after []byte
		skip := false
		if i == 0 && name == from.Bucket {
			after, skip = from.After, from.Skip
		}
		walkSalvage(b, after, skip, func(k, v []byte) { frame(tagValue, k, v) }, func(a, b []byte) { frame(tagGap, a, b) })
		if err := out.Flush(); err != nil {
			return err
		}
	}
	frame(tagDone)
	return out.Flush()
}

// guarded runs fn, turning a panic (bbolt's on a bad page, or a fault)
// into an error.
func guarded(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	fn()
	return nil
}

// walkSalvage gives every key and value in b after after (all when nil),
// in order; where a page cannot be read it says so (gap) and seeks past it.
func walkSalvage(b *bolt.Bucket, after []byte, skip bool, each func(k, v []byte), gap func(after, resumed []byte)) {
	last := slices.Clone(after)
	var k, v []byte
	// start positions a new cursor at the first key after last.
	start := func(c *bolt.Cursor, at []byte) {
		if at == nil {
			k, v = c.First()
			return
		}
		k, v = c.Seek(at)
		if k != nil && bytes.Equal(k, at) {
			k, v = c.Next()
		}
	}
	broken := skip
	for {
		if broken {
			k = nil
			resumed := false
			for _, p := range probes(last) {
				c := b.Cursor()
				if guarded(func() { start(c, p) }) != nil || (k != nil && last != nil && bytes.Compare(k, last) <= 0) {
					continue
				}
				gap(last, k)
				if k == nil {
					return // nothing readable after the gap
				}
				resumed = true
				if !walkFrom(c, &k, &v, &last, each) {
					break
				}
				return
			}
			if !resumed {
				gap(last, nil)
				return
			}
			continue // walkFrom met another bad page
		}
		c := b.Cursor()
		if guarded(func() { start(c, last) }) != nil {
			broken = true
			continue
		}
		if walkFrom(c, &k, &v, &last, each) {
			return
		}
		broken = true
	}
}

// walkFrom gives k, v and every pair after it; false when a page fails
// (or keys stop rising, which only a damaged page does).
func walkFrom(c *bolt.Cursor, k, v *[]byte, last *[]byte, each func(k, v []byte)) bool {
	for *k != nil {
		if *last != nil && bytes.Compare(*k, *last) <= 0 {
			return false
		}
		if *v != nil { // a nested bucket: tasking makes none
			each(*k, *v)
		}
		*last = slices.Clone(*k)
		if guarded(func() { *k, *v = c.Next() }) != nil {
			return false
		}
	}
	return true
}

// probes are the keys to seek to past an unreadable page after last: for
// an 8-byte ID, last+1, +2, +4, … ; for any key, each of its bytes
// raised in turn from the last (past ever larger runs of keys).
func probes(last []byte) [][]byte {
	if last == nil {
		return [][]byte{nil}
	}
	var out [][]byte
	if len(last) == 8 {
		id := binary.BigEndian.Uint64(last)
		for step := uint64(1); step != 0 && id+step > id; step <<= 1 {
			out = append(out, store.IDKey(id+step))
		}
		return out
	}
	for i := len(last) - 1; i >= 0; i-- {
		if last[i] == 0xff {
			continue
		}
		p := slices.Clone(last[:i+1])
		p[i]++
		out = append(out, p)
	}
	return out
}

// SalvageHaul is a salvage under way: what the reads gave, checked and
// written into the new file made aside.
type SalvageHaul struct {
	path, aside string
	damaged     string
	db          *bolt.DB
	pending     []haulValue
	// Done: a read reached the end of the file.
	Done bool
	// From is where the next read starts if this one died.
	From   SalvageFrom
	deaths int

	kept     map[string]int
	seqs     map[string]uint64
	ids      map[string]map[model.ID]bool // saved records by bucket
	gaps     []haulGap
	lost     model.Lost
	written  map[string]map[model.ID]bool // the trail's word: true exists, false deleted
	sums     map[recordAt][]byte          // the trail's newest sum for each record (nil: deleted)
	notes    []string
	schema   int
	bucket   string
	crashed  []string
	topEvent model.ID
	closed   []model.ID // closed meetings saved: each has a frozen record
}

type haulValue struct{ bucket, key, value []byte }

type haulGap struct {
	bucket        string
	after, resume []byte
}

// NewSalvageHaul starts a salvage into newPath, refusing (model.CheckSalvage)
// a new file that exists or is the damaged one. The new file is made aside
// and is put in place only by Finish.
func NewSalvageHaul(damaged, newPath string) (*SalvageHaul, error) {
	_, derr := os.Stat(damaged)
	_, nerr := os.Lstat(newPath)
	if err := model.CheckSalvage(damaged, newPath, derr == nil, !errors.Is(nerr, fs.ErrNotExist), same(damaged, newPath)); err != nil {
		return nil, err
	}
	if derr != nil && !errors.Is(derr, fs.ErrNotExist) {
		return nil, derr
	}
	aside := newPath + ".salvage-" + strconv.Itoa(os.Getpid())
	_ = os.Remove(aside)
	db, err := bolt.Open(aside, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("cannot make %s: %s", newPath, errText(err))
	}
	h := &SalvageHaul{path: newPath, aside: aside, damaged: damaged, db: db, kept: map[string]int{}, seqs: map[string]uint64{},
		ids: map[string]map[model.ID]bool{}, written: map[string]map[model.ID]bool{}, sums: map[recordAt][]byte{}}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		h.Abandon()
		return nil, err
	}
	return h, nil
}

// Abandon removes the file made aside: the salvage did not finish.
func (h *SalvageHaul) Abandon() {
	if h.db != nil {
		_ = h.db.Close()
		h.db = nil
	}
	_ = os.Remove(h.aside)
}

// Take takes one read's stream. A read that ends without saying it is
// done died part way: Died says so, and From is where the next starts.
func (h *SalvageHaul) Take(r io.Reader) error {
	br := bufio.NewReaderSize(r, 1<<16)
	field := func() ([]byte, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if n > 1<<31 {
			return nil, errors.New("a field too long")
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return b, err
	}
	for {
		tag, err := br.ReadByte()
		if err == io.EOF {
			return h.flush()
		}
		if err != nil {
			return err
		}
		switch tag {
		case tagBucket:
			name, err1 := field()
			seq, err2 := field()
			if err := errors.Join(err1, err2); err != nil {
				return h.flush()
			}
			h.bucket = string(name)
			h.From = SalvageFrom{Bucket: h.bucket}
			if len(seq) == 8 {
				h.seqs[h.bucket] = max(h.seqs[h.bucket], binary.BigEndian.Uint64(seq))
			}
		case tagValue:
			k, err1 := field()
			v, err2 := field()
			if err := errors.Join(err1, err2); err != nil {
				return h.flush()
			}
			h.take(k, v)
			h.From = SalvageFrom{Bucket: h.bucket, After: k}
			if len(h.pending) >= 5000 {
				if err := h.flush(); err != nil {
					return err
				}
			}
		case tagGap:
			a, err1 := field()
			b, err2 := field()
			if err := errors.Join(err1, err2); err != nil {
				return h.flush()
			}
			g := haulGap{bucket: h.bucket, after: a, resume: b}
			if len(a) == 0 {
				g.after = nil
			}
			if len(b) == 0 {
				g.resume = nil
			}
			h.gaps = append(h.gaps, g)
		case tagNote:
			n, err := field()
			if err != nil {
				return h.flush()
			}
			h.notes = append(h.notes, string(n))
		case tagDone:
			h.Done = true
			return h.flush()
		default:
			return errors.Join(h.flush(), fmt.Errorf("the read of the damaged file sent %#x: not a salvage stream", tag))
		}
	}
}

// Died notes that a read died (why: how), after what it sent: the next
// read steps past the page it died on, or, when it died twice at the same
// place, past the rest of the bucket.
func (h *SalvageHaul) Died(why string) {
	h.deaths++
	h.crashed = append(h.crashed, why)
	if h.From.Skip || h.From.Bucket == "" && h.deaths > 1 {
		h.gaps = append(h.gaps, haulGap{bucket: h.From.Bucket, after: h.From.After})
		h.From = SalvageFrom{Bucket: h.From.Bucket + "\x00"} // the next bucket
		return
	}
	h.From.Skip = true
}

// take checks one value and keeps it for the new file, or notes it lost.
func (h *SalvageHaul) take(k, v []byte) {
	bucket := h.bucket
	// The LSOAs' names are derived from the counts like an index (plain
	// names, not sealed records): made again from the counts kept.
	fact := model.SalvageValue{Index: store.IsIndexBucket([]byte(bucket)) || bucket == string(bLSOAs), Sealed: sealed(v)}
	var rb *recordBucketKind
	for i := range recordBuckets {
		if string(recordBuckets[i].name) == bucket {
			rb = &recordBuckets[i]
		}
	}
	body, err := unseal(v)
	fact.CRCOK = err == nil && fact.Sealed
	switch {
	case bucket == string(bMeta) && !bytes.Equal(k, kPartnership):
		fact.Plain = true
		if bytes.Equal(k, kSchema) && len(v) == 8 {
			h.schema = int(binary.BigEndian.Uint64(v))
		}
	case bucket == string(bMeta):
		var p model.Partnership
		fact.Record = true
		fact.Decodes = fact.CRCOK && store.DecodeJSON(body, &p) == nil
		fact.IDOK = true
	case rb != nil:
		fact.Record = true
		id, _, _, derr := rb.decode(v)
		fact.Decodes = fact.CRCOK && derr == nil
		fact.IDOK = len(k) == 8 && id == store.KeyID(k)
		if fact.Decodes && fact.IDOK && bucket == string(bMeetings) {
			var m model.Meeting
			if decode(v, &m) == nil && m.State == model.MeetingClosed {
				h.closed = append(h.closed, m.ID)
			}
		}
		if fact.Decodes && fact.IDOK && bucket == string(bAudit) {
			var e model.AuditEvent
			if decode(v, &e) == nil {
				h.sawEvent(&e)
			}
		}
	}
	verdict, _ := model.SalvageKeep(fact)
	switch verdict {
	case model.SalvageCopy:
		h.pending = append(h.pending, haulValue{[]byte(bucket), slices.Clone(k), slices.Clone(v)})
		h.kept[bucket]++
		if fact.Record && len(k) == 8 {
			if h.ids[bucket] == nil {
				h.ids[bucket] = map[model.ID]bool{}
			}
			h.ids[bucket][store.KeyID(k)] = true
		}
	case model.SalvageLose:
		h.lose(bucket, k)
	}
}

func (h *SalvageHaul) lose(bucket string, k []byte) {
	switch {
	case bucket == string(bMeta):
		h.lost.AddID(bucket, 0)
	case len(k) == 8 && recordBucketNamed(bucket):
		h.lost.AddID(bucket, store.KeyID(k))
	default:
		h.lost.AddKey(bucket, keyWords(k))
	}
}

func recordBucketNamed(name string) bool {
	for _, rb := range recordBuckets {
		if string(rb.name) == name {
			return true
		}
	}
	return false
}

// keyWords is a key that is not an ID, readably: incident counts are
// month \0 force \0 crime type \0 LSOA \0 street.
func keyWords(k []byte) string {
	parts := strings.Split(string(k), "\x00")
	for i, p := range parts {
		if !isPrintable(p) {
			parts[i] = fmt.Sprintf("%x", p)
		}
	}
	return strings.Join(parts, " / ")
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

// sawEvent notes what an event that reads says was written, so records the
// trail knows of but no read reached are listed as lost.
func (h *SalvageHaul) sawEvent(e *model.AuditEvent) {
	h.topEvent = max(h.topEvent, e.ID)
	for _, w := range e.Writes {
		if w.Bucket == string(bMeta) {
			continue
		}
		if h.written[w.Bucket] == nil {
			h.written[w.Bucket] = map[model.ID]bool{}
		}
		h.written[w.Bucket][w.ID] = w.Sum != nil
		h.sums[recordAt{w.Bucket, w.ID}] = w.Sum
	}
}

func (h *SalvageHaul) flush() error {
	if len(h.pending) == 0 {
		return nil
	}
	err := h.db.Update(func(tx *bolt.Tx) error {
		for _, p := range h.pending {
			b := tx.Bucket(p.bucket)
			if b == nil {
				var err error
				if b, err = tx.CreateBucket(p.bucket); err != nil {
					return err
				}
			}
			b.FillPercent = appendFill
			if err := b.Put(p.key, p.value); err != nil {
				return err
			}
		}
		return nil
	})
	h.pending = h.pending[:0]
	return err
}

// SalvageReport is what a salvage saved and lost.
type SalvageReport struct {
	Path   string
	Kept   map[string]int // values copied, by bucket
	Lost   model.Lost
	Notes  []string // what else could not be read, in words
	Schema int
}

// Finish completes the new file: the sequences set, every index rebuilt
// from the records saved, the file synced and put in place under its name
// (refused if something appeared there meanwhile). It works out what was
// lost: values that failed, and records in pages no read could reach.
func (h *SalvageHaul) Finish() (SalvageReport, error) {
	r := SalvageReport{Path: h.path, Kept: h.kept, Notes: slices.Clone(h.notes), Schema: h.schema}
	if err := h.flush(); err != nil {
		h.Abandon()
		return r, err
	}
	for _, c := range h.crashed {
		r.Notes = append(r.Notes, "a read of the damaged file died ("+c+"); another carried on past the page it died on")
	}
	noted := len(h.notes)
	if err := h.scanLoose(); err != nil {
		h.Abandon()
		return r, fmt.Errorf("searching the damaged file's pages: %w", err)
	}
	r.Notes = append(r.Notes, h.notes[noted:]...)
	h.loseGaps(&r)
	r.Lost = h.lost
	err := h.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		if meta.Get(kFormat) == nil {
			r.Notes = append(r.Notes, "the file's format marker was lost: written again")
			if err := meta.Put(kFormat, []byte(formatMarker)); err != nil {
				return err
			}
		}
		if meta.Get(kSchema) == nil {
			r.Notes = append(r.Notes, fmt.Sprintf("the file's schema version was lost: taken to be %d, this release's", SchemaVersion))
			r.Schema = SchemaVersion
			if err := meta.Put(kSchema, binary.BigEndian.AppendUint64(nil, SchemaVersion)); err != nil {
				return err
			}
		}
		for _, rb := range recordBuckets {
			if bytes.Equal(rb.name, bSnapshots) {
				continue
			}
			b := tx.Bucket(rb.name)
			top := model.ID(0)
			if k, _ := b.Cursor().Last(); k != nil {
				top = store.KeyID(k)
			}
			// The next ID must be past every record ever made: a lost one
			// listed by its ref keeps its number.
			seq := max(h.seqs[string(rb.name)], top)
			for id, exists := range h.written[string(rb.name)] {
				if exists {
					seq = max(seq, id)
				}
			}
			for _, id := range h.lost.IDs[string(rb.name)] {
				seq = max(seq, id)
			}
			if err := b.SetSequence(seq); err != nil {
				return err
			}
		}
		for name, seq := range h.seqs {
			if b := tx.Bucket([]byte(name)); b != nil && !recordBucketNamed(name) && !store.IsIndexBucket([]byte(name)) {
				if err := b.SetSequence(seq); err != nil {
					return err
				}
			}
		}
		if err := rebuildIndexes(tx); err != nil {
			return err
		}
		return rebuildIncidents(tx)
	})
	if err == nil {
		err = h.db.Sync()
	}
	if cerr := h.db.Close(); err == nil {
		err = cerr
	}
	h.db = nil
	if err != nil {
		h.Abandon()
		return r, fmt.Errorf("cannot finish %s (%w); nothing was left there", h.path, err)
	}
	if err := os.Link(h.aside, h.path); err != nil {
		h.Abandon()
		if errors.Is(err, fs.ErrExist) {
			return r, fmt.Errorf("%s appeared while the salvage ran: it was left as it is, and nothing was written", h.path)
		}
		return r, fmt.Errorf("cannot put %s in place: %s", h.path, errText(err))
	}
	_ = os.Remove(h.aside)
	syncDir(filepath.Dir(h.path))
	return r, nil
}

// loseGaps lists the records and events in pages no read reached: in an
// ID-keyed bucket, every ID between the last key before the gap and the
// first after it (or the bucket's last ID) that the trail does not say was
// deleted, and any record the trail says exists that no read reached.
func (h *SalvageHaul) loseGaps(r *SalvageReport) {
	for _, g := range h.gaps {
		kind, _ := model.SalvageKind(g.bucket)
		if store.IsIndexBucket([]byte(g.bucket)) {
			continue // rebuilt
		}
		if !recordBucketNamed(g.bucket) || (g.after != nil && len(g.after) != 8) || (g.resume != nil && len(g.resume) != 8) {
			switch {
			case g.after == nil && g.resume == nil:
				h.lost.AddKey(g.bucket, "the whole bucket: none of its pages could be read")
			case g.resume == nil:
				h.lost.AddKey(g.bucket, "everything after "+keyWords(g.after))
			case g.after == nil:
				h.lost.AddKey(g.bucket, "everything before "+keyWords(g.resume))
			default:
				h.lost.AddKey(g.bucket, "everything between "+keyWords(g.after)+" and "+keyWords(g.resume))
			}
			continue
		}
		from := store.KeyID(g.after) + 1
		if g.after == nil {
			from = 1
		}
		to := h.seqs[g.bucket]
		for id, exists := range h.written[g.bucket] {
			if exists {
				to = max(to, id)
			}
		}
		if g.bucket == string(bAudit) {
			to = max(to, h.topEvent)
		}
		if g.resume != nil {
			to = store.KeyID(g.resume) - 1
		}
		if to >= from && to-from > 10_000_000 {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: a run of pages from #%d could not be read, and how far it goes is not known", kind, from))
			continue
		}
		if g.after == nil && g.resume == nil && to < from {
			h.lost.AddKey(g.bucket, "the whole bucket: none of its pages could be read, and nothing says which records it held")
			continue
		}
		for id := from; id <= to && to >= from; id++ {
			if exists, known := h.written[g.bucket][id]; known && !exists {
				continue // deleted by a change the trail holds
			}
			if !h.ids[g.bucket][id] {
				h.lost.AddID(g.bucket, id)
			}
		}
	}
	// Events are numbered from 1 and never deleted: every number below
	// the newest known that no read saved is a lost event.
	top := max(h.seqs[string(bAudit)], h.topEvent)
	if top-uint64(len(h.ids[string(bAudit)])) <= 10_000_000 {
		for id := model.ID(1); id <= top; id++ {
			if !h.ids[string(bAudit)][id] {
				h.lost.AddID(string(bAudit), id)
			}
		}
	}
	for _, id := range h.closed {
		if !h.ids[string(bSnapshots)][id] {
			h.lost.AddID(string(bSnapshots), id)
		}
	}
	for bucket, ws := range h.written {
		if !recordBucketNamed(bucket) {
			continue
		}
		for id, exists := range ws {
			if exists && !h.ids[bucket][id] {
				h.lost.AddID(bucket, id)
			}
		}
	}
}

// recordAt names a record as the audit chain does: its bucket and ID
// (record's chain.go keeps its own, for its walk).
type recordAt struct {
	bucket string
	id     model.ID
}

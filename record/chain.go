package record

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The audit trail's hash chain (model.ChainFields): computed here and
// nowhere else, as a write transaction ends (txlog.go), and walked by
// VerifyChain for `tasking audit verify` and `tasking check`.

// genesis is the Prev of the first event.
var genesis = make([]byte, sha256.Size)

// contentHash is the SHA-256 of an event's content, encoded field by field
// (each length-prefixed) rather than as JSON, so it does not depend on how
// a JSON library spells a time or escapes a character.
func contentHash(e *model.AuditEvent) []byte {
	h := sha256.New()
	num := func(n uint64) { h.Write(binary.BigEndian.AppendUint64(nil, n)) }
	str := func(b []byte) { num(uint64(len(b))); h.Write(b) }
	num(e.ID)
	str([]byte(e.At.UTC().Format(time.RFC3339Nano)))
	str([]byte(e.By))
	num(e.ByID)
	str([]byte(e.Op))
	str([]byte(e.Entity))
	str([]byte(e.Ref))
	num(e.Tx)
	before, after := imageSum(e.Before), imageSum(e.After)
	if e.Erased {
		// Anonymised by retention: the sums of the images as first
		// written stand for them.
		before, after = e.BeforeSum, e.AfterSum
	}
	str(before)
	str(after)
	num(uint64(len(e.Writes)))
	for _, w := range e.Writes {
		str([]byte(w.Bucket))
		num(w.ID)
		str(w.Sum)
	}
	return h.Sum(nil)
}

func imageSum(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	s := sha256.Sum256(b)
	return s[:]
}

// linkOf is the Chain of an event with content hash h after prev.
func linkOf(prev, h []byte) []byte {
	s := sha256.New()
	s.Write(prev)
	s.Write(h)
	return s.Sum(nil)
}

// hashTag is how much of its content hash an event keeps. The chain needs
// none of it stored — the hash follows from the content (for an event
// retention anonymised, from the sums of its images as first written), and
// Prev is the Chain of the event before — but a few bytes tell "this
// event's content was changed" from "the event before it was removed or
// rewritten", which is what verify names. (Prev and the full hash were a
// quarter of the trail's bytes: random, so no compression touches them.)
const hashTag = 8

// link sets e's chain fields after the event whose Chain is prev.
func link(e *model.AuditEvent, prev []byte) {
	h := contentHash(e)
	e.Prev = nil
	e.Hash = h[:hashTag]
	e.Chain = linkOf(prev, h)
}

// chainHead is the newest event's Chain, or genesis when the trail is
// empty.
func chainHead(tx *txn) ([]byte, error) {
	h, err := headOf(tx)
	if err != nil || h.Event == 0 {
		return genesis, err
	}
	return h.Chain, nil
}

// headOf is the newest event's ID and Chain (none: the trail is empty).
func headOf(tx *txn) (store.ChainHead, error) {
	var h store.ChainHead
	err := tx.each(store.KindAudit, 0, store.Backward, func(id model.ID, d store.Doc) error {
		var e model.AuditEvent
		if err := decodeDoc(d, &e); err != nil {
			return fmt.Errorf("reading audit #%d, the newest event: %w", id, err)
		}
		if len(e.Chain) == 0 {
			return fmt.Errorf("audit #%d, the newest event, is not chained: the file needs `tasking upgrade`", id)
		}
		h = store.ChainHead{Event: id, Chain: e.Chain}
		return errStop
	})
	return h, err
}

// VerifyChain walks the audit chain and checks every record against it
// (verifyChain), with the heads the automatic backups carry and any given
// (a JSON minutes' audit_head, a head written down from a backup). Nothing
// in the file changes.
func (s *Store) VerifyChain(given ...store.ChainHead) (store.ChainReport, error) {
	var r store.ChainReport
	err := s.view(context.TODO(), func(tx *txn) error {
		r = verifyChain(tx, append(s.hooks.KnownHeads(), given...), nil, nil)
		return nil
	})
	return r, err
}

// Head is the chain's head now.
func (s *Store) Head() (store.ChainHead, error) {
	var h store.ChainHead
	err := s.view(context.TODO(), func(tx *txn) error {
		var err error
		h, err = headOf(tx)
		return err
	})
	return h, err
}

// maxChainProblems bounds the report: past the first few, the file is
// known to be tampered with or damaged and more lines help nobody.
const maxChainProblems = 50

// verifyChain walks every event in order, checking each one's place (its
// key is its ID), its link to the one before, and its content against its
// hash; then checks every record in the file against the newest sum the
// chain holds for it. known are heads kept outside the file (backup
// manifests): each must be in the chain at its event. each, if given, is
// called with every event in order (check's look at the trail's order);
// tick, if given, before each event: an error from it stops the walk
// (t.stopped).
func verifyChain(tx *txn, known []store.ChainHead, each func(e *model.AuditEvent), tick func() error) store.ChainReport {
	t := walkTrail(tx, known, each, tick)
	if t.stopped != nil {
		return t.r
	}
	t.againstPartnership(tx)
	kinds, err := chainedKinds(tx)
	if err != nil {
		t.problem("the kinds of record do not read: %v", err)
	}
	for _, k := range kinds {
		if err := walkKind(tx, k, sumOf, func(id model.ID, s summed) { t.against(chainName(k), id, s.sum, s.err) }); err != nil {
			t.problem("%s: %v", k, err)
		}
	}
	return t.report()
}

// againstPartnership checks the partnership's details against the chain.
func (t *trail) againstPartnership(tx *txn) {
	if d, err := tx.tx.Get(tx.ctx, store.KindPartnership, store.PartnershipID); err == nil {
		s := sumOf(store.PartnershipID, d)
		t.against(chainName(store.KindPartnership), store.PartnershipID, s.sum, s.err)
	}
}

// recordAt names a record for the chain: its kind's chain name and ID.
type recordAt struct {
	bucket string
	id     model.ID
}

// trail is the audit trail walked: the report so far, and the newest sum
// the chain holds for each record, to check the records against.
type trail struct {
	r store.ChainReport
	// stopped is why the walk stopped part way (tick said so): the report
	// is then incomplete.
	stopped error
	// erased are the events retention anonymised, with the sums of what
	// they hold now: each must be what the anonymisation wrote.
	erased map[model.ID][]byte
	// latest is the newest sum for each record (nil: deleted), dropped as
	// each record is checked: what is left at the end was not in the file.
	latest map[recordAt][]byte
}

func (t *trail) problem(format string, args ...any) bool {
	if len(t.r.Problems) < maxChainProblems {
		t.r.Problems = append(t.r.Problems, fmt.Sprintf(format, args...))
	}
	return len(t.r.Problems) < maxChainProblems
}

// against checks one record (its sum, or why it has none) against the
// chain's newest sum for it.
func (t *trail) against(name string, id model.ID, sum []byte, err error) {
	t.r.Records++
	at := recordAt{name, id}
	want, ok := t.latest[at]
	delete(t.latest, at)
	switch {
	case err != nil:
		t.problem("%s: %v", recordName(name, id), err)
	case !ok:
		t.problem("%s is not in the audit chain: it was put into the file behind the trail's back", recordName(name, id))
	case want == nil:
		t.problem("%s was deleted by a change in the trail, but is in the file", recordName(name, id))
	case !bytes.Equal(want, sum):
		t.problem("%s differs from what the trail says was last written: it was changed behind the trail's back", recordName(name, id))
	}
}

// report ends the check of the records against the chain: a record the
// chain holds that was not seen was removed.
func (t *trail) report() store.ChainReport {
	// Every anonymised event against what the anonymisation wrote.
	for id, sum := range t.erased {
		at := recordAt{chainName(store.KindAudit), id}
		want, ok := t.latest[at]
		delete(t.latest, at)
		switch {
		case !ok:
			t.problem("audit #%d is marked anonymised, but no anonymisation in the trail wrote it: it was changed behind the trail's back", id)
		case !bytes.Equal(want, sum):
			t.problem("audit #%d differs from what its anonymisation wrote: it was changed behind the trail's back", id)
		}
	}
	for at, sum := range t.latest {
		if sum != nil {
			t.problem("%s is in the trail but not in the file: it was removed behind the trail's back", recordName(at.bucket, at.id))
		}
	}
	return t.r
}

// walkTrail walks every event in order (verifyChain), leaving the records
// to be checked against it.
func walkTrail(tx *txn, known []store.ChainHead, each func(e *model.AuditEvent), tick func() error) *trail {
	t := &trail{latest: map[recordAt][]byte{}, erased: map[model.ID][]byte{}}
	r := &t.r
	problem := t.problem
	heads := map[model.ID][]byte{}
	for _, h := range known {
		heads[h.Event] = h.Chain
	}
	latest := t.latest
	prev := genesis
	stopped := false
	err := walkKind(tx, store.KindAudit, readEvent, func(key model.ID, d decodedEvent) {
		if stopped {
			return
		}
		if tick != nil {
			if t.stopped = tick(); t.stopped != nil {
				stopped = true
				return
			}
		}
		r.Events++
		e := &d.e
		if d.err != nil {
			if !problem("audit #%d does not read (%v): the chain breaks there", key, d.err) {
				stopped = true
			}
			prev = nil
			return
		}
		switch {
		case e.ID != key:
			problem("audit #%d holds event %d: events were moved or swapped", key, e.ID)
		case len(e.Chain) == 0:
			problem("audit #%d is not chained", e.ID)
		case !d.hashOK:
			problem("audit #%d (%s %s by %s on %s) was changed after it was written", e.ID, e.Op, e.Ref, e.By, e.At.Local().Format("2 Jan 2006 15:04"))
		case e.Prev != nil && prev != nil && !bytes.Equal(e.Prev, prev),
			e.Prev == nil && prev != nil && !bytes.Equal(e.Chain, linkOf(prev, d.hash)):
			problem("audit #%d does not follow the event before it: an event before it was removed, moved or rewritten", e.ID)
		case e.Prev != nil && !bytes.Equal(e.Chain, linkOf(e.Prev, d.hash)):
			// Only files written before schema 7 keep Prev.
			problem("audit #%d's link is not its own: its chain fields were rewritten", e.ID)
		}
		if e.Erased {
			r.Erased++
			t.erased[e.ID] = d.sum
		}
		if want, ok := heads[e.ID]; ok && !bytes.HasPrefix(e.Chain, want) {
			problem("audit #%d is not the event a backup recorded as the head then: the history before it was rewritten", e.ID)
		}
		delete(heads, e.ID)
		prev = e.Chain
		for _, w := range e.Writes {
			latest[recordAt{w.Bucket, w.ID}] = w.Sum
		}
		r.Head = store.ChainHead{Event: e.ID, Chain: e.Chain}
		if each != nil {
			each(e)
		}
	})
	if err != nil {
		problem("the audit trail does not read: %v", err)
	}
	if stopped {
		return t
	}
	for id := range heads {
		if id > r.Head.Event {
			problem("a backup recorded event %d as the head, but the trail ends at %d: events were removed from the end", id, r.Head.Event)
		} else {
			problem("a backup recorded event %d as the head, and the trail has no such event", id)
		}
	}
	return t
}

// decodedEvent is an audit event read by a worker, its content hashed:
// hash is the content hash its link was made from, hashOK whether the
// event's stored hash, or the tag of it, agrees; sum is the sum of what an
// anonymised event holds now (recordSum). e holds no images: the walk
// needs only their sums, in hash.
type decodedEvent struct {
	e      model.AuditEvent
	err    error
	hash   []byte
	hashOK bool
	sum    []byte
}

// eventScratch holds an event being read, so its images (most of the
// trail's bytes, and needed only for their sums) are read into the same
// buffers event after event rather than copied out and kept.
var eventScratch = sync.Pool{New: func() any { return new(model.AuditEvent) }}

func readEvent(_ model.ID, doc store.Doc) (d decodedEvent) {
	e := eventScratch.Get().(*model.AuditEvent)
	defer eventScratch.Put(e)
	// Everything else is new each time: d keeps it.
	*e = model.AuditEvent{Before: e.Before[:0], After: e.After[:0]}
	d.err = doc.Body(func(body []byte) error {
		if err := store.DecodeJSON(body, e); err != nil {
			return err
		}
		if e.Erased {
			d.sum = recordSum(body)
		}
		return nil
	})
	if d.err != nil {
		return d
	}
	d.hash = contentHash(e)
	d.e = *e
	d.e.Before, d.e.After = nil, nil
	d.hashOK = len(d.e.Hash) >= hashTag && bytes.HasPrefix(d.hash, d.e.Hash)
	return d
}

// summed is a stored record's sum as the chain holds it, or why it has none.
type summed struct {
	sum []byte
	err error
}

func sumOf(_ model.ID, d store.Doc) (s summed) {
	s.err = d.Body(func(body []byte) error {
		s.sum = recordSum(body)
		return nil
	})
	return s
}

// chainedKinds are the kinds of record the chain holds sums of, as the
// engine lists them (Tx.Kinds): every one but the trail itself and the
// partnership, checked apart.
func chainedKinds(tx *txn) ([]store.Kind, error) {
	ks, err := tx.tx.Kinds(tx.ctx)
	return slices.DeleteFunc(ks, func(k store.Kind) bool { return k == store.KindAudit || k == store.KindPartnership }), err
}

func recordName(name string, id model.ID) string {
	if name == chainName(store.KindPartnership) {
		return "the partnership's details"
	}
	return fmt.Sprintf("%s #%d", name, id)
}

package storetest

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// NewEngine opens a new, empty engine, closed when the test ends.
type NewEngine func(t *testing.T) store.Engine

// RunEngine runs the persistence interface's own contract (store.Engine,
// store.Tx) against an engine: what the use cases above it rely on —
// records by kind and ID, IDs that never repeat and roll back, walks in
// either direction, ordered keys scanned by prefix, a failed write that
// leaves no trace, and the commit each transaction names. Run proves the
// record on top of it.
func RunEngine(t *testing.T, open NewEngine) {
	for _, c := range []struct {
		name string
		test func(*testing.T, store.Engine)
	}{
		{"RecordsByKindAndID", testRecordsByKindAndID},
		{"IDsNeverRepeatAndRollBack", testIDsNeverRepeatAndRollBack},
		{"EachWalksEitherWay", testEachWalksEitherWay},
		{"ScanByPrefixFromEitherEnd", testScanByPrefixFromEitherEnd},
		{"FailedWriteLeavesNoTrace", testFailedWriteLeavesNoTrace},
		{"SeqNamesTheCommit", testSeqNamesTheCommit},
		{"IndexesAndLastIDsListed", testIndexesAndLastIDsListed},
		{"RecordsUnderAPrefix", testRecordsUnderAPrefix},
		{"OneStatementReads", testOneStatementReads},
	} {
		t.Run(c.name, func(t *testing.T) { c.test(t, open(t)) })
	}
}

var bg = context.Background()

func update(t *testing.T, e store.Engine, fn func(tx store.Tx) error) {
	t.Helper()
	if err := e.Update(bg, fn); err != nil {
		t.Fatal(err)
	}
}

func view(t *testing.T, e store.Engine, fn func(tx store.Tx) error) {
	t.Helper()
	if err := e.View(bg, fn); err != nil {
		t.Fatal(err)
	}
}

// body is a stored record's JSON, copied out.
func body(t *testing.T, tx store.Tx, k store.Kind, id model.ID) string {
	t.Helper()
	d, err := tx.Get(bg, k, id)
	if errors.Is(err, store.ErrNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	var out string
	if err := d.Body(func(b []byte) error { out = string(b); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func doc(id model.ID) []byte { return fmt.Appendf(nil, `{"id":%d,"name":"record %d"}`, id, id) }

func testRecordsByKindAndID(t *testing.T, e store.Engine) {
	update(t, e, func(tx store.Tx) error {
		for _, k := range []store.Kind{store.KindActions, store.KindAgencies, store.KindAudit, store.KindPartnership} {
			if err := tx.Put(bg, k, 7, doc(7)); err != nil {
				return err
			}
		}
		return tx.Put(bg, store.KindActions, 8, doc(8))
	})
	view(t, e, func(tx store.Tx) error {
		// What was put reads back as it was, whatever the engine does to
		// keep it (bbolt compresses actions and the trail).
		for _, k := range []store.Kind{store.KindActions, store.KindAgencies, store.KindAudit, store.KindPartnership} {
			if got := body(t, tx, k, 7); got != string(doc(7)) {
				t.Errorf("%s #7 reads %q", k, got)
			}
		}
		if got := body(t, tx, store.KindMembers, 7); got != "" {
			t.Errorf("members #7 was never put, but reads %q", got)
		}
		if _, err := tx.Get(bg, store.KindActions, 9); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("actions #9: %v, want ErrNotFound", err)
		}
		return nil
	})
	update(t, e, func(tx store.Tx) error {
		if err := tx.Put(bg, store.KindActions, 7, doc(70)); err != nil {
			return err
		}
		if err := tx.Delete(bg, store.KindActions, 8); err != nil {
			return err
		}
		return tx.Delete(bg, store.KindActions, 99) // nothing there: nothing happens
	})
	view(t, e, func(tx store.Tx) error {
		if got := body(t, tx, store.KindActions, 7); got != string(doc(70)) {
			t.Errorf("actions #7 after it was replaced reads %q", got)
		}
		if got := body(t, tx, store.KindActions, 8); got != "" {
			t.Errorf("actions #8 after it was deleted reads %q", got)
		}
		return nil
	})
}

func nextIDs(t *testing.T, tx store.Tx, k store.Kind, n int) []model.ID {
	t.Helper()
	var out []model.ID
	for range n {
		id, err := tx.NextID(bg, k)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

func testIDsNeverRepeatAndRollBack(t *testing.T, e store.Engine) {
	update(t, e, func(tx store.Tx) error {
		if got := nextIDs(t, tx, store.KindActions, 3); !slices.Equal(got, []model.ID{1, 2, 3}) {
			t.Errorf("a new kind's first IDs are %v, want 1 2 3", got)
		}
		if got := nextIDs(t, tx, store.KindHotspots, 1); got[0] != 1 {
			t.Errorf("each kind counts its own IDs: hotspots starts at %d", got[0])
		}
		return nil
	})
	// An ID taken by a write that fails is given again (A-4 does not skip).
	failed := errors.New("refused")
	if err := e.Update(bg, func(tx store.Tx) error {
		nextIDs(t, tx, store.KindActions, 2)
		return failed
	}); err != failed {
		t.Fatalf("a failing write returned %v, want its own error", err)
	}
	update(t, e, func(tx store.Tx) error {
		if got := nextIDs(t, tx, store.KindActions, 1); got[0] != 4 {
			t.Errorf("after a rolled-back write the next action is %d, want 4", got[0])
		}
		// Records loaded with their own IDs: NextID goes on above them,
		// and a lower reservation changes nothing.
		if err := tx.ReserveIDs(bg, store.KindActions, 10); err != nil {
			return err
		}
		if err := tx.ReserveIDs(bg, store.KindActions, 5); err != nil {
			return err
		}
		if got := nextIDs(t, tx, store.KindActions, 1); got[0] != 11 {
			t.Errorf("after reserving up to 10 the next action is %d, want 11", got[0])
		}
		return nil
	})
}

// ids walks kind k from from in dir, stopping after stop records (0: all).
func ids(t *testing.T, tx store.Tx, k store.Kind, from model.ID, dir store.Dir, stop int) []model.ID {
	t.Helper()
	var out []model.ID
	enough := errors.New("enough")
	err := tx.Each(bg, k, from, dir, func(id model.ID, d store.Doc) error {
		var got string
		if err := d.Body(func(b []byte) error { got = string(b); return nil }); err != nil {
			return err
		}
		if got != string(doc(id)) {
			t.Errorf("%s #%d walks as %q", k, id, got)
		}
		out = append(out, id)
		if len(out) == stop {
			return enough
		}
		return nil
	})
	if err != nil && !(stop > 0 && err == enough) {
		t.Fatal(err)
	}
	return out
}

func testEachWalksEitherWay(t *testing.T, e store.Engine) {
	update(t, e, func(tx store.Tx) error {
		for _, id := range []model.ID{5, 1, 300, 2, 40} { // out of order, past one byte
			if err := tx.Put(bg, store.KindNotes, id, doc(id)); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, e, func(tx store.Tx) error {
		for _, c := range []struct {
			from model.ID
			dir  store.Dir
			stop int
			want []model.ID
		}{
			{0, store.Forward, 0, []model.ID{1, 2, 5, 40, 300}},
			{0, store.Backward, 0, []model.ID{300, 40, 5, 2, 1}},
			{5, store.Forward, 0, []model.ID{5, 40, 300}},
			{6, store.Forward, 0, []model.ID{40, 300}},
			{5, store.Backward, 0, []model.ID{5, 2, 1}},
			{39, store.Backward, 0, []model.ID{5, 2, 1}},
			{1000, store.Backward, 0, []model.ID{300, 40, 5, 2, 1}},
			{301, store.Forward, 0, nil},
			{0, store.Backward, 2, []model.ID{300, 40}}, // an error from fn stops the walk
		} {
			if got := ids(t, tx, store.KindNotes, c.from, c.dir, c.stop); !slices.Equal(got, c.want) {
				t.Errorf("notes from %d, %v (stop after %d): %v, want %v", c.from, c.dir, c.stop, got, c.want)
			}
		}
		if got := ids(t, tx, store.KindDecisions, 0, store.Forward, 0); got != nil {
			t.Errorf("a kind with no records walks as %v", got)
		}
		return nil
	})
}

// keys scans ix and says the keys it met, as strings.
func keys(t *testing.T, tx store.Tx, ix store.Index, prefix, from string, dir store.Dir) []string {
	t.Helper()
	var out []string
	var p, f []byte
	if prefix != "" {
		p = []byte(prefix)
	}
	if from != "" {
		f = []byte(from)
	}
	err := tx.Scan(bg, ix, p, f, dir, func(k, v []byte) error {
		if want := "v:" + string(k); string(v) != want {
			t.Errorf("%s %q holds %q, want %q", ix, k, v, want)
		}
		out = append(out, string(k))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testScanByPrefixFromEitherEnd(t *testing.T, e store.Engine) {
	all := []string{"a", "b\x00", "b\x01", "ba", "b\xff", "b\xff\xff", "c"} // "ba" before "b\xff": bytes, not runes
	update(t, e, func(tx store.Tx) error {
		for _, k := range slices.Backward(all) {
			if err := tx.PutKey(bg, store.IdxActionsOpen, []byte(k), []byte("v:"+k)); err != nil {
				return err
			}
		}
		return tx.PutKey(bg, store.IdxActionsOpen, []byte("gone"), []byte("v:gone"))
	})
	update(t, e, func(tx store.Tx) error { return tx.DeleteKey(bg, store.IdxActionsOpen, []byte("gone")) })
	view(t, e, func(tx store.Tx) error {
		for _, c := range []struct {
			prefix, from string
			dir          store.Dir
			want         []string
		}{
			{"", "", store.Forward, all},
			{"", "", store.Backward, reversed(all)},
			{"b", "", store.Forward, []string{"b\x00", "b\x01", "ba", "b\xff", "b\xff\xff"}},
			{"b", "", store.Backward, []string{"b\xff\xff", "b\xff", "ba", "b\x01", "b\x00"}},
			{"b\xff", "", store.Backward, []string{"b\xff\xff", "b\xff"}}, // the prefix's end carries
			{"b", "b\x01", store.Forward, []string{"b\x01", "ba", "b\xff", "b\xff\xff"}},
			{"b", "b\x02", store.Backward, []string{"b\x01", "b\x00"}},
			{"b", "b\x01", store.Backward, []string{"b\x01", "b\x00"}},
			{"b", "z", store.Backward, []string{"b\xff\xff", "b\xff", "ba", "b\x01", "b\x00"}}, // from past the prefix
			{"b", "a", store.Forward, []string{"b\x00", "b\x01", "ba", "b\xff", "b\xff\xff"}},  // from before it
			{"b", "a", store.Backward, nil},
			{"d", "", store.Forward, nil},
			{"d", "", store.Backward, nil},
			{"", "b\xff", store.Forward, []string{"b\xff", "b\xff\xff", "c"}},
		} {
			if got := keys(t, tx, store.IdxActionsOpen, c.prefix, c.from, c.dir); !slices.Equal(got, c.want) {
				t.Errorf("prefix %q from %q %v: %q, want %q", c.prefix, c.from, c.dir, got, c.want)
			}
		}
		// Several runs at once (an engine's Ranger): each run's keys, as a
		// forward Scan of it gives them, in no order promised.
		if r, ok := tx.(store.Ranger); ok {
			// until: the run stops before it (a run with no end of its
			// own, "" or "b\xff"-like, included).
			runs := []struct{ prefix, from, until string }{{"b", "", ""}, {"", "", ""}, {"d", "", ""}, {"b", "b\x01", ""}, {"b\xff", "", ""}, {"b", "a", ""}, {"", "b\xff", ""},
				{"b", "", "bb"}, {"", "a", "b\x01"}, {"b\xff", "", "b\xff\xff"}, {"b", "bb", "ba"}}
			var ranges []store.Range
			var want []string
			for i, c := range runs {
				var rg store.Range
				if c.prefix != "" {
					rg.Prefix = []byte(c.prefix)
				}
				if c.from != "" {
					rg.From = []byte(c.from)
				}
				if c.until != "" {
					rg.Until = []byte(c.until)
				}
				ranges = append(ranges, rg)
				for _, k := range keys(t, tx, store.IdxActionsOpen, c.prefix, c.from, store.Forward) {
					if c.until == "" || k < c.until {
						want = append(want, fmt.Sprintf("%d:%q", i, k))
					}
				}
			}
			var got []string
			err := r.ScanRanges(bg, store.IdxActionsOpen, ranges, func(i int, k, v []byte) error {
				if string(v) != "v:"+string(k) {
					t.Errorf("ScanRanges: %q holds %q", k, v)
				}
				got = append(got, fmt.Sprintf("%d:%q", i, k))
				return nil
			})
			slices.Sort(got) // in no order promised
			slices.Sort(want)
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("ScanRanges: %q, %v; want %q", got, err, want)
			}
		}
		if v, err := tx.GetKey(bg, store.IdxActionsOpen, []byte("ba")); err != nil || string(v) != "v:ba" {
			t.Errorf(`GetKey "ba": %q, %v`, v, err)
		}
		if v, err := tx.GetKey(bg, store.IdxActionsOpen, []byte("gone")); err != nil || v != nil {
			t.Errorf(`GetKey of a deleted key: %q, %v`, v, err)
		}
		// An error from fn stops the scan and comes back as it is.
		stop := errors.New("stop here")
		n := 0
		if err := tx.Scan(bg, store.IdxActionsOpen, nil, nil, store.Forward, func(k, v []byte) error { n++; return stop }); err != stop || n != 1 {
			t.Errorf("a scan whose fn fails: %v after %d keys", err, n)
		}
		return nil
	})
	// Data kept by key (bbolt seals it): read back as it was put.
	update(t, e, func(tx store.Tx) error {
		return tx.PutKey(bg, record.IncidentBatches, []byte("2024-01|force|asb"), []byte(`{"count":3}`))
	})
	view(t, e, func(tx store.Tx) error {
		v, err := tx.GetKey(bg, record.IncidentBatches, []byte("2024-01|force|asb"))
		if err != nil || string(v) != `{"count":3}` {
			t.Errorf("a batch reads back %q, %v", v, err)
		}
		return nil
	})
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

func testFailedWriteLeavesNoTrace(t *testing.T, e store.Engine) {
	update(t, e, func(tx store.Tx) error {
		if err := tx.Put(bg, store.KindHotspots, 1, doc(1)); err != nil {
			return err
		}
		return tx.PutKey(bg, store.IdxHotspotsOpen, []byte("one"), []byte("v:one"))
	})
	failed := errors.New("refused")
	err := e.Update(bg, func(tx store.Tx) error {
		for _, step := range []error{
			tx.Put(bg, store.KindHotspots, 1, doc(100)),
			tx.Put(bg, store.KindHotspots, 2, doc(2)),
			tx.Put(bg, store.KindMeetings, 1, doc(1)),
			tx.PutKey(bg, store.IdxHotspotsOpen, []byte("two"), []byte("v:two")),
			tx.DeleteKey(bg, store.IdxHotspotsOpen, []byte("one")),
		} {
			if step != nil {
				return step
			}
		}
		// The write sees its own changes.
		if got := body(t, tx, store.KindHotspots, 1); got != string(doc(100)) {
			t.Errorf("a write reads its own change as %q", got)
		}
		return failed
	})
	if err != failed {
		t.Fatalf("a failing write returned %v", err)
	}
	view(t, e, func(tx store.Tx) error {
		if got := body(t, tx, store.KindHotspots, 1); got != string(doc(1)) {
			t.Errorf("hotspots #1 after a failed write: %q", got)
		}
		if got := ids(t, tx, store.KindHotspots, 0, store.Forward, 0); !slices.Equal(got, []model.ID{1}) {
			t.Errorf("hotspots after a failed write: %v", got)
		}
		if got := ids(t, tx, store.KindMeetings, 0, store.Forward, 0); got != nil {
			t.Errorf("meetings after a failed write: %v", got)
		}
		if got := keys(t, tx, store.IdxHotspotsOpen, "", "", store.Forward); !slices.Equal(got, []string{"one"}) {
			t.Errorf("the index after a failed write: %q", got)
		}
		return nil
	})
	// A write refused by its context never runs.
	ctx, cancel := context.WithCancel(bg)
	cancel()
	ran := false
	if err := e.Update(ctx, func(store.Tx) error { ran = true; return nil }); err == nil || ran {
		t.Errorf("a write whose context was cancelled: %v (ran: %v)", err, ran)
	}
}

func testSeqNamesTheCommit(t *testing.T, e store.Engine) {
	seqOf := func() (s uint64) {
		view(t, e, func(tx store.Tx) error { s = tx.Seq(); return nil })
		return s
	}
	before := seqOf()
	var made uint64
	update(t, e, func(tx store.Tx) error {
		made = tx.Seq()
		return tx.Put(bg, store.KindAgencies, 1, doc(1))
	})
	if made <= before {
		t.Errorf("a write names commit %d, but %d was seen before it", made, before)
	}
	if seen := seqOf(); seen != made {
		t.Errorf("a read after the commit sees %d, want %d (the commit it made)", seen, made)
	}
	_ = e.Update(bg, func(tx store.Tx) error { return errors.New("refused") })
	if seen := seqOf(); seen != made {
		t.Errorf("a rolled-back write moved the commit seen from %d to %d", made, seen)
	}
	view(t, e, func(tx store.Tx) error {
		if !bytes.Equal([]byte(body(t, tx, store.KindAgencies, 1)), doc(1)) {
			t.Error("the committed record does not read")
		}
		return nil
	})
}

// What a copy of the whole record reads besides the kinds: the indexes
// holding keys, and each kind's last ID, past every record's when the
// newest was deleted.
func testIndexesAndLastIDsListed(t *testing.T, e store.Engine) {
	update(t, e, func(tx store.Tx) error {
		ids := nextIDs(t, tx, store.KindActions, 3)
		for _, id := range ids {
			if err := tx.Put(bg, store.KindActions, id, doc(id)); err != nil {
				return err
			}
		}
		if err := tx.Delete(bg, store.KindActions, 3); err != nil {
			return err
		}
		if err := tx.ReserveIDs(bg, store.KindMeetings, 40); err != nil {
			return err
		}
		if err := tx.PutKey(bg, store.IdxActionsOpen, []byte("k"), []byte("v")); err != nil {
			return err
		}
		if err := tx.PutKey(bg, record.IncidentBatches, []byte("k"), []byte(`{}`)); err != nil {
			return err
		}
		return nil
	})
	view(t, e, func(tx store.Tx) error {
		for k, want := range map[store.Kind]model.ID{store.KindActions: 3, store.KindMeetings: 40, store.KindHotspots: 0} {
			if got, err := tx.LastID(bg, k); err != nil || got != want {
				t.Errorf("%s's last ID: %d, %v; want %d", k, got, err, want)
			}
		}
		ixs, err := tx.Indexes(bg)
		if err != nil {
			return err
		}
		for _, ix := range []store.Index{store.IdxActionsOpen, record.IncidentBatches} {
			if !slices.Contains(ixs, ix) {
				t.Errorf("the indexes listed, %v, leave out %s", ixs, ix)
			}
		}
		return nil
	})
}

// An engine's Joiner reads the records an index's keys name: each ID
// once, in order, a missing record as a zero Doc (a key too short to name
// one names 0, as the store reads keys).
func testRecordsUnderAPrefix(t *testing.T, e store.Engine) {
	key := func(prefix string, id model.ID) []byte {
		return binary.BigEndian.AppendUint64([]byte(prefix), uint64(id))
	}
	update(t, e, func(tx store.Tx) error {
		for _, id := range []model.ID{3, 1, 300} {
			if err := tx.Put(bg, store.KindActions, id, doc(id)); err != nil {
				return err
			}
		}
		for _, k := range [][]byte{key("a|2|", 300), key("a|1|", 3), key("a|3|", 3), key("a|0|", 9), key("b|", 1), []byte("a")} {
			if err := tx.PutKey(bg, store.IdxActionsOpen, k, nil); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, e, func(tx store.Tx) error {
		j, ok := tx.(store.Joiner)
		if !ok {
			return nil
		}
		for _, c := range []struct {
			prefix string
			want   []string
		}{
			{"a|", []string{"3:" + string(doc(3)), "9:", "300:" + string(doc(300))}}, // 9: indexed, not held
			{"", []string{"0:", "1:" + string(doc(1)), "3:" + string(doc(3)), "9:", "300:" + string(doc(300))}},
			{"c", nil},
		} {
			var prefix []byte
			if c.prefix != "" {
				prefix = []byte(c.prefix)
			}
			ids, docs, err := j.GetUnder(bg, store.IdxActionsOpen, prefix, store.KindActions)
			if err != nil || len(ids) != len(docs) {
				t.Fatalf("GetUnder %q: %d IDs, %d docs, %v", c.prefix, len(ids), len(docs), err)
			}
			var got []string
			for i, d := range docs {
				s := fmt.Sprintf("%d:", ids[i])
				if !d.Missing() {
					if err := d.Body(func(b []byte) error { s += string(b); return nil }); err != nil {
						t.Fatal(err)
					}
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("GetUnder %q: %q, want %q", c.prefix, got, c.want)
			}
		}
		// A kind never written: every record missing.
		ids, docs, err := j.GetUnder(bg, store.IdxActionsOpen, []byte("b|"), store.Kind("never_written"))
		if err != nil || !slices.Equal(ids, []model.ID{1}) || !docs[0].Missing() {
			t.Errorf("GetUnder of a kind never written: %v, %v", ids, err)
		}
		return nil
	})
}

// An engine that reads in one statement without a transaction
// (store.OneStatementViewer) reads there what View reads, writes nothing,
// and refuses a second read (another moment) and Seq.
func testOneStatementReads(t *testing.T, e store.Engine) {
	one, ok := e.(store.OneStatementViewer)
	if !ok {
		t.Skip("this engine has no reads of one statement")
	}
	update(t, e, func(tx store.Tx) error {
		if err := tx.Put(bg, store.KindActions, 4, doc(4)); err != nil {
			return err
		}
		return tx.PutKey(bg, store.IdxActionsOpen, binary.BigEndian.AppendUint64([]byte("p|"), 4), nil)
	})
	err := one.ViewOne(bg, func(tx store.Tx) error {
		j, ok := tx.(store.Joiner)
		if !ok {
			t.Fatal("a read of one statement should join an index to its records")
		}
		ids, docs, err := j.GetUnder(bg, store.IdxActionsOpen, []byte("p|"), store.KindActions)
		if err != nil || !slices.Equal(ids, []model.ID{4}) || docs[0].Missing() {
			t.Errorf("GetUnder in a read of one statement: %v, %v", ids, err)
		}
		if err := tx.Put(bg, store.KindActions, 5, doc(5)); err == nil {
			t.Error("a write in a read of one statement was taken")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = one.ViewOne(bg, func(tx store.Tx) error {
		if _, err := tx.Get(bg, store.KindActions, 4); err != nil {
			return err
		}
		_, err := tx.Get(bg, store.KindActions, 4)
		return err
	})
	if err == nil {
		t.Error("a second read in a read of one statement was taken")
	}
	if err := one.ViewOne(bg, func(tx store.Tx) error { tx.Seq(); return nil }); err == nil {
		t.Error("Seq in a read of one statement was answered")
	}
	view(t, e, func(tx store.Tx) error {
		if got := body(t, tx, store.KindActions, 5); got != "" {
			t.Errorf("the write refused in a read of one statement is there: %s", got)
		}
		return nil
	})
}

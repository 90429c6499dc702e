package bolt

import (
	"maps"
	"os"
	"testing"
	"time"

	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// A packed file holds what it held, byte for byte, in fewer pages: it
// checks clean, its chain verifies to the same head, and it takes the next
// record at the next ID.
func TestCompactFileKeepsEverything(t *testing.T) {
	path := openGolden(t, "testdata/schema6/schema6.db.gz")
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }}) // upgraded: pages freed
	mustNoErr(t, err)
	before, err := s.VerifyChain()
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	values := bucketBytes(t, path)
	seqs := sequences(t, path)
	st, err := os.Stat(path)
	mustNoErr(t, err)

	mustNoErr(t, CompactFile(store.Watch{}, path))

	packed, err := os.Stat(path)
	mustNoErr(t, err)
	if packed.Size() >= st.Size() {
		t.Errorf("packed: %d bytes, %d before", packed.Size(), st.Size())
	}
	if after := bucketBytes(t, path); len(after) != len(values) {
		t.Errorf("buckets after packing: %v, before %v", after, values)
	} else {
		for name, n := range values {
			if after[name] != n {
				t.Errorf("%s holds %d bytes after packing, %d before", name, after[name], n)
			}
		}
	}
	s, err = Open(path, Options{Now: func() time.Time { return now }})
	mustNoErr(t, err)
	problems, err := s.CheckRecords()
	mustNoErr(t, err)
	for _, p := range problems {
		t.Errorf("after packing: %s", p)
	}
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Head.Event != before.Head.Event || string(r.Head.Chain) != string(before.Head.Chain) {
		t.Errorf("the chain after packing: %+v, before %+v", r, before)
	}
	mustNoErr(t, s.Close())
	if got := sequences(t, path); !maps.Equal(got, seqs) {
		t.Errorf("bucket sequences after packing: %v, before %v: new records would take IDs already used", got, seqs)
	}
}

// sequences are every bucket's sequence (the last ID it gave).
func sequences(t *testing.T, path string) map[string]uint64 {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	mustNoErr(t, err)
	defer db.Close()
	out := map[string]uint64{}
	mustNoErr(t, db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out[string(name)] = b.Sequence()
			return nil
		})
	}))
	return out
}

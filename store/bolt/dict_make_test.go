package bolt

import (
	"os"
	"testing"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/zstd"
	bolt "go.etcd.io/bbolt"
)

// TestMakeDictionary trains the zstd dictionary stored values are
// compressed with (records.dict), from a decade demo database:
//
//	tasking demo --scale decade --seed 1 --db /tmp/decade.db
//	TASKING_MAKE_DICT=/tmp/decade.db go test ./store/bolt -run TestMakeDictionary
//
// It is kept for good: values compressed with it name it by its ID, so a
// new dictionary needs a new ID beside this one, never in its place.
func TestMakeDictionary(t *testing.T) {
	path := os.Getenv("TASKING_MAKE_DICT")
	if path == "" {
		t.Skip("set TASKING_MAKE_DICT to a decade database to train the dictionary")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var train [][]byte
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bAudit, bActions, bUpdates, bNotes, bDecisions, bHotspots} {
			i, kept := 0, 0
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				i++
				// Every 21st value, up to 3,000 a bucket; one block each
				// (the builder takes samples under a zstd block).
				if i%21 != 0 || kept >= 3000 {
					return nil
				}
				body, err := unseal(v)
				if err != nil || len(body) > 32<<10 {
					return err
				}
				train = append(train, append([]byte(nil), body...))
				kept++
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.BuildZstdDict(train, dict.Options{MaxDictSize: 32 << 10, HashBytes: 6, ZstdDictID: recordsDictID, ZstdLevel: zstd.SpeedDefault})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("records.dict", d, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("records.dict: %d bytes from %d samples", len(d), len(train))
}

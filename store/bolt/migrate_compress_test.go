package bolt

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// A file of schema 5 (testdata/schema5) is upgraded by compressing its
// actions and updates with the dictionary: it reads the same, checks
// clean, its audit chain still verifies with no event added, and it is
// smaller inside.
func TestUpgradeFromSchema5Compresses(t *testing.T) {
	path := openGolden(t, "testdata/schema5/schema5.db.gz")
	refusesToRead(t, path, 5)
	plainBytes := bucketBytes(t, path)

	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	mustNoErr(t, err)
	defer s.Close()
	if v, _ := s.Schema(); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	problems, err := s.CheckRecords()
	mustNoErr(t, err)
	for _, p := range problems {
		t.Errorf("after the upgrade: %s", p)
	}
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Records == 0 {
		t.Errorf("the chain after the upgrade: %+v", r)
	}
	a, err := s.Action(10)
	mustNoErr(t, err)
	hist, err := s.ActionHistory(10)
	mustNoErr(t, err)
	if len(hist) == 0 || !historyHas(hist, "Safeguarding visit made; letters sent") || a.Ref() != "A-10" {
		t.Errorf("A-10 after the upgrade: %+v, history %+v", a, hist)
	}
	// Every action and update is now compressed, with the dictionary.
	err = s.boltView(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bActions, bUpdates} {
			if err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				if v[0] != frameZstd {
					t.Errorf("%s is not compressed after the upgrade", record.RecordName(string(name), store.KeyID(k)))
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	packed := bucketBytes(t, path)
	for _, name := range []string{"actions", "updates"} {
		if packed[name]*2 > plainBytes[name] {
			t.Errorf("%s: %d bytes after the upgrade, %d before: want at most half", name, packed[name], plainBytes[name])
		}
	}
	// And it takes changes after.
	s2, err := Open(path, Options{Now: func() time.Time { return now }})
	mustNoErr(t, err)
	defer s2.Close()
	m, err := s2.StartMeeting(chairOf(t, s2), model.Date{})
	mustNoErr(t, err)
	if m.ID == 0 {
		t.Error("no meeting started after the upgrade")
	}
}

// bucketBytes is how many bytes each bucket's values take.
func bucketBytes(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	mustNoErr(t, err)
	defer db.Close()
	out := map[string]int{}
	mustNoErr(t, db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(_, v []byte) error {
				out[string(name)] += len(v)
				return nil
			})
		})
	}))
	return out
}

// chairOf is the partnership's chair as an actor.
func chairOf(t *testing.T, s *File) model.Actor {
	t.Helper()
	p, err := s.Partnership()
	mustNoErr(t, err)
	members, err := s.Members()
	mustNoErr(t, err)
	for _, m := range members {
		if m.ID == p.ChairID {
			return model.ActorFor(m)
		}
	}
	t.Fatal("no chair")
	return model.Actor{}
}

func historyHas(hist []model.ActionUpdate, text string) bool {
	for _, u := range hist {
		if u.Text == text {
			return true
		}
	}
	return false
}

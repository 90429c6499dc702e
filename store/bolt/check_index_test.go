package bolt

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// Each way an index can drift from its records is found by check, named:
// an entry gone, one for no record, one with the wrong value. (A file
// without one of its indexes is not opened: it is taken for an older one.)
func TestCheckFindsEveryWayAnIndexDrifts(t *testing.T) {
	fixture, _, _ := tamperFixture(t)
	firstKey := func(b *bolt.Bucket) []byte {
		k, _ := b.Cursor().First()
		return append([]byte(nil), k...)
	}
	cases := []struct {
		name  string
		edit  func(tx *bolt.Tx) error
		found string
	}{
		{"an entry gone", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(store.IdxActionsOpen))
			return b.Delete(firstKey(b))
		}, "idx_actions_open: actions #"},
		{"an entry for no record", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(store.IdxNotesMeeting)).Put(store.Compose(store.IDKey(1), store.IDKey(999)), nil)
		}, "idx_notes_meeting: an entry (000000000000000100000000000003e7) for notes #999, which has no such entry"},
		{"an entry with the wrong value", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(store.IdxActionsByAgency))
			return b.Put(firstKey(b), []byte{0x78})
		}, "says 78, the record says"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tamper(t, fixture, tc.edit)
			// Read-only, as check opens it (a writer would make the
			// missing index again).
			s, err := Open(path, Options{ReadOnly: true})
			mustNoErr(t, err)
			defer s.Close()
			problems, err := s.CheckRecords()
			mustNoErr(t, err)
			if len(problems) != 1 || !strings.Contains(problems[0].String(), tc.found) {
				t.Errorf("check found %v; want one problem saying %q", problems, tc.found)
			}
		})
	}
}

package store

import (
	"encoding/json"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// SnapshotsBothWays is, for each closed meeting, the snapshot the file
// holds and the one readRecord would freeze from the whole file: a seeded
// record must be frozen as closing it would have.
func SnapshotsBothWays(s *Store, only func(model.Meeting) bool) (stored, read map[model.ID][]byte, err error) {
	stored, read = map[model.ID][]byte{}, map[model.ID][]byte{}
	err = s.view(func(tx *bolt.Tx) error {
		meetings, err := all[model.Meeting](tx, bMeetings)
		if err != nil {
			return err
		}
		for _, m := range meetings {
			if m.State != model.MeetingClosed || (only != nil && !only(m)) {
				continue
			}
			stored[m.ID] = append([]byte(nil), tx.Bucket(bSnapshots).Get(idKey(m.ID))...)
			rec, err := readRecord(tx, m.ID, m.Date)
			if err != nil {
				return err
			}
			snap := model.Freeze(model.Rewind(rec, m.ClosedAt, model.History{}), m.ClosedAt)
			if read[m.ID], err = json.Marshal(snap); err != nil {
				return err
			}
		}
		return nil
	})
	return stored, read, err
}

package bolt

import "github.com/ccsp/tasking/record"

// compressRecords is the schema 5 → 6 upgrade: the actions and their
// updates are compressed, and the audit images and frozen records
// recompressed, with the trained dictionary (compress.go). What each value
// holds is unchanged, so the audit chain's sums of them still hold and no
// event is written: the chain goes on verifying across the upgrade.
func compressRecords(_ *File, tx *record.Txn) error {
	for name := range compressedBuckets {
		bucket := []byte(name)
		b := fileTx(tx).Bucket(bucket)
		if b == nil {
			continue
		}
		if err := resealBucket(fileTx(tx), bucket, func(k, body []byte) error {
			return b.Put(k, sealFor(bucket, body))
		}); err != nil {
			return err
		}
	}
	return nil
}

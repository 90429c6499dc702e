package bolt

import (
	"encoding/json"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// sealRecords is the schema 4 → 5 upgrade: every record is sealed with its
// checksum (value.go), the audit images and frozen records compressed, the
// existing audit trail chained in the order it was written (chain.go), and
// every record's sum committed to the chain by seal events as the upgrade's
// transaction ends (txlog.go). The history before the upgrade is chained
// as found: the chain proves nothing was changed after it.
func sealRecords(_ *File, tx *record.Txn) error {
	if !tx.Logged() {
		return fmt.Errorf("internal error: the upgrade runs outside a logged transaction")
	}
	// The partnership's details, then every record bucket.
	if v := fileTx(tx).Bucket(bMeta).Get(kPartnership); v != nil {
		body, err := unseal(v)
		if err != nil {
			return fmt.Errorf("the partnership's details: %w", err)
		}
		if err := record.PutJSON(tx, store.KindPartnership, store.PartnershipID, append([]byte(nil), body...)); err != nil {
			return err
		}
	}
	var names [][]byte
	_ = fileTx(tx).ForEach(func(name []byte, _ *bolt.Bucket) error {
		if recordBucket(name) {
			names = append(names, append([]byte(nil), name...))
		}
		return nil
	})
	for _, name := range names {
		if err := resealBucket(fileTx(tx), name, func(k, body []byte) error {
			return record.PutJSON(tx, store.Kind(name), store.KeyID(k), body)
		}); err != nil {
			return err
		}
	}
	// The trail, chained in order.
	head := record.Genesis()
	return resealBucket(fileTx(tx), bAudit, func(k, body []byte) error {
		var e model.AuditEvent
		if err := store.DecodeJSON(body, &e); err != nil {
			return fmt.Errorf("audit #%d: %w", store.KeyID(k), err)
		}
		record.Link(&e, head)
		head = e.Chain
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return fileTx(tx).Bucket(bAudit).Put(k, sealFor(bAudit, v))
	})
}

// resealBucket calls rewrite with every key of bucket and its value's JSON
// (its seal checked when it has one), in key order. The keys are listed
// first: bbolt does not allow a bucket to change under its own ForEach.
func resealBucket(tx *bolt.Tx, bucket []byte, rewrite func(k, body []byte) error) error {
	b := tx.Bucket(bucket)
	var keys [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if v != nil {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		body, err := unseal(b.Get(k))
		if err != nil {
			return fmt.Errorf("%s: %w", record.RecordName(string(bucket), store.KeyID(k)), err)
		}
		if err := rewrite(k, append([]byte(nil), body...)); err != nil {
			return err
		}
	}
	return nil
}

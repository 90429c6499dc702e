package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// appendFill is how full bbolt fills a page before splitting it when keys
// arrive in order (new records' IDs, time-ordered index entries): full
// pages, where bbolt's default of a half leaves every page half empty.
const appendFill = 0.95

// Keys are big-endian so byte order is numeric order.
func idKey(id model.ID) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func keyID(k []byte) model.ID {
	if len(k) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// dateKey encodes a civil date as yyyymmdd in 4 bytes: ordered, compact.
func dateKey(d model.Date) []byte {
	return binary.BigEndian.AppendUint32(nil, uint32(d.Year()*10000+int(d.Month())*100+d.Day()))
}

func compose(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// get decodes the record with id from bucket into v.
func get(tx *bolt.Tx, bucket []byte, id model.ID, v any) error {
	b := tx.Bucket(bucket).Get(idKey(id))
	if b == nil {
		return ErrNotFound
	}
	if err := decode(b, v); err != nil {
		return fmt.Errorf("reading %s #%d: %w", bucket, id, err)
	}
	return nil
}

// put stores a record, keeping its indexes (indexes.go) in step.
func put(tx *bolt.Tx, bucket []byte, id model.ID, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	bk := tx.Bucket(bucket)
	if ix, ok := registry[string(bucket)]; ok {
		if err := ix.reindex(tx, bk.Get(idKey(id)), v); err != nil {
			return err
		}
	}
	return storeValue(tx, bucket, idKey(id), b)
}

// all decodes every record in a bucket, in ID order.
func all[T any](tx *bolt.Tx, bucket []byte) ([]T, error) {
	b := tx.Bucket(bucket)
	var out []T
	err := b.ForEach(func(k, v []byte) error {
		var t T
		if err := decode(v, &t); err != nil {
			return fmt.Errorf("reading %s #%d: %w", bucket, keyID(k), err)
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// nextID is a new record's ID: the bucket's next sequence. The record goes
// at the end of the bucket, so its pages are filled before they split.
func nextID(tx *bolt.Tx, bucket []byte) (model.ID, error) {
	b := tx.Bucket(bucket)
	b.FillPercent = appendFill
	return b.NextSequence()
}

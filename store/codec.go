package store

import (
	"encoding/binary"

	"github.com/ccsp/tasking/model"
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

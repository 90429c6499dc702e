package store

import (
	"encoding/binary"

	"github.com/ccsp/tasking/model"
	gojson "github.com/goccy/go-json"
)

// Keys are big-endian so byte order is numeric order.
func IDKey(id model.ID) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func KeyID(k []byte) model.ID {
	if len(k) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// dateKey encodes a civil date as yyyymmdd in 4 bytes: ordered, compact.
func DateKey(d model.Date) []byte {
	return binary.BigEndian.AppendUint32(nil, uint32(d.Year()*10000+int(d.Month())*100+d.Day()))
}

func Compose(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// decodeJSON decodes JSON that is not a stored value itself: an audit
// event's before and after images, held inside the (sealed) event.
func DecodeJSON(b []byte, v any) error { return gojson.Unmarshal(b, v) }

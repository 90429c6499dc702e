package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"sync"

	gojson "github.com/goccy/go-json"
)

// Every record is stored sealed: a frame byte, the CRC-32C of what follows,
// then the record's JSON. bbolt checksums only its meta pages, so without
// this a byte changed inside a record (a flipped bit, or "Safeguarding"
// edited to "Sabotaging") would be read back as the truth. Every read
// checks the CRC (decode), and a mismatch is damage naming the record —
// never wrong words on a screen. The CRC finds accidents; a deliberate
// rewrite that recomputes it is found by the audit chain (chain.go), which
// holds the SHA-256 of every record each change wrote.
//
// The frame byte is never the first byte of JSON (0xC0–0xC3 are not UTF-8
// lead bytes), so a file written before sealing (schema < 5) still reads
// while it is upgraded; `check` finds any unsealed value left after.
const (
	frameJSON byte = 0xC0 // CRC | JSON
	frameZstd byte = 0xC1 // CRC | zstd(JSON): audit images, frozen records (compress.go)
)

const frameHeader = 5 // frame byte + CRC-32C

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ValueDamage is a stored value that fails its checksum or cannot be
// unsealed: the error a read returns, and that marks the store damaged
// (record/guard.go) so no write goes over it.
type ValueDamage struct{ Reason string }

func (e *ValueDamage) Error() string { return e.Reason }

// seal frames payload (a record's JSON) for storing.
func seal(frame byte, payload []byte) []byte {
	out := make([]byte, frameHeader, frameHeader+len(payload))
	out[0] = frame
	binary.LittleEndian.PutUint32(out[1:5], crc32.Checksum(payload, castagnoli))
	return append(out, payload...)
}

// sealed says whether a stored value carries a frame (schema 5 on).
func sealed(v []byte) bool { return len(v) > 0 && v[0] >= frameJSON && v[0] <= frameZstd }

// unseal checks a stored value's CRC and returns its JSON. An unsealed
// value (a file being upgraded) is returned as it is.
func unseal(v []byte) ([]byte, error) { return unsealInto(v, nil) }

// unsealInto is unseal, inflating a compressed value into dst's space.
func unsealInto(v, dst []byte) ([]byte, error) {
	if !sealed(v) {
		if len(v) > 0 && (v[0] == '{' || v[0] == '[') {
			return v, nil
		}
		return nil, &ValueDamage{Reason: fmt.Sprintf("a stored value is neither sealed nor a record (first byte %#x)", firstByte(v))}
	}
	if len(v) < frameHeader {
		return nil, &ValueDamage{Reason: "a stored value is cut short"}
	}
	body := v[frameHeader:]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(v[1:5]) {
		return nil, &ValueDamage{Reason: "a stored value fails its checksum: its bytes were changed after it was written"}
	}
	if v[0] == frameZstd {
		return inflate(body, dst)
	}
	return body, nil
}

func firstByte(v []byte) byte {
	if len(v) == 0 {
		return 0
	}
	return v[0]
}

// decode reads a stored record into v: unsealed (its CRC checked), then
// decoded with goccy/go-json, a drop-in decoder about four times faster
// than encoding/json on these records (decoding is most of what a
// screen's load costs; see the README's figures).
func decode(stored []byte, v any) error {
	return withBody(stored, func(body []byte) error { return gojson.Unmarshal(body, v) })
}

// withBody calls fn with a stored value's JSON, its CRC checked. A
// compressed value is inflated into a reused buffer, valid only while fn
// runs (the decoder copies what it keeps): that halves what a walk of the
// decade allocates. Anything else is the value's own bytes.
func withBody(stored []byte, fn func(body []byte) error) error {
	if len(stored) <= frameHeader || stored[0] != frameZstd {
		body, err := unseal(stored)
		if err != nil {
			return err
		}
		return fn(body)
	}
	buf := inflateBuffers.Get().(*[]byte)
	defer inflateBuffers.Put(buf)
	body, err := unsealInto(stored, (*buf)[:0])
	if err != nil {
		return err
	}
	*buf = body
	return fn(body)
}

// inflateBuffers are decode's buffers for inflated values.
var inflateBuffers = sync.Pool{New: func() any { return new([]byte) }}

// sealFor seals payload as bucket keeps its values: compressed where that
// pays (compress.go), plain elsewhere.
func sealFor(bucket, payload []byte) []byte {
	if compressed(bucket) {
		return seal(frameZstd, deflate(payload))
	}
	return seal(frameJSON, payload)
}

// errUnsealed is what check says of a value left unsealed in a sealed file.
var errUnsealed = errors.New("stored without its checksum")

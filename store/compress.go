package store

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The audit trail's images and the frozen meeting records are most of a
// long-kept file and compress many times over; they are stored zstd
// compressed inside their seal (value.go). The live records, read by every
// screen, stay plain JSON: decompressing them on every read would cost
// more than the pages they save.

// compressedBuckets are the buckets whose values are compressed.
var compressedBuckets = map[string]bool{string(bAudit): true, string(bSnapshots): true}

func compressed(bucket []byte) bool { return compressedBuckets[string(bucket)] }

// maxInflated bounds what one stored value may inflate to: far more than
// any record, so a damaged or hostile value cannot take the memory.
const maxInflated = 256 << 20

var (
	zstdOnce sync.Once
	zenc     *zstd.Encoder
	zdec     *zstd.Decoder
)

func zstdCodecs() (*zstd.Encoder, *zstd.Decoder) {
	zstdOnce.Do(func() {
		var err error
		// EncodeAll and DecodeAll are safe for concurrent use; no
		// goroutines are kept for streaming.
		zenc, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
		if err != nil {
			panic(err) // only for invalid options, which these are not
		}
		zdec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxInflated))
		if err != nil {
			panic(err)
		}
	})
	return zenc, zdec
}

// deflate compresses a record's JSON.
func deflate(payload []byte) []byte {
	enc, _ := zstdCodecs()
	return enc.EncodeAll(payload, make([]byte, 0, len(payload)/4+16))
}

// inflate decompresses a stored value's body.
func inflate(body []byte) ([]byte, error) {
	_, dec := zstdCodecs()
	out, err := dec.DecodeAll(body, nil)
	if err != nil {
		return nil, &ValueDamage{Reason: fmt.Sprintf("a compressed value does not decompress: %v", err)}
	}
	if bytes.IndexByte(out[:min(len(out), 1)], '{') != 0 && bytes.IndexByte(out[:min(len(out), 1)], '[') != 0 {
		return nil, &ValueDamage{Reason: "a compressed value does not hold a record"}
	}
	return out, nil
}

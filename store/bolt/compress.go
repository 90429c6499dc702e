package bolt

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The audit trail's images, the frozen meeting records, the actions and
// their updates are most of a long-kept file; they are stored zstd
// compressed inside their seal (value.go). One record of about a kilobyte
// compresses only about 2× on its own, so they are compressed with a
// dictionary trained on records like them (records.dict, made by
// TestMakeDictionary): 3.7–3.9× for actions and audit events. Hotspots,
// meetings, notes and the rest are few and small, and stay plain JSON.

// compressedBuckets are the buckets whose values are compressed.
var compressedBuckets = map[string]bool{string(bAudit): true, string(bSnapshots): true, string(bActions): true, string(bUpdates): true}

// recordsDict is the dictionary, by its ID: a value compressed with it
// names the ID in its frame, and values compressed before it (no ID) still
// read. A new dictionary would be added beside it with a new ID.
//
//go:embed records.dict
var recordsDict []byte

const recordsDictID = 0x7461736b // "task"

func compressed(bucket []byte) bool { return compressedBuckets[string(bucket)] }

// maxInflated bounds what one stored value may inflate to: far more than
// any record, so a damaged or hostile value cannot take the memory.
const maxInflated = 256 << 20

// The codecs are made when first used, each on its own: a command that
// only reads never builds the encoder's tables from the dictionary (a
// good part of a short command's time). EncodeAll and DecodeAll are safe
// for concurrent use; no goroutines are kept for streaming.
var (
	zstdEncoder = sync.OnceValue(func() *zstd.Encoder {
		// The fastest level: with the dictionary it packs these small
		// values within 3 % of the default level, and a decade's seeding
		// encodes 700,000 of them. No zstd checksum: the seal has one.
		opts := []zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false)}
		if len(recordsDict) > 0 { // empty only while TestMakeDictionary makes it
			opts = append(opts, zstd.WithEncoderDict(recordsDict))
		}
		enc, err := zstd.NewWriter(nil, opts...)
		if err != nil {
			panic(err) // only for invalid options and a broken embedded dictionary: neither ships
		}
		return enc
	})
	zstdDecoder = sync.OnceValue(func() *zstd.Decoder {
		opts := []zstd.DOption{zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxInflated)}
		if len(recordsDict) > 0 {
			opts = append(opts, zstd.WithDecoderDicts(recordsDict))
		}
		dec, err := zstd.NewReader(nil, opts...)
		if err != nil {
			panic(err)
		}
		return dec
	})
)

// deflate compresses a record's JSON.
func deflate(payload []byte) []byte {
	return zstdEncoder().EncodeAll(payload, make([]byte, 0, len(payload)/4+16))
}

// inflate decompresses a stored value's body, appending to dst.
func inflate(body, dst []byte) ([]byte, error) {
	out, err := zstdDecoder().DecodeAll(body, dst)
	if err != nil {
		return nil, &ValueDamage{Reason: fmt.Sprintf("a compressed value does not decompress: %v", err)}
	}
	if bytes.IndexByte(out[:min(len(out), 1)], '{') != 0 && bytes.IndexByte(out[:min(len(out), 1)], '[') != 0 {
		return nil, &ValueDamage{Reason: "a compressed value does not hold a record"}
	}
	return out, nil
}

package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt meta page layout (go.etcd.io/bbolt v1.5, internal/common/meta.go):
// after a 16-byte page header, magic u32 @0, version u32 @4, page size u32 @8,
// flags u32 @12, root bucket 16 bytes @16, freelist pgid @32, high-water pgid
// @40, txid @48, checksum u64 @56 = FNV-64a of bytes [0:56]. Integers are in
// the machine's byte order; every platform we ship for is little-endian.
const (
	pageHeaderSize = 16
	metaMagic      = 0xED0CDAED
	metaVersion    = 2
	metaSize       = 64
)

type metaPage struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

// checkHeader decides, without letting bbolt map the file, whether path is a
// whole bbolt file. A truncated or garbage file makes bbolt fault with a
// SIGSEGV that recover cannot catch, so this runs before every Open. A missing
// or empty file is fine: bbolt will create it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return &DamagedError{Path: path, Reason: "it is a directory"}
	}
	size := st.Size()
	if size == 0 {
		return nil
	}
	m0, err0 := readMeta(f, 0)
	candidates := []uint32{4096, 8192, 16384, 32768, 65536, uint32(os.Getpagesize())}
	if err0 == nil {
		candidates = []uint32{m0.pageSize}
	}
	var m1 metaPage
	err1 := fmt.Errorf("no second meta page")
	for _, ps := range candidates {
		if m1, err1 = readMeta(f, int64(ps)); err1 == nil && m1.pageSize == ps {
			break
		}
		if err1 == nil {
			err1 = fmt.Errorf("page size mismatch")
		}
	}
	var best metaPage
	switch {
	case err0 == nil && err1 == nil:
		best = m0
		if m1.txid > m0.txid {
			best = m1
		}
	case err0 == nil:
		best = m0
	case err1 == nil:
		best = m1
	default:
		return &DamagedError{Path: path, Reason: "no valid header: " + err0.Error(), Backup: latestBackup(path)}
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("truncated: %d bytes, expected at least %d", size, need), Backup: latestBackup(path)}
	}
	return nil
}

func readMeta(r io.ReaderAt, pageOffset int64) (metaPage, error) {
	buf := make([]byte, metaSize)
	if _, err := r.ReadAt(buf, pageOffset+pageHeaderSize); err != nil {
		return metaPage{}, fmt.Errorf("file too short for a header")
	}
	le := binary.LittleEndian
	if le.Uint32(buf[0:]) != metaMagic {
		return metaPage{}, fmt.Errorf("not a bbolt file")
	}
	if v := le.Uint32(buf[4:]); v != metaVersion {
		return metaPage{}, fmt.Errorf("unsupported file version %d", v)
	}
	h := fnv.New64a()
	h.Write(buf[:56])
	if h.Sum64() != le.Uint64(buf[56:]) {
		return metaPage{}, fmt.Errorf("header checksum mismatch")
	}
	m := metaPage{pageSize: le.Uint32(buf[8:]), pgid: le.Uint64(buf[40:]), txid: le.Uint64(buf[48:])}
	if m.pageSize < 1024 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return metaPage{}, fmt.Errorf("implausible page size %d", m.pageSize)
	}
	return m, nil
}

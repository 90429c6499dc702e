package bolt

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
	root     uint64 // the root bucket's page
	freelist uint64 // the freelist's page, or noFreelist
}

// noFreelist is bbolt's freelist page when the freelist is not stored.
const noFreelist = ^uint64(0)

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
	// Choose the header as bbolt will (db.go getPageSize, mmap, meta): the
	// page size from the first header that is whole (magic, version,
	// checksum), else from a second one found at 1 KB, 2 KB … 16 MB; then
	// of the two headers at 0 and at that page size, the one with the
	// higher transaction if it is whole, else the other. Whatever that
	// header says must then fit the file: bbolt maps the file and goes
	// where it points, and a page past the end faults where recover cannot
	// help (FuzzOpenHeader found a second header with a page size bbolt
	// took and this check had passed over).
	m0, err0 := wholeMeta(f, 0)
	pageSize := uint64(os.Getpagesize())
	if err0 == nil {
		pageSize = uint64(m0.pageSize)
	} else {
		for i := 0; i <= 14; i++ {
			pos := int64(1024) << i
			if pos >= size-1024 {
				break
			}
			if m, err := wholeMeta(f, pos); err == nil {
				pageSize = uint64(m.pageSize)
				break
			}
		}
	}
	if pageSize < 1024 || pageSize > 1<<20 || pageSize&(pageSize-1) != 0 {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("implausible page size %d", pageSize), Backup: latestBackup(path)}
	}
	m1, err1 := wholeMeta(f, int64(pageSize))
	a, errA, b, errB := m0, err0, m1, err1
	if m1.txid > m0.txid {
		a, errA, b, errB = m1, err1, m0, err0
	}
	var best metaPage
	switch {
	case errA == nil:
		best = a
	case errB == nil:
		best = b
	default:
		return &DamagedError{Path: path, Reason: "no valid header: " + err0.Error(), Backup: latestBackup(path)}
	}
	if uint64(best.pageSize) != pageSize {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("the header's page size %d is not the file's %d", best.pageSize, pageSize), Backup: latestBackup(path)}
	}
	if best.pgid > uint64(size) { // also keeps the product below from overflowing
		return &DamagedError{Path: path, Reason: fmt.Sprintf("the header counts %d pages in a file of %d bytes", best.pgid, size), Backup: latestBackup(path)}
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("truncated: %d bytes, expected at least %d", size, need), Backup: latestBackup(path)}
	}
	// bbolt goes to these pages first.
	if best.root < 2 || best.root >= best.pgid {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("the header's root page %d is not among the file's pages 2–%d", best.root, best.pgid-1), Backup: latestBackup(path)}
	}
	if best.freelist != noFreelist && (best.freelist < 2 || best.freelist >= best.pgid) {
		return &DamagedError{Path: path, Reason: fmt.Sprintf("the header's freelist page %d is not among the file's pages 2–%d", best.freelist, best.pgid-1), Backup: latestBackup(path)}
	}
	return nil
}

// readMeta reads the header in the page at pageOffset: whole (wholeMeta)
// and with a plausible page size.
func readMeta(r io.ReaderAt, pageOffset int64) (metaPage, error) {
	m, err := wholeMeta(r, pageOffset)
	if err != nil {
		return m, err
	}
	if m.pageSize < 1024 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return metaPage{}, fmt.Errorf("implausible page size %d", m.pageSize)
	}
	return m, nil
}

// wholeMeta reads the header in the page at pageOffset as bbolt judges it
// (common.Meta.Validate): the magic, the version and the checksum. Its
// fields are read even when it is not whole (bbolt compares transactions
// before it validates).
func wholeMeta(r io.ReaderAt, pageOffset int64) (metaPage, error) {
	buf := make([]byte, metaSize)
	if _, err := r.ReadAt(buf, pageOffset+pageHeaderSize); err != nil {
		return metaPage{}, fmt.Errorf("file too short for a header")
	}
	le := binary.LittleEndian
	m := metaPage{pageSize: le.Uint32(buf[8:]), pgid: le.Uint64(buf[40:]), txid: le.Uint64(buf[48:]),
		root: le.Uint64(buf[16:]), freelist: le.Uint64(buf[32:])}
	if le.Uint32(buf[0:]) != metaMagic {
		return m, fmt.Errorf("not a bbolt file")
	}
	if v := le.Uint32(buf[4:]); v != metaVersion {
		return m, fmt.Errorf("unsupported file version %d", v)
	}
	h := fnv.New64a()
	h.Write(buf[:56])
	if h.Sum64() != le.Uint64(buf[56:]) {
		return m, fmt.Errorf("header checksum mismatch")
	}
	return m, nil
}

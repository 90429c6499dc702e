package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// A bucket whose root or branch page is lost cannot be walked: every
// record under it is out of reach of its tree, though the leaf pages that
// hold them may be whole. scanLoose reads the damaged file's pages one by
// one, as bytes (no bbolt, so no page can crash it), for the records the
// audit trail says exist and no read reached.
//
// A page found so says neither which bucket it belonged to nor whether it
// is current: bbolt never overwrites a page in place, so a freed page may
// hold an older version of a record. An 8-byte key and a sealed value
// prove neither, and the seal does not cover the bucket. The audit chain
// does: each change records the SHA-256 of every record it wrote, by
// bucket and ID. A copy whose sum is the newest the trail holds for
// (bucket, ID) is that record exactly as last written, wherever it was
// found. That holds only if the trail was read whole, since an event
// lost could hold a later version; otherwise nothing is looked for, and a
// note says why (model.SalvageKeep: Loose, Vouched).

// bbolt's page layout (go.etcd.io/bbolt/internal/common): a 16-byte header
// (id, flags, count, overflow), then for a leaf count 16-byte elements
// (flags, pos, ksize, vsize), pos counted from the element itself.
const (
	leafElementSize = 16
	leafPageFlag    = 0x02
	knownPageFlags  = 0x01 | 0x02 | 0x04 | 0x10
	bucketLeafFlag  = 0x01
)

// wantedLoose are the records the trail vouches for that no read saved
// (none reached them, or the value reached failed and was listed lost):
// by ID, the buckets that want it.
func (h *SalvageHaul) wantedLoose() map[model.ID][]string {
	want := map[model.ID][]string{}
	for at, sum := range h.sums {
		if sum != nil && recordBucketNamed(at.bucket) && at.bucket != string(bAudit) && !h.ids[at.bucket][at.id] {
			want[at.id] = append(want[at.id], at.bucket)
		}
	}
	return want
}

// trailWhole says whether every event from the first to the newest the
// file numbered was saved.
func (h *SalvageHaul) trailWhole() bool {
	top := max(h.seqs[string(bAudit)], h.topEvent)
	return top > 0 && uint64(len(h.ids[string(bAudit)])) == top
}

// scanLoose looks through the damaged file's pages for the records the
// trail vouches for that no read reached, and takes those it finds.
func (h *SalvageHaul) scanLoose() error {
	want := h.wantedLoose()
	if len(want) == 0 {
		return nil
	}
	if !h.trailWhole() {
		h.notes = append(h.notes, "the pages of the damaged file were not searched for the records no read reached: "+
			"the audit trail was not saved whole, so it cannot tell a record's last version from an older copy")
		return nil
	}
	f, err := os.Open(h.damaged)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	size := st.Size()
	ps := filePageSize(f)
	found := 0
	head := make([]byte, pageHeaderSize)
	var page []byte
	for id := int64(2); (id+1)*ps <= size; {
		if _, err := f.ReadAt(head, id*ps); err != nil {
			return err
		}
		flags, over := binary.LittleEndian.Uint16(head[8:]), int64(binary.LittleEndian.Uint32(head[12:]))
		if int64(binary.LittleEndian.Uint64(head)) != id || flags&^knownPageFlags != 0 || (id+1+over)*ps > size {
			id++ // not a page's start: a page's overflow, or noise
			continue
		}
		if flags == leafPageFlag {
			page = slices.Grow(page[:0], int((over+1)*ps))[:(over+1)*ps]
			if _, err := f.ReadAt(page, id*ps); err != nil && err != io.EOF {
				return err
			}
			found += h.takeLoose(page, want)
		}
		// One page on, not past the overflow the header claims: a freed
		// page's old header may claim pages since reused one by one as
		// leaves of their own. (A page read twice is safe: only the
		// version the trail vouches for is taken, once.)
		id++
	}
	if found > 0 {
		h.notes = append(h.notes, fmt.Sprintf("%d records no read could save (out of reach of their buckets' pages, or failing where their buckets hold them) were found in the file's other pages, each the version the audit trail says was last written", found))
	}
	return h.flush()
}

// filePageSize is the page size the file's first meta page gives (the
// second, one page on, when the first is lost: tried at each page size
// bbolt makes, 4 KB to 64 KB), or 4 KB.
func filePageSize(f *os.File) int64 {
	for _, at := range []int64{0, 4 << 10, 8 << 10, 16 << 10, 32 << 10, 64 << 10} {
		if m, err := readMeta(f, at); err == nil {
			return int64(m.pageSize)
		}
	}
	return 4096
}

// takeLoose takes from one leaf page the records wanted whose sums are the
// trail's: how many.
func (h *SalvageHaul) takeLoose(page []byte, want map[model.ID][]string) int {
	n := 0
	count := int(binary.LittleEndian.Uint16(page[10:]))
	for i := range count {
		at := pageHeaderSize + i*leafElementSize
		if at+leafElementSize > len(page) {
			break
		}
		el := page[at:]
		flags := binary.LittleEndian.Uint32(el)
		pos, ks, vs := int(binary.LittleEndian.Uint32(el[4:])), int(binary.LittleEndian.Uint32(el[8:])), int(binary.LittleEndian.Uint32(el[12:]))
		start := at + pos
		if flags&bucketLeafFlag != 0 || ks != 8 || pos < 0 || start < 0 || start+ks+vs > len(page) || start+ks+vs < start {
			continue
		}
		k, v := page[start:start+ks], page[start+ks:start+ks+vs]
		buckets := want[store.KeyID(k)]
		if len(buckets) == 0 {
			continue
		}
		body, err := unseal(v)
		if err != nil || !sealed(v) {
			continue
		}
		sum := record.RecordSum(body)
		for _, bucket := range buckets {
			if !bytes.Equal(h.sums[recordAt{bucket, store.KeyID(k)}], sum) {
				continue
			}
			if h.takeVouched(bucket, k, v) {
				n++
				want[store.KeyID(k)] = slices.DeleteFunc(buckets, func(b string) bool { return b == bucket })
			}
			break
		}
	}
	return n
}

// takeVouched keeps a loose value the trail vouches for as bucket's
// record, if it proves itself as one (model.SalvageKeep).
func (h *SalvageHaul) takeVouched(bucket string, k, v []byte) bool {
	fact := model.SalvageValue{Loose: true, Vouched: true, Record: true, Sealed: sealed(v), CRCOK: true}
	for _, rb := range recordBuckets {
		if string(rb.name) == bucket {
			id, _, _, err := rb.decode(v)
			fact.Decodes, fact.IDOK = err == nil, id == store.KeyID(k)
		}
	}
	if verdict, _ := model.SalvageKeep(fact); verdict != model.SalvageCopy {
		return false
	}
	h.pending = append(h.pending, haulValue{[]byte(bucket), slices.Clone(k), slices.Clone(v)})
	h.kept[bucket]++
	if h.ids[bucket] == nil {
		h.ids[bucket] = map[model.ID]bool{}
	}
	h.ids[bucket][store.KeyID(k)] = true
	// A record whose value failed where its tree holds it was listed as
	// lost when it was read: this copy saves it.
	h.lost.Found(bucket, store.KeyID(k))
	return true
}

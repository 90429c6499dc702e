package bolt

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// Fuzz targets: `go test -run '^$' -fuzz '^FuzzDecodeRecord$' -fuzztime 5s ./store`
// (.ci/run runs each for a few seconds). Plain `go test` runs their seeds
// and anything kept in testdata/fuzz as ordinary tests.
//
// bbolt itself is never fuzzed in this process: a damaged file can make it
// fault where recover cannot help (docs: bbolt.md). What is fuzzed here is
// what stands before it — the header check — and what reads the bytes it
// hands back — the record decoders; a file whose header passes is opened
// in a child process (TestOpenChild), which must answer, never crash.

var (
	smallOnce  sync.Once
	smallBytes []byte
	smallErr   error
)

// smallFile is a whole tasking file of a few dozen pages: the tiny
// partnership with a meeting held and closed, written without the 64 MiB
// map that makes the store's own files grow in 16 MB steps.
func smallFile(tb testing.TB) []byte {
	tb.Helper()
	smallOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tasking-small-")
		if err != nil {
			smallErr = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "small.db")
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			smallErr = err
			return
		}
		clock := &fixedClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)}
		s := newBoltFile(db, path, clock.now, "")
		smallErr = s.prepare()
		if smallErr == nil {
			smallErr = s.Seed(model.SystemActor("test"), tinyDataset(clock.t))
		}
		var m model.Meeting
		if smallErr == nil {
			m, smallErr = s.StartMeeting(chair, s.Today())
		}
		if smallErr == nil {
			_, smallErr = s.AddNote(chair, m.ID, model.ItemAOB, 0, "Groups of 15–20 at the bus station on Friday", false)
		}
		if smallErr == nil {
			_, smallErr = s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols Fri/Sat", AgencyID: 2, Due: s.Today().AddDays(7), MeetingID: m.ID})
		}
		if smallErr == nil {
			_, smallErr = s.CloseMeeting(chair, m.ID)
		}
		if err := db.Close(); smallErr == nil {
			smallErr = err
		}
		if smallErr == nil {
			smallBytes, smallErr = os.ReadFile(path)
		}
	})
	if smallErr != nil {
		tb.Fatal(smallErr)
	}
	return smallBytes
}

// storedValues are the values in the named bucket of the small file.
func storedValues(tb testing.TB, bucket []byte) [][]byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "small.db")
	if err := os.WriteFile(path, smallFile(tb), 0o600); err != nil {
		tb.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var out [][]byte
	_ = db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucket); b != nil {
			return b.ForEach(func(_, v []byte) error {
				out = append(out, bytes.Clone(v))
				return nil
			})
		}
		return nil
	})
	return out
}

// roundTrips: a stored value that reads is written back (encoding/json, as
// every write does) in a form that reads again to the same record — the
// stored form is settled after one write, so re-saving a record read from
// an old or hand-edited file never changes it twice.
var roundTrips = map[string]func(t *testing.T, b []byte){
	string(bAgencies):    roundTrip[model.Agency],
	string(bMembers):     roundTrip[model.Member],
	string(bHotspots):    roundTrip[model.Hotspot],
	string(bActions):     roundTrip[model.Action],
	string(bUpdates):     roundTrip[model.ActionUpdate],
	string(bDecisions):   roundTrip[model.Decision],
	string(bNotes):       roundTrip[model.Note],
	string(bMeetings):    roundTrip[model.Meeting],
	string(bAmends):      roundTrip[model.Amendment],
	string(bAudit):       roundTrip[model.AuditEvent],
	string(bSnapshots):   roundTrip[model.Snapshot],
	string(bPowers):      roundTrip[model.Power],
	string(bCaseReviews): roundTrip[model.CaseReview],
	string(bMeta):        roundTrip[model.Partnership],
}

// TestEveryRecordBucketRoundTrips: a bucket added without a round trip
// fails here, in the quick suite, rather than as a nil call under the fuzzer.
func TestEveryRecordBucketRoundTrips(t *testing.T) {
	for _, rb := range recordBuckets {
		if roundTrips[string(rb.name)] == nil {
			t.Errorf("record bucket %q has no round trip in roundTrips", rb.name)
		}
	}
}

func roundTrip[T any](t *testing.T, b []byte) {
	var x T
	if decode(b, &x) != nil {
		return
	}
	once, err := json.Marshal(x)
	if err != nil {
		t.Fatalf("%T read from %q cannot be written back: %v", x, b, err)
	}
	var y T
	if err := decode(once, &y); err != nil {
		t.Fatalf("%T written back as %s does not read: %v", x, once, err)
	}
	twice, err := json.Marshal(y)
	if err != nil || !bytes.Equal(once, twice) {
		t.Fatalf("%T read from %q is written %s, then %s (%v)", x, b, once, twice, err)
	}
}

// FuzzDecodeRecord: any bytes under any record bucket (and the
// partnership) are decoded — as every read, check and index rebuild does —
// into a record or an error, never a panic; what reads is settled.
func FuzzDecodeRecord(f *testing.F) {
	buckets := append([][]byte{bMeta}, func() [][]byte {
		var names [][]byte
		for _, rb := range recordBuckets {
			names = append(names, rb.name)
		}
		return names
	}()...)
	for i, name := range buckets {
		for _, v := range storedValues(f, name) {
			f.Add(uint8(i), v)
		}
	}
	for _, junk := range []string{"", "{", "null", "[]", `{"id":-1}`, `{"id":1e400}`, `{"id":"1"}`, `{"due":"2026-02-30"}`,
		`{"due":"31/12/99"}`, `{"at":"0000-01-01T00:00:00Z"}`, `{"at":"9999-12-31T23:59:59+99:99"}`, `{"text":"\ud800"}`,
		`{"updates":[{"text":1}]}`, `{"agenda":[{"kind":"hotspot","hotspot_id":18446744073709551615}]}`, "\xff\xfe{}", `{"a":` + strings.Repeat("[", 10000)} {
		f.Add(uint8(0), []byte(junk))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := buckets[int(which)%len(buckets)]
		for _, rb := range recordBuckets {
			if bytes.Equal(rb.name, name) {
				_, _, rec, err := rb.decode(data)
				if ix, ok := store.Registry[store.Kind(name)]; ok && err == nil {
					ix.EntriesOf(rec, func(store.Index, store.Entry) {})
				}
			}
		}
		if ix, ok := store.Registry[store.Kind(name)]; ok {
			_, _ = ix.Expected(data)
		}
		roundTrips[string(name)](t, data)
	})
}

// FuzzCheckHeader: the header check reads any file — garbage, cut short,
// a whole file with bytes changed anywhere — and answers, never panics;
// a file it passes is at least as long as its header says.
func FuzzCheckHeader(f *testing.F) {
	small := smallFile(f)
	f.Add([]byte{}, uint32(0), []byte{})
	f.Add(small[:100], uint32(0), []byte{})
	f.Add(small[:4096+100], uint32(0), []byte{})
	f.Add(small, uint32(16+56), []byte{1})
	f.Add(small, uint32(4096+16+8), []byte{0, 0x20})
	f.Add(bytes.Repeat([]byte("not a database "), 600), uint32(0), []byte{})
	f.Fuzz(func(t *testing.T, data []byte, at uint32, patch []byte) {
		file := bytes.Clone(data)
		if len(file) > 0 {
			for i, b := range patch {
				file[(int(at)+i)%len(file)] = b
			}
		}
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		if checkHeader(path) != nil || len(file) == 0 {
			return
		}
		// Passed: one of its headers is whole, and the file as long as it says.
		ok := false
		for _, at := range []int64{0, 1024, 2048, 4096, 8192, 16384, 32768, 65536} {
			if m, err := readMeta(bytes.NewReader(file), at); err == nil && (at == 0 || int64(m.pageSize) == at) &&
				int64(m.pgid)*int64(m.pageSize) <= int64(len(file)) {
				ok = true
			}
		}
		if !ok {
			t.Fatalf("passed a file of %d bytes with no whole header that fits it", len(file))
		}
	})
}

// FuzzOpenHeader: the small file with the fields of one of its headers
// changed — page size, flags, the root and freelist pages, the page count,
// the transaction — and its checksum made right again, as a file damaged
// by a program rather than by chance would be. The header check refuses
// it, or tasking opens it and reads everything in a child process that
// answers (the record, or a clean "damaged"): it never crashes.
func FuzzOpenHeader(f *testing.F) {
	small := smallFile(f)
	m, err := readMeta(bytes.NewReader(small), 0)
	if err != nil {
		f.Fatal(err)
	}
	root, freelist := binary.LittleEndian.Uint64(small[16+16:]), binary.LittleEndian.Uint64(small[16+32:])
	f.Add(false, uint32(0), m.pageSize, root, freelist, m.pgid, m.txid+10)            // as it is, newest
	f.Add(false, uint32(0), m.pageSize, m.pgid+5, freelist, m.pgid, m.txid+10)        // root past the end
	f.Add(true, uint32(0), m.pageSize, root, m.pgid*4, m.pgid, m.txid+10)             // freelist far past it
	f.Add(false, uint32(0), m.pageSize*2, root, freelist, m.pgid/2, m.txid+10)        // another page size
	f.Add(false, uint32(1), m.pageSize, uint64(0), freelist, m.pgid, m.txid+10)       // root on a header page
	f.Add(true, uint32(0), m.pageSize, root, uint64(1<<63), uint64(1<<40), m.txid+10) // sizes that overflow
	f.Add(false, uint32(0), m.pageSize, freelist, root, m.pgid, m.txid+10)            // root and freelist swapped
	f.Add(false, uint32(0), m.pageSize, root, ^uint64(0), m.pgid, m.txid+10)          // no freelist
	f.Fuzz(func(t *testing.T, second bool, flags, pageSize uint32, root, freelist, pgid, txid uint64) {
		file := bytes.Clone(small)
		off := 16
		if second {
			off += int(m.pageSize)
		}
		le := binary.LittleEndian
		meta := file[off : off+64]
		le.PutUint32(meta[8:], pageSize)
		le.PutUint32(meta[12:], flags)
		le.PutUint64(meta[16:], root)
		le.PutUint64(meta[32:], freelist)
		le.PutUint64(meta[40:], pgid)
		le.PutUint64(meta[48:], txid)
		h := fnv.New64a()
		h.Write(meta[:56])
		le.PutUint64(meta[56:], h.Sum64())
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		if checkHeader(path) != nil {
			return
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestOpenChild$")
		cmd.Env = append(os.Environ(), childEnv+"="+path)
		out, _ := cmd.CombinedOutput()
		code := cmd.ProcessState.ExitCode()
		for _, crash := range []string{"SIGSEGV", "SIGBUS", "panic", "fatal error", "unexpected fault address"} {
			if strings.Contains(string(out), crash) {
				t.Fatalf("the header check passed a file that crashed tasking (second %v, flags %#x, page size %d, root %d, freelist %d, pages %d, txid %d):\n%s",
					second, flags, pageSize, root, freelist, pgid, txid, out)
			}
		}
		if code != 0 && code != 3 {
			t.Fatalf("opening it ended with exit %d:\n%s", code, out)
		}
	})
}

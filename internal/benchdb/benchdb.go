// Package benchdb is the decade database the benchmarks measure: ten years
// of a partnership (tasking demo --scale decade --seed 1), as at a fixed
// day, built once into the temporary folder and reused by later runs, keyed
// on the generator's and the schema's versions. TASKING_BENCH_DB names
// another copy. Benchmarks that change the record work on a copy.
package benchdb

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// Day is the day the decade ends and the benchmarks read it as at.
var Day = model.MustDate("2026-11-24")

// Clock is 10:00 on Day.
func Clock() time.Time { return Day.Time(time.Local).Add(10 * time.Hour) }

var once struct {
	sync.Once
	path string
	err  error
}

// Path is the decade database, built on first use (about 20 s).
func Path(tb testing.TB) string {
	tb.Helper()
	p, err := Build()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// Build is Path for a program (bench/serveload): the decade's path,
// building it first if it is not there yet.
func Build() (string, error) {
	once.Do(func() {
		if p := os.Getenv("TASKING_BENCH_DB"); p != "" {
			once.path = p
			return
		}
		p := filepath.Join(os.TempDir(), fmt.Sprintf("tasking-bench-decade-v%d-seed1-%s-schema%d.db", demo.DecadeVersion, Day, bolt.SchemaVersion))
		once.path = p
		if _, err := os.Stat(p); err == nil {
			return
		}
		tmp := p + ".building"
		os.Remove(tmp)
		s, err := bolt.Open(tmp, bolt.Options{Now: Clock})
		if err != nil {
			once.err = err
			return
		}
		d, err := demo.BuildDecade(Day, 1, time.Local)
		if err == nil {
			err = s.Seed(model.SystemActor("bench"), d)
		}
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, p)
		}
		once.err = err
	})
	return once.path, once.err
}

// OpenReadOnly opens the decade for reading, as the reading commands do.
func OpenReadOnly(tb testing.TB) *bolt.File {
	tb.Helper()
	s, err := bolt.Open(Path(tb), bolt.Options{Now: Clock, ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// OpenCopy opens a private copy of the decade for writing.
func OpenCopy(tb testing.TB) *bolt.File {
	tb.Helper()
	src, err := os.Open(Path(tb))
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(tb.TempDir(), "decade.db")
	dst, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		tb.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		tb.Fatal(err)
	}
	s, err := bolt.Open(path, bolt.Options{Now: Clock, Mode: "bench"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
)

// --by-agency: one file per agency that owns any of the log's actions,
// holding only its own, named after it. The log is read once, each row put
// aside in its agency's spool (a hidden file in the folder, one JSON row a
// line) as it is read; then every file's name is checked before any is
// written, so a refusal leaves the folder as it was; then each file is
// written from its spool, one at a time. Holding them all open instead
// would cost a workbook's compressor (about a megabyte) per agency.

// agencySpools are the rows of one --by-agency export, put aside by agency.
type agencySpools struct {
	dir    string
	spools map[model.ID]*agencySpool
}

// agencySpool is one agency's rows, put aside.
type agencySpool struct {
	agency model.ID
	file   *os.File
	w      *bufio.Writer
	enc    *json.Encoder
	rows   int
	path   string // the file the rows go to, named once every row is read
}

func newAgencySpools(dir string) *agencySpools {
	return &agencySpools{dir: dir, spools: map[model.ID]*agencySpool{}}
}

// write puts a row aside in its agency's spool, made for the agency's first.
func (l *agencySpools) write(agency model.ID, row actionLogRow) error {
	sp, ok := l.spools[agency]
	if !ok {
		f, err := os.CreateTemp(l.dir, ".agency-"+strconv.FormatUint(agency, 10)+"-*.tmp")
		if err != nil {
			return fmt.Errorf("cannot write in %s: %w", l.dir, err)
		}
		sp = &agencySpool{agency: agency, file: f, w: bufio.NewWriter(f)}
		sp.enc = json.NewEncoder(sp.w)
		l.spools[agency] = sp
		if err := f.Chmod(actionLogFileMode); err != nil {
			return err
		}
	}
	sp.rows++
	return sp.enc.Encode(row)
}

// named is every agency's spool, ready to read, named for its file in the
// order of the names.
func (l *agencySpools) named(agencies model.AgencyIndex, f format, public bool) ([]*agencySpool, error) {
	var out []*agencySpool
	for _, sp := range l.spools {
		if err := sp.w.Flush(); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	slices.SortFunc(out, func(a, b *agencySpool) int {
		if c := strings.Compare(agencyFileStem(agencies, a.agency), agencyFileStem(agencies, b.agency)); c != 0 {
			return c
		}
		return cmp.Compare(a.agency, b.agency)
	})
	used := map[string]bool{}
	for _, sp := range out {
		stem := agencyFileStem(agencies, sp.agency)
		if used[stem] { // two agencies whose names differ only in punctuation or case
			stem += "-" + strconv.FormatUint(sp.agency, 10)
		}
		used[stem] = true
		sp.path = filepath.Join(l.dir, actionLogFileName(stem, f, public))
	}
	return out, nil
}

// writeTo writes the spool's rows into a new log in w.
func (sp *agencySpool) writeTo(w io.Writer, f format, classification string) error {
	if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	lw, err := newLogWriter(w, f, classification)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bufio.NewReader(sp.file))
	for {
		var row actionLogRow
		if err := dec.Decode(&row); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return fmt.Errorf("reading back the rows for %s: %w", sp.path, err)
		}
		if err := lw.write(row); err != nil {
			return err
		}
	}
	return lw.close()
}

// discard removes every spool.
func (l *agencySpools) discard() {
	for _, sp := range l.spools {
		sp.file.Close()
		os.Remove(sp.file.Name())
	}
}

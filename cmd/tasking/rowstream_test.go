package main

import (
	"bytes"
	"testing"
)

// TestStreamedRowsAreTheListsBytes: a list written a row at a time (the
// exports, `actions --all`) is byte for byte the list written whole, for
// none, one and several rows, with what JSON and CSV escape and defuse.
func TestStreamedRowsAreTheListsBytes(t *testing.T) {
	awkward := []agencyRow{
		{Name: "Derbyshire Fire & Rescue <Service>", ShortName: "DFRS"},
		{Name: `"Quoted", with a comma`, ShortName: "=SUM(A1)", Retired: "yes"},
		{Name: "Môn — Thu–Sat\nsecond line", ShortName: "+44 tab\there"},
	}
	for _, rows := range [][]agencyRow{nil, awkward[:1], awkward} {
		for _, f := range []format{formatCSV, formatJSON} {
			var whole, streamed bytes.Buffer
			var err error
			if f == formatCSV {
				err = writeCSV(&whole, rows)
			} else {
				err = writeJSON(&whole, rows)
			}
			if err != nil {
				t.Fatal(err)
			}
			w := newRowWriter[agencyRow](&streamed, f)
			for _, r := range rows {
				if err := w.write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.close(); err != nil {
				t.Fatal(err)
			}
			if whole.String() != streamed.String() {
				t.Errorf("%s of %d rows:\nwhole    %q\nstreamed %q", f, len(rows), whole.String(), streamed.String())
			}
		}
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
)

// Machine output written a row at a time, for lists that may hold a decade
// (`actions --all`, `export actions`): the same bytes writeCSV and writeJSON
// write for the whole list (TestStreamedRowsAreTheListsBytes), without the
// list.

// rowWriter takes rows as they are read; close finishes the output.
type rowWriter[T any] interface {
	write(row T) error
	close() error
}

// newRowWriter writes rows of T as CSV or JSON.
func newRowWriter[T any](w io.Writer, f format) rowWriter[T] {
	if f == formatCSV {
		return newCSVRows[T](w)
	}
	return newJSONRows[T](w)
}

// csvRows is writeCSV a row at a time: the header first, then each row,
// formulas defused.
type csvRows[T any] struct {
	cw     *csv.Writer
	header bool
}

func newCSVRows[T any](w io.Writer) *csvRows[T] { return &csvRows[T]{cw: csv.NewWriter(w)} }

func (c *csvRows[T]) write(row T) error {
	if err := c.start(); err != nil {
		return err
	}
	values := fieldValues(row)
	for i, v := range values {
		values[i] = defuseFormula(v)
	}
	return c.cw.Write(values)
}

func (c *csvRows[T]) start() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.cw.Write(fieldNames[T]())
}

func (c *csvRows[T]) close() error {
	if err := c.start(); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// jsonRows is writeJSON a row at a time: an array of objects indented as
// encoding/json indents the whole array, "[]" when there are none.
type jsonRows[T any] struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	n   int
}

func newJSONRows[T any](w io.Writer) *jsonRows[T] {
	j := &jsonRows[T]{w: bufio.NewWriterSize(w, 32<<10)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	// An element of the array: its lines after the first indented one
	// level deeper than the array's.
	j.enc.SetIndent("  ", "  ")
	return j
}

func (j *jsonRows[T]) write(row T) error {
	j.buf.Reset()
	if err := j.enc.Encode(row); err != nil {
		return err
	}
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	j.w.WriteString(sep)
	_, err := j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	return err
}

func (j *jsonRows[T]) close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	j.w.WriteString(end)
	return j.w.Flush()
}

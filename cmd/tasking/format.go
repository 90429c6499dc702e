package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// format is how a list is written: a table for people, CSV or JSON for
// machines.
type format string

const (
	formatTable format = "table"
	formatCSV   format = "csv"
	formatJSON  format = "json"
)

var listFormats = []format{formatTable, formatCSV, formatJSON}

// addFormatFlag adds --format with the given choices (the first is the
// default) and shell completion for them.
func addFormatFlag(cmd *cobra.Command, dst *string, choices ...format) {
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = string(c)
	}
	cmd.Flags().StringVar(dst, "format", names[0], "output format: "+strings.Join(names, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// parseFormat checks --format against what the command supports; anything
// else is a usage error that lists the choices.
func parseFormat(s string, choices ...format) (format, error) {
	in := format(strings.ToLower(strings.TrimSpace(s)))
	names := make([]string, len(choices))
	for i, c := range choices {
		if in == c {
			return c, nil
		}
		names[i] = string(c)
	}
	return "", usagef("--format %q is not supported here: use %s", s, strings.Join(names, ", "))
}

// list is one command's output: rows for machines (structs of strings with
// json tags, which name the CSV columns too) and, built only when asked for,
// a table for people.
type list[T any] struct {
	rows  []T
	table func() peopleTable
	empty string // said instead of an empty table
}

// peopleTable is what a person sees: short names, short dates. On a
// terminal (writeTable) long text is cut: column i to widths[i] columns
// (0 or missing: not cut), then flex further to fit the terminal (-1:
// none); elsewhere every cell is whole.
type peopleTable struct {
	headers []string
	rows    [][]string
	flex    int
	widths  []int
}

func (l list[T]) write(w io.Writer, f format) error {
	switch f {
	case formatJSON:
		return writeJSON(w, l.rows)
	case formatCSV:
		return writeCSV(w, l.rows)
	}
	if len(l.rows) == 0 {
		_, err := fmt.Fprintln(w, l.empty)
		return err
	}
	return writeTable(w, l.table())
}

// writeJSON writes an array of objects; never null, even when empty.
func writeJSON[T any](w io.Writer, rows []T) error {
	if rows == nil {
		rows = []T{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// writeCSV writes a header of the JSON field names, then one record per row.
func writeCSV[T any](w io.Writer, rows []T) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(fieldNames[T]()); err != nil {
		return err
	}
	for _, r := range rows {
		values := fieldValues(r)
		for i, v := range values {
			values[i] = defuseFormula(v)
		}
		if err := cw.Write(values); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuseFormula stops a spreadsheet running typed text as a formula (CSV
// injection): a cell starting with = + - @ or a tab/CR gets a leading
// apostrophe, which spreadsheets show as plain text. Dates, refs and
// statuses never start with these, so machine fields are unchanged.
func defuseFormula(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// fieldNames is T's json tag names in field order: the documented field
// list, so CSV and JSON cannot drift apart.
func fieldNames[T any]() []string {
	t := reflect.TypeFor[T]()
	out := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}

// fieldValues is a row's string fields in field order.
func fieldValues[T any](row T) []string {
	v := reflect.ValueOf(row)
	out := make([]string, v.NumField())
	for i := range v.NumField() {
		switch f := v.Field(i); {
		case f.CanInt():
			out[i] = strconv.FormatInt(f.Int(), 10) // a count: a number in JSON too
		case f.CanUint():
			out[i] = strconv.FormatUint(f.Uint(), 10) // an audit event's number
		default:
			out[i] = f.String()
		}
	}
	return out
}

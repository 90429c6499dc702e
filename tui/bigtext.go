package tui

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// The wall's large letters: FIGlet's "standard" font, its printable ASCII
// characters only (standard.flf, with the font's own credits), laid side
// by side as FIGlet's full width does. Read on first use: every command
// links the app, and only the wall draws large letters, so nothing of it
// is done as a process starts.

//go:embed standard.flf
var standardFLF string

// bigFont is a FIGlet font's characters from ' ' to '~', each its rows.
type bigFont struct {
	height, baseline int
	chars            [][]string
}

var standardFont = sync.OnceValue(func() bigFont { return parseFLF(standardFLF) })

// parseFLF reads a FIGlet font's header (flf2a, its hard blank the
// signature's last character, then height, baseline, …, comment lines) and
// its first 95 characters; the hard blank is drawn as a space and each
// row's end marks are dropped.
func parseFLF(src string) bigFont {
	lines := strings.Split(src, "\n")
	head := strings.Fields(lines[0])
	hardblank := head[0][len(head[0])-1:]
	f := bigFont{}
	f.height, _ = strconv.Atoi(head[1])
	f.baseline, _ = strconv.Atoi(head[2])
	comments, _ := strconv.Atoi(head[5])
	rows := lines[1+comments:]
	for c := 0; c < '~'-' '+1 && (c+1)*f.height <= len(rows); c++ {
		char := make([]string, f.height)
		for r := range f.height {
			row := rows[c*f.height+r]
			if row != "" {
				row = strings.TrimRight(row, row[len(row)-1:]) // the end marks
			}
			char[r] = strings.ReplaceAll(row, hardblank, " ")
		}
		f.chars = append(f.chars, char)
	}
	return f
}

// bigText is s in large letters, for reading across a room: its rows
// that are not blank (a character outside printable ASCII drawn as '?').
func bigText(s string) []string {
	f := standardFont()
	var out []string
	for r := range f.height {
		var b strings.Builder
		for _, c := range s {
			if c < ' ' || c > '~' || int(c-' ') >= len(f.chars) {
				c = '?'
			}
			b.WriteString(f.chars[c-' '][r])
		}
		if l := strings.TrimRight(b.String(), " "); strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

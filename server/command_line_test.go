package server

import (
	"slices"
	"strings"
	"testing"
)

// FuzzSplitCommand: `go test -run '^$' -fuzz '^FuzzSplitCommand$' -fuzztime 5s ./server`
// (.ci/run runs it for a few seconds; plain `go test` runs the seeds and
// anything kept in testdata/fuzz).
//
// Whatever line an ssh client sends, the server splits it into words or
// refuses it (a quote left open), never panics; and the words it splits
// out, each quoted as the README tells people to (single quotes, an
// apostrophe written '\”), split back to the same words.
func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{
		"", "actions", "wall", "action update A-12 --note 'Letters sent'", `action update A-12 --note "Letters sent"`,
		`action update A-12 --note 'It'\''s booked'`, `note add 'unclosed`, `note add "unclosed`, `a\`, `a\ b`, `"a\"b"`,
		"a # comment", "a#b", "'#'", "''", `""`, "a\tb\nc\rd", "  lead  trail  ", "\x00", "é 'ü' \"ö\"", `'\'`, `"\\"`,
		"member import - --update", "-- --help",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := SplitCommand(line)
		if err != nil {
			return
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
		again, err := SplitCommand(strings.Join(quoted, " "))
		if err != nil || !slices.Equal(again, words) {
			t.Fatalf("%q split into %q; quoted back %q, it splits into %q (%v)", line, words, strings.Join(quoted, " "), again, err)
		}
	})
}

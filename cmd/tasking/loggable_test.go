package main

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/ccsp/tasking/server"
)

// What the log may hold of a command line: the path the tree runs, the
// refs and the flag names; never a flag's value, free text (even text that
// looks like a command word or a ref inside a sentence), or any word of a
// line the tree does not know.
func TestDescribeForLog(t *testing.T) {
	for _, tt := range describeCases {
		got := describeForLog(tt.args)
		if got.Path != tt.path || !slices.Equal(got.Refs, tt.refs) || !slices.Equal(got.Flags, tt.flags) {
			t.Errorf("%q:\n got %q refs %q flags %q\nwant %q refs %q flags %q",
				tt.args, got.Path, got.Refs, got.Flags, tt.path, tt.refs, tt.flags)
		}
	}
}

// Sessions describe their lines at once, in one shared tree: each gets its
// own line's flags and refs, never another's.
func TestDescribeForLogAtOnce(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(describeCases))
	for range 8 {
		wg.Go(func() {
			for _, tt := range describeCases {
				got := describeForLog(tt.args)
				if got.Path != tt.path || !slices.Equal(got.Refs, tt.refs) || !slices.Equal(got.Flags, tt.flags) {
					errs <- fmt.Sprintf("%q: got %q refs %q flags %q", tt.args, got.Path, got.Refs, got.Flags)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

var describeCases = []struct {
	args  []string
	path  string
	refs  []string
	flags []string
}{
	{[]string{"action", "update", "A-12", "--note", "victim at 12 Rose St"}, "action update", []string{"A-12"}, []string{"--note"}},
	// --flag=value, and flags in sorted order whatever the order typed.
	{[]string{"action", "update", "a-12", "--status=blocked", "--note=Rose St"}, "action update", []string{"A-12"}, []string{"--note", "--status"}},
	// Free text after flags, and text that is a command word elsewhere.
	{[]string{"decision", "add", "--hotspot", "HS-1", "that patrols continue"}, "decision add", []string{"HS-1"}, []string{"--hotspot"}},
	{[]string{"hotspot", "add", "list", "--ward", "Spire"}, "hotspot add", nil, []string{"--ward"}},
	{[]string{"action", "add", "--agency", "police", "--due", "2026-12-15", "show"}, "action add", nil, []string{"--agency", "--due"}},
	{[]string{"note", "add", "--", "--hotspot HS-1"}, "note add", nil, nil},
	// Refs: a whole word, or a flag's whole value; not inside text, not run together.
	{[]string{"note", "add", "A-12 broken again", "--hotspot", "hs-3"}, "note add", []string{"HS-3"}, []string{"--hotspot"}},
	{[]string{"hotspot", "add", "A1"}, "hotspot add", nil, nil},
	{[]string{"minutes", "latest", "--format", "md", "--public"}, "minutes", []string{"latest"}, []string{"--format", "--public"}},
	{[]string{"amend", "D-4", "--text", "that X", "--reason", "Misheard"}, "amend", []string{"D-4"}, []string{"--reason", "--text"}},
	{[]string{"meeting", "review", "A-1", "--accept"}, "meeting review", []string{"A-1"}, []string{"--accept"}},
	{[]string{"decision", "add", "--meeting", "M-2", "--hotspot", "HS-1", "that A-12 be closed"}, "decision add", []string{"HS-1", "M-2"}, []string{"--hotspot", "--meeting"}},
	{[]string{"meeting", "add", "HS-14", "HS-14"}, "meeting add", []string{"HS-14"}, nil},
	// Names typed are text.
	{[]string{"member", "key", "remove", "Jo Bloggs", "1"}, "member key remove", nil, nil},
	{[]string{"meeting", "declare", "Sgt Jas Patel", "Lives near HS-2", "--item", "HS-2"}, "meeting declare", []string{"HS-2"}, []string{"--item"}},
	// Shorthand flags by their names; flags before the command.
	{[]string{"export", "actions", "--format", "xlsx", "-o", "-"}, "export actions", nil, []string{"--format", "--output"}},
	{[]string{"--as", "Sgt Jas Patel", "actions", "--mine"}, "actions", nil, []string{"--as", "--mine"}},
	{[]string{"--db=/srv/rose-st.db", "actions"}, "actions", nil, []string{"--db"}},
	// What cobra and fang add.
	{[]string{"action", "update", "--help"}, "action update", nil, []string{"--help"}},
	{[]string{"help", "action", "update"}, "help", nil, nil},
	{[]string{"--version"}, "tasking", nil, []string{"--version"}},
	// A flag the command lacks is not named, nor anything after it.
	{[]string{"actions", "--agency", "police", "--victim=Jo Smith", "--overdue"}, "actions", nil, []string{"--agency"}},
	// Groups run bare show their help.
	{[]string{"member"}, "member", nil, nil},
	// Unknown commands: no words at all.
	{[]string{"frobnicate", "A-12", "--note", "Rose St"}, server.Unknown, nil, nil},
	{[]string{"Jo Smith", "HS-3"}, server.Unknown, nil, nil},
	{[]string{"member", "frobnicate", "Jo Smith"}, server.Unknown, nil, nil},
	{[]string{"action", "update", "A-12", "--note"}, "action update", []string{"A-12"}, nil},
}

package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/store"
)

// Long work piped (a script, a cron job, ssh without a terminal) draws no
// bar: it says one line on standard error, what it did and how long it
// took, and its output is as it was.
func TestLongWorkPipedSaysOneLine(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		line string // the summary line, as a pattern
	}{
		{[]string{"check"}, `tasking: check took \d+(\.\d)?s \([\d,]+ records\)`},
		{[]string{"--as", "Helen Marsh", "backup", filepath.Join(dir, "copy.db")}, `tasking: backup took \d+(\.\d)?s \(\d+\.\d MB\)`},
		{[]string{"upgrade", "--reindex"}, `tasking: upgrade --reindex took \d+(\.\d)?s \([\d,]+ records\)`},
		{[]string{"restore", filepath.Join(dir, "copy.db"), "--yes"}, `tasking: restore took \d+(\.\d)?s \(\d+\.\d MB\)`},
	} {
		r := run(t, nil, append([]string{"--db", db}, c.args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s%s", c.args, r.code, r.stdout, r.stderr)
		}
		lines := regexp.MustCompile(`(?m)^`+c.line+`$`).FindAllString(r.stderr, -1)
		if len(lines) != 1 || strings.ContainsAny(r.stderr+r.stdout, "\r\x1b█") {
			t.Errorf("%v said on stderr:\n%s\nwant one line like %s, and no bar", c.args, r.stderr, c.line)
		}
	}
	// The page check's result and the record's come out as before.
	if r := run(t, nil, "--db", db, "check"); !strings.Contains(r.stdout, "no problems") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("check: stdout %q stderr %q", r.stdout, r.stderr)
	}
}

// What the bar says, drawn at a fixed moment: the bar, the time left at
// the rate so far, what is being done and how much of how much, cut to the
// terminal's width with room for the ^C a terminal echoes.
func TestProgressLine(t *testing.T) {
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	p := &progressView{title: "check", started: start}
	p.bar = newProgressView(&strings.Builder{}, "check").bar
	p.step = store.Step{What: "counting the records", Unit: "records"}
	p.baseAt, p.baseDone = start, 0
	if got := p.line(start.Add(2*time.Second), 80); got != "counting the records… 2.0s" {
		t.Errorf("before the total is known: %q", got)
	}
	p.step = store.Step{What: "reading every record: actions", Done: 250_000, Total: 1_000_000, Unit: "records"}
	got := p.line(start.Add(10*time.Second), 140)
	want := "about 30s left · reading every record: actions · 250,000 of 1,000,000 records"
	if !strings.Contains(got, want) || !strings.Contains(got, "25%") || !strings.Contains(got, "█") {
		t.Errorf("a quarter done in 10s: %q, want the bar at 25%% and %q", got, want)
	}
	for _, w := range []int{100, 60, 30} {
		if n := len([]rune(stripped(p.line(start.Add(10*time.Second), w)))); n > w-3 {
			t.Errorf("at %d columns the line is %d wide", w, n)
		}
	}
	p.Report(store.Step{What: "writing the copy", Done: 120 << 20, Total: 440 << 20, Unit: "bytes"})
	if got := p.line(start.Add(time.Second/2), 120); !strings.Contains(got, "writing the copy · 120 of 440 MB") || strings.Contains(got, "left") {
		t.Errorf("bytes, before a second: %q", got)
	}
	if got := p.summary(start.Add(75 * time.Second)); got != "tasking: check took 1m15s (120 MB)" {
		t.Errorf("the summary: %q", got)
	}
	// A last step of no count (packing the file) leaves the amount said.
	p.Report(store.Step{What: "packing the file"})
	if got := p.summary(start.Add(80 * time.Second)); got != "tasking: check took 1m20s (120 MB)" {
		t.Errorf("the summary after a step of no count: %q", got)
	}
}

func stripped(s string) string { return regexp.MustCompile("\x1b\\[[0-9;:]*m").ReplaceAllString(s, "") }

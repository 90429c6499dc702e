package tui

import (
	"fmt"
	"slices"
	"testing"
)

func testPane(rows, sel int, under int) itemPane {
	p := itemPane{head: []string{"h0", "h1"}, rows: rows, sel: sel, tail: []string{"t0", "t1"}}
	p.row = func(i int, selected bool) string {
		if selected {
			return fmt.Sprintf(">r%d", i)
		}
		return fmt.Sprintf("r%d", i)
	}
	if under > 0 {
		p.under = func(i int) []string {
			var out []string
			for j := range under {
				out = append(out, fmt.Sprintf("u%d.%d", i, j))
			}
			return out
		}
	}
	return p
}

func TestItemPaneWindow(t *testing.T) {
	p := testPane(4, 1, 2)
	want := []string{"h0", "h1", "r0", ">r1", "u1.0", "u1.1", "r2", "r3", "t0", "t1"}
	if got := p.lines(); !slices.Equal(got, want) {
		t.Fatalf("lines = %v, want %v", got, want)
	}
	for off := range want {
		for n := 1; n <= len(want)-off; n++ {
			if got := p.window(off, n); !slices.Equal(got, want[off:off+n]) {
				t.Fatalf("window(%d,%d) = %v, want %v", off, n, got, want[off:off+n])
			}
		}
	}
}

// Only the rows on screen are rendered, however long the list.
func TestItemPaneRendersOnlyVisibleRows(t *testing.T) {
	rendered := 0
	p := testPane(100000, 50000, 0)
	row := p.row
	p.row = func(i int, selected bool) string { rendered++; return row(i, selected) }
	off := p.scroll(0, 20)
	lines := p.window(off, 20)
	if rendered > 20 || len(lines) != 20 || !slices.Contains(lines, ">r50000") {
		t.Fatalf("rendered %d rows; window %v", rendered, lines)
	}
}

// A row may take more than one line (matters arising's latest update under
// its row): every window of the pane is the same slice of its lines, and
// scrolling keeps the selected row and what is under it in view.
func TestItemPaneRowsOfSeveralLines(t *testing.T) {
	p := testPane(5, 2, 1)
	row := p.row
	p.rowLines = func(i int) int { return 1 + i%2 }
	p.row = func(i int, selected bool) string {
		if i%2 == 1 {
			return row(i, selected) + "\n" + fmt.Sprintf("x%d", i)
		}
		return row(i, selected)
	}
	want := []string{"h0", "h1", "r0", "r1", "x1", ">r2", "u2.0", "r3", "x3", "r4", "t0", "t1"}
	if got := p.lines(); !slices.Equal(got, want) {
		t.Fatalf("lines = %v, want %v", got, want)
	}
	for off := range want {
		for n := 1; n <= len(want)-off; n++ {
			if got := p.window(off, n); !slices.Equal(got, want[off:off+n]) {
				t.Fatalf("window(%d,%d) = %v, want %v", off, n, got, want[off:off+n])
			}
		}
	}
	for off := range want {
		at := p.scroll(off, 3)
		if shown := p.window(at, 3); !slices.Contains(shown, ">r2") || !slices.Contains(shown, "u2.0") {
			t.Fatalf("scrolled from %d to %d: %v", off, at, shown)
		}
	}
}

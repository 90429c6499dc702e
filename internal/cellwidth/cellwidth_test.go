package cellwidth

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Of must agree with ansi.StringWidth on everything the screen draws, the
// minutes print and people type: it is only a faster path to the same
// answer.
func TestOfIsStringWidth(t *testing.T) {
	samples := []string{
		"", "plain ascii", "┌ Agenda ──┐", "│▸A-38   ●A Early Help …", "✓ ✗ ★ ◌ ▶ ● • – — ← → ·",
		"\x1b[1;31mred\x1b[0m and \x1b[38;5;214mamber\x1b[m",
		"café naïve Æsir ß ğ", "emoji 👍🏽 family 👨‍👩‍👧", "漢字かな", "e\u0301 combining", "שלום עולם",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "tab\there", strings.Repeat("─", 200),
		"“Quoted” – and ‘this’ … 1·2", "a\u200db", "x\ufe0f", "\u00ad",
	}
	for _, in := range samples {
		if got, want := Of(in), ansi.StringWidth(in); got != want {
			t.Errorf("Of(%q) = %d, ansi.StringWidth = %d", in, got, want)
		}
	}
	for r := rune(0x20); r < 0x3000; r++ {
		in := string(r)
		if Narrow(r) && ansi.StringWidth(in) != 1 {
			t.Errorf("%U is treated as narrow but is %d cells", r, ansi.StringWidth(in))
		}
	}
}

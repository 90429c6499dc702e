package model

import (
	"errors"
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Joint patrols Fri/Sat", "Joint patrols Fri/Sat"},
		{"trim", "  x  ", "x"},
		{"csi colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"csi cursor", "a\x1b[2J\x1b[Hb", "ab"},
		{"osc title bel", "\x1b]0;pwned\x07ok", "ok"},
		{"osc title st", "\x1b]2;pwned\x1b\\ok", "ok"},
		{"osc hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"dcs", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"charset", "\x1b(Bok", "ok"},
		{"bell and backspace", "a\x07b\x08c", "abc"},
		{"newlines kept", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"tab", "a\tb", "a b"},
		{"nul", "a\x00b", "ab"},
		{"invalid utf8", "a\xffb", "ab"},
		{"emoji and rtl kept", "👍🏽 שלום é", "👍🏽 שלום é"},
		{"bidi override dropped", "invoice\u202egnp.exe", "invoicegnp.exe"},
		{"bidi isolates dropped", "a\u2066b\u2069c", "abc"},
		{"rtl marks dropped", "abc\u200fdef\u200e", "abcdef"},
		{"zero-width space", "Joh\u200bn Smith", "John Smith"},
		{"zero-width joiners", "a\u200cb\u200dc\u2060d", "abcd"},
		{"emoji joiner kept", "👨\u200d👩\u200d👧 and 👍🏽\u200d👍", "👨\u200d👩\u200d👧 and 👍🏽\u200d👍"},
		{"joiner after emoji before a letter", "👍\u200dx", "👍x"},
		{"bom inside text", "\ufeffname\ufeff here", "name here"},
		{"soft hyphen", "pa\u00adtrol", "patrol"},
		{"invisible tag letters", "ok\U000E0041\U000E0042", "ok"},
		{"invisible operators", "a\u2062b", "ab"},
		{"unterminated csi", "x\x1b[", "x"},
		{"lone esc", "x\x1b", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Fatalf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required bool
		want     string
		problem  string
	}{
		{"ok", "Patrols", true, "Patrols", ""},
		{"empty", "   ", true, "", "empty"},
		{"only escapes", "\x1b[31m\x1b[0m", true, "", "empty"},
		{"empty optional", "", false, "", ""},
		{"at limit", strings.Repeat("é", MaxTextLen), true, strings.Repeat("é", MaxTextLen), ""},
		{"over limit", strings.Repeat("x", MaxTextLen+1), true, "", "2001 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckText("text", "action text", tt.in, tt.required)
			if tt.problem == "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v", got, err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "text" || !strings.Contains(fe.Problem, tt.problem) {
				t.Fatalf("err = %v, want a text FieldError mentioning %q", err, tt.problem)
			}
		})
	}
	if got, _ := CheckLine("name", "name", "  Sgt \n J.  Patel ", true, 80); got != "Sgt J. Patel" {
		t.Fatalf("CheckLine = %q", got)
	}
}

// CleanLine gives back a line that needs nothing done without copying it;
// every other line folds as strings.Fields does.
func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Amy Adams", "Amy Adams"},
		{"  Amy   Adams ", "Amy Adams"},
		{"Amy\nAdams", "Amy Adams"},
		{"Amy\tAdams", "Amy Adams"},
		{"Siân  Pritchard", "Siân Pritchard"},
		{"Amy\u00a0Adams", "Amy Adams"},
		{"Amy \x1b[31mAdams", "Amy Adams"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CleanLine(tt.in); got != tt.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FoldSpaces is Fields joined by one space, whatever the spaces are
// (tabs, line breaks, no-break and ideographic spaces, runs of them).
func TestFoldSpacesIsFieldsJoined(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "a\u3000b",
		"café au lait", "café  au", "x \u2003 y", "é ", " é", "naïve\u00a0", "ab\u00a0 c", "a b\u00a0", "\u00a0"} {
		if got, want := FoldSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("FoldSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

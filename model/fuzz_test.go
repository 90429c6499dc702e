package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets: `go test -run '^$' -fuzz '^FuzzParseWhen$' -fuzztime 5s ./model`
// (.ci/run runs each for a few seconds). Plain `go test` runs their seeds
// and anything kept in testdata/fuzz as ordinary tests.

// FuzzParseWhen: whatever is typed as a due date, the parser answers with a
// date in the range the record keeps or an error, and never panics; what it
// reads as a date it reads the same way again written as one.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2026-12-01", "1/12/2026", "01/12/26", "5/1/27", "31/2/2027", "+3d", "+2w", "+0d",
		"+3660w", "+99999999999999999999d", "+-1d", "+", "++d", "today", "tomorrow", "fri", "FRIDAY", "fr", "next-meeting",
		"nm", "", " ", "0026-01-01", "9999-12-31", "1/1/0000", "00/00/00", "1//2", "/1/2026", "１/１/２０２６", "2026-12-01T10:00",
		"\x1b[31m2026-12-01", "sun\x00"} {
		f.Add(s)
	}
	today, next := MustDate("2026-11-24"), MustDate("2026-12-01")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseWhen(s, today, next)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseWhen(%q) gave %v with an error", s, d)
			}
			return
		}
		if d.Before(FirstDate) || d.After(LastDate) {
			t.Fatalf("ParseWhen(%q) = %v, outside %v..%v", s, d, FirstDate, LastDate)
		}
		again, err := ParseWhen(d.String(), today, next)
		if err != nil || again != d {
			t.Fatalf("ParseWhen(%q) = %v, but %q reads as %v (%v)", s, d, d.String(), again, err)
		}
	})
}

// FuzzParseDate: a stored or typed date (ISO or British) round-trips
// through its ISO form, in JSON too, and nothing panics.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-01", "2026-02-29", "2028-02-29", "1/12/2026", "29/2/27", "29/2/28", "31/04/2026",
		"0/1/2026", "1/0/2026", "1/13/2026", "001/1/2026", "1/1/1", "1/1/123", "1/1/12345", "-1/1/2026", "+1/1/2026",
		"", "2026-1-1", "99999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil {
			again, err := ParseDate(d.String())
			if err != nil || again != d {
				t.Fatalf("ParseDate(%q) = %v, but %q reads as %v (%v)", s, d, d.String(), again, err)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			var back Date
			if err := json.Unmarshal(b, &back); err != nil || back != d {
				t.Fatalf("%v through JSON (%s) came back %v (%v)", d, b, back, err)
			}
		}
		if bd, ok := BritishDate(s); ok && (bd.Month() < 1 || bd.Month() > 12 || bd.Day() < 1 || bd.Day() > 31) {
			t.Fatalf("BritishDate(%q) = %v", s, bd)
		}
		var j Date
		_ = j.UnmarshalJSON([]byte(s)) // a stored value: any bytes, no panic
		_, _ = ParseClock(s)
	})
}

// FuzzCleanText: whatever is typed or pasted, the cleaned text is valid
// UTF-8 holding no escape, no control character but the newline, no
// invisible format character but a joiner inside an emoji, no space at
// either end; cleaning it again changes nothing; a line holds no line
// break and no two spaces together; the checks keep to their limits.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Letters sent", "  Joint patrols\tFri/Sat\r\n20:00–02:00  ", "\x1b[2J\x1b[HSabotage",
		"\x1b]0;owned\x07title", "\x1bP+q\x1b\\", "\x9b31mred", "\x9dosc\x9c", "a\u202eevil\u202c", "zero\u200bwidth",
		"👨\u200d👩\u200d👧", "👍🏽\u200d👍", "\u200d👍", "👍\u200d", "\xff\xfe bad utf8 \xc3", "line\u2028sep\u2029para",
		"\ufeffBOM", "soft\u00adhyphen", "tag\U000E0041", "\x00\x01\x7f\u0085", "\x1b", "\x1b[", "\x1b]", "\x1b(", "\r", "\r\r\n",
		"Siân O'Brien", strings.Repeat("x", MaxTextLen+1), strings.Repeat("é", MaxTextLen)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean := CleanText(s)
		if !utf8.ValidString(clean) {
			t.Fatalf("CleanText(%q) = %q: not UTF-8", s, clean)
		}
		if clean != strings.TrimSpace(clean) {
			t.Fatalf("CleanText(%q) = %q: space at an end", s, clean)
		}
		for i, r := range clean {
			switch {
			case r == '\n':
			case unicode.IsControl(r):
				t.Fatalf("CleanText(%q) = %q: control %U at %d", s, clean, r, i)
			case r == '\u200d':
				if !joinsEmoji(clean[:i], clean[i+utf8.RuneLen(r):]) {
					t.Fatalf("CleanText(%q) = %q: a joiner outside an emoji at %d", s, clean, i)
				}
			case unicode.Is(unicode.Cf, r):
				t.Fatalf("CleanText(%q) = %q: format character %U at %d", s, clean, r, i)
			}
		}
		if again := CleanText(clean); again != clean {
			t.Fatalf("CleanText is not settled: %q → %q → %q", s, clean, again)
		}

		if cleanAlready(s) && cleanRunes(s) != s {
			t.Fatalf("cleanAlready(%q), but the long way gives %q", s, cleanRunes(s))
		}

		line := CleanLine(s)
		if strings.ContainsAny(line, "\n\r") || strings.Contains(line, "  ") || line != strings.TrimSpace(line) {
			t.Fatalf("CleanLine(%q) = %q", s, line)
		}
		if again := CleanLine(line); again != line {
			t.Fatalf("CleanLine is not settled: %q → %q → %q", s, line, again)
		}

		got, err := CheckText("text", "the text", s, true)
		var fe *FieldError
		switch {
		case err != nil && !errors.As(err, &fe):
			t.Fatalf("CheckText(%q): %v is not a FieldError", s, err)
		case err == nil && (got != clean || got == "" || utf8.RuneCountInString(got) > MaxTextLen):
			t.Fatalf("CheckText(%q) = %q, want %q within %d characters", s, got, clean, MaxTextLen)
		case err != nil && clean != "" && utf8.RuneCountInString(clean) <= MaxTextLen:
			t.Fatalf("CheckText(%q) refused %q: %v", s, clean, err)
		}
		if got, err := CheckLine("title", "the title", s, false, 80); err == nil && (got != line || utf8.RuneCountInString(got) > 80) {
			t.Fatalf("CheckLine(%q) = %q, want %q within 80", s, got, line)
		}
	})
}

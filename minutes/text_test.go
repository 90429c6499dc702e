package minutes

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/x/ansi"
)

// checkText: every line of the plain-text minutes is at most 72 display
// columns, with no control characters and no trailing spaces; the
// classification is the first and the last line. It returns the lines.
func checkText(t *testing.T, doc Doc, txt string) []string {
	t.Helper()
	if strings.ContainsAny(txt, "\x1b\x07\u009b\r\t") {
		t.Error("control characters reached the text")
	}
	if !strings.HasSuffix(txt, "\n") || strings.HasSuffix(txt, "\n\n") {
		t.Error("the text does not end with exactly one newline")
	}
	lines := strings.Split(strings.TrimSuffix(txt, "\n"), "\n")
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > TextWidth {
			t.Errorf("line %d is %d columns: %q", i+1, w, l)
		}
		if strings.TrimRight(l, " ") != l {
			t.Errorf("line %d has trailing spaces: %q", i+1, l)
		}
	}
	if lines[0] != doc.Classification || lines[len(lines)-1] != doc.Classification {
		t.Errorf("the text starts %q and ends %q, want the classification", lines[0], lines[len(lines)-1])
	}
	return lines
}

func TestTextLayout(t *testing.T) {
	s := openDemo(t)
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	recs := map[string]model.MeetingRecord{"fixture": fixtureRecord(), "rich": richRecord(), "hostile": hostileRecord(evil)}
	for _, m := range ms {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		recs["demo "+m.Ref()] = rec
	}
	for name, rec := range recs {
		for _, public := range []bool{false, true} {
			t.Run(name+"/"+strconv.FormatBool(public), func(t *testing.T) {
				doc := BuildWith(rec, Options{Public: public})
				lines := checkText(t, doc, doc.Text())
				// Each minute is a heading (wrapped if it must be) underlined
				// with dashes as wide as its widest line; the partnership's
				// name is underlined with equals signs.
				headings := map[string]byte{doc.Partnership: '=', "Present": '-', actionLogTitle: '-'}
				for _, it := range doc.Items {
					headings[itemHeading(it)] = '-'
				}
				text := strings.Join(lines, "\n") + "\n"
				for h, u := range headings {
					hl := wrapText(h, TextWidth)
					widest := 0
					for _, l := range hl {
						widest = max(widest, ansi.StringWidth(l))
					}
					want := "\n" + strings.Join(hl, "\n") + "\n" + strings.Repeat(string(u), widest) + "\n\n"
					if !strings.Contains(text, want) {
						t.Errorf("no underlined heading %q", want)
					}
				}
			})
		}
	}
}

// Tables are blocks: the ref, the text beside it, the details under the
// text.
func TestTextTables(t *testing.T) {
	txt := Build(fixtureRecord()).Text()
	for _, want := range []string{
		"A-4   Youth outreach Thu–Sat evenings\n      Owner: Community Safety (Ann Chair) · Due: 24 Nov 2026\n",
		"A-1   Joint patrols Fri/Sat 20:00–02:00\n      Owner: Police (PCSO Nadia Khan) · Due: 17 Nov 2026 · done\n      Update: in progress → done: Completed; figures down 30%.\n",
		"A-3   Section 59 warnings to riders\n      HS-2 · Owner: Police · Due: 12 Nov 2026 · in progress (overdue)\n",
		"Testshire Community Safety Partnership\n======================================\n",
		"1. Apologies for absence\n------------------------\n",
		"2. Declarations of interest\n---------------------------\n",
		"Groups of 15–20 at the bus station on Friday.\nTwo CPWs issued. [N-1]\n",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the text does not say\n%s\nin\n%s", want, txt)
		}
	}
}

// Words wrap at spaces; a word longer than a line is cut; wide and
// combining characters count as the columns they take.
func TestWrapText(t *testing.T) {
	long := strings.Repeat("W", 500)
	for _, in := range []string{
		"short",
		strings.Repeat("word ", 40),
		long,
		"before " + long + " after",
		strings.Repeat(rtl+" ", 12),
		strings.Repeat(thumbs+family+" ", 30),
		strings.Repeat("漢字かな", 30),
		strings.Repeat(combining+" ", 20),
	} {
		got := wrapText(in, TextWidth)
		for _, l := range got {
			if w := ansi.StringWidth(l); w > TextWidth {
				t.Errorf("%d columns: %q", w, l)
			}
		}
		// Nothing is lost but the spaces where lines break.
		if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.ReplaceAll(model.CleanText(in), " ", "") {
			t.Errorf("wrapping %.40q lost text: %q", in, got)
		}
	}
	if got := wrapText(long, TextWidth); len(got) != 7 || got[0] != strings.Repeat("W", 72) {
		t.Errorf("a 500-letter word is cut into %d lines: %q", len(got), got)
	}
}

// The plain text labels a matter's update "Update:", and an update the
// meeting accepted opens with those words already: it reads "Update
// accepted: …", never "Update: update accepted: …".
func TestTextUpdateSaysUpdateOnce(t *testing.T) {
	rec := fixtureRecord()
	rec.Updates = append(rec.Updates, model.ActionUpdate{ID: 9, ActionID: 3, At: rec.Meeting.OpenedAt.Add(5 * time.Minute),
		Kind: model.UpdateAccept, FromStatus: model.StatusInProgress, ToStatus: model.StatusInProgress, MeetingID: 2,
		Text: "Warnings given to three riders (Sgt Jas Patel, 20 Nov)"})
	txt := strings.Join(strings.Fields(Build(rec).Text()), " ") // wrapped lines joined
	if want := "Update accepted: Warnings given to three riders (Sgt Jas Patel, 20 Nov)"; !strings.Contains(txt, want) {
		t.Errorf("the text does not say %q:\n%s", want, txt)
	}
	if strings.Contains(strings.ToLower(txt), "update: update") {
		t.Errorf("the text says the label twice:\n%s", txt)
	}
}

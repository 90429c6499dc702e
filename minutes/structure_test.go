package minutes

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The table headers the minutes document (spelled out here on purpose).
var (
	wantMattersHeader = []string{"Ref", "Action", "Owner", "Due", "Status", "Update"}
	wantActionsHeader = []string{"Ref", "Action", "Owner", "Due"}
	wantLogHeader     = []string{"Ref", "Hotspot", "Action", "Owner", "Due", "Status"}
)

// checkStructure reads md back with goldmark and checks it against the
// record: the classification above everything and below everything, the
// headings in order (partnership, Present, one minute per agenda item in
// council order numbered on from the record's first minute — apologies,
// the Part 1 items, the exclusion of the public, the Part 2 items marked
// with their paragraph — then the action log), and every table's header, row count and
// refs. It returns the parsed minutes for further checks.
func checkStructure(t *testing.T, rec model.MeetingRecord, md string) parsed {
	t.Helper()
	p := parse(t, md)
	idx := rec.Index()
	const classification = "OFFICIAL-SENSITIVE — not for circulation beyond the partnership"
	if p.preamble.text != classification+"\n" {
		t.Errorf("the minutes start with %q, want the classification", p.preamble.text)
	}
	if last := p.sections[len(p.sections)-1]; !strings.HasSuffix(last.text, "\n"+classification+"\n") {
		t.Errorf("the minutes end with %q, want the classification", last.text[max(0, len(last.text)-100):])
	}
	// goldmark quietly drops surplus cells, so count the raw separators too.
	checkRawTables(t, md)

	want := []string{line(rec.Partnership.Name), "Present"}
	type numbered struct {
		heading string
		item    model.AgendaItem
	}
	// Council order: Part 1 items, then the exclusion of the public, then
	// Part 2; attendance is the "Apologies for absence" minute.
	var items []numbered
	var private []model.AgendaItem
	add := func(it model.AgendaItem, title string) {
		h := fmt.Sprintf("%d. %s", max(rec.FirstMinute, 1)+len(items), title)
		if it.Part2 {
			h += fmt.Sprintf(" (Part 2 – exempt information, paragraph %d)", it.Paragraph.Or(model.ParaIndividual))
		}
		items = append(items, numbered{h, it})
		want = append(want, h)
	}
	for _, it := range rec.Meeting.Agenda {
		switch {
		case it.Part2:
			private = append(private, it)
		case it.Kind == model.ItemAttendance:
			add(it, "Apologies for absence")
		default:
			add(it, line(model.ItemTitle(it, idx.Hotspots)))
		}
	}
	if len(private) > 0 {
		add(model.AgendaItem{Kind: "exclusion"}, "Exclusion of the public")
		for _, it := range private {
			add(it, line(model.ItemTitle(it, idx.Hotspots)))
		}
	}
	want = append(want, "Appendix: Action log")
	var got []string
	for i, s := range p.sections {
		got = append(got, s.heading)
		if wantLevel := min(i+1, 2); s.level != wantLevel {
			t.Errorf("heading %q is level %d, want %d", s.heading, s.level, wantLevel)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("headings:\n got %q\nwant %q", got, want)
	}
	for _, standing := range []string{"Apologies for absence", "Declarations of interest", "Minutes of the previous meeting", "Matters arising", "New referrals", "Any other business", "Date of next meeting"} {
		if !slices.ContainsFunc(got, func(h string) bool { return strings.HasSuffix(h, ". "+standing) }) {
			t.Errorf("no numbered %q minute in %q", standing, got)
		}
	}
	for _, it := range rec.Meeting.Agenda {
		if it.Kind == model.ItemHotspot {
			h := idx.Hotspots[it.HotspotID]
			if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, ". "+h.Ref()+" "+line(h.Title)) }) {
				t.Errorf("hotspot %s on the agenda has no minute", h.Ref())
			}
		}
	}

	// Tables: only where the record has rows, with the documented headers.
	for i, n := range items {
		s := p.sections[2+i]
		var header []string
		var refs []string
		switch n.item.Kind {
		case model.ItemMatters:
			header, refs = wantMattersHeader, actionRefs(rec.MattersArising())
		case model.ItemHotspot:
			header, refs = wantActionsHeader, actionRefs(rec.CreatedIn(n.item.HotspotID))
		case model.ItemAOB:
			header, refs = wantActionsHeader, actionRefs(rec.CreatedIn(0))
		}
		checkTable(t, s, header, refs)
	}
	checkTable(t, p.sections[len(p.sections)-1], wantLogHeader, actionRefs(wantActionLog(rec)))
	return p
}

// checkTable: the section has one table with this header and these refs in
// its first column, every row as wide as the header; or, with no refs, no
// table at all.
func checkTable(t *testing.T, s section, header, refs []string) {
	t.Helper()
	if len(refs) == 0 {
		if len(s.tables) != 0 {
			t.Errorf("%q: want no table, got %d", s.heading, len(s.tables))
		}
		return
	}
	if len(s.tables) != 1 {
		t.Fatalf("%q: want one table, got %d", s.heading, len(s.tables))
	}
	tb := s.tables[0]
	if !slices.Equal(tb.header, header) {
		t.Errorf("%q: header %q, want %q", s.heading, tb.header, header)
	}
	var got []string
	for _, r := range tb.rows {
		if len(r) != len(header) {
			t.Errorf("%q: row %q has %d cells, want %d", s.heading, r, len(r), len(header))
		}
		got = append(got, r[0])
	}
	if !slices.Equal(got, refs) {
		t.Errorf("%q: rows %q, want %q", s.heading, got, refs)
	}
}

// wantActionLog is the appendix rule, stated independently: every action
// still open (and not assigned after a closed meeting), plus every action
// this meeting assigned or reviewed, overdue first then by due date.
func wantActionLog(rec model.MeetingRecord) []model.Action {
	m := rec.Meeting
	reviewed := rec.ReviewedIn(m.ID)
	var out []model.Action
	for _, a := range rec.Actions {
		_, seen := reviewed[a.ID]
		thisMeeting := a.CreatedMeetingID == m.ID || seen
		laterWork := m.State == model.MeetingClosed && a.CreatedAt.After(m.ClosedAt)
		if thisMeeting || (!a.Status.IsClosed() && !laterWork) {
			out = append(out, a)
		}
	}
	model.SortForReview(out, rec.Today)
	return out
}

func actionRefs(as []model.Action) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Ref())
	}
	return out
}

// sectionNamed is the section whose heading contains s.
func (p parsed) sectionNamed(t *testing.T, s string) section {
	t.Helper()
	for _, sec := range p.sections {
		if strings.Contains(sec.heading, s) {
			return sec
		}
	}
	t.Fatalf("no section headed %q", s)
	return section{}
}

// row is the table row (of the section's only table) whose first cell is ref.
func (s section) row(t *testing.T, ref string) []string {
	t.Helper()
	for _, tb := range s.tables {
		for _, r := range tb.rows {
			if r[0] == ref {
				return r
			}
		}
	}
	t.Fatalf("%q: no table row for %s", s.heading, ref)
	return nil
}

// checkRawTables counts the cell separators (pipes not escaped by a
// backslash) on every table line of md: each row of a table must have as many
// as the table's header line.
func checkRawTables(t *testing.T, md string) {
	t.Helper()
	want := 0
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|") {
			want = 0 // not in a table (any more)
			continue
		}
		n, backslashes := 0, 0
		for i := 0; i < len(l); i++ {
			switch {
			case l[i] == '\\':
				backslashes++
				continue
			case l[i] == '|' && backslashes%2 == 0:
				n++
			}
			backslashes = 0
		}
		if want == 0 {
			want = n // the header line
		} else if n != want {
			t.Errorf("table row has %d separators, its header %d: %.120q", n, want, l)
		}
	}
}

package tui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// The tables that list actions size their columns by what their rows hold
// (sizeColumns): on a wide screen an owner is whole — "Children's Services
// (Faye Turner)" was cut at 24 characters beside words with room to spare
// — and so are the words, as they fit; at 80 columns the ref, the due date
// and the status are whole and the words keep their least, the rest cut
// with "…". My actions (every agency), matters arising and a hotspot's
// page, each at 80 and 200 columns.
func TestActionColumnsHoldWhatFits(t *testing.T) {
	type table struct {
		name string
		// open goes from home to the table; owner is what a row names as
		// the owner (the agency, with the officer where the table has one).
		open   func(t *testing.T, s *bolt.File, ss *session)
		owner  func(c rowCtx, act model.Action) string
		marked bool // review marks may stand in the status (matters arising)
		// status is the status as a row says it (My actions does not say
		// how late: its due date is red).
		status func(c rowCtx, act model.Action) string
		// cut is where the owner was cut before columns were sized by
		// what they hold: an owner longer shows the test can fail.
		cut int
	}
	agencyOnly := func(c rowCtx, act model.Action) string { return c.agencies.Label(act.AgencyID) }
	tables := []table{
		{name: "My actions, every agency", owner: agencyOnly, cut: 16,
			status: func(_ rowCtx, act model.Action) string { return act.Status.Label() }, open: func(t *testing.T, _ *bolt.File, ss *session) {
				ss.keys("A")
				ss.waitFor("My actions · ")
				ss.keys("t")
				ss.waitFor("My actions · all agencies")
			}},
		{name: "matters arising", owner: rowCtx.owner, marked: true, cut: 24, status: rowCtx.status, open: func(t *testing.T, s *bolt.File, ss *session) {
			ss.keys("m")
			ss.waitFor("Matters arising", "actions from earlier meetings")
		}},
		{name: "a hotspot's page", owner: rowCtx.owner, cut: 24, status: rowCtx.status, open: func(t *testing.T, _ *bolt.File, ss *session) {
			ss.keys("h", "enter")
			ss.waitFor("HS-1 Town centre", "Open actions (")
		}},
	}
	// A row, not the selected action's detail under the list: its ref is
	// followed by a RAG mark, or by none (a finished action).
	row := regexp.MustCompile(`│[ ▸](A-\d+) +(?:●[RAG]|  ) .*?│`)
	for _, tb := range tables {
		for _, size := range [][2]int{{80, 24}, {200, 45}} {
			w := size[0]
			t.Run(tb.name+" at "+strconv.Itoa(w), func(t *testing.T) {
				s := demoStore(t)
				chair := chairOf(t, s)
				if tb.marked {
					m, err := s.StartMeeting(chair, model.DateOf(testNow))
					if err != nil {
						t.Fatal(err)
					}
					i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemMatters })
					if _, err := s.GoToItem(chair, m.ID, i); err != nil {
						t.Fatal(err)
					}
				}
				ags, _ := s.Agencies()
				c := rowCtx{agencies: model.IndexAgencies(ags), today: model.DateOf(testNow)}
				acts, err := s.Actions(model.ActionFilter{Today: c.today})
				if err != nil {
					t.Fatal(err)
				}
				byRef := map[string]model.Action{}
				for _, a := range acts {
					byRef[a.Ref()] = a
				}
				ss := startSession(t, s, chair, size[0], size[1])
				ss.waitFor("Hotspots by risk", "HS-1 ")
				tb.open(t, s, ss)
				// The rows as read (a scope changed with t reads again).
				var scr string
				var rows [][]string
				waitUntil(t, "three action rows", func() bool {
					scr = ss.screen()
					rows = row.FindAllStringSubmatch(scr, -1)
					return len(rows) >= 3
				})
				longOwner := false
				for _, r := range rows {
					act, ok := byRef[r[1]]
					if !ok {
						t.Fatalf("no action %s", r[1])
					}
					line := r[0]
					whole := []string{act.Due.ShortAt(c.today)}
					if !tb.marked || !strings.Contains(line, "confirm") && !strings.Contains(line, "✓") {
						whole = append(whole, tb.status(c, act))
					}
					if w == 200 {
						owner := tb.owner(c, act)
						longOwner = longOwner || cells(owner) > tb.cut
						whole = append(whole, owner, act.Text)
					} else {
						whole = append(whole, string([]rune(act.Text)[:min(12, len([]rune(act.Text)))]))
					}
					for _, v := range whole {
						if !strings.Contains(line, v) {
							t.Errorf("%s: %q is not whole in its row:\n%s", act.Ref(), v, line)
						}
					}
				}
				if w == 200 && !longOwner {
					t.Errorf("no owner over %d characters on show: the test proves nothing\n%s", tb.cut, scr)
				}
				ss.finish()
			})
		}
	}
}

// sizeColumns: each column as wide as its widest value up to its cap, the
// words the rest; room the words do not need back to a column its cap
// cut; on a narrow table the column with most to spare gives back first.
func TestSizeColumns(t *testing.T) {
	ref, rag, due := column{4, 4, 7}, fixedColumn(2), fixedColumn(11)
	tests := []struct {
		name string
		w    int
		cols []column
		want []int
	}{
		{"wide: everything whole, the words the rest", 120,
			[]column{ref, rag, {40, 16, 40}, {33, 10, 32}, due, {16, 16, 16}}, []int{4, 2, 49, 33, 11, 16}},
		{"the owner past its cap gets what the words do not need", 100,
			[]column{ref, rag, {20, 16, 20}, {40, 10, 24}, due, {9, 9, 16}}, []int{4, 2, 29, 40, 11, 9}},
		{"room short: the owner gives back to the words' least", 60,
			[]column{ref, rag, {50, 16, 50}, {30, 10, 24}, due, {9, 9, 16}}, []int{4, 2, 16, 13, 11, 9}},
		{"room very short: every column at its least, the words what is left", 40,
			[]column{ref, rag, {50, 16, 50}, {30, 10, 24}, due, {9, 9, 16}}, []int{4, 2, 0, 10, 11, 9}},
	}
	for _, tt := range tests {
		got := sizeColumns(tt.w, 2, tt.cols)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
		if sum := len(got) - 1; tt.name != "room very short: every column at its least, the words what is left" {
			for _, n := range got {
				sum += n
			}
			if sum != tt.w {
				t.Errorf("%s: the columns fill %d of %d", tt.name, sum, tt.w)
			}
		}
	}
}

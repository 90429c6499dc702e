package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/internal/benchdb"
	"github.com/ccsp/tasking/model"
)

// Benchmarks of what a keypress costs: Update plus View, as Bubble Tea does
// after every key. Loads happen once, outside the loop, as they do in the
// app (in a command, after a change). The large demo (a year of meetings,
// 70 hotspots) shows the cost does not grow with the database.
//
//	go test ./tui -run '^$' -bench Keypress -benchmem

// settle runs a command chain synchronously until it yields no message we
// care about (loads and writes; ticks and the change feed are skipped).
func settle(a *App, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch m := msg.(type) {
		case tea.BatchMsg:
			// A batch may hold a wait for the change feed, which blocks:
			// follow only what answers at once.
			for _, bc := range m {
				if bc == nil {
					continue
				}
				ch := make(chan tea.Msg, 1)
				go func() { ch <- bc() }()
				select {
				case got := <-ch:
					queue = append(queue, func() tea.Msg { return got })
				case <-time.After(2 * time.Second):
				}
			}
		case homeMsg, meetingMsg, emptyMsg, savedMsg, failedMsg, myActionsMsg, loadedMsg, itemHistoryMsg, hotspotMsg, peopleMsg, previewMsg, actionMsg:
			_, next := a.Update(msg)
			queue = append(queue, next)
		}
	}
}

func benchHome(b *testing.B, scale demo.Scale) {
	s := demoStoreAt(b, scale)
	a := New(Config{Store: s, Actor: chairOf(b, s), Now: fixedClock})
	b.Cleanup(a.Close)
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	settle(a, func() tea.Msg { return emptyMsg{false} })
	if a.home == nil {
		b.Fatal("home did not load")
	}
	keys := []tea.KeyPressMsg{keyPress("j"), keyPress("k")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Update(keys[i%2])
		_ = a.View()
		i++
	}
}

func benchMeetingItem(b *testing.B, scale demo.Scale) { benchMeetingAt(b, scale, 4, model.ItemHotspot) }

func benchMeetingAt(b *testing.B, scale demo.Scale, item int, kind model.ItemKind) {
	s := demoStoreAt(b, scale)
	actor := chairOf(b, s)
	m, err := s.StartMeeting(actor, model.Date{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.GoToItem(actor, m.ID, item); err != nil {
		b.Fatal(err)
	}
	a := New(Config{Store: s, Actor: actor, Now: fixedClock})
	b.Cleanup(a.Close)
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	settle(a, a.openMeeting(m.ID))
	if a.mt == nil || a.mt.view == nil || a.mt.entry().kind != kind {
		b.Fatalf("meeting did not load at a %s item", kind)
	}
	keys := []tea.KeyPressMsg{keyPress("j"), keyPress("k")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Update(keys[i%2])
		_ = a.View()
		i++
	}
}

func BenchmarkHomeKeypress(b *testing.B)             { benchHome(b, demo.Small) }
func BenchmarkHomeKeypressLarge(b *testing.B)        { benchHome(b, demo.Large) }
func BenchmarkMeetingItemKeypress(b *testing.B)      { benchMeetingItem(b, demo.Small) }
func BenchmarkMeetingItemKeypressLarge(b *testing.B) { benchMeetingItem(b, demo.Large) }

// Matters arising lists every open action from earlier meetings: the list
// that grows with the database. Only the rows on screen are drawn.
func BenchmarkMattersKeypressLarge(b *testing.B) { benchMeetingAt(b, demo.Large, 3, model.ItemMatters) }

// The decade (internal/benchdb): every screen's keypress, Update and View,
// on ten years of record, at 160×48.

// decadeApp is the app on a copy of the decade as the chair, with the
// meeting started at item (or home when item < 0).
func decadeApp(b *testing.B, item int) *App {
	s := benchdb.OpenCopy(b)
	actor := chairOf(b, s)
	a := New(Config{Store: s, Actor: actor, Now: benchdb.Clock})
	b.Cleanup(a.Close)
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	if item < 0 {
		settle(a, func() tea.Msg { return emptyMsg{false} })
		if a.home == nil {
			b.Fatal("home did not load")
		}
		return a
	}
	m, err := s.StartMeeting(actor, model.Date{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.GoToItem(actor, m.ID, item); err != nil {
		b.Fatal(err)
	}
	settle(a, a.openMeeting(m.ID))
	if a.mt == nil || a.mt.view == nil {
		b.Fatal("the meeting did not load")
	}
	return a
}

// press measures keys in turn, each Update and View.
func press(b *testing.B, a *App, keys ...string) {
	msgs := make([]tea.KeyPressMsg, len(keys))
	for i, k := range keys {
		msgs[i] = keyPress(k)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Update(msgs[i%len(msgs)])
		_ = a.View()
		i++
	}
}

// typing is a filter being typed and rubbed out: each key refilters.
var typing = []string{"p", "a", "t", "r", "backspace", "backspace", "backspace", "backspace"}

func BenchmarkDecadeHomeKeypress(b *testing.B) { press(b, decadeApp(b, -1), "j", "k") }

func BenchmarkDecadeHomeFilterTyping(b *testing.B) {
	a := decadeApp(b, -1)
	a.Update(keyPress("/"))
	press(b, a, typing...)
}

func BenchmarkDecadeMattersKeypress(b *testing.B) { press(b, decadeApp(b, 3), "j", "k") }

func BenchmarkDecadeMattersFilterTyping(b *testing.B) {
	a := decadeApp(b, 3)
	a.Update(keyPress("/"))
	press(b, a, typing...)
}

func BenchmarkDecadeHotspotItemKeypress(b *testing.B) {
	a := decadeApp(b, 4)
	settle(a, a.wantHistory())
	press(b, a, "j", "k")
}

func BenchmarkDecadeAgendaKeypress(b *testing.B) {
	a := decadeApp(b, 4)
	a.Update(keyPress("tab"))
	press(b, a, "j", "k")
}

func decadeMine(b *testing.B) *App {
	a := decadeApp(b, -1)
	settle(a, a.openMyActions())
	settle(a, a.key(keyPress("t"))) // every agency
	if a.mine == nil || a.mine.data == nil || !a.mine.all {
		b.Fatal("My actions did not load for every agency")
	}
	return a
}

func BenchmarkDecadeMyActionsKeypress(b *testing.B) { press(b, decadeMine(b), "j", "k") }

func BenchmarkDecadeMyActionsFilterTyping(b *testing.B) {
	a := decadeMine(b)
	a.Update(keyPress("/"))
	press(b, a, typing...)
}

// The last year's finished work too: the longest list My actions reads.
func BenchmarkDecadeMyActionsAllStatusesFilterTyping(b *testing.B) {
	a := decadeMine(b)
	for statusFilters[a.mine.status] != "all" {
		settle(a, a.key(keyPress("f")))
	}
	a.Update(keyPress("/"))
	press(b, a, typing...)
}

func BenchmarkDecadeHotspotPageKeypress(b *testing.B) {
	a := decadeApp(b, -1)
	settle(a, a.openHotspot(a.home.Hotspots[0].ID))
	if a.hp == nil {
		b.Fatal("the hotspot page did not load")
	}
	press(b, a, "j", "k")
}

func BenchmarkDecadePreviewKeypress(b *testing.B) {
	a := decadeApp(b, -1)
	cmd := a.openPreview("latest")
	a.Update(cmd())
	if a.preview == nil || a.preview.rendered == "" {
		b.Fatal("the minutes did not render")
	}
	press(b, a, "j", "k")
}

func BenchmarkDecadePeopleKeypress(b *testing.B) {
	a := decadeApp(b, -1)
	settle(a, a.openPeople())
	press(b, a, "j", "k")
}

// A change saved elsewhere to one action on every agency's My actions:
// what the app does with its notice (the write itself is not timed). The
// action is patched in — one record read and put in its place — where the
// screen once read its whole list again (the second benchmark, for the
// comparison).
func BenchmarkDecadeMyActionsChangePatched(b *testing.B) {
	a := decadeMine(b)
	s := a.st
	chair := a.actor
	act := a.mine.data.actions[len(a.mine.data.actions)/2]
	to := []model.ActionStatus{model.StatusBlocked, model.StatusInProgress}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		if _, err := s.SetActionStatus(chair, act.ID, 0, to[i%2], "", 0); err != nil {
			b.Fatal(err)
		}
		c := <-a.feed
		b.StartTimer()
		run := a.loadsRun
		settle(a, a.changed(c))
		if a.loadsRun != run {
			b.Fatal("the change loaded the list")
		}
		i++
	}
}

func BenchmarkDecadeMyActionsReload(b *testing.B) {
	a := decadeMine(b)
	b.ReportAllocs()
	for b.Loop() {
		settle(a, a.reload())
	}
}

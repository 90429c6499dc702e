package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/internal/benchdb"
	"github.com/ccsp/tasking/model"
)

// The hotspot list with sparklines, 2,000 open hotspots on home (more
// than any partnership keeps open: the decade's 2,000 hotspots all open
// at once), each with a series of its own, at 160×48: a frame is Update
// and View, as Bubble Tea does after every key.
//
//	go test ./tui -run '^$' -bench HotspotList2000 -benchmem -count 3

// homeOf2000 is the app on home with 2,000 open hotspots, each with its
// own 12 months.
func homeOf2000(b *testing.B) *App {
	s := demoStoreAt(b, demo.Small)
	a := New(Config{Store: s, Actor: chairOf(b, s), Now: fixedClock})
	b.Cleanup(a.Close)
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	settle(a, func() tea.Msg { return emptyMsg{false} })
	if a.home == nil {
		b.Fatal("home did not load")
	}
	h := *a.home
	h.Hotspots, h.Trends = make([]model.Hotspot, 2000), map[model.ID]model.Series{}
	end := model.NewMonth(2026, 10)
	for i := range h.Hotspots {
		id := model.ID(i + 1)
		h.Hotspots[i] = model.Hotspot{ID: id, Title: fmt.Sprintf("Place %d: youths congregating, street drinking", i+1), Ward: "Spire",
			Category: model.CategoryNuisance, Risk: model.Risk(1 + i%3), Status: model.HotspotActive, LeadAgencyID: 1}
		counts := make([]int, model.TrendMonths)
		for m := range counts {
			counts[m] = (i*7 + m*m*3 + i/(m+1)) % 40 // no two hotspots alike
		}
		h.Trends[id] = model.Series{End: end, Counts: counts, Source: model.FromPolice}
	}
	a.Update(homeMsg{gen: a.gen, home: h})
	if len(a.home.Hotspots) != 2000 {
		b.Fatal("home does not hold the 2,000")
	}
	return a
}

// Moving the selection: the rows in view drawn again, their sparklines
// remembered.
func BenchmarkHotspotList2000Keypress(b *testing.B) {
	a := homeOf2000(b)
	defer benchdb.CPU(b)() // the frame's own CPU: the wall time grows with others' load
	press(b, a, "j", "k")
}

// Paging down the list from top to bottom, and again, every frame drawing
// ten rows never drawn before: their sparklines made by ntcharts (the
// remembered lines are forgotten at the top of each pass).
func BenchmarkHotspotList2000PageDown(b *testing.B) {
	a := homeOf2000(b)
	down, top := tea.KeyPressMsg{Code: tea.KeyPgDown}, tea.KeyPressMsg{Code: tea.KeyHome}
	defer benchdb.CPU(b)()
	b.ReportAllocs()
	for b.Loop() {
		if a.hf.sel[0] >= len(a.home.Hotspots)-1 {
			b.StopTimer()
			a.hf.sel[0], a.hf.off[0], a.sparks = 0, 0, nil
			a.Update(top)
			_ = a.View()
			b.StartTimer()
		}
		a.Update(down)
		_ = a.View()
	}
}

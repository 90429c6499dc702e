package tui

import tea "charm.land/bubbletea/v2"

// Screen loads are coalesced: one read of the store is in flight at a time,
// and a load asked for meanwhile (a burst of keys, a run of changes from
// other sessions) waits; only the latest of those runs when the one in
// flight answers. Superseded loads are never run.

// loadedMsg carries a coalesced load's answer (whatever it is: the
// screen's data or a failure).
type loadedMsg struct{ inner tea.Msg }

// coalesce starts read now if nothing is being read, else keeps it as the
// load to run next (replacing any kept before).
func (a *App) coalesce(read func() tea.Cmd) tea.Cmd {
	if a.loading {
		a.nextLoad = read
		a.loadsCoalesced++
		return nil
	}
	cmd := read()
	if cmd == nil {
		return nil
	}
	a.loading = true
	a.loadsRun++
	return func() tea.Msg { return loadedMsg{inner: cmd()} }
}

// loaded ends the load in flight and starts the one kept, if any.
func (a *App) loaded() tea.Cmd {
	a.loading = false
	next := a.nextLoad
	a.nextLoad = nil
	if next == nil {
		return nil
	}
	return a.coalesce(next)
}

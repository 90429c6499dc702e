package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// A hotspot item's recent history is read when the item is shown: the
// meeting loads what the meeting is (its agenda, its business, matters
// arising), and each hotspot's past comes with the hotspot, once.

// historyShown is how many entries a hotspot item shows.
const historyShown = 12

type itemHistoryMsg struct {
	meetingID, hotspotID model.ID
	entries              []model.HistoryEntry
	err                  error
}

// wantHistory asks for the current hotspot item's history when it has not
// been read (called after every message; nothing to do is cheap).
func (a *App) wantHistory() tea.Cmd {
	mt := a.mt
	if a.screen != screenMeeting || mt == nil || mt.view == nil {
		return nil
	}
	e := mt.entry()
	if e.kind != model.ItemHotspot || mt.historyAsked[e.hotspotID] {
		return nil
	}
	if mt.historyAsked == nil {
		mt.historyAsked, mt.histories = map[model.ID]bool{}, map[model.ID][]model.HistoryEntry{}
	}
	mt.historyAsked[e.hotspotID] = true
	st, meetingID, hotspotID := a.st, mt.id, e.hotspotID
	return func() tea.Msg {
		entries, err := st.HotspotHistory(meetingID, hotspotID, historyShown)
		return itemHistoryMsg{meetingID: meetingID, hotspotID: hotspotID, entries: entries, err: err}
	}
}

func (msg itemHistoryMsg) take(a *App) tea.Cmd {
	mt := a.mt
	if mt == nil || mt.id != msg.meetingID {
		return nil
	}
	if msg.err != nil {
		delete(mt.historyAsked, msg.hotspotID) // asked again when next shown
		a.flash, a.flashErr = "could not read the hotspot's history: "+msg.err.Error(), true
		return nil
	}
	mt.histories[msg.hotspotID] = msg.entries
	if mt.view != nil {
		if hv, ok := mt.view.hotspots[msg.hotspotID]; ok {
			hv.history, hv.historyLoaded = msg.entries, true
		}
	}
	return nil
}

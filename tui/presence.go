package tui

import "github.com/ccsp/tasking/model"

// Present is someone with the app open on the server.
type Present struct {
	MemberID model.ID
	Name     string
}

// PresenceMsg is sent by the server whenever someone connects or leaves:
// everyone with the app open now, each once, by name.
type PresenceMsg []Present

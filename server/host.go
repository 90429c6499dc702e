package server

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
)

// HostApp is the app that holds the file (cmd/tasking's own app, with
// NewLocal answering its socket) taking its place among the sessions it
// answers: it is present to the apps that join it, as they are to it, and
// is told who comes and goes, exactly as an app over SSH is. Without it a
// joined app would find itself alone beside the person whose app it joined.
type HostApp struct {
	hub *hub
	id  int // 0 when the server was already stopping: then it is nobody's seat
}

// Host seats the holder's own app as m (zero while the person at its
// keyboard has not yet said who they are: present as nobody until Become).
// It is a local seat, as a joined app's is: counted against no limit.
func (s *Server) Host(m model.Member) *HostApp {
	id, _ := s.hub.join(&seat{member: m, local: true, kind: kindApp, addr: "holder", since: time.Now()})
	return &HostApp{hub: s.hub, id: id}
}

// Present is who has the app open, the holder's own person included.
func (h *HostApp) Present() []tui.Present { return h.hub.present() }

// Attach gives the seat the app's program, to be told who comes and goes,
// and tells the others it is here.
func (h *HostApp) Attach(p *tea.Program) { h.hub.attach(h.id, p, nil) }

// Become says who is at the holder's keyboard now (chosen in the app, or
// the chair who set the partnership up), and tells the others.
func (h *HostApp) Become(m model.Member) { h.hub.become(h.id, m) }

// Leave takes the holder's app away, before the server stops: its seat
// would otherwise be waited for as an open session.
func (h *HostApp) Leave() { h.hub.leave(h.id) }

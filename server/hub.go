package server

import (
	"sort"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
)

// Session kinds, for the log and for who counts as connected.
const (
	kindApp     = "app"
	kindWall    = "wall"
	kindCommand = "command"
)

// seat is one open session.
type seat struct {
	member model.Member
	key    string // the fingerprint of the key that opened it
	// local: opened by a process of this machine's user through the local
	// socket (local.go). Such a seat is not counted against anyone's
	// limits (the machine's own user may open the file however often they
	// like, as they could with nobody holding it) and is never ended for a
	// key or a membership changing: the process is who it says it is, as
	// it would be on its own.
	local   bool
	kind    string
	addr    string
	since   time.Time
	program *tea.Program // the app or wall; nil for a command
	// stop ends an app or wall with a reason said to the person (nil for
	// a command, which is left to finish).
	stop func(reason string)
}

// hub keeps the open sessions: it caps them (all of them, and each
// member's), tells every app who is connected, and tells them all when the
// server stops. A program is told on its own goroutine, so one stuck
// client never holds up the others.
type hub struct {
	max, perMember int

	mu       sync.Mutex
	next     int
	seats    map[int]*seat
	closed   bool   // the server is stopping: no new seats
	presence uint64 // numbers presence notices, so a late one is ignored
}

func newHub(max, perMember int) *hub {
	return &hub{max: max, perMember: perMember, seats: map[int]*seat{}}
}

// join takes a seat, or says why there is none: the server is stopping,
// the member holds as many as one may, or the server is full. A member at
// their own limit is told so first: closing one of theirs is the remedy.
func (h *hub) join(s *seat) (id int, refused string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return 0, reasonStopping
	}
	if s.local {
		h.next++
		h.seats[h.next] = s
		return h.next, ""
	}
	mine := 0
	for _, o := range h.seats {
		if o.member.ID == s.member.ID && !o.local {
			mine++
		}
	}
	switch {
	case mine >= h.perMember:
		return 0, reasonMemberFull
	case len(h.seats) >= h.max:
		return 0, reasonFull
	}
	h.next++
	h.seats[h.next] = s
	return h.next, ""
}

// attach gives a seat its program, once it has one, and tells everyone.
func (h *hub) attach(id int, p *tea.Program, stop func(reason string)) {
	h.mu.Lock()
	if s, ok := h.seats[id]; ok {
		s.program, s.stop = p, stop
	}
	h.mu.Unlock()
	h.tellPresence()
}

// become makes a seat someone (a local app whose person chose themselves
// once it was open) and, for an app, tells everyone.
func (h *hub) become(id int, m model.Member) {
	h.mu.Lock()
	s, ok := h.seats[id]
	if ok {
		s.member = m
	}
	h.mu.Unlock()
	if ok && s.kind == kindApp {
		h.tellPresence()
	}
}

// leave frees a seat and tells the others.
func (h *hub) leave(id int) {
	h.mu.Lock()
	s, ok := h.seats[id]
	delete(h.seats, id)
	h.mu.Unlock()
	if ok && s.kind == kindApp {
		h.tellPresence()
	}
}

// close takes no more seats.
func (h *hub) close() {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
}

// count is how many sessions are open.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.seats)
}

// present is who has the app open, each once, by name.
func (h *hub) present() []tui.Present {
	h.mu.Lock()
	defer h.mu.Unlock()
	seen := map[model.ID]bool{}
	var out []tui.Present
	for _, s := range h.seats {
		if s.kind != kindApp || seen[s.member.ID] || s.member.ID == 0 {
			continue
		}
		seen[s.member.ID] = true
		out = append(out, tui.Present{MemberID: s.member.ID, Name: s.member.Name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (h *hub) tellPresence() {
	people := h.present()
	h.mu.Lock()
	h.presence++
	n := h.presence
	h.mu.Unlock()
	h.broadcast(tui.PresenceMsg{Seq: n, People: people})
}

// broadcast sends msg to every program, each on its own goroutine: Send
// blocks while a program is busy, and returns once it has ended.
func (h *hub) broadcast(msg tea.Msg) {
	h.mu.Lock()
	progs := make([]*tea.Program, 0, len(h.seats))
	for _, s := range h.seats {
		if s.program != nil {
			progs = append(progs, s.program)
		}
	}
	h.mu.Unlock()
	for _, p := range progs {
		go p.Send(msg)
	}
}

// drop ends the apps and walls keep refuses (a member retired, a key
// removed), saying why.
func (h *hub) drop(keep func(*seat) bool, reason string) []model.Member {
	h.mu.Lock()
	var gone []model.Member
	var stops []func(string)
	for _, s := range h.seats {
		if !keep(s) && s.stop != nil {
			gone = append(gone, s.member)
			stops = append(stops, s.stop)
		}
	}
	h.mu.Unlock()
	for _, stop := range stops {
		stop(reason)
	}
	return gone
}

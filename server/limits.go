package server

import "time"

// Every limit of `tasking serve`, with its default and why. Each is a
// setting (Config, config.go; some are flags of `tasking serve`), the
// README's settings table lists them, and a test crosses each.
const (
	// DefaultMaxSessions caps sessions of every kind (--max-sessions):
	// a partnership of 30–60 people, each with the app and a command or
	// two open, and the wall.
	DefaultMaxSessions = 100

	// DefaultSessionsPerMember caps one member's sessions
	// (--max-sessions-per-member), so one key (a script gone wrong, a
	// stolen laptop) cannot take every seat and the chair always gets in.
	// Five: the app, the wall on the room's screen and a few commands at
	// once.
	DefaultSessionsPerMember = 5

	// DefaultMaxWidth and DefaultMaxHeight cap the terminal a session may
	// claim, when it opens and at every resize. The screen is kept in
	// memory cell by cell, several copies of it, whatever the client
	// says: one client claiming 10000×10000 (100 million cells) drove the
	// server past 10 GB. 500×200 is more than any real terminal (a 4K
	// monitor at a small font is about 480×135) and keeps a session's
	// screens to a few megabytes; a bigger terminal shows the app in its
	// top-left 500×200.
	DefaultMaxWidth  = 500
	DefaultMaxHeight = 200

	// DefaultIdleTimeout closes an app nobody has typed in for this long
	// (--idle-timeout): longer than a meeting a rep may follow without a
	// key. The wall is exempt.
	DefaultIdleTimeout = 2 * time.Hour

	// DefaultHandshakeTimeout bounds the time to authenticate.
	DefaultHandshakeTimeout = 20 * time.Second

	// DefaultStallTimeout drops a session whose terminal has stopped
	// reading its output for this long, rather than buffer for it.
	DefaultStallTimeout = 30 * time.Second

	// DefaultFailuresPerMinute is how many refused keys one address may
	// offer a minute before it is heard no more (--failures-per-minute):
	// an office behind one address shares it. Keys on the list still get
	// in.
	DefaultFailuresPerMinute = 30

	// DefaultMaxInput bounds a file a command reads whole: a member list
	// or a key sent on standard input, --statement-file, --agencies. It is
	// read up to this and refused past it, never read whole first. 16 MB:
	// a council's list of 100,000 members is 10 MB.
	DefaultMaxInput = 16 << 20

	// DefaultDraftKeep is how long a half-typed form the server kept
	// (drafts.go) waits for its member to come back: two meetings of a
	// weekly group. Older drafts are deleted unread: they may hold private
	// words, and are no use after that long.
	DefaultDraftKeep = 14 * 24 * time.Hour
)

// Fixed bounds, not settings: they protect the server itself.
const (
	// maxAddresses bounds the table of addresses with failures.
	maxAddresses = 4096

	// sessionDraws is how often a session's screen may be drawn (its View
	// made, then parsed and diffed against the last): with many people
	// saving at once, 100 ms between drawings is hardly seen, and each is
	// the whole screen — at 20 a second, with thirty people saving flat
	// out, drawing was a third of the server's work (README, Figures: the
	// server under load).
	sessionDraws = 10
	// sessionFPS is how often what was drawn is sent: a drawing made after
	// a quiet spell goes out within 50 ms, and a tick with nothing new
	// drawn costs nothing.
	sessionFPS = 20

	// exitGrace is how long the server waits to tell a stuck client its
	// session's exit status before closing its connection instead.
	exitGrace = time.Second
)

// Package server is `tasking serve`: one process owns the database and
// serves the same app and the same commands to every member over SSH
// (wish v2). A member's public key is their identity; each session is the
// TUI, the wall (the meeting-room projector) or one command line, bound to
// the member whose key opened it. Changes reach every session through the
// store's change feed; the hub tells sessions who else is connected.
//
// The same sessions answer a Unix socket beside the file (local.go) for
// the other tasking processes of the user on the machine — a command from
// another shell, a second app — whichever tasking holds the file (the app
// too, with NewLocal). There the kernel says which user connected
// (peer*.go) and the process says which member it is, as it would alone.
//
// Bounds, each a setting with its default and why in limits.go: a
// handshake timeout; a per-address limit on refused keys (past it a
// stranger's key is refused unheard, a member's still gets in); a cap on
// sessions and one on each member's; a cap on the terminal a session may
// claim, so its memory is bounded whatever the client says; an idle
// timeout of the person (keys, not traffic: live updates keep the
// connection busy); a session whose terminal stops reading is dropped
// rather than buffered; a screen drawn at most once a frame, not once a
// key (paced.go); what a command reads, read only up to its limit. A
// session the server ends or refuses exits with a status of its own
// (ending.go), and an app's half-typed form is kept for its member
// (drafts.go). A panic in a session is recovered and logged; the others
// go on.
//
// The log says who, from where, which command (its path in the tree, the
// refs it names, the names of its flags: see LoggedCommand), how each
// session ended, and the fingerprints of a refused connection's keys;
// never a word typed, a draft, a panic's value or an error's text.
package server

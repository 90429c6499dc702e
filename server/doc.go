// Package server is `tasking serve`: one process owns the database and
// serves the same app and the same commands to every member over SSH
// (wish v2). A member's public key is their identity; each session is the
// TUI, the wall (the meeting-room projector) or one command line, bound to
// the member whose key opened it. Changes reach every session through the
// store's change feed; the hub tells sessions who else is connected.
//
// Bounds: a handshake timeout, a per-address limit on failed attempts
// (checked before authentication), a cap on sessions, an idle timeout of
// the person (keys, not traffic: live updates keep the connection busy),
// and a session whose terminal stops reading is dropped rather than
// buffered. A panic in a session is recovered and logged; the others go on.
//
// The log says who, from where, which command (its path in the tree, the
// refs it names, the names of its flags: see LoggedCommand) and how each
// session ended; never a word typed, a panic's value or an error's text.
package server

// Package e2e holds end-to-end tests that build the real tasking binary and
// drive it in a real terminal (tmux): what a chair does, keystroke by
// keystroke, including the power being cut mid-meeting.
package e2e

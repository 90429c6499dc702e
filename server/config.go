package server

import (
	"fmt"
	"net"
	"strconv"
	"time"
)

// Config is how `tasking serve` runs. Zero values take the defaults
// (limits.go says what they are and why).
type Config struct {
	// Listen is the address to serve SSH on. Default 127.0.0.1:23234.
	Listen string
	// HostKeyPath is the server's private key; made (0600) on first start.
	HostKeyPath string
	// MaxSessions caps sessions of every kind.
	MaxSessions int
	// SessionsPerMember caps one member's sessions.
	SessionsPerMember int
	// MaxWidth and MaxHeight cap the terminal a session may claim.
	MaxWidth, MaxHeight int
	// IdleTimeout closes a session nobody has typed in for this long.
	IdleTimeout time.Duration
	// HandshakeTimeout bounds the time to authenticate.
	HandshakeTimeout time.Duration
	// StallTimeout drops a session whose terminal has stopped reading its
	// output for this long.
	StallTimeout time.Duration
	// FailuresPerMinute is how many refused keys one address may offer a
	// minute before it is heard no more.
	FailuresPerMinute int
	// MaxInput bounds a file a command reads (standard input over SSH).
	MaxInput int
	// DraftsDir is the folder (0700) where a member's half-typed form is
	// kept when the server ends their session (drafts.go); "" keeps none.
	DraftsDir string
	// DraftKeep is how long a kept draft waits for its member.
	DraftKeep time.Duration
	// PublicHost is the host name people type to reach the server, for the
	// ssh commands the app suggests. Default: the host of Listen.
	PublicHost string
}

// DefaultListen is where `tasking serve` listens unless told otherwise:
// this machine only, until the partnership decides to open it up.
const DefaultListen = "127.0.0.1:23234"

// withDefaults fills in what was left zero.
func (c Config) withDefaults() Config {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.MaxSessions, DefaultMaxSessions)
	def(&c.SessionsPerMember, DefaultSessionsPerMember)
	def(&c.MaxWidth, DefaultMaxWidth)
	def(&c.MaxHeight, DefaultMaxHeight)
	def(&c.FailuresPerMinute, DefaultFailuresPerMinute)
	def(&c.MaxInput, DefaultMaxInput)
	defDuration := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	defDuration(&c.IdleTimeout, DefaultIdleTimeout)
	defDuration(&c.HandshakeTimeout, DefaultHandshakeTimeout)
	defDuration(&c.StallTimeout, DefaultStallTimeout)
	defDuration(&c.DraftKeep, DefaultDraftKeep)
	return c
}

// Check says what is wrong with the settings, one problem at a time, in
// words that name the flag.
func (c Config) Check() error {
	c = c.withDefaults()
	host, port, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return fmt.Errorf("--listen %q: give a host and port, e.g. 127.0.0.1:23234 or :23234", c.Listen)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("--listen %q: the port must be a number from 1 to 65535 (0: any free port)", c.Listen)
	}
	if host != "" && net.ParseIP(host) == nil && host != "localhost" {
		if _, err := net.LookupHost(host); err != nil {
			return fmt.Errorf("--listen %q: %s is not an address of this machine", c.Listen, host)
		}
	}
	switch {
	case c.MaxSessions < 1:
		return fmt.Errorf("--max-sessions must be at least 1")
	case c.SessionsPerMember < 1:
		return fmt.Errorf("--max-sessions-per-member must be at least 1")
	case c.MaxWidth < 80 || c.MaxHeight < 24:
		// The app needs 80×24: a smaller cap would shut everyone out.
		return fmt.Errorf("the largest terminal a session may claim must be at least 80×24")
	case c.IdleTimeout < 0 || c.HandshakeTimeout < 0 || c.StallTimeout < 0 || c.DraftKeep < 0:
		return fmt.Errorf("a timeout cannot be negative")
	case c.FailuresPerMinute < 1:
		return fmt.Errorf("--failures-per-minute must be at least 1")
	case c.MaxInput < 1:
		return fmt.Errorf("the most a command may read must be at least 1 byte")
	}
	return nil
}

// sshCommand is what a person types to reach this server: "ssh -p 23234
// host" (port 22 needs no -p).
func (c Config) sshCommand() string {
	host, port, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return "ssh " + c.Listen
	}
	if c.PublicHost != "" {
		host = c.PublicHost
	} else if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	if port == "22" {
		return "ssh " + host
	}
	return "ssh -p " + port + " " + host
}

// window is the terminal a session may have: what its client claims,
// capped at MaxWidth×MaxHeight.
func (c Config) window(w, h int) (int, int) {
	return min(max(w, 0), c.MaxWidth), min(max(h, 0), c.MaxHeight)
}

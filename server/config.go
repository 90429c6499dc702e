package server

import (
	"fmt"
	"net"
	"strconv"
	"time"
)

// Config is how `tasking serve` runs. Zero values take the defaults.
type Config struct {
	// Listen is the address to serve SSH on. Default 127.0.0.1:23234.
	Listen string
	// HostKeyPath is the server's private key; made (0600) on first start.
	HostKeyPath string
	// MaxSessions caps sessions of every kind. Default 100.
	MaxSessions int
	// IdleTimeout closes a session nobody has typed in for this long.
	// Default 2 hours: longer than a meeting a rep may follow without a key.
	IdleTimeout time.Duration
	// HandshakeTimeout bounds the time to authenticate. Default 20 seconds.
	HandshakeTimeout time.Duration
	// StallTimeout drops a session whose terminal has stopped reading its
	// output for this long. Default 30 seconds.
	StallTimeout time.Duration
	// FailuresPerMinute is how many failed connections one address may make
	// a minute before it is turned away unheard. Default 30 (an office
	// behind one address shares it).
	FailuresPerMinute int
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
	if c.MaxSessions == 0 {
		c.MaxSessions = 100
	}
	if c.IdleTimeout == 0 {
		c.IdleTimeout = 2 * time.Hour
	}
	if c.HandshakeTimeout == 0 {
		c.HandshakeTimeout = 20 * time.Second
	}
	if c.StallTimeout == 0 {
		c.StallTimeout = 30 * time.Second
	}
	if c.FailuresPerMinute == 0 {
		c.FailuresPerMinute = 30
	}
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
	case c.IdleTimeout < 0 || c.HandshakeTimeout < 0 || c.StallTimeout < 0:
		return fmt.Errorf("a timeout cannot be negative")
	case c.FailuresPerMinute < 1:
		return fmt.Errorf("--failures-per-minute must be at least 1")
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

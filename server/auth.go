package server

import (
	"fmt"
	"strings"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// offeredKey is where a connection's context keeps the fingerprints of the
// unknown keys it offered, so the refusal can name them (to the person,
// with why; loggedKey: to the log, bare).
type (
	offeredKey struct{}
	loggedKey  struct{}
)

// limitedKey marks a connection from an address past its failures: its
// unknown keys are refused unheard.
type limitedKey struct{}

// publicKey lets in a key an active member holds, from any address: the
// per-address limit is on strangers' keys, so a busy office's failures
// never lock out a member. Nothing is decided here about who the person
// is: the session reads the key it was actually opened with (a client may
// offer keys it never uses).
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := s.keys.member(key); ok {
		return true
	}
	if !s.fails.allowed(ctx.RemoteAddr()) {
		ctx.SetValue(limitedKey{}, true)
	}
	bare := gossh.FingerprintSHA256(key) + " (" + keyType(key) + ")"
	fp := bare
	// Said before authentication, to anyone who offers this public key:
	// that its holder retired, not who they are.
	if _, ok := s.keys.retiredHolder(key); ok {
		fp += ", the key of a member who has retired from the group"
	}
	seen, _ := ctx.Value(offeredKey{}).([]string)
	for _, f := range seen {
		if f == fp {
			return false
		}
	}
	ctx.SetValue(offeredKey{}, append(seen, fp))
	logged, _ := ctx.Value(loggedKey{}).([]string)
	ctx.SetValue(loggedKey{}, append(logged, bare))
	return false
}

// refuseUnknown is the keyboard-interactive step, offered only to say why
// the person's keys were refused: it shows their fingerprints and whom to
// ask, asks nothing, and always fails. Authentication is by public key only.
// An address past its failures is told nothing.
func (s *Server) refuseUnknown(ctx ssh.Context, challenge gossh.KeyboardInteractiveChallenge) bool {
	// ssh tries keyboard-interactive up to three times: the explanation is
	// given once.
	if told, _ := ctx.Value(toldKey{}).(bool); told {
		return false
	}
	if limited, _ := ctx.Value(limitedKey{}).(bool); limited || !s.fails.allowed(ctx.RemoteAddr()) {
		return false
	}
	ctx.SetValue(toldKey{}, true)
	_, _ = challenge("", unknownKeyMessage(ctx), nil, nil)
	return false
}

// toldKey marks a connection already told why its keys were refused.
type toldKey struct{}

func unknownKeyMessage(ctx ssh.Context) string {
	seen, _ := ctx.Value(offeredKey{}).([]string)
	if len(seen) == 0 {
		return "tasking: your ssh client offered no key. Make one (ssh-keygen -t ed25519) and ask the chair to add " +
			"the .pub file to your name (the people screen: P, then K)"
	}
	word := "key is"
	if len(seen) > 1 {
		word = "keys are"
	}
	return fmt.Sprintf("tasking: your %s not on the partnership's list: %s.\n"+
		"Ask the chair to add it to your name: send them your public key (the .pub file, e.g. ~/.ssh/id_ed25519.pub); "+
		"they add it on the people screen (P, then K) or with member key add 'YOUR NAME' - < id_ed25519.pub", word, strings.Join(seen, ", "))
}

func keyType(k gossh.PublicKey) string {
	return strings.TrimPrefix(k.Type(), "ssh-")
}

package tui

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/x/exp/golden"
	gossh "golang.org/x/crypto/ssh"
)

// The chair adds a member, renames an agency and retires a member from the
// people screen (P from home); the store has each change.
func TestPeopleScreen(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			s := demoStore(t)
			ss := startSession(t, s, chairOf(t, s), sz.w, sz.h)
			ss.waitFor("Hotspots by risk")
			ss.keys("P")
			ss.waitFor("People and agencies", "Tom Okafor") // the list has been read
			ss.keys("a")
			ss.waitFor("Add a member")
			ss.typeText("PC Ann Lee")
			ss.keys("enter")
			ss.typeText("pol")
			ss.waitFor("→ Derbyshire Constabulary")
			ss.keys("enter", "enter", "enter") // the role and what they read, as given
			ss.typeText("Beat Manager")
			ss.keys("enter", "enter", "enter")
			ss.waitFor("PC Ann Lee added")
			ss.keys("tab")
			ss.waitFor("short name")
			ss.keys("e")
			ss.waitFor("Rename · CBC Community Safety")
			ss.keys("ctrl+s")
			ss.waitFor("saved (closed meetings' minutes keep the old name)")
			ss.keys("tab", "tab") // back to members
			ss.keys("j", "j")     // Priya Shah
			ss.keys("r")
			ss.waitFor("Retire Priya Shah from the group?")
			ss.keys("y")
			ss.waitFor("Priya Shah retired", "▸ Gary Fletcher") // the list read again: she has gone from it
			golden.RequireEqual(t, []byte(ss.finish()))

			ms, _ := s.Members()
			m, err := model.FindMember(ms, "PC Ann Lee")
			if err != nil || m.Title != "Beat Manager" || m.Role != model.RoleMember {
				t.Errorf("added member %+v %v", m, err)
			}
			if p, _ := model.FindMember(ms, "Priya Shah"); !p.Retired {
				t.Error("Priya Shah is not retired")
			}
		})
	}
}

// A member sees the screen but cannot change it.
func TestPeopleScreenIsTheChairs(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 100, 30)
	ss.waitFor("Hotspots by risk")
	ss.keys("P")
	ss.waitFor("People and agencies")
	ss.keys("a")
	ss.waitFor("only the chair or an admin changes members")
	ss.finish()
}

// The room's new prompts at both sizes: a completion note, discarding what
// was typed, and closing a hotspot that still has open actions (the screen
// is kept as a golden with that last question open).
func TestPromptsThatForgive(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			s := demoStore(t)
			ss := startSession(t, s, chairOf(t, s), sz.w, sz.h)
			ss.waitFor("start the meeting")
			ss.keys("m", "y")
			ss.waitFor("Confidentiality statement")
			ss.keys("]", "]", "]")
			ss.waitFor("0 reviewed today")
			ss.keys("c")
			ss.waitFor("Cancel · ", "Reason for cancelling")
			ss.keys("enter")
			ss.waitFor("reason for cancelling is empty")
			ss.typeText("Duplicate of another action")
			ss.keys("esc")
			ss.waitFor("Discard what you typed?")
			ss.keys("n")
			ss.keys("enter")
			ss.waitFor("1 reviewed today")
			ss.keys("]")
			ss.waitFor("Open actions")
			ss.keys("C")
			ss.waitFor("Close hotspot", "open actions (")
			ss.typeText("No reports for six weeks")
			golden.RequireEqual(t, []byte(ss.finish()))
		})
	}
}

// The chair gives a member an SSH key from the people screen, sees it
// counted, and takes it away again; a private key pasted by mistake is
// refused under the field, saying so.
func TestPeopleScreenManagesSSHKeys(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 140, 40)
	ss.waitFor("Hotspots by risk")
	ss.keys("P")
	ss.waitFor("People and agencies", "▸ Helen Marsh")
	ss.keys("j", "j")
	ss.waitFor("▸ Priya Shah")
	ss.keys("K")
	ss.waitFor("SSH key for Priya Shah")
	ss.typeText("-----BEGIN OPENSSH PRIVATE KEY-----")
	ss.keys("enter")
	ss.waitFor("PRIVATE")
	for range len("-----BEGIN OPENSSH PRIVATE KEY-----") {
		ss.keys("backspace")
	}
	line := testKeyLine(t, "priya@laptop")
	ss.typeText(line)
	ss.keys("enter")
	ss.waitFor("added for Priya Shah: they can now connect")
	// The list is read again: her row counts the key.
	ss.waitFor(strings.TrimRight(columns(136, []int{24, 19, 11, 11, 4}, "Priya Shah", "Community Safety", "viewer", "public", "1", "Community Safety Analyst"), " "))
	ms, _ := s.Members()
	priya, _ := model.FindMember(ms, "Priya Shah")
	if len(priya.SSHKeys) != 1 {
		t.Fatalf("Priya holds %d keys, want 1", len(priya.SSHKeys))
	}
	ss.keys("X")
	ss.waitFor("Take an SSH key from Priya Shah", "priya@laptop")
	ss.keys("enter")
	ss.waitFor("it no longer opens a session")
	ms, _ = s.Members()
	if priya, _ = model.FindMember(ms, "Priya Shah"); len(priya.SSHKeys) != 0 {
		t.Errorf("Priya still holds %d keys", len(priya.SSHKeys))
	}
	ss.finish()
}

// testKeyLine is a fresh ed25519 public key line with comment.
func testKeyLine(t *testing.T, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk))) + " " + comment
}

// The chair sets how long closed personal cases are kept from the
// partnership's tab: a number out of bounds is refused under the field,
// with the typing kept; a good one is saved and shown.
func TestChairSetsTheRetentionPeriod(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 100, 30)
	ss.waitFor("Hotspots by risk")
	ss.keys("P")
	ss.waitFor("People and agencies")
	ss.keys("tab", "tab")
	ss.waitFor("Closed personal cases: kept 6 years after they close, then anonymised")
	ss.keys("e")
	ss.waitFor("Keep closed personal cases (years)")
	ss.keys("down", "down", "down", "down", "down", "backspace")
	ss.typeText("30")
	ss.keys("ctrl+s")
	ss.waitFor("✗ keep closed personal cases between 1 and 25 years (default 6)")
	ss.keys("backspace", "backspace")
	ss.typeText("8")
	ss.keys("ctrl+s")
	ss.waitFor("partnership details saved", "Closed personal cases: kept 8 years after they close")
	ss.finish()
	if p, _ := s.Partnership(); p.RetentionYears() != 8 {
		t.Errorf("stored %d years", p.RetentionYears())
	}
}

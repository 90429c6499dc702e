package model

import (
	"strings"
	"testing"
)

// A refusal says what changed, with the value now.
func TestChangesSayTheValueNow(t *testing.T) {
	m := Member{Name: "Louise Birch", Title: "ASB Officer", Phone: "01246 111111", Email: "l@example.org"}
	n := m
	n.Phone, n.Email = "01246 345678", ""
	if got := strings.Join(MemberChanges(m, n), "; "); got != "email cleared; phone now 01246 345678" {
		t.Errorf("member: %q", got)
	}
	p := Partnership{Name: "CSP", DefaultPlace: "Committee Room 1", DefaultTime: "10:00"}
	q := p
	q.DefaultPlace = "Council Chamber"
	if got := strings.Join(PartnershipChanges(p, q), "; "); got != "usual place now Council Chamber" {
		t.Errorf("partnership: %q", got)
	}
	if got := MemberChanges(m, m); len(got) != 0 {
		t.Errorf("nothing changed, yet: %q", got)
	}
}

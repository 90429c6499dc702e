package pg

import (
	"regexp"
	"strings"
	"testing"
)

// kindName is the pattern its comment gives, by hand.
func TestKindNameIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9_]{0,50}$`)
	for _, k := range []string{"", "a", "actions", "audit_events", "a1", "1a", "_a", "A", "aB", "a-b", "a b", `a"`, "a;", "é",
		strings.Repeat("a", 51), strings.Repeat("a", 52), "a" + strings.Repeat("_", 50), "rec\x00"} {
		if got, want := kindName(k), re.MatchString(k); got != want {
			t.Errorf("kindName(%q) = %v, want %v", k, got, want)
		}
	}
}

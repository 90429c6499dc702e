// Package longtest says which tests are the long ones: those that build or
// check the decade, start LibreOffice or a browser, read a file of a
// hundred megabytes or hold a timing. `go test ./...` (the README's test
// command) leaves them out so it stays quick; TASKING_LONG_TESTS=1 runs them
// too, and .ci/run always sets it, so nothing goes untested in CI. -short
// leaves them out whatever the variable says (.ci/run's race and pinned-day
// runs).
package longtest

import (
	"os"
	"testing"
)

// Env is the variable that turns the long tests on.
const Env = "TASKING_LONG_TESTS"

// On says whether this run includes the long tests.
func On() bool { return !testing.Short() && os.Getenv(Env) == "1" }

// Skip skips t unless the long tests are on; why says what makes it long.
func Skip(t testing.TB, why string) {
	t.Helper()
	if !On() {
		t.Skipf("a long test (%s): %s=1 runs it, as .ci/run does", why, Env)
	}
}

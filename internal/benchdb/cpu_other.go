//go:build !unix

package benchdb

import "testing"

// CPU reports nothing where the process's CPU time is not to hand.
func CPU(*testing.B) func() { return func() {} }

package main

import (
	"strings"
	"testing"
)

// A name is found as people type it, wherever a member is named: --as,
// member edit, retire and key, meeting attend and declare. "sian" finds
// Siân, and "Pritchard, Sian" too; a second "Sian  PRITCHARD" cannot be
// added beside her.
func TestNamesFoundAsTyped(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	cli := func(args ...string) result { return run(t, nil, append([]string{"--db", db}, args...)...) }
	said := func(want string, args ...string) {
		t.Helper()
		if out := ok(t, append([]string{"--db", db}, args...)...); !strings.Contains(out, want) {
			t.Errorf("tasking %v said %q, want %q", args, out, want)
		}
	}
	said("Siân Pritchard added (Housing, member)", "--as", "HELEN MARSH", "member", "add", "Siân Pritchard", "--agency", "CBC Housing")
	said("Siân Pritchard", "--as", "sian", "member", "list")
	said("REF", "--as", "Pritchard, Sian", "actions", "--mine")
	said("Siân Pritchard updated", "--as", "helen", "member", "edit", "SIAN PRITCHARD", "--title", "Tenancy Officer")
	failsWith(t, cli("--as", "helen", "member", "add", "Sian  PRITCHARD", "--agency", "police"), 1, "there is already a member called Siân Pritchard")
	key, _, _ := pubFile(t, t.TempDir(), "sian", 3, "sian@laptop")
	said("SHA256:", "--as", "helen", "member", "key", "add", "siân", key)
	said("sian@laptop", "--as", "helen", "member", "key", "list", "PRITCHARD")
	said("started", "--as", "helen", "meeting", "start")
	said("Siân Pritchard: present", "--as", "helen", "meeting", "attend", "sian")
	said("declaration by Siân Pritchard recorded", "--as", "helen", "meeting", "declare", "Sian Pritchard", "Lives near HS-2")
	said("Siân Pritchard retired from the group", "--as", "helen", "member", "retire", "siân")
	failsWith(t, cli("--as", "sian", "actions"), 1, "--as: Siân Pritchard retired from the group on 2026-11-24")
}

package storetest

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"golang.org/x/crypto/ssh"
)

// Members' SSH public keys: the identities `tasking serve` will let in.

// testKey is a public key line as a .pub file holds it, made from a seed
// (the same seed, the same key), and its fingerprint.
func testKey(t *testing.T, seed byte, comment string) (line, fingerprint string) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	pub, err := ssh.NewPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(pub)), "\n") + " " + comment, ssh.FingerprintSHA256(pub)
}

// The chair gives a member keys and takes one away: each change is one
// audited write that bumps the member's version and is published, the
// audit trail keeps fingerprints rather than key material, and a key
// resolves to its member only while they hold it.
func testMemberKeysAddResolveRemove(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	laptop, fpLaptop := testKey(t, 1, "jas@laptop")
	phone, fpPhone := testKey(t, 2, "jas@phone")
	ch, stop := s.Subscribe()
	defer stop()

	m, added, err := s.AddMemberKeys(chair, sgt.MemberID, []string{laptop, phone})
	mustNoErr(t, err)
	if strings.Join(added, " ") != fpLaptop+" "+fpPhone || len(m.SSHKeys) != 2 || m.Version != 2 {
		t.Fatalf("added %v; member %+v", added, m)
	}
	if c := <-ch; c.Op != "member.key_add" || c.Entity != "member" || c.Ref != sgt.Name || c.By != chair.Name {
		t.Fatalf("change = %+v", c)
	}
	for _, fp := range []string{fpLaptop, fpPhone, strings.TrimPrefix(fpPhone, "SHA256:")} {
		got, ok, err := s.MemberByKey(fp)
		mustNoErr(t, err)
		if !ok || got.ID != sgt.MemberID {
			t.Fatalf("MemberByKey(%s) = %+v, %v", fp, got, ok)
		}
	}
	// The stored keys are canonical and keep their comments.
	keys := model.MemberKeys(m)
	if len(keys) != 2 || keys[0].Comment != "jas@laptop" || keys[0].Line != laptop {
		t.Fatalf("stored keys %+v", keys)
	}
	events, _ := s.AuditEvents(1)
	e := events[0]
	if e.Op != "member.key_add" || e.Ref != sgt.Name || string(e.Before) != `{"ssh_key_fingerprints":[]}` ||
		string(e.After) != `{"ssh_key_fingerprints":["`+fpLaptop+`","`+fpPhone+`"]}` {
		t.Fatalf("audit event %s: %s → %s", e.Op, e.Before, e.After)
	}

	// Adding a key again changes nothing and says so.
	n := len(mustAudit(t, s))
	if _, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{phone}); err == nil || !strings.Contains(err.Error(), "Sgt Jas Patel already holds key "+fpPhone) {
		t.Fatalf("the same key again: %v", err)
	}
	// In a file with a new key, the one held already is skipped.
	desk, fpDesk := testKey(t, 3, "jas@desk")
	m, added, err = s.AddMemberKeys(chair, sgt.MemberID, []string{phone, desk})
	mustNoErr(t, err)
	if strings.Join(added, " ") != fpDesk || len(m.SSHKeys) != 3 || len(mustAudit(t, s)) != n+1 {
		t.Fatalf("added %v; %d keys", added, len(m.SSHKeys))
	}
	<-ch

	m, err = s.RemoveMemberKey(chair, sgt.MemberID, fpLaptop)
	mustNoErr(t, err)
	if len(m.SSHKeys) != 2 || m.Version != 4 || m.HoldsKey(fpLaptop) {
		t.Fatalf("after removing: %+v", m)
	}
	if c := <-ch; c.Op != "member.key_remove" || c.Ref != sgt.Name {
		t.Fatalf("change = %+v", c)
	}
	if _, ok, _ := s.MemberByKey(fpLaptop); ok {
		t.Fatal("a removed key still lets its member in")
	}
	if got, ok, _ := s.MemberByKey(fpDesk); !ok || got.ID != sgt.MemberID {
		t.Fatal("removing one key lost another")
	}
	events, _ = s.AuditEvents(1)
	if e := events[0]; e.Op != "member.key_remove" || !strings.Contains(string(e.Before), fpLaptop) || strings.Contains(string(e.After), fpLaptop) {
		t.Fatalf("audit event %s: %s → %s", e.Op, e.Before, e.After)
	}
	// No key material in the trail: the record holds it.
	for _, e := range mustAudit(t, s) {
		if strings.Contains(string(e.Before)+string(e.After), "AAAAC3Nz") && strings.HasPrefix(string(e.Op), "member.key") {
			t.Fatalf("%s audit holds a whole key: %s", e.Op, e.After)
		}
	}
	// Editing the member's details keeps their keys.
	m, err = s.EditMember(chair, sgt.MemberID, m.Version, model.NewMember{Name: sgt.Name, AgencyID: sgt.AgencyID, Role: sgt.Role, Title: "Inspector"})
	mustNoErr(t, err)
	if len(m.SSHKeys) != 2 {
		t.Fatalf("editing lost the keys: %+v", m)
	}
	// Nobody holds a key never given.
	_, stranger := testKey(t, 9, "")
	if got, ok, err := s.MemberByKey(stranger); ok || err != nil {
		t.Fatalf("a stranger's key found %+v, %v", got, err)
	}
}

func mustAudit(t *testing.T, s store.Record) []model.AuditEvent {
	t.Helper()
	events, err := s.AuditEvents(0)
	mustNoErr(t, err)
	return events
}

// A key belongs to one member: giving it to another is refused naming the
// holder, and nothing is written.
func testKeyBelongsToOneMember(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	key, fp := testKey(t, 1, "shared@laptop")
	other, _ := testKey(t, 2, "val")
	_, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{key})
	mustNoErr(t, err)
	n := len(mustAudit(t, s))
	_, _, err = s.AddMemberKeys(chair, viewer.MemberID, []string{other, key})
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Field != "key" || !strings.Contains(err.Error(), "key "+fp+" is already Sgt Jas Patel's") {
		t.Fatalf("another member's key: %v", err)
	}
	members, _ := s.Members()
	if len(members[2].SSHKeys) != 0 || len(mustAudit(t, s)) != n {
		t.Fatalf("a refused key change wrote something: %+v", members[2])
	}
	if got, _, _ := s.MemberByKey(fp); got.ID != sgt.MemberID {
		t.Fatalf("the key now names %+v", got)
	}
}

// A retired member's key lets nobody in; it still belongs to them until it
// is taken away, and a retired member is given no new keys.
func testRetiredMembersKeyDoesNotResolve(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	key, fp := testKey(t, 1, "val@laptop")
	another, _ := testKey(t, 2, "val@desk")
	_, _, err := s.AddMemberKeys(chair, viewer.MemberID, []string{key})
	mustNoErr(t, err)
	if got, ok, _ := s.MemberByKey(fp); !ok || got.ID != viewer.MemberID {
		t.Fatal("the key does not resolve before retiring")
	}
	_, err = s.RetireMember(chair, viewer.MemberID)
	mustNoErr(t, err)
	if got, ok, err := s.MemberByKey(fp); ok || err != nil {
		t.Fatalf("a retired member's key resolved to %+v (%v)", got, err)
	}
	if _, _, err := s.AddMemberKeys(chair, viewer.MemberID, []string{another}); err == nil || !strings.Contains(err.Error(), "Val Viewer retired from the group on 2026-11-24") {
		t.Fatalf("a retired member was given a key: %v", err)
	}
	if _, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{key}); err == nil || !strings.Contains(err.Error(), "is Val Viewer's, who retired on 2026-11-24: remove it from them first") {
		t.Fatalf("a retired member's key given to another: %v", err)
	}
	// Tidied away from the leaver, it can go to someone else.
	m, err := s.RemoveMemberKey(chair, viewer.MemberID, fp)
	mustNoErr(t, err)
	if len(m.SSHKeys) != 0 || !m.Retired {
		t.Fatalf("after removing: %+v", m)
	}
	_, _, err = s.AddMemberKeys(chair, sgt.MemberID, []string{key})
	mustNoErr(t, err)
	if got, ok, _ := s.MemberByKey(fp); !ok || got.ID != sgt.MemberID {
		t.Fatal("the key does not resolve to its new holder")
	}
}

// Only the chair or an admin manages keys — a member may not add even
// their own — and a refusal writes nothing.
func testOnlyChairOrAdminManagesKeys(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	key, fp := testKey(t, 1, "jas@laptop")
	var perm *model.PermissionError
	if _, _, err := s.AddMemberKeys(sgt, sgt.MemberID, []string{key}); !errors.As(err, &perm) || !strings.Contains(err.Error(), "only the chair or an admin may do this") {
		t.Fatalf("a member added their own key: %v", err)
	}
	if _, _, err := s.AddMemberKeys(viewer, viewer.MemberID, []string{key}); !errors.As(err, &perm) || !strings.Contains(err.Error(), "viewers have read-only access") {
		t.Fatalf("a viewer added a key: %v", err)
	}
	if _, ok, _ := s.MemberByKey(fp); ok {
		t.Fatal("a refused key was stored")
	}
	_, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{key})
	mustNoErr(t, err)
	n := len(mustAudit(t, s))
	if _, err := s.RemoveMemberKey(sgt, sgt.MemberID, fp); !errors.As(err, &perm) {
		t.Fatalf("a member removed a key: %v", err)
	}
	if _, ok, _ := s.MemberByKey(fp); !ok || len(mustAudit(t, s)) != n {
		t.Fatal("a refused removal changed something")
	}
}

// Bad keys and unknown fingerprints are refused with a sentence that says
// what is wrong, on the field it was typed in.
func testBadKeysAndUnknownFingerprints(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	key, fp := testKey(t, 1, "jas@laptop")
	_, stranger := testKey(t, 2, "")
	cases := []struct {
		name, field, want string
		do                func() error
	}{
		{"a private key", "key", "this is a PRIVATE key", func() error {
			_, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----"})
			return err
		}},
		{"no keys", "key", "no key given", func() error { _, _, err := s.AddMemberKeys(chair, sgt.MemberID, nil); return err }},
		{"an empty key", "key", "no key given", func() error { _, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{" "}); return err }},
		{"the second of two is bad", "key", "key 2: this is not an SSH public key", func() error {
			_, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{key, "ssh-ed25519 AAAAnope"})
			return err
		}},
		{"an unknown member", "member", "no such member (#77)", func() error { _, _, err := s.AddMemberKeys(chair, 77, []string{key}); return err }},
		{"removing from a member with no keys", "fingerprint", "Sgt Jas Patel has no SSH keys", func() error {
			_, err := s.RemoveMemberKey(chair, sgt.MemberID, fp)
			return err
		}},
	}
	for _, c := range cases {
		var fe *model.FieldError
		if err := c.do(); !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a FieldError on %s saying %q", c.name, err, c.field, c.want)
		}
	}
	_, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{key})
	mustNoErr(t, err)
	n := len(mustAudit(t, s))
	for _, c := range []struct{ fingerprint, want string }{
		{stranger, "Sgt Jas Patel holds no key " + stranger + " (member key list shows the 1 key they hold)"},
		{"laptop", `"laptop" is not a key fingerprint`},
		{"MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", "MD5 fingerprint: give the SHA256 one"},
	} {
		var fe *model.FieldError
		if _, err := s.RemoveMemberKey(chair, sgt.MemberID, c.fingerprint); !errors.As(err, &fe) || fe.Field != "fingerprint" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("removing %q: %v, want one saying %q", c.fingerprint, err, c.want)
		}
	}
	if _, err := s.RemoveMemberKey(chair, 77, fp); err == nil || !strings.Contains(err.Error(), "no such member (#77)") {
		t.Errorf("removing from an unknown member: %v", err)
	}
	if _, ok, _ := s.MemberByKey(fp); !ok || len(mustAudit(t, s)) != n {
		t.Error("a refused removal changed something")
	}
}

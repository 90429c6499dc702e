package model

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

// Test keys are made here, never checked in. Only their public halves
// matter to tasking, so RSA and DSA keys are built from numbers of the
// right size (a real modulus would only make the tests slow).

// edKey is a deterministic ed25519 key: the same seed, the same key.
func edKey(t testing.TB, seed byte) (ssh.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	pub, err := ssh.NewPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// rsaKey is an RSA public key with a modulus of exactly bits bits.
func rsaKey(t testing.TB, bits int) ssh.PublicKey {
	t.Helper()
	n := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	n.Add(n, big.NewInt(0x2f0f))
	pub, err := ssh.NewPublicKey(&rsa.PublicKey{N: n, E: 65537})
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

func ecKey(t testing.TB, curve elliptic.Curve) ssh.PublicKey {
	t.Helper()
	priv, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ssh.NewPublicKey(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// dsaKey has the only size SSH knows (1024-bit p, 160-bit q), written as
// it travels (RFC 4253 6.6: the name, then p, q, g and y) so the test needs
// no deprecated crypto/dsa to make one.
func dsaKey(t testing.TB) ssh.PublicKey {
	t.Helper()
	p := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 1023), big.NewInt(1))
	q := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 159), big.NewInt(1))
	wire := ssh.Marshal(struct {
		Name       string
		P, Q, G, Y *big.Int
	}{"ssh-dss", p, q, big.NewInt(2), big.NewInt(3)})
	pub, err := ssh.ParsePublicKey(wire)
	if err != nil {
		t.Fatal(err)
	}
	if pub.Type() != "ssh-dss" {
		t.Fatalf("made a %s key, not a DSA one", pub.Type())
	}
	return pub
}

// line is a key as its .pub file holds it.
func line(pub ssh.PublicKey, comment string) string {
	l := strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(pub)), "\n")
	if comment != "" {
		l += " " + comment
	}
	return l
}

func TestParseSSHKey(t *testing.T) {
	ed, edPriv := edKey(t, 1)
	edLine := line(ed, "jas@laptop")
	b64 := strings.Fields(edLine)[1]
	rsa2048, rsa4096, rsa1024 := rsaKey(t, 2048), rsaKey(t, 4096), rsaKey(t, 1024)
	p256, p384 := ecKey(t, elliptic.P256()), ecKey(t, elliptic.P384())

	block, err := ssh.MarshalPrivateKey(edPriv, "jas@laptop")
	if err != nil {
		t.Fatal(err)
	}
	openSSHPrivate := string(pem.EncodeToMemory(block))

	signer, err := ssh.NewSignerFromKey(edPriv)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := edKey(t, 2)
	cert := &ssh.Certificate{Key: other, CertType: ssh.UserCert, KeyId: "jas", ValidPrincipals: []string{"jas"}, ValidBefore: ssh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, signer); err != nil {
		t.Fatal(err)
	}

	good := []struct {
		name, in, wantLine, wantKind, wantComment string
		pub                                       ssh.PublicKey
		bits                                      int
	}{
		{"ed25519 with its comment", edLine, edLine, "ed25519", "jas@laptop", ed, 256},
		{"no comment", line(ed, ""), line(ed, ""), "ed25519", "", ed, 256},
		{"spaces around, a tab between, spaces in the comment collapsed",
			"  ssh-ed25519\t" + b64 + "   Jas   Patel  (work)  \r\n", "ssh-ed25519 " + b64 + " Jas Patel (work)", "ed25519", "Jas Patel (work)", ed, 256},
		{"a long comment is cut", line(ed, strings.Repeat("x", 300)), line(ed, strings.Repeat("x", 99)+"…"), "ed25519", strings.Repeat("x", 99) + "…", ed, 256},
		{"rsa 2048 is enough", line(rsa2048, "old@desk"), line(rsa2048, "old@desk"), "rsa 2048", "old@desk", rsa2048, 2048},
		{"rsa 4096", line(rsa4096, ""), line(rsa4096, ""), "rsa 4096", "", rsa4096, 4096},
		{"ecdsa p256", line(p256, "a"), line(p256, "a"), "ecdsa 256", "a", p256, 256},
		{"ecdsa p384", line(p384, "a"), line(p384, "a"), "ecdsa 384", "a", p384, 384},
		{"a non-ASCII comment is kept", line(ed, "Jas Patel – Dépôt"), line(ed, "Jas Patel – Dépôt"), "ed25519", "Jas Patel – Dépôt", ed, 256},
	}
	for _, c := range good {
		t.Run(c.name, func(t *testing.T) {
			k, err := ParseSSHKey(c.in)
			if err != nil {
				t.Fatal(err)
			}
			want := SSHKey{Line: c.wantLine, Type: c.pub.Type(), Bits: c.bits, Fingerprint: ssh.FingerprintSHA256(c.pub), Comment: c.wantComment}
			if k != want {
				t.Fatalf("got  %+v\nwant %+v", k, want)
			}
			if k.Kind() != c.wantKind {
				t.Errorf("kind %q, want %q", k.Kind(), c.wantKind)
			}
			// The canonical line reads back as itself.
			if again, err := ParseSSHKey(k.Line); err != nil || again != k {
				t.Errorf("the canonical line does not read back: %+v, %v", again, err)
			}
		})
	}

	bad := []struct{ name, in, want string }{
		{"nothing", "", "no key given"},
		{"only spaces", "  \t \n", "no key given"},
		{"an OpenSSH private key", openSSHPrivate, "this is a PRIVATE key"},
		{"a PEM RSA private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow…\n-----END RSA PRIVATE KEY-----\n", "PRIVATE key, which must never leave its owner's computer: send the public key"},
		{"one line of a private key", "-----BEGIN OPENSSH PRIVATE KEY-----", "PRIVATE key"},
		{"a PuTTY private key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n", "PRIVATE key"},
		{"words", "please let me in", "not an SSH public key"},
		{"the base64 without its type", b64 + " jas@laptop", "type is missing"},
		{"the type without the key", "ssh-ed25519", "not an SSH public key"},
		{"a truncated key", "ssh-ed25519 " + b64[:30] + " jas@laptop", "not an SSH public key"},
		{"the wrong type for the key", "ssh-rsa " + b64 + " jas@laptop", "not an SSH public key"},
		{"an RFC 4716 public key", "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"jas\"\n" + b64 + "\n---- END SSH2 PUBLIC KEY ----", "not in OpenSSH's one-line format"},
		{"a PEM public key", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----", "not in OpenSSH's one-line format"},
		{"two keys on two lines", edLine + "\n" + line(p256, ""), "several lines"},
		{"a key wrapped by an email program", edLine[:40] + "\n" + edLine[40:], "several lines"},
		{"an escape sequence in the comment", line(ed, "jas\x1b[2J\x1b]0;pwned\x07"), "control or escape characters"},
		{"a bidi override in the comment", line(ed, "jas\u202e@laptop"), "control or escape characters"},
		{"a NUL", line(ed, "jas\x00"), "control or escape characters"},
		{"invalid UTF-8", line(ed, "jas\xff\xfe"), "control or escape characters"},
		{"absurdly long", edLine + strings.Repeat("x", MaxSSHKeyLine), "characters long, more than any SSH public key"},
		{"authorized_keys options", `from="10.0.0.1",no-pty ` + edLine, "authorized_keys options (from=\"10.0.0.1\",no-pty)"},
		{"a certificate", line(cert, "jas-cert"), "an SSH certificate"},
		{"RSA under 2048 bits", line(rsa1024, "old"), "only 1024 bits, and at least 2048 are needed"},
		{"DSA", line(dsaKey(t), "ancient"), "DSA keys are weak"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			k, err := ParseSSHKey(c.in)
			var fe *FieldError
			if err == nil {
				t.Fatalf("taken: %+v", k)
			}
			if !errors.As(err, &fe) || fe.Field != "key" {
				t.Fatalf("not a key field error: %#v", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
			if strings.ContainsAny(err.Error(), "\n\x1b") {
				t.Fatalf("error is not one clean line: %q", err)
			}
		})
	}
}

func TestParseSSHKeys(t *testing.T) {
	k1, _ := edKey(t, 1)
	k2, _ := edKey(t, 2)
	fp1, fp2 := ssh.FingerprintSHA256(k1), ssh.FingerprintSHA256(k2)
	many := func(n int) string {
		var b strings.Builder
		for i := range n {
			k, _ := edKey(t, byte(10+i))
			b.WriteString(line(k, fmt.Sprintf("key%d", i)) + "\n")
		}
		return b.String()
	}
	cases := []struct {
		name, in string
		want     []string // fingerprints, in order
		wantErr  string
	}{
		{"one .pub file", line(k1, "jas@laptop") + "\n", []string{fp1}, ""},
		{"an authorized_keys file from Windows: BOM, CRLF, comments, blank lines",
			"\ufeff# Jas's keys\r\n\r\n" + line(k1, "laptop") + "\r\n  # old desktop, gone\r\n" + line(k2, "desktop") + "\r\n\r\n", []string{fp1, fp2}, ""},
		{"a key given twice is taken once", line(k1, "a") + "\n" + line(k2, "") + "\n" + line(k1, "b") + "\n", []string{fp1, fp2}, ""},
		{"empty", "", nil, "no key found"},
		{"only comments", "# nothing here\n\n#\n", nil, "no key found"},
		{"a bad line is named, and nothing is taken", line(k1, "") + "\n\n# note\nssh-ed25519 AAAAbroken\n", nil, "line 4: this is not an SSH public key"},
		{"a bad only line is not numbered", "\n\nnot a key\n", nil, "this is not an SSH public key"},
		{"a private key file", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", nil, "this is a PRIVATE key"},
		{"a private key below a public one", line(k1, "") + "\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n", nil, "this is a PRIVATE key"},
		{"a huge file", strings.Repeat("# padding\n", MaxSSHKeyFile/10+1), nil, "far more than a few public keys"},
		{"the most keys a member may have", many(MaxSSHKeysPerMember), nil, ""},
		{"more keys than a member may have", many(MaxSSHKeysPerMember + 1), nil, "the file holds 21 keys; a member may have at most 20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			keys, err := ParseSSHKeys(c.in)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, c.wantErr)
				}
				if keys != nil {
					t.Fatalf("keys taken from a refused file: %v", keys)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.want == nil {
				return
			}
			var got []string
			for _, k := range keys {
				got = append(got, k.Fingerprint)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Fatalf("fingerprints %v, want %v", got, c.want)
			}
		})
	}
}

func TestParseFingerprint(t *testing.T) {
	k, _ := edKey(t, 1)
	fp := ssh.FingerprintSHA256(k)
	bare := strings.TrimPrefix(fp, "SHA256:")
	cases := []struct{ in, want, wantErr string }{
		{fp, fp, ""},
		{"  " + fp + "\n", fp, ""},
		{bare, fp, ""},
		{"sha256:" + bare, fp, ""},
		{fp + "=", fp, ""},
		{"MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", "", "MD5 fingerprint"},
		{"16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", "", "MD5 fingerprint"},
		{"SHA256:short", "", "is not a key fingerprint"},
		{"", "", "is not a key fingerprint"},
		{fp + "x", "", "is not a key fingerprint"},
		{"SHA256:" + strings.Repeat("!", 43), "", "is not a key fingerprint"},
	}
	for _, c := range cases {
		got, err := ParseFingerprint(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParseFingerprint(%q) = %q, %v; want an error saying %q", c.in, got, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseFingerprint(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// keyOf is a parsed test key.
func keyOf(t *testing.T, seed byte, comment string) SSHKey {
	t.Helper()
	pub, _ := edKey(t, seed)
	k, err := ParseSSHKey(line(pub, comment))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestMemberForKey(t *testing.T) {
	jas, gary, old := keyOf(t, 1, "jas@laptop"), keyOf(t, 2, "gary"), keyOf(t, 3, "old")
	jasPhone := keyOf(t, 4, "jas@phone")
	members := []Member{
		{ID: 1, Name: "Helen Marsh", Role: RoleChair},
		{ID: 2, Name: "Sgt Jas Patel", Role: RoleMember, SSHKeys: []string{jas.Line, jasPhone.Line}},
		{ID: 3, Name: "Gary Fletcher", Role: RoleMember, SSHKeys: []string{gary.Line}},
		{ID: 4, Name: "PC Old Hand", Role: RoleMember, SSHKeys: []string{old.Line}, Retired: true, RetiredOn: MustDate("2026-01-05")},
	}
	cases := []struct {
		name, fingerprint string
		want              ID // 0: nobody
	}{
		{"a member's first key", jas.Fingerprint, 2},
		{"a member's second key", jasPhone.Fingerprint, 2},
		{"another member's key", gary.Fingerprint, 3},
		{"typed without SHA256:", strings.TrimPrefix(gary.Fingerprint, "SHA256:"), 3},
		{"a retired member's key lets nobody in", old.Fingerprint, 0},
		{"a key nobody holds", keyOf(t, 9, "").Fingerprint, 0},
		{"not a fingerprint", "jas", 0},
		{"nothing", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, ok := MemberForKey(members, c.fingerprint)
			if ok != (c.want != 0) || m.ID != c.want {
				t.Fatalf("MemberForKey = %d (%s), %v; want %d", m.ID, m.Name, ok, c.want)
			}
		})
	}
}

func TestAddKeys(t *testing.T) {
	jas, jas2, gary, old := keyOf(t, 1, "jas@laptop"), keyOf(t, 2, "jas@desk"), keyOf(t, 3, "gary"), keyOf(t, 4, "old")
	helen := Member{ID: 1, Name: "Helen Marsh", Role: RoleChair}
	patel := Member{ID: 2, Name: "Sgt Jas Patel", Role: RoleMember, SSHKeys: []string{jas.Line}}
	fletcher := Member{ID: 3, Name: "Gary Fletcher", Role: RoleMember, SSHKeys: []string{gary.Line}}
	oldHand := Member{ID: 4, Name: "PC Old Hand", Role: RoleMember, SSHKeys: []string{old.Line}, Retired: true, RetiredOn: MustDate("2026-01-05")}
	members := []Member{helen, patel, fletcher, oldHand}
	full := patel
	full.SSHKeys = nil
	for i := range MaxSSHKeysPerMember {
		full.SSHKeys = append(full.SSHKeys, keyOf(t, byte(100+i), "").Line)
	}
	cases := []struct {
		name      string
		m         Member
		keys      []SSHKey
		wantAdded []string // fingerprints
		wantLines []string
		wantErr   string
	}{
		{"a first key", helen, []SSHKey{jas2}, []string{jas2.Fingerprint}, []string{jas2.Line}, ""},
		{"another key, after the first", patel, []SSHKey{jas2}, []string{jas2.Fingerprint}, []string{jas.Line, jas2.Line}, ""},
		{"a key they hold already is skipped", patel, []SSHKey{jas, jas2}, []string{jas2.Fingerprint}, []string{jas.Line, jas2.Line}, ""},
		{"the same key twice is added once", helen, []SSHKey{jas2, jas2}, []string{jas2.Fingerprint}, []string{jas2.Line}, ""},
		{"only a key they hold already", patel, []SSHKey{jas}, nil, nil, "Sgt Jas Patel already holds key " + jas.Fingerprint},
		{"only keys they hold already", patel, []SSHKey{jas, jas}, nil, nil, "Sgt Jas Patel already holds all 2 keys"},
		{"another member's key", helen, []SSHKey{jas2, gary}, nil, nil, "key " + gary.Fingerprint + " is already Gary Fletcher's: a key belongs to one member only"},
		{"a retired member's key", helen, []SSHKey{old}, nil, nil, "is PC Old Hand's, who retired on 2026-01-05: remove it from them first"},
		{"a retired member", oldHand, []SSHKey{jas2}, nil, nil, "PC Old Hand retired from the group on 2026-01-05"},
		{"no keys", helen, nil, nil, nil, "no key given"},
		{"too many", full, []SSHKey{jas2}, nil, nil, "would hold 21 keys; a member may have at most 20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, added, err := AddKeys(members, c.m, c.keys)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, k := range added {
				got = append(got, k.Fingerprint)
			}
			if strings.Join(got, " ") != strings.Join(c.wantAdded, " ") {
				t.Errorf("added %v, want %v", got, c.wantAdded)
			}
			if strings.Join(lines, "\n") != strings.Join(c.wantLines, "\n") {
				t.Errorf("lines\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(c.wantLines, "\n"))
			}
			if len(c.m.SSHKeys) > 0 && &lines[0] == &c.m.SSHKeys[0] {
				t.Error("AddKeys wrote into the member's own slice")
			}
		})
	}
}

func TestRemoveKey(t *testing.T) {
	jas, jas2 := keyOf(t, 1, "jas@laptop"), keyOf(t, 2, "jas@desk")
	patel := Member{ID: 2, Name: "Sgt Jas Patel", SSHKeys: []string{jas.Line, jas2.Line}}
	oldHand := Member{ID: 4, Name: "PC Old Hand", SSHKeys: []string{jas2.Line}, Retired: true, RetiredOn: MustDate("2026-01-05")}
	cases := []struct {
		name, fingerprint string
		m                 Member
		wantLines         []string
		wantErr           string
	}{
		{"the first of two", jas.Fingerprint, patel, []string{jas2.Line}, ""},
		{"the second, typed without SHA256:", strings.TrimPrefix(jas2.Fingerprint, "SHA256:"), patel, []string{jas.Line}, ""},
		{"from a retired member", jas2.Fingerprint, oldHand, nil, ""},
		{"a key they do not hold", keyOf(t, 9, "").Fingerprint, patel, nil, "Sgt Jas Patel holds no key SHA256:"},
		{"a member with no keys", jas.Fingerprint, Member{Name: "Helen Marsh"}, nil, "Helen Marsh has no SSH keys"},
		{"not a fingerprint", "laptop", patel, nil, `"laptop" is not a key fingerprint`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, removed, err := RemoveKey(c.m, c.fingerprint)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(removed.Fingerprint, strings.TrimPrefix(c.fingerprint, "SHA256:")) {
				t.Errorf("removed %s, want %s", removed.Fingerprint, c.fingerprint)
			}
			if strings.Join(lines, "\n") != strings.Join(c.wantLines, "\n") {
				t.Errorf("lines %v, want %v", lines, c.wantLines)
			}
		})
	}
}

func TestSSHKeyDescribe(t *testing.T) {
	k := keyOf(t, 1, "jas@laptop")
	if got, want := k.Describe(), k.Fingerprint+` (ed25519, "jas@laptop")`; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	k.Comment = ""
	if got, want := k.Describe(), k.Fingerprint+" (ed25519)"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if got := (SSHKey{Type: "sk-ssh-ed25519@openssh.com"}).Kind(); got != "ed25519-sk" {
		t.Errorf("a security key's kind is %q", got)
	}
	// What the audit trail keeps of a member's keys: fingerprints only.
	m := Member{SSHKeys: []string{keyOf(t, 1, "a").Line, keyOf(t, 2, "b").Line}}
	if fps := KeyFingerprints(m); len(fps) != 2 || fps[0] != keyOf(t, 1, "").Fingerprint {
		t.Errorf("KeyFingerprints = %v", fps)
	}
	if fps := KeyFingerprints(Member{}); fps == nil || len(fps) != 0 {
		t.Errorf("no keys should be an empty list, not %#v", fps)
	}
}

// The quick fingerprint of a stored line is the one ssh gives its key.
func TestStoredFingerprintIsSSHs(t *testing.T) {
	ed, _ := edKey(t, 1)
	for _, pub := range []ssh.PublicKey{ed, rsaKey(t, 3072), ecKey(t, elliptic.P256()), ecKey(t, elliptic.P521())} {
		k, err := ParseSSHKey(line(pub, "a comment"))
		if err != nil {
			t.Fatal(err)
		}
		if got := storedFingerprint(k.Line); got != ssh.FingerprintSHA256(pub) || got != k.Fingerprint {
			t.Errorf("%s: stored fingerprint %s, ssh's %s", pub.Type(), got, ssh.FingerprintSHA256(pub))
		}
	}
	for _, broken := range []string{"", "ssh-ed25519", "ssh-ed25519 !!!notbase64 x"} {
		if got := storedFingerprint(broken); got != "" {
			t.Errorf("storedFingerprint(%q) = %q", broken, got)
		}
	}
}

func BenchmarkMemberForKey(b *testing.B) {
	// 400 members with three keys each: a big partnership, every member
	// on SSH from a laptop, a desktop and a phone.
	members := make([]Member, 400)
	for i := range members {
		pub, _ := edKey(b, byte(i))
		members[i] = Member{ID: ID(i + 1), SSHKeys: []string{line(pub, "laptop"), line(rsaKey(b, 3072+i), "desk"), line(ecKey(b, elliptic.P256()), "phone")}}
	}
	last := storedFingerprint(members[399].SSHKeys[2])
	for b.Loop() {
		if _, ok := MemberForKey(members, last); !ok {
			b.Fatal("the last member's key was not found")
		}
	}
}

// A stored key a later, stricter rule would refuse is still listed and
// can still be removed (here an RSA key under today's minimum, as if it
// were stored when the minimum was lower).
func TestStoredKeyARuleNowRefuses(t *testing.T) {
	old := rsaKey(t, 1024)
	fp := ssh.FingerprintSHA256(old)
	good := keyOf(t, 1, "laptop")
	m := Member{Name: "PC Old Hand", SSHKeys: []string{line(old, "from 2015"), good.Line}}
	keys := MemberKeys(m)
	if len(keys) != 2 || keys[0].Fingerprint != fp || keys[0].Type != "ssh-rsa" || keys[0].Comment != "from 2015" || keys[1] != good {
		t.Fatalf("keys %+v", keys)
	}
	next, removed, err := RemoveKey(m, fp)
	if err != nil || removed.Fingerprint != fp || len(next) != 1 || next[0] != good.Line {
		t.Fatalf("RemoveKey = %v, %+v, %v", next, removed, err)
	}
}

// KeyHolders answers as MemberForKey does, for every key at once.
func TestKeyHoldersAgreesWithMemberForKey(t *testing.T) {
	a, b, c := keyOf(t, 11, "a"), keyOf(t, 12, "b"), keyOf(t, 13, "c")
	members := []Member{
		{ID: 1, Name: "Active", SSHKeys: []string{a.Line, b.Line}},
		{ID: 2, Name: "Retired", Retired: true, SSHKeys: []string{c.Line}},
	}
	holders := KeyHolders(members)
	for _, k := range []SSHKey{a, b, c} {
		want, wantOK := MemberForKey(members, k.Fingerprint)
		got, ok := holders[k.Fingerprint]
		if ok != wantOK || got.ID != want.ID {
			t.Errorf("%s: KeyHolders %v %v, MemberForKey %v %v", k.Comment, got.Name, ok, want.Name, wantOK)
		}
	}
	if len(holders) != 2 {
		t.Errorf("%d keys open sessions, want 2 (the retired member's opens none)", len(holders))
	}
}

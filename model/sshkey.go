package model

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"
)

// A member's SSH public keys let them in over SSH once `tasking serve` runs:
// the server asks which active member holds the key offered (MemberForKey).
// A key is stored as its canonical authorized_keys line ("type base64
// comment") in Member.SSHKeys and known to people by its SHA256 fingerprint,
// as `ssh-keygen -l` prints it.

const (
	// MaxSSHKeyLine is the longest key line taken: the largest RSA key
	// OpenSSH makes (16384 bits) is about 2,800 characters.
	MaxSSHKeyLine = 8192
	// MaxSSHKeyFile is the most a key file may hold: a few keys, not a
	// home directory pasted by mistake.
	MaxSSHKeyFile = 64 << 10
	// MaxSSHKeyComment is the most characters of a key's comment kept.
	MaxSSHKeyComment = 100
	// MaxSSHKeysPerMember: a laptop, a desktop, a security key or two.
	MaxSSHKeysPerMember = 20
	// MinRSABits: shorter RSA keys can be broken.
	MinRSABits = 2048
)

// keyAlgoDSA is DSA's name on the wire ("ssh-dss"), spelt out here because
// the SSH package deprecated its own name for it: DSA keys are only ever
// named to be refused.
const keyAlgoDSA = "ssh-dss"

// SSHKey is one public key, checked and in canonical form.
type SSHKey struct {
	Line        string // canonical: "ssh-ed25519 AAAAC3Nz… jas@laptop"
	Type        string // the SSH key type: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, …
	Bits        int    // the key's size: 256 for ed25519, the modulus for RSA
	Fingerprint string // SHA256:… as ssh-keygen -l prints it
	Comment     string // "jas@laptop", or ""
}

// Kind is the key's type as a person says it: "ed25519", "rsa 3072",
// "ecdsa 256", "ed25519-sk" (a security key).
func (k SSHKey) Kind() string {
	switch k.Type {
	case ssh.KeyAlgoED25519:
		return "ed25519"
	case ssh.KeyAlgoSKED25519:
		return "ed25519-sk"
	case ssh.KeyAlgoSKECDSA256:
		return "ecdsa-sk"
	case ssh.KeyAlgoRSA:
		if k.Bits == 0 {
			return "rsa"
		}
		return fmt.Sprintf("rsa %d", k.Bits)
	case ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521:
		return fmt.Sprintf("ecdsa %d", k.Bits)
	}
	return strings.TrimPrefix(k.Type, "ssh-")
}

// Describe is the key in a sentence: `SHA256:… (ed25519, "jas@laptop")`.
func (k SSHKey) Describe() string {
	if k.Comment == "" {
		return fmt.Sprintf("%s (%s)", k.Fingerprint, k.Kind())
	}
	return fmt.Sprintf("%s (%s, %q)", k.Fingerprint, k.Kind(), k.Comment)
}

// The advice every refusal of a key ends with.
const (
	sendThePub = "send the public key: the one line in the .pub file (e.g. ~/.ssh/id_ed25519.pub)"
	makeEd     = "make an ed25519 key (ssh-keygen -t ed25519) and send its .pub file"
)

// ParseSSHKey checks one public key line in authorized_keys format and
// returns it in canonical form: the key type, its base64, and its comment
// (trimmed, spaces collapsed, cut to MaxSSHKeyComment). It refuses, with a
// sentence saying what to do instead: nothing, a private key, anything
// that is not an OpenSSH public key line, several lines, control or escape
// characters, absurd length, certificates, authorized_keys options (which
// tasking would not apply), and weak keys (DSA; RSA under MinRSABits).
func ParseSSHKey(line string) (SSHKey, error) {
	s := strings.TrimSpace(line)
	switch {
	case s == "":
		return SSHKey{}, Invalid("key", "no key given: %s", sendThePub)
	case isPrivateKey(s):
		return SSHKey{}, errPrivateKey
	case len(s) > MaxSSHKeyLine:
		return SSHKey{}, Invalid("key", "the key is %d characters long, more than any SSH public key (at most %d): %s", len(s), MaxSSHKeyLine, sendThePub)
	case strings.HasPrefix(s, "-----BEGIN") || strings.HasPrefix(s, "---- BEGIN"):
		return SSHKey{}, Invalid("key", "this public key is not in OpenSSH's one-line format: convert it with ssh-keygen -i -f FILE, or %s", sendThePub)
	case strings.ContainsAny(s, "\r\n"):
		return SSHKey{}, Invalid("key", "the key runs over several lines: give one key per line (a key line is never wrapped)")
	case !utf8.ValidString(s) || hasControl(s):
		return SSHKey{}, Invalid("key", "the key line holds control or escape characters: copy it again from the .pub file")
	}
	pub, comment, options, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		if strings.HasPrefix(s, "AAAA") {
			return SSHKey{}, Invalid("key", "the key's type is missing from the start of the line: %s", sendThePub)
		}
		return SSHKey{}, Invalid("key", "this is not an SSH public key (a key line looks like \"ssh-ed25519 AAAAC3Nz… name@computer\"): %s", sendThePub)
	}
	if len(options) > 0 {
		return SSHKey{}, Invalid("key", "the key line starts with authorized_keys options (%s), which tasking does not apply: give the key alone, as in the .pub file", cut(strings.Join(options, ","), 40))
	}
	if _, ok := pub.(*ssh.Certificate); ok {
		return SSHKey{}, Invalid("key", "this is an SSH certificate, not a public key: send the key itself (the .pub file without -cert)")
	}
	k := SSHKey{Type: pub.Type(), Fingerprint: ssh.FingerprintSHA256(pub), Comment: cut(CleanLine(comment), MaxSSHKeyComment)}
	switch k.Type {
	case ssh.KeyAlgoED25519, ssh.KeyAlgoSKED25519:
		k.Bits = 256
	case ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521, ssh.KeyAlgoSKECDSA256:
		if cp, ok := pub.(ssh.CryptoPublicKey); ok {
			if ek, ok := cp.CryptoPublicKey().(*ecdsa.PublicKey); ok {
				k.Bits = ek.Curve.Params().BitSize
			}
		}
		if k.Bits == 0 {
			k.Bits = 256 // a security key's ecdsa is P-256
		}
	case ssh.KeyAlgoRSA:
		if cp, ok := pub.(ssh.CryptoPublicKey); ok {
			if rk, ok := cp.CryptoPublicKey().(*rsa.PublicKey); ok {
				k.Bits = rk.N.BitLen()
			}
		}
		if k.Bits < MinRSABits {
			return SSHKey{}, Invalid("key", "this RSA key has only %d bits, and at least %d are needed: %s", k.Bits, MinRSABits, makeEd)
		}
	case keyAlgoDSA:
		return SSHKey{}, Invalid("key", "DSA keys are weak (OpenSSH no longer accepts them): %s", makeEd)
	case ssh.KeyAlgoMLDSA44, ssh.KeyAlgoMLDSA65, ssh.KeyAlgoMLDSA87:
		// post-quantum signatures: strong, if unusual
	default:
		return SSHKey{}, Invalid("key", "keys of type %s are not taken: %s", k.Type, makeEd)
	}
	k.Line = strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(pub)), "\n")
	if k.Comment != "" {
		k.Line += " " + k.Comment
	}
	return k, nil
}

// ParseSSHKeys reads a key file: one key per line (an authorized_keys file,
// or several .pub files joined), blank lines and # comments skipped, a
// key given twice taken once. Every key must be good or none is taken; a
// problem names its line when the file has more than one.
func ParseSSHKeys(text string) ([]SSHKey, error) {
	if len(text) > MaxSSHKeyFile {
		return nil, Invalid("key", "the file is over %d KB, far more than a few public keys: %s", MaxSSHKeyFile>>10, sendThePub)
	}
	text = strings.TrimPrefix(text, "\ufeff") // saved by Notepad
	if isPrivateKey(text) {
		return nil, errPrivateKey
	}
	lines := strings.Split(text, "\n")
	var keyLines []int
	for i, l := range lines {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			keyLines = append(keyLines, i)
		}
	}
	if len(keyLines) == 0 {
		return nil, Invalid("key", "no key found (the file is empty or only comments): %s", sendThePub)
	}
	var out []SSHKey
	seen := map[string]bool{}
	for _, i := range keyLines {
		k, err := ParseSSHKey(lines[i])
		if err != nil {
			if len(keyLines) > 1 {
				return nil, Invalid("key", "line %d: %s", i+1, err)
			}
			return nil, err
		}
		if !seen[k.Fingerprint] {
			seen[k.Fingerprint] = true
			out = append(out, k)
		}
	}
	if len(out) > MaxSSHKeysPerMember {
		return nil, Invalid("key", "the file holds %d keys; a member may have at most %d", len(out), MaxSSHKeysPerMember)
	}
	return out, nil
}

// errPrivateKey: someone sent the half of the key that must stay secret.
var errPrivateKey = Invalid("key", "this is a PRIVATE key, which must never leave its owner's computer: send the public key "+
	"instead (the .pub file beside it, e.g. ~/.ssh/id_ed25519.pub); if the private key was emailed or shared, its owner should make a new one")

func isPrivateKey(s string) bool {
	return strings.Contains(s, "PRIVATE KEY-----") || strings.Contains(s, "PuTTY-User-Key-File-")
}

// hasControl: C0 and C1 controls (escape included) and invisible format
// characters (bidi overrides, zero-width spaces); a tab may separate fields.
func hasControl(s string) bool {
	for _, r := range s {
		if r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			return true
		}
	}
	return false
}

// cut keeps at most n characters of s, marking a cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// ParseFingerprint reads a key fingerprint as typed: "SHA256:…" as
// ssh-keygen -l and `tasking member key list` print it, with or without
// the SHA256: prefix.
func ParseFingerprint(s string) (string, error) {
	in := strings.TrimSpace(s)
	if (len(in) >= 4 && strings.EqualFold(in[:4], "MD5:")) || strings.Count(in, ":") == 15 {
		return "", Invalid("fingerprint", "that is an MD5 fingerprint: give the SHA256 one (ssh-keygen -l -f FILE, or member key list, shows it)")
	}
	if len(in) >= 7 && strings.EqualFold(in[:7], "SHA256:") {
		in = in[7:]
	}
	in = strings.TrimRight(in, "=")
	if b, err := base64.RawStdEncoding.DecodeString(in); err != nil || len(b) != 32 {
		return "", Invalid("fingerprint", "%q is not a key fingerprint: they look like SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s (member key list shows them)", cut(CleanLine(s), 60))
	}
	return "SHA256:" + in, nil
}

// MemberKeys are a member's keys, in the order they were given (the
// numbers member key list shows).
func MemberKeys(m Member) []SSHKey {
	out := make([]SSHKey, 0, len(m.SSHKeys))
	for _, line := range m.SSHKeys {
		out = append(out, storedKey(line))
	}
	return out
}

// storedKey reads a stored key line. One that a later, stricter rule would
// refuse (a longer minimum for RSA, say) is still listed as it is, so it
// can be seen and removed.
func storedKey(line string) SSHKey {
	if k, err := ParseSSHKey(line); err == nil {
		return k
	}
	k := SSHKey{Line: line, Fingerprint: storedFingerprint(line)}
	fields := strings.SplitN(line, " ", 3)
	k.Type = fields[0]
	if len(fields) == 3 {
		k.Comment = fields[2]
	}
	return k
}

// HoldsKey: the member holds the key with this fingerprint. It hashes the
// stored lines without reading them as keys again (they were checked when
// added, and a line too broken to hash matches nothing): the SSH server
// asks this of every member for every connection.
func (m Member) HoldsKey(fingerprint string) bool {
	for _, line := range m.SSHKeys {
		if storedFingerprint(line) == fingerprint {
			return true
		}
	}
	return false
}

// storedFingerprint is a stored key line's fingerprint: the SHA-256 of the
// key's wire form, which is what the line's base64 holds (a stored line is
// canonical: ssh.MarshalAuthorizedKey wrote it).
func storedFingerprint(line string) string {
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return ""
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(blob)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// MemberForKey finds the active member who holds the key with this
// fingerprint: who is knocking when `tasking serve` is offered that key.
// A retired member never matches (they cannot act), nor does anything when
// the fingerprint is not one.
func MemberForKey(members []Member, fingerprint string) (Member, bool) {
	fp, err := ParseFingerprint(fingerprint)
	if err != nil {
		return Member{}, false
	}
	for _, m := range members {
		if opensSessions(m) && m.HoldsKey(fp) {
			return m, true
		}
	}
	return Member{}, false
}

// KeyHolders is MemberForKey's answer for every key at once: the member
// each fingerprint opens sessions for (the SSH server keeps it, rather
// than hash every member's keys on every connection).
func KeyHolders(members []Member) map[string]Member {
	out := map[string]Member{}
	for _, m := range members {
		if opensSessions(m) {
			for _, fp := range KeyFingerprints(m) {
				out[fp] = m
			}
		}
	}
	return out
}

// opensSessions: a member's keys let them in. A retired member cannot act,
// so their keys open nothing.
func opensSessions(m Member) bool { return !m.Retired }

// AddKeys decides what giving keys to member m does, members being
// everyone (retired members too): the member's key lines afterwards, and
// the keys added. A key belongs to one member only, so one another member
// holds is refused naming them (a retired member's key too, so a
// fingerprint always names one person in the record: remove it from them
// first). Keys m already holds are skipped; if that leaves nothing, it is
// refused. A retired member is given no keys.
func AddKeys(members []Member, m Member, keys []SSHKey) (next []string, added []SSHKey, err error) {
	if m.Retired {
		return nil, nil, Invalid("member", "%s retired from the group on %s: a member who has left is given no keys", m.Name, m.RetiredOn)
	}
	if len(keys) == 0 {
		return nil, nil, Invalid("key", "no key given: %s", sendThePub)
	}
	next = append([]string(nil), m.SSHKeys...)
	for _, k := range keys {
		for _, o := range members {
			if o.ID == m.ID || !o.HoldsKey(k.Fingerprint) {
				continue
			}
			if o.Retired {
				return nil, nil, Invalid("key", "key %s is %s's, who retired on %s: remove it from them first (member key remove)", k.Fingerprint, o.Name, o.RetiredOn)
			}
			return nil, nil, Invalid("key", "key %s is already %s's: a key belongs to one member only", k.Fingerprint, o.Name)
		}
		if m.HoldsKey(k.Fingerprint) || containsKey(added, k.Fingerprint) {
			continue
		}
		next = append(next, k.Line)
		added = append(added, k)
	}
	if len(added) == 0 {
		if len(keys) == 1 {
			return nil, nil, Invalid("key", "%s already holds key %s", m.Name, keys[0].Fingerprint)
		}
		return nil, nil, Invalid("key", "%s already holds all %d keys", m.Name, len(keys))
	}
	if len(next) > MaxSSHKeysPerMember {
		return nil, nil, Invalid("key", "%s would hold %d keys; a member may have at most %d: remove old ones first", m.Name, len(next), MaxSSHKeysPerMember)
	}
	return next, added, nil
}

func containsKey(keys []SSHKey, fingerprint string) bool {
	for _, k := range keys {
		if k.Fingerprint == fingerprint {
			return true
		}
	}
	return false
}

// RemoveKey decides what taking the key with this fingerprint from member
// m does: their key lines afterwards and the key removed. Keys can be taken
// from a retired member (tidying up after someone has left).
func RemoveKey(m Member, fingerprint string) (next []string, removed SSHKey, err error) {
	fp, err := ParseFingerprint(fingerprint)
	if err != nil {
		return nil, SSHKey{}, err
	}
	if len(m.SSHKeys) == 0 {
		return nil, SSHKey{}, Invalid("fingerprint", "%s has no SSH keys", m.Name)
	}
	found := false
	for _, line := range m.SSHKeys {
		if storedFingerprint(line) == fp {
			removed, found = storedKey(line), true
			continue
		}
		next = append(next, line)
	}
	if !found {
		return nil, SSHKey{}, Invalid("fingerprint", "%s holds no key %s (member key list shows the %s they hold)", m.Name, fp, Plural(len(m.SSHKeys), "key"))
	}
	return next, removed, nil
}

// KeyFingerprints are a member's key fingerprints, for the audit trail: a
// key is known by its fingerprint, and the record keeps the rest.
func KeyFingerprints(m Member) []string {
	out := []string{}
	for _, line := range m.SSHKeys {
		out = append(out, storedFingerprint(line))
	}
	return out
}

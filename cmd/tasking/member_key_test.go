package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/csv"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

var keyFields = []string{"member", "agency", "number", "type", "bits", "fingerprint", "comment", "public_key"}

// pubFile writes an ed25519 public key as ssh-keygen would (NAME.pub in
// dir, made from seed) and returns its path, line and fingerprint. The
// private half is written beside it as NAME, as ssh-keygen leaves it.
func pubFile(t *testing.T, dir, name string, seed byte, comment string) (path, line, fingerprint string) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	pub, err := ssh.NewPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	line = strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(pub)), "\n") + " " + comment
	block, err := ssh.MarshalPrivateKey(priv, comment)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, name+".pub")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, line, ssh.FingerprintSHA256(pub)
}

// rsaLine is an RSA public key line of the given size (only the public
// half matters, so its modulus is just a number that size).
func rsaLine(t *testing.T, bits int, comment string) (line, fingerprint string) {
	t.Helper()
	n := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), uint(bits-1)), big.NewInt(0x2f0f))
	pub, err := ssh.NewPublicKey(&rsa.PublicKey{N: n, E: 65537})
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(string(ssh.MarshalAuthorizedKey(pub)), "\n") + " " + comment, ssh.FingerprintSHA256(pub)
}

// The chair gives a rep their key from the .pub file, then more from
// standard input; everyone can list them; the chair takes them away by
// number and by fingerprint.
func TestMemberKeyAddListRemove(t *testing.T) {
	t.Parallel()
	db, dir := demoDB(t), t.TempDir()
	chair := []string{"--db", db, "--as", "Helen Marsh"}
	laptop, laptopLine, fpLaptop := pubFile(t, dir, "id_ed25519", 1, "jas@laptop")
	desk, fpDesk := rsaLine(t, 3072, "jas@desk")

	out := ok(t, append(chair, "member", "key", "add", "jas patel", laptop)...)
	if want := "Added key " + fpLaptop + ` (ed25519, "jas@laptop") for Sgt Jas Patel.` + "\n"; out != want {
		t.Fatalf("key add said %q, want %q", out, want)
	}
	// A file of keys on standard input (ssh-add -L, an authorized_keys):
	// comments and blank lines skipped, a key held already said and kept.
	r := runIn(t, nil, strings.NewReader("# Jas's keys\r\n"+laptopLine+"\r\n\r\n"+desk+"\r\n"), append(chair, "member", "key", "add", "Sgt Jas Patel", "-")...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("key add -: exit %d: %s", r.code, r.stderr)
	}
	if want := "Sgt Jas Patel already holds key " + fpLaptop + ` (ed25519, "jas@laptop").` + "\n" +
		"Added key " + fpDesk + ` (rsa 3072, "jas@desk") for Sgt Jas Patel.` + "\n"; r.stdout != want {
		t.Fatalf("key add - said\n%s\nwant\n%s", r.stdout, want)
	}
	_, gary, fpGary := pubFile(t, dir, "gary", 2, "gary@council")
	r = runIn(t, nil, strings.NewReader(gary), append(chair, "member", "key", "add", "Gary Fletcher", "-")...)
	if r.code != 0 || !strings.Contains(r.stdout, "Added key "+fpGary) {
		t.Fatalf("gary's key: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}

	// Anyone may list: a table for people, CSV and JSON for machines.
	table := ok(t, "--db", db, "member", "key", "list")
	for _, want := range []string{"#  MEMBER", "FINGERPRINT", "COMMENT",
		"1  Sgt Jas Patel  Police", "ed25519", fpLaptop, "jas@laptop",
		"2  Sgt Jas Patel  Police", "rsa 3072", fpDesk,
		"1  Gary Fletcher  Housing", fpGary} {
		if !strings.Contains(table, want) {
			t.Errorf("key list lacks %q:\n%s", want, table)
		}
	}
	rows := decodeJSON(t, ok(t, "--db", db, "member", "key", "list", "Sgt Jas Patel", "--format", "json"))
	checkFields(t, rows, keyFields)
	if len(rows) != 2 || rows[0]["number"] != "1" || rows[0]["fingerprint"] != fpLaptop || rows[0]["type"] != "ssh-ed25519" ||
		rows[0]["bits"] != "256" || rows[0]["comment"] != "jas@laptop" || rows[0]["public_key"] != laptopLine ||
		rows[0]["agency"] != "Derbyshire Constabulary" || rows[1]["number"] != "2" || rows[1]["bits"] != "3072" {
		t.Fatalf("key list json %v", rows)
	}
	records, err := csv.NewReader(strings.NewReader(ok(t, "--db", db, "member", "key", "list", "--format", "csv"))).ReadAll()
	if err != nil || !slices.Equal(records[0], keyFields) || len(records) != 4 {
		t.Errorf("key list csv %v (%v)", records, err)
	}

	// Removed by its number in the list, or by fingerprint with or
	// without SHA256:.
	out = ok(t, append(chair, "member", "key", "remove", "Sgt Jas Patel", "2")...)
	if want := "Removed key " + fpDesk + ` (rsa 3072, "jas@desk") from Sgt Jas Patel.` + "\n"; out != want {
		t.Fatalf("remove said %q, want %q", out, want)
	}
	ok(t, append(chair, "member", "key", "remove", "Sgt Jas Patel", strings.TrimPrefix(fpLaptop, "SHA256:"))...)
	if out := ok(t, "--db", db, "member", "key", "list", "jas patel"); out != "Sgt Jas Patel has no SSH keys.\n" {
		t.Fatalf("list after removing: %q", out)
	}
	if rows := decodeJSON(t, ok(t, "--db", db, "member", "key", "list", "--format", "json")); len(rows) != 1 || rows[0]["member"] != "Gary Fletcher" {
		t.Fatalf("list after removing: %v", rows)
	}
}

// Everything that can go wrong says what to do, on one line, and adds
// nothing.
func TestMemberKeyBadInput(t *testing.T) {
	t.Parallel()
	db, dir := demoDB(t), t.TempDir()
	cli := func(args ...string) result {
		return run(t, nil, append([]string{"--db", db, "--as", "Helen Marsh"}, args...)...)
	}
	laptop, _, fp := pubFile(t, dir, "id_ed25519", 1, "jas@laptop")
	private := strings.TrimSuffix(laptop, ".pub")
	weak, _ := rsaLine(t, 1024, "old")
	weakFile := filepath.Join(dir, "weak.pub")
	if err := os.WriteFile(weakFile, []byte(weak+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	twoBad := filepath.Join(dir, "two.pub")
	if err := os.WriteFile(twoBad, []byte("# keys\n"+weak+"\n\nssh-ed25519 AAAAnotakey x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	escape := filepath.Join(dir, "escape.pub")
	if err := os.WriteFile(escape, []byte(strings.TrimSpace(mustRead(t, laptop))+"\x1b]0;pwned\x07\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", filepath.Join(dir, "missing.pub")), 1, "missing.pub: no such file: give the member's public key file")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", dir), 1, "is a folder")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", private), 1, private+": this is a PRIVATE key, which must never leave its owner's computer: send the public key")
	failsWith(t, runIn(t, nil, strings.NewReader(mustRead(t, private)), "--db", db, "--as", "Helen Marsh", "member", "key", "add", "Sgt Jas Patel", "-"), 1, "standard input: this is a PRIVATE key")
	failsWith(t, runIn(t, nil, strings.NewReader(""), "--db", db, "--as", "Helen Marsh", "member", "key", "add", "Sgt Jas Patel", "-"), 1, "standard input: no key found")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", weakFile), 1, "only 1024 bits, and at least 2048 are needed")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", twoBad), 1, "line 2: this RSA key has only 1024 bits")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", escape), 1, "control or escape characters")
	failsWith(t, cli("member", "key", "add", "Nobody", laptop), 1, `no member is called "Nobody"`)
	failsWith(t, cli("member", "key", "add", "patel", laptop), 1, `"patel" could be Dev Patel, Sgt Jas Patel`)
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "member", "key", "add", "Sgt Jas Patel", laptop), 1, "may not manage members")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel"), 2, "requires at least 2 arg(s)")
	failsWith(t, cli("member", "key", "remove", "Sgt Jas Patel"), 2, "requires at least 2 arg(s)")
	if rows := decodeJSON(t, ok(t, "--db", db, "member", "key", "list", "--all", "--format", "json")); len(rows) != 0 {
		t.Fatalf("a refused key was added: %v", rows)
	}
	failsWith(t, cli("member", "key", "remove", "Sgt Jas Patel", "1"), 1, "Sgt Jas Patel has no SSH keys")

	// A key belongs to one member.
	ok(t, "--db", db, "--as", "Helen Marsh", "member", "key", "add", "Sgt Jas Patel", laptop)
	failsWith(t, cli("member", "key", "add", "Gary Fletcher", laptop), 1, "key "+fp+" is already Sgt Jas Patel's: a key belongs to one member only")
	failsWith(t, cli("member", "key", "remove", "Sgt Jas Patel", "3"), 1, `Sgt Jas Patel has 1 SSH key: give 1 (as member key list "Sgt Jas Patel" numbers them), or a fingerprint`)
	failsWith(t, cli("member", "key", "remove", "Sgt Jas Patel", "laptop"), 1, `"laptop" is not a key fingerprint`)
	failsWith(t, cli("member", "key", "remove", "Gary Fletcher", fp), 1, "Gary Fletcher has no SSH keys")
	_, _, other := pubFile(t, dir, "other", 5, "")
	failsWith(t, cli("member", "key", "remove", "Sgt Jas Patel", other), 1, "Sgt Jas Patel holds no key "+other)
	failsWith(t, cli("member", "key", "list", "Nobody"), 1, `no member is called "Nobody"`)
	failsWith(t, cli("member", "key", "list", "--format", "xml"), 2, "--format")

	// A retired member is given no keys; theirs are listed only with --all
	// and can still be taken away.
	ok(t, "--db", db, "--as", "Helen Marsh", "member", "retire", "Sgt Jas Patel")
	failsWith(t, cli("member", "key", "add", "Sgt Jas Patel", laptop), 1, "Sgt Jas Patel retired from the group on 2026-11-24")
	if out := ok(t, "--db", db, "member", "key", "list"); out != "No member has an SSH key.\n" {
		t.Errorf("a retired member's key is listed: %q", out)
	}
	if out := ok(t, "--db", db, "member", "key", "list", "--all"); !strings.Contains(out, "Sgt Jas Patel (retired)") || !strings.Contains(out, fp) {
		t.Errorf("key list --all: %q", out)
	}
	failsWith(t, cli("member", "key", "add", "Gary Fletcher", laptop), 1, "is Sgt Jas Patel's, who retired on 2026-11-24: remove it from them first")
	out := ok(t, "--db", db, "--as", "Helen Marsh", "member", "key", "remove", "Sgt Jas Patel", "1")
	if !strings.Contains(out, "Removed key "+fp) {
		t.Fatalf("removing a leaver's key said %q", out)
	}
	ok(t, "--db", db, "--as", "Helen Marsh", "member", "key", "add", "Gary Fletcher", laptop)
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

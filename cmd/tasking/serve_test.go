package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// policeCSV is a small police.uk street-level file, with the quirks of
// real ones (a BOM, CRLF, a quoted comma, "On or near " alone, a row with
// no location).
const policeCSV = "\xEF\xBB\xBFCrime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n" +
	",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,\"On or near Smith, Jones & Co\",E01019535,Chesterfield 005D,Anti-social behaviour,,\r\n" +
	",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near ,E01019535,Chesterfield 005D,Anti-social behaviour,,\r\n" +
	",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,,,No Location,,,Anti-social behaviour,,\r\n" +
	"x,2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near A,E01019536,Bolsover 001A,Drugs,Under investigation,\r\n"

// sshPeople are the members given keys for the tests over SSH.
var sshPeople = []string{"Helen Marsh", "Sgt Jas Patel", "Gary Fletcher"}

// servedPair is two identical copies of the demo database: one used by
// the local binary, one served over SSH in this process, with the same
// members holding keys in both.
type servedPair struct {
	// at is the moment the current step happens at, for both: the local
	// binary gets it as TASKING_NOW, the server's clock reads it (each then
	// running on from there), so the two records' times agree.
	at    atomic.Pointer[time.Time]
	local string
	// served is the served copy's path: where a message names the file
	// (the automatic backup after a close), it is the one difference.
	served string
	addr   string
	keys   map[string]gossh.Signer
	srv    *server.Server
	logs   *syncBuffer // the server's log
}

// syncBuffer is a log written by many sessions at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newServedPair(t *testing.T) *servedPair {
	t.Helper()
	return newServedPairWith(t, nil)
}

// newServedPairWith is newServedPair with before done to the served copy
// before the server opens it.
func newServedPairWith(t *testing.T, before func(served string)) *servedPair {
	t.Helper()
	seed := demoDB(t)
	p := &servedPair{keys: map[string]gossh.Signer{}, logs: &syncBuffer{}}
	dir := t.TempDir()
	for _, name := range sshPeople {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		p.keys[name] = signer
		pub := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".pub")
		if err := os.WriteFile(pub, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
			t.Fatal(err)
		}
		ok(t, "--db", seed, "--as", "Helen Marsh", "member", "key", "add", name, pub)
	}
	p.local = copyDB(t, seed, "local.db")
	served := copyDB(t, seed, "served.db")
	p.served = served
	if before != nil {
		before(served)
	}
	p.step(0)
	clock := func() time.Time { return *p.at.Load() }
	st, err := bolt.Open(served, bolt.Options{Mode: "serve", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(st, server.Config{Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "host-key")},
		log.New(p.logs), runRemote, describeForLog)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr, p.srv = l.Addr().String(), srv
	go srv.Serve(l)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		st.Close()
	})
	return p
}

// step sets the moment of step i: two seconds after the one before.
func (p *servedPair) step(i int) {
	t := cliNow.Add(time.Duration(i) * 2 * time.Second)
	p.at.Store(&t)
}

// env is the local binary's environment at the current step.
func (p *servedPair) env(t *testing.T) []string {
	env := isolatedEnv(t.TempDir())
	for i, kv := range env {
		if strings.HasPrefix(kv, "TASKING_NOW=") {
			env[i] = "TASKING_NOW=" + p.at.Load().Format("2006-01-02T15:04:05")
		}
	}
	return env
}

func copyDB(t *testing.T, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

// overSSH runs one command line as name through the server.
func (p *servedPair) overSSH(t *testing.T, name string, args []string, stdin string) result {
	t.Helper()
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shellQuote(a)
	}
	return p.overSSHLine(t, name, strings.Join(quoted, " "), stdin)
}

// overSSHLine sends line as ssh would: the words joined, quotes as typed.
func (p *servedPair) overSSHLine(t *testing.T, name, line, stdin string) result {
	t.Helper()
	return p.overSSHLineOn(t, name, line, stdin, false)
}

// overSSHLineOn is overSSHLine, with a terminal when pty (ssh -t).
func (p *servedPair) overSSHLineOn(t *testing.T, name, line, stdin string, pty bool) result {
	t.Helper()
	cfg := &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(p.keys[name])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	c, err := gossh.Dial("tcp", p.addr, cfg)
	if err != nil {
		t.Fatalf("%s cannot connect: %v", name, err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if pty {
		if err := s.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr, s.Stdin = &out, &errb, strings.NewReader(stdin)
	err = s.Run(line)
	r := result{stdout: out.String(), stderr: errb.String()}
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		r.code = exit.ExitStatus()
	} else if err != nil {
		t.Fatalf("ssh %s: %v", line, err)
	}
	return r
}

// sshStep is one command line, run by who both ways.
type sshStep struct {
	who   string
	args  []string
	stdin string
}

// TestEveryCommandIsTheSameOverSSH runs the whole command tree twice — on
// a local copy with --as, and over SSH as the key's member on an identical
// served copy — and wants the same stdout, stderr and exit code each time.
// The writes keep both records in step, so every later line sees the same
// state. Commands that only make sense on the server's machine are refused
// over SSH with a sentence saying so.
func TestEveryCommandIsTheSameOverSSH(t *testing.T) {
	t.Parallel()
	p := newServedPair(t)
	helen, gary := "Helen Marsh", "Gary Fletcher"
	covered := p.compareEach(t, everyCommand(), "ssh", func(st sshStep, args []string) result {
		return p.overSSH(t, st.who, args, st.stdin)
	})

	// A member cannot change another agency's action over SSH either (a
	// note on it is allowed: partners add what they know).
	if r := p.overSSH(t, gary, []string{"action", "update", "A-2", "--status", "done"}, ""); r.code != 1 || !strings.Contains(r.stderr, "own agency") {
		t.Errorf("Gary (housing) updating a police action over SSH: exit %d, %q %q; want a refusal", r.code, r.stdout, r.stderr)
	}

	// Over SSH, the commands for the file itself are refused, in words.
	for _, args := range [][]string{{"demo"}, {"setup", "--name", "X", "--chair", "Y"}, {"check"}, {"upgrade"}, {"serve"}, {"check-pages"}, {"restore", "copy.db"}, {"salvage", "a.db", "b.db"}, {"salvage-read", "a.db"}, {"copy", "a.db", "b.db"}} {
		r := p.overSSH(t, helen, args, "")
		if r.code == 0 || !strings.Contains(r.stderr, "runs on the server's machine") {
			t.Errorf("%v over SSH: exit %d, %q; want a refusal that says it runs on the server's machine", args, r.code, r.stderr)
		}
		covered[commandOf(args)] = true
	}
	// A backup comes down the pipe to the chair (a whole bbolt file, not
	// byte-identical to the local copy's: the pages are laid out by each
	// file's own history); a member is refused.
	if r := p.overSSH(t, helen, []string{"backup", "-"}, ""); r.code != 0 || len(r.stdout) < 16384 || !strings.HasPrefix(r.stderr, "tasking: backup written; audit chain head ") {
		t.Errorf("the chair's backup over SSH: exit %d, %d bytes, %q", r.code, len(r.stdout), r.stderr)
	}
	// As the README and the help have it: ssh … backup > copy.db.
	if r := p.overSSH(t, helen, []string{"backup"}, ""); r.code != 0 || len(r.stdout) < 16384 || !strings.HasPrefix(r.stderr, "tasking: backup written; audit chain head ") {
		t.Errorf("the chair's backup over SSH with no FILE: exit %d, %d bytes, %q", r.code, len(r.stdout), r.stderr)
	}
	// With a terminal (ssh -t) it would be drawn on the screen: refused.
	if r := p.overSSHLineOn(t, helen, "backup", "", true); r.code != 2 || len(r.stdout) > 1024 || !strings.Contains(r.stdout+r.stderr, "ssh -t") {
		t.Errorf("a backup over ssh -t: exit %d, %d bytes, %q; want a usage error and no file drawn", r.code, len(r.stdout), r.stderr)
	}
	// So would a workbook or a Word document sent down it.
	for _, line := range []string{"export actions --format xlsx -o -", "minutes latest --format docx -o -"} {
		if r := p.overSSHLineOn(t, helen, line, "", true); r.code != 2 || len(r.stdout) > 1024 || !strings.Contains(r.stdout+r.stderr, "to the terminal") {
			t.Errorf("%s over ssh -t: exit %d, %d bytes, %q; want a usage error and nothing drawn", line, r.code, len(r.stdout), r.stderr)
		}
	}
	if r := p.overSSH(t, helen, []string{"backup", "copy.db"}, ""); r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "backup > copy.db") {
		t.Errorf("a backup to a file on the server, over SSH: exit %d, %d bytes, %q; want a usage error showing backup > copy.db", r.code, len(r.stdout), r.stderr)
	}
	if r := p.overSSH(t, gary, []string{"backup", "-"}, ""); r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "only the chair or an admin") {
		t.Errorf("a member's backup over SSH: exit %d, %d bytes, %q", r.code, len(r.stdout), r.stderr)
	}
	covered["backup"] = true

	// ssh drops one level of quotes: text quoted once arrives as words, and
	// the refusal says how to quote it (the one place SSH output differs).
	r := p.overSSHLine(t, gary, "action update A-10 --note Letters sent", "")
	if r.code != 2 || !strings.Contains(r.stderr, "put the whole command in double quotes and text in single quotes") {
		t.Errorf("text quoted once over SSH: exit %d, %q; want the quoting explained", r.code, r.stderr)
	}

	// Files on the server's disk are neither read nor written.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"minutes", "latest", "-o", "m.md"}, "minutes latest > m.md"},
		{[]string{"export", "actions", "--format", "xlsx", "-o", "a.xlsx"}, "export actions --format xlsx -o - > a.xlsx"},
		{[]string{"minutes", "M-1", "--format", "docx", "-o", "m.docx"}, "minutes --format docx -o - M-1 > m.docx"},
		{[]string{"member", "import", "members.csv"}, "send the file on standard input"},
		{[]string{"import", "police-uk", "2024-01-derbyshire-street.csv"}, "send the file on standard input"},
		{[]string{"member", "key", "add", "Gary Fletcher", "id.pub"}, "on standard input"},
		{[]string{"--db", "/etc/passwd", "actions"}, "the server chooses the database"},
		{[]string{"--as", "Sgt Jas Patel", "actions"}, "you act as Helen Marsh"},
	} {
		r := p.overSSH(t, helen, c.args, "")
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v over SSH: exit %d, %q; want exit 2 saying %q", c.args, r.code, r.stderr, c.want)
		}
	}

	// The table covers the whole tree.
	for _, name := range untried(covered) {
		t.Errorf("%s is not tried over SSH", name)
	}
}

// everyCommand is the whole command tree, line by line, as the chair, a
// police sergeant and a housing officer would run it: each line is run
// on two records kept in step (the writes included), and later lines see
// what earlier ones did. DECISION stands for the last decision made.
func everyCommand() []sshStep {
	helen, jas, gary := "Helen Marsh", "Sgt Jas Patel", "Gary Fletcher"
	memberCSV := "name,agency,role\nAnn Lee,police,\n"
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	newKey, _ := gossh.NewSignerFromKey(priv)
	newKeyLine := string(gossh.MarshalAuthorizedKey(newKey.PublicKey()))
	return []sshStep{
		{gary, []string{"actions", "--mine", "--format", "csv"}, ""},
		{gary, []string{"actions", "--agency", "police", "--status", "open", "--format", "json"}, ""},
		{gary, []string{"actions", "--overdue"}, ""},
		{gary, []string{"action", "show", "A-10"}, ""},
		{gary, []string{"agency", "list", "--format", "csv"}, ""},
		{gary, []string{"member", "list", "--all"}, ""},
		{gary, []string{"member", "key", "list", "--format", "csv"}, ""},
		{gary, []string{"partnership", "show"}, ""},
		{gary, []string{"hotspot", "list"}, ""},
		{gary, []string{"hotspot", "show", "HS-1"}, ""},
		{gary, []string{"minutes", "latest", "--format", "md", "--public"}, ""},
		{gary, []string{"minutes", "latest", "--format", "html"}, ""},
		{gary, []string{"minutes", "latest", "--format", "json"}, ""},
		{gary, []string{"minutes", "latest", "--format", "txt"}, ""},
		{gary, []string{"minutes", "latest", "--format", "docx", "-o", "-"}, ""}, // the same bytes down the pipe
		{gary, []string{"minutes", "latest", "--format", "docx"}, ""},            // refused: a binary file needs -o
		{gary, []string{"export", "actions", "--format", "csv", "-o", "-"}, ""},
		{gary, []string{"export", "actions", "--format", "xlsx", "--public", "-o", "-"}, ""}, // the same workbook, byte for byte
		{gary, []string{"actions", "--all", "--format", "json"}, ""},
		{gary, []string{"export", "hotspots", "--format", "json", "--public"}, ""},
		{gary, []string{"meeting", "agenda"}, ""},
		// Shell completion offers the same refs and names over SSH.
		{gary, []string{"__complete", "action", "update", ""}, ""},
		{gary, []string{"__complete", "actions", "--agency", "pol"}, ""},
		{gary, []string{"__complete", "minutes", ""}, ""},
		{gary, []string{"__complete", "hotspot", "show", "HS-1"}, ""},
		{jas, []string{"import", "police-uk", "-", "--area", "Chesterfield"}, policeCSV},
		{jas, []string{"import", "police-uk", "-", "--types", "all"}, policeCSV},              // every type: the ASB month replaced
		{gary, []string{"import", "police-uk", "-"}, "name,agency,role\nAnn,police,member\n"}, // the wrong file: nothing imported
		{gary, []string{"incidents", "--by", "lsoa"}, ""},
		{gary, []string{"incidents", "--month", "2024-05", "--format", "json"}, ""},
		{jas, []string{"import", "police-uk", "-"}, policeBurst},
		{gary, []string{"hotspot", "suggest"}, ""},
		{gary, []string{"hotspot", "suggest", "--format", "json"}, ""},
		{gary, []string{"__complete", "hotspot", "accept", ""}, ""},
		{gary, []string{"hotspot", "dismiss", "1"}, ""}, // refused: the chair's
		{helen, []string{"hotspot", "dismiss", "E01019535"}, ""},
		{helen, []string{"hotspot", "accept", "1", "--ward", "Spire", "--category", "nuisance", "--risk", "medium", "--lead", "community safety"}, ""},
		{gary, []string{"hotspot", "suggest", "--format", "csv"}, ""},
		{gary, []string{"action", "update", "A-1", "--status", "blocked"}, ""},
		{gary, []string{"action", "update", "A-10", "--note", "Assessment booked for Friday"}, ""},
		{gary, []string{"action", "update", "A-10", "--correct-last", "Assessment booked for Monday", "--reason", "Wrong day"}, ""},
		{jas, []string{"action", "update", "A-10", "--withdraw-last", "--reason", "Not his to withdraw"}, ""}, // refused: not the author
		{gary, []string{"action", "update", "A-10", "--withdraw-last", "--reason", "Booked twice"}, ""},
		{jas, []string{"action", "update", "A-1", "--status", "done", "--note", "Patrols done"}, ""},
		{helen, []string{"action", "add", "--agency", "police", "--due", "2026-12-15", "--hotspot", "HS-1", "Extra patrols by the bus station"}, ""},
		{helen, []string{"hotspot", "add", "Park Lane: fly-tipping", "--ward", "Spire", "--category", "environmental", "--risk", "medium", "--lead", "Community Safety"}, ""},
		{helen, []string{"hotspot", "update", "HS-2", "--risk", "medium", "--reason", "Fewer reports this month"}, ""},
		{helen, []string{"hotspot", "assess", "HS-2", "--likelihood", "3", "--harm", "4", "--repeat", "--reason", "The same riders each weekend"}, ""},
		{gary, []string{"hotspot", "assess", "HS-2", "--likelihood", "1", "--harm", "1", "--reason", "Quiet"}, ""}, // refused: members may not
		{helen, []string{"hotspot", "assess", "HS-2", "--likelihood", "7", "--harm", "1", "--reason", "x"}, ""},    // a usage error
		{helen, []string{"hotspot", "link", "HS-2", "--lsoa", "E01991000"}, ""},
		{helen, []string{"hotspot", "link", "HS-2", "--location", "Mill Lane", "--lsoa", "E01991000"}, ""},
		{helen, []string{"hotspot", "link", "HS-2", "--location", "Mill Lane"}, ""}, // which Mill Lane?
		{gary, []string{"hotspot", "link", "HS-2", "--lsoa", "E01991001"}, ""},      // refused: members may not
		{helen, []string{"hotspot", "link", "HS-2", "--lsoa", "E01991000", "--unlink"}, ""},
		{helen, []string{"hotspot", "counts", "HS-6", "--month", "2026-10", "--count", "14"}, ""},
		{helen, []string{"hotspot", "counts", "HS-6", "--month", "2026-11", "--count", "1"}, ""}, // not over yet
		{helen, []string{"hotspot", "counts", "HS-6", "--month", "2026-10", "--clear"}, ""},
		{jas, []string{"power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "2026-11-27 18:00", "--authorised-by", "Insp Claire Dunn", "--terms", "Market Place and the bus station"}, ""},
		{jas, []string{"power", "add", "pspo", "--hotspot", "HS-1", "--agency", "community safety", "--start", "2026-01-10", "--authorised-by", "Cabinet"}, ""}, // refused: not his agency's
		{helen, []string{"power", "add", "pspo", "--hotspot", "HS-8", "--agency", "community safety", "--start", "2024-01-10", "--review", "2026-12-01", "--authorised-by", "Cabinet, minute 112"}, ""},
		{helen, []string{"power", "add", "cpn", "--hotspot", "HS-4", "--agency", "housing", "--start", "2026-11-20", "--authorised-by", "ASB officer", "--terms", "No amplified music"}, ""},
		{helen, []string{"power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "2026-11-27", "--authorised-by", "x"}, ""}, // a usage error: the time
		{helen, []string{"power", "review", "P-5", "--on", "2027-01-12"}, ""},
		{helen, []string{"power", "add", "closure-order", "--hotspot", "HS-3", "--agency", "police", "--start", "2026-09-01", "--authorised-by", "Magistrates"}, ""},
		{helen, []string{"power", "extend", "P-7", "--to", "2027-02-01"}, ""},
		{gary, []string{"powers"}, ""},
		{gary, []string{"powers", "--expiring", "28d", "--format", "csv"}, ""},
		{gary, []string{"powers", "--all", "--format", "json"}, ""},
		{jas, []string{"power", "end", "P-4", "--reason", "Withdrawn: the event was cancelled"}, ""},
		{helen, []string{"case-review", "add", "--applicant", "CT-2026-014", "--complaints", "3", "--received", "2026-11-20", "--summary", "Noise"}, ""},
		{jas, []string{"case-review", "add", "--applicant", "CT-2026-015", "--complaints", "3", "--received", "2026-11-20"}, ""}, // refused: the chair's
		{helen, []string{"case-review", "decide", "CR-4", "--met"}, ""},
		{gary, []string{"case-review", "list", "--all", "--format", "json"}, ""},
		{helen, []string{"case-review", "answer", "CR-4", "--outcome", "Joint visit"}, ""},
		{gary, []string{"case-review", "show", "CR-4"}, ""},
		{gary, []string{"__complete", "power", "end", ""}, ""},
		{helen, []string{"agency", "add", "Parish Council", "--short", "Parish"}, ""},
		{helen, []string{"agency", "rename", "Parish", "--to", "Parish Councils"}, ""},
		{helen, []string{"member", "add", "Jo Bloggs", "--agency", "Parish"}, ""},
		{helen, []string{"member", "edit", "Jo Bloggs", "--title", "Clerk"}, ""},
		{helen, []string{"member", "import", "-", "--dry-run"}, memberCSV},
		{helen, []string{"member", "import", "-", "--update", "--retire-missing", "--surname-first", "--dry-run"}, "name,agency,role\n\"Patel, Sgt Jas\",police,member\n"},
		{helen, []string{"member", "import", "-"}, memberCSV},
		{helen, []string{"member", "import", "-"}, memberCSV}, // the same list again: nothing to change
		{helen, []string{"member", "key", "add", "Jo Bloggs", "-"}, newKeyLine},
		{helen, []string{"member", "key", "remove", "Jo Bloggs", "1"}, ""},
		{helen, []string{"member", "retire", "Jo Bloggs"}, ""},
		{helen, []string{"agency", "retire", "Parish Councils"}, ""},
		{helen, []string{"partnership", "set", "--place", "Council Chamber"}, ""},
		{helen, []string{"meeting", "start"}, ""},
		{helen, []string{"meeting", "attend", "Sgt Jas Patel"}, ""},
		{helen, []string{"meeting", "attend", "Gary Fletcher", "--apologies"}, ""},
		{helen, []string{"meeting", "guest", "Ann Other", "--org", "Residents' Association"}, ""},
		{helen, []string{"meeting", "statement"}, ""},
		{helen, []string{"meeting", "declare", "Sgt Jas Patel", "Lives near HS-2"}, ""},
		{helen, []string{"meeting", "approve-minutes"}, ""},
		{helen, []string{"meeting", "agenda"}, ""},
		{helen, []string{"__complete", "meeting", "review", ""}, ""},
		{helen, []string{"__complete", "meeting", "attend", "Sgt Jas Patel", ""}, ""},
		{helen, []string{"meeting", "review", "A-1", "--accept"}, ""},
		{helen, []string{"meeting", "budget", "6", "10"}, ""},
		{helen, []string{"meeting", "move", "6", "--down"}, ""},
		{helen, []string{"meeting", "part2", "6", "--paragraph", "1"}, ""},
		{helen, []string{"meeting", "part2", "6", "--off"}, ""}, // refused without --yes: it says what would become public
		{helen, []string{"meeting", "part2", "6", "--off", "--yes"}, ""},
		{helen, []string{"meeting", "add", "HS-14"}, ""},
		{helen, []string{"meeting", "drop", "HS-14"}, ""},
		{helen, []string{"hotspot", "assess", "HS-4", "--likelihood", "4", "--harm", "4", "--hate", "--reason", "Slurs at the parade"}, ""}, // off the agenda: taken up
		{helen, []string{"decision", "add", "that patrols continue through December", "--hotspot", "HS-1"}, ""},
		{helen, []string{"note", "add", "Patrol times agreed with the PCSOs", "--hotspot", "HS-1"}, ""},
		{helen, []string{"meeting", "undo"}, ""},
		{helen, []string{"decision", "add", "that the family at number 4 be offered a move", "--part2", "--hotspot", "HS-1"}, ""},
		{helen, []string{"release", "DECISION", "--reason", "The family asked for it to be known"}, ""},
		{helen, []string{"meeting", "next", "2026-12-08", "--time", "10:00"}, ""},
		{helen, []string{"hotspot", "close", "HS-14", "--reason", "Cleared by the council"}, ""},
		{helen, []string{"meeting", "close"}, ""},
		{helen, []string{"amend", "DECISION", "--text", "that patrols continue through December and January", "--reason", "Misheard"}, ""},
		{helen, []string{"minutes", "latest", "--format", "txt"}, ""},
		{helen, []string{"audit", "--action", "A-10"}, ""},
		{helen, []string{"audit", "--member", "Gary Fletcher", "--format", "json"}, ""},
		{helen, []string{"audit", "verify"}, ""},
		{gary, []string{"audit", "verify", "--head", "1:00"}, ""}, // refused: not a head
		{helen, []string{"retention"}, ""},
		{helen, []string{"retention", "--apply", "--yes", "--format", "json"}, ""}, // nothing due: clears the free space
		{gary, []string{"retention"}, ""},                                          // refused: not the chair
		{helen, []string{"action", "update", "--help"}, ""},
		{gary, []string{"frobnicate"}, ""},
		{gary, []string{"actions", "--format", "yaml"}, ""},
	}
}

// compareEach runs each step twice — with the local binary alone on the
// local copy, with --as, and the other way (how) on the served copy — and
// wants the same stdout, stderr and exit code. It says which commands it
// covered.
func (p *servedPair) compareEach(t *testing.T, steps []sshStep, how string, other func(st sshStep, args []string) result) map[string]bool {
	t.Helper()
	decision := regexp.MustCompile(`\bD-\d+\b`)
	chainHeadInName := regexp.MustCompile(`\.e[0-9]+-[0-9a-f]{16}\b`)
	chainHeadSaid := regexp.MustCompile(`head [0-9]+:[0-9a-f]{64}`)
	tookTime := regexp.MustCompile(`(?m)^(tasking: .* took )[0-9.]+[hms][0-9hms]*`) // long work's summary line: its time varies
	lastDecision := ""
	covered := map[string]bool{}
	for i, st := range steps {
		p.step(i + 1)
		args := slices.Clone(st.args)
		for i, a := range args {
			if a == "DECISION" {
				args[i] = lastDecision
			}
		}
		local := runIn(t, p.env(t), strings.NewReader(st.stdin), append([]string{"--db", p.local, "--as", st.who}, args...)...)
		remote := other(st, args)
		for _, f := range []*string{&local.stdout, &local.stderr} {
			*f = strings.ReplaceAll(strings.ReplaceAll(*f, p.local, p.served), "local.db", "served.db")
		}
		// The two files' audit chains differ (each event's time is
		// hashed), so a backup's name differs in its head only.
		for _, f := range []*string{&local.stderr, &remote.stderr} {
			*f = chainHeadInName.ReplaceAllString(*f, ".eN-HEAD")
			*f = tookTime.ReplaceAllString(*f, "${1}T")
		}
		for _, f := range []*string{&local.stdout, &remote.stdout} {
			*f = chainHeadSaid.ReplaceAllString(*f, "head N:HEAD")
		}
		line := st.who + ": " + strings.Join(args, " ")
		if slices.Contains(args, "--help") && how == "ssh" {
			// Help over SSH leaves out what is refused there (--db, --as,
			// the server's own commands) and gives examples as ssh lines:
			// TestHelpOverSSHShowsWhatWorksThere.
			if local.code != remote.code || remote.stderr != "" || !strings.Contains(remote.stdout, "USAGE") {
				t.Errorf("%s\nlocal exit %d, ssh exit %d, stderr %q", line, local.code, remote.code, remote.stderr)
			}
			covered[commandOf(args)] = true
			continue
		}
		if local.code != remote.code || local.stdout != remote.stdout || local.stderr != remote.stderr {
			lo, ro := firstDiff(local.stdout, remote.stdout)
			t.Errorf("%s\nalone  exit %d\nstdout %q\nstderr %q\n%-6s exit %d\nstdout %q\nstderr %q",
				line, local.code, lo, local.stderr, how, remote.code, ro, remote.stderr)
		}
		if d := decision.FindString(local.stdout); d != "" && args[0] == "decision" {
			lastDecision = d
		}
		covered[commandOf(args)] = true
	}
	return covered
}

// untried is every command of the tree (but help and completion) not in
// covered.
func untried(covered map[string]bool) []string {
	var missing []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			walk(sub)
		}
		if c.HasSubCommands() || !c.HasParent() {
			return
		}
		if name := strings.TrimPrefix(c.CommandPath(), "tasking "); !covered[name] {
			missing = append(missing, name)
		}
	}
	walk(newRoot())
	return missing
}

// The command a refusal suggests is one that works when pasted: quoted for
// both shells, files on standard input, output redirected.
func TestSSHSuggestions(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"actions", "--agency", "police"}, "ssh -p 23234 h actions --agency police"},
		{[]string{"--as", "Gary", "action", "update", "A-10", "--note", "Letters sent"}, `ssh -p 23234 h "action update --note 'Letters sent' A-10"`},
		{[]string{"action", "update", "A-10", "--note", "It's booked"}, `ssh -p 23234 h "action update --note 'It'\\''s booked' A-10"`},
		{[]string{"member", "key", "add", "Tom Okafor", "/tmp/new.pub"}, `ssh -p 23234 h "member key add 'Tom Okafor' -" < /tmp/new.pub`},
		{[]string{"member", "import", "members.csv", "--dry-run"}, "ssh -p 23234 h member import --dry-run - < members.csv"},
		{[]string{"import", "police-uk", "2024-01-derbyshire-street.csv", "--area", "Chesterfield"}, "ssh -p 23234 h import police-uk --area Chesterfield - < 2024-01-derbyshire-street.csv"},
		{[]string{"minutes", "latest", "--format", "html", "-o", "m.html"}, "ssh -p 23234 h minutes --format html latest > m.html"},
		{[]string{"export", "actions", "--format", "xlsx", "-o", "a.xlsx"}, "ssh -p 23234 h export actions --format xlsx -o - > a.xlsx"},
		{[]string{"minutes", "--public", "--format", "docx", "-o", "m.docx"}, "ssh -p 23234 h minutes --format docx -o - --public > m.docx"},
		{[]string{"partnership", "set", "--statement-file", "st.txt"}, "ssh -p 23234 h partnership set --statement-file - < st.txt"},
	}
	for _, tt := range tests {
		root := newRoot()
		c, rest, err := root.Find(tt.args)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.ParseFlags(rest); err != nil {
			t.Fatal(err)
		}
		if got := sshSuggestion(c, "h", "23234"); got != tt.want {
			t.Errorf("%v:\n got %s\nwant %s", tt.args, got, tt.want)
		}
	}
	// What only runs beside the file says to stop the server instead.
	root := newRoot()
	c, _, _ := root.Find([]string{"check"})
	err := servedElsewhere(c, &bolt.ServedError{Path: "/x/t.db", Owner: bolt.Owner{PID: 42, Listen: "127.0.0.1:23234"}})
	if err == nil || !strings.Contains(err.Error(), "stop the server first") || strings.Contains(err.Error(), "ssh") {
		t.Errorf("check while served: %v", err)
	}
}

// commandOf is the command path in args ("member key add").
func commandOf(args []string) string {
	root := newRoot()
	c, _, err := root.Find(args)
	if err != nil || c == root {
		return ""
	}
	return strings.TrimPrefix(c.CommandPath(), "tasking ")
}

// clip shows where two outputs part: from a little before the first
// difference.
func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

func firstDiff(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return clip(a[from:]), clip(b[from:])
}

// TestServeRefusesBadSettings: bad flags and key files are named, and
// --check-config checks without serving.
func TestServeRefusesBadSettings(t *testing.T) {
	db := demoDB(t)
	failsWith(t, run(t, nil, "--db", db, "serve", "--listen", "nonsense"), 2, "give a host and port")
	failsWith(t, run(t, nil, "--db", db, "serve", "--listen", "127.0.0.1:99999"), 2, "port must be a number")
	failsWith(t, run(t, nil, "--db", db, "serve", "--max-sessions", "0", "--check-config"), 2, "--max-sessions must be at least 1")
	failsWith(t, run(t, nil, "--db", db, "serve", "--max-sessions-per-member", "0", "--check-config"), 2, "--max-sessions-per-member must be at least 1")
	key := filepath.Join(t.TempDir(), "host-key")
	if err := os.WriteFile(key, []byte("not a key"), 0o644); err != nil {
		t.Fatal(err)
	}
	failsWith(t, run(t, nil, "--db", db, "serve", "--host-key", key, "--check-config", "--listen", "127.0.0.1:0"), 1, "can be read by others")
	os.Chmod(key, 0o600)
	failsWith(t, run(t, nil, "--db", db, "serve", "--host-key", key, "--check-config", "--listen", "127.0.0.1:0"), 1, "is not an unencrypted SSH private key")
	good := ok(t, "--db", db, "serve", "--check-config", "--listen", "127.0.0.1:0")
	for _, want := range []string{"host key " + db + ".host-key: none yet, made on first start", "drafts " + db + ".drafts: can be written", "members have keys", "settings are good"} {
		if !strings.Contains(good, want) {
			t.Errorf("--check-config should say %q:\n%s", want, good)
		}
	}
	for _, made := range []string{db + ".host-key", db + ".drafts"} {
		if _, err := os.Stat(made); err == nil {
			t.Errorf("--check-config made %s: it must only check", made)
		}
	}
}

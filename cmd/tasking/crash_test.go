package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
	gossh "golang.org/x/crypto/ssh"
)

// Crashes proven: a writer is killed (SIGKILL: no defer, no flush, no
// close) at random moments, and after each kill the file is reopened and
// every change the writer acknowledged must be there and `check` clean,
// the audit chain included. TASKING_LONG_TESTS=1 (.ci/run) kills 100
// times; the README's `go test ./...` 10. TASKING_CRASH_SEED replays a run.

// The writer child is this test binary started again with
// TASKING_CRASH_WRITER set: it adds notes to actions A-1…A-5 in a loop,
// through the store as the app does, and prints "ACK n" after each commit.
func init() {
	path := os.Getenv("TASKING_CRASH_WRITER")
	if path == "" {
		return
	}
	os.Exit(crashWriter(path))
}

func crashWriter(path string) int {
	from, _ := strconv.Atoi(os.Getenv("TASKING_CRASH_FROM"))
	offset, _ := time.ParseDuration(os.Getenv("TASKING_CRASH_OFFSET"))
	start := time.Now()
	s, err := bolt.Open(path, bolt.Options{Mode: "cli", Now: func() time.Time { return cliNow.Add(offset + time.Since(start)) }})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		return 3
	}
	members, err := s.Members()
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		return 3
	}
	var helen model.Actor
	for _, m := range members {
		if m.Name == "Helen Marsh" {
			helen = model.ActorFor(m)
		}
	}
	out := bufio.NewWriter(os.Stdout)
	for n := from; ; n++ {
		if _, err := s.AddActionNote(helen, model.ID(n%5+1), 0, crashNote(n), 0); err != nil {
			fmt.Fprintln(os.Stderr, "writer:", err)
			return 3
		}
		fmt.Fprintf(out, "ACK %d\n", n)
		out.Flush()
	}
}

func crashNote(n int) string { return "crash note " + strconv.Itoa(n) }

// crashPlan is how many kills, and the seeded randomness of their moments.
func crashPlan(t *testing.T, short, long int) (int, *mrand.Rand) {
	kills := short
	if os.Getenv("TASKING_LONG_TESTS") == "1" {
		kills = long
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("TASKING_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("TASKING_CRASH_SEED: %v", err)
		}
	}
	t.Logf("%d kills; seed %d (TASKING_CRASH_SEED=%d replays them)", kills, seed, seed)
	return kills, mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// verifyAfterCrash opens the file as the next program would, checks the
// record (pages in a child, as check does, then every record and the
// audit chain) and that every acknowledged note is there.
func verifyAfterCrash(t *testing.T, path string, acked map[int]bool, round int) {
	t.Helper()
	if r := run(t, nil, "--db", path, "check"); r.code != 0 {
		t.Fatalf("after kill %d, check: exit %d\n%s%s", round, r.code, r.stdout, r.stderr)
	}
	s, err := bolt.Open(path, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("after kill %d the file does not open: %v", round, err)
	}
	defer s.Close()
	if problems, err := s.CheckRecords(); err != nil || len(problems) > 0 {
		t.Fatalf("after kill %d: %v %v", round, err, problems)
	}
	have := map[string]bool{}
	for id := model.ID(1); id <= 5; id++ {
		us, err := s.ActionHistory(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range us {
			have[u.Text] = true
		}
	}
	for n := range acked {
		if !have[crashNote(n)] {
			t.Fatalf("after kill %d, acknowledged change %d (%q) is missing", round, n, crashNote(n))
		}
	}
}

func TestKilledWriterLosesNoAcknowledgedChange(t *testing.T) {
	kills, rnd := crashPlan(t, 10, 100)
	db := demoDB(t)
	acked := map[int]bool{}
	next := 1
	for round := 1; round <= kills; round++ {
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), "TASKING_CRASH_WRITER="+db, "TASKING_CRASH_FROM="+strconv.Itoa(next),
			"TASKING_CRASH_OFFSET="+(time.Duration(round)*time.Second).String())
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		child.Stderr = &stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		acks := make(chan int, 1024)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ACK ")); err == nil {
					acks <- n
				}
			}
			close(acks)
		}()
		// Kill after a random number of acknowledged changes (0–40), and a
		// random moment into the next one: mid-transaction, mid-fsync, or
		// between changes.
		want := rnd.IntN(41)
		got := 0
		deadline := time.After(20 * time.Second)
		for got < want {
			select {
			case n, ok := <-acks:
				if !ok {
					t.Fatalf("the writer stopped by itself: %s", stderr.String())
				}
				acked[n] = true
				got++
			case <-deadline:
				t.Fatalf("round %d: only %d of %d changes in 20s", round, got, want)
			}
		}
		spin(rnd.IntN(3000)) // up to a few milliseconds of work
		_ = child.Process.Signal(syscall.SIGKILL)
		for n := range acks {
			acked[n] = true
		}
		err = child.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the writer ended with %v, not killed: %s", round, err, stderr.String())
		}
		for n := range acked {
			next = max(next, n+1)
		}
		next++ // a change in flight when it was killed may have committed unacknowledged
		verifyAfterCrash(t, db, acked, round)
	}
	t.Logf("%d changes acknowledged, all present after %d kills", len(acked), kills)
}

// spin busies the CPU for about n microseconds: a kill's moment, without a
// sleep the scheduler might round up.
func spin(n int) {
	end := time.Now().Add(time.Duration(n) * time.Microsecond)
	for time.Now().Before(end) {
	}
}

// The same against tasking serve: members write over SSH, the server is
// killed, restarted, and every change a client saw succeed is there.
func TestKilledServerLosesNoAcknowledgedChange(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills servers: not in -short")
	}
	kills, rnd := crashPlan(t, 3, 100)
	db := demoDB(t)
	dir := t.TempDir()
	writers := []string{"Helen Marsh", "Sgt Jas Patel"}
	keys := map[string]gossh.Signer{}
	for _, name := range writers {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		keys[name] = signer
		pub := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".pub")
		if err := os.WriteFile(pub, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
			t.Fatal(err)
		}
		ok(t, "--db", db, "--as", "Helen Marsh", "member", "key", "add", name, pub)
	}
	hostKey := filepath.Join(dir, "host-key")
	var mu sync.Mutex
	acked := map[int]bool{}
	next := 1
	for round := 1; round <= kills; round++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		env := isolatedEnv(filepath.Join(dir, "home"))
		for i, kv := range env {
			if strings.HasPrefix(kv, "TASKING_NOW=") {
				env[i] = "TASKING_NOW=" + cliNow.Add(time.Duration(round)*time.Minute).Format("2006-01-02T15:04:05")
			}
		}
		srv := exec.Command(binary, "--db", db, "serve", "--listen", addr, "--host-key", hostKey)
		srv.Env = env
		var srvErr strings.Builder
		srv.Stderr, srv.Stdout = &srvErr, &srvErr
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		// Up when it takes a connection (polled, no fixed wait).
		up := time.Now().Add(15 * time.Second)
		for {
			c, err := net.DialTimeout("tcp", addr, time.Second)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(up) {
				srv.Process.Kill()
				t.Fatalf("the server did not start: %s", srvErr.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
		// Clients write until the server goes; each note number is used once.
		ctx, stop := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		numbers := make(chan int)
		go func(from int) {
			for n := from; ; n++ {
				select {
				case numbers <- n:
				case <-ctx.Done():
					close(numbers)
					return
				}
			}
		}(next)
		ackCount := make(chan struct{}, 4096)
		for _, name := range writers {
			wg.Add(1)
			go func(name string) {
				defer wg.Done()
				cfg := &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(keys[name])},
					HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
				for n := range numbers {
					c, err := gossh.Dial("tcp", addr, cfg)
					if err != nil {
						continue // the server is gone
					}
					s, err := c.NewSession()
					if err == nil {
						// A-1 is Jas's agency's, so both may note it.
						err = s.Run(fmt.Sprintf("action update A-%d --note %s", n%5+1, shellQuote(crashNote(n))))
						s.Close()
					}
					c.Close()
					if err == nil {
						mu.Lock()
						acked[n] = true
						mu.Unlock()
						ackCount <- struct{}{}
					}
				}
			}(name)
		}
		want := 1 + rnd.IntN(12)
		deadline := time.After(30 * time.Second)
		for got := 0; got < want; got++ {
			select {
			case <-ackCount:
			case <-deadline:
				srv.Process.Kill()
				t.Fatalf("round %d: %d of %d changes over SSH in 30s: %s", round, got, want, srvErr.String())
			}
		}
		spin(rnd.IntN(20000))
		_ = srv.Process.Signal(syscall.SIGKILL)
		_ = srv.Wait()
		stop()
		wg.Wait()
		mu.Lock()
		for n := range acked {
			next = max(next, n+1)
		}
		mu.Unlock()
		next += 10 // numbers handed out but not acknowledged may have committed
		verifyAfterCrash(t, db, acked, round)
	}
	t.Logf("%d changes acknowledged over SSH, all present after %d server kills", len(acked), kills)
}

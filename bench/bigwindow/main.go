// Command bigwindow is one member claiming a huge terminal from `tasking
// serve` (bench/bigwindow.sh): on a small demo copy, with the server a
// process of its own on 127.0.0.1, one client asks for a -width×-height
// terminal with the app open, holds it for -hold, and leaves; the
// server's resident memory (VmRSS) is sampled throughout and for -after
// once the client has gone, while another of the member's connections
// runs a command every 250 ms to show what the others feel. The load is
// bounded: one client, a few seconds, and the server is killed if its
// memory passes -limit.
package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
)

var (
	tasking = flag.String("tasking", "", "the tasking binary (bench/bigwindow.sh builds it)")
	width   = flag.Int("width", 10000, "the terminal's width the client claims")
	height  = flag.Int("height", 10000, "the terminal's height the client claims")
	hold    = flag.Duration("hold", 3*time.Second, "how long the client keeps the session")
	after   = flag.Duration("after", 5*time.Second, "how long memory is watched once the client has gone")
	limit   = flag.Int("limit", 6<<20, "kill the server past this much resident memory, in kB (the load is bounded)")
)

func main() {
	flag.Parse()
	work, err := os.MkdirTemp("", "bigwindow")
	if err == nil {
		defer os.RemoveAll(work)
		err = run(work)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigwindow:", err)
		os.Exit(1)
	}
}

func run(work string) error {
	db := filepath.Join(work, "t.db")
	cli := func(args ...string) error {
		out, err := exec.Command(*tasking, append([]string{"--db", db}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("tasking %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := cli("demo"); err != nil {
		return err
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := ssh.NewSignerFromKey(priv)
	pub := filepath.Join(work, "key.pub")
	if err := os.WriteFile(pub, ssh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		return err
	}
	if err := cli("--as", "Helen Marsh", "member", "key", "add", "Gary Fletcher", pub); err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := l.Addr().String()
	l.Close()
	srv := exec.Command(*tasking, "--db", db, "serve", "--listen", addr)
	out, _ := srv.StdoutPipe()
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Process.Kill()
	sc := bufio.NewScanner(out)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "ctrl+c stops") {
	}
	go io.Copy(io.Discard, out)
	rss := func() int { return status(srv.Process.Pid, "VmRSS") }
	cpu := func() time.Duration { return cpuOf(srv.Process.Pid) }

	cfg := &ssh.ClientConfig{User: "x", Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	other, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	defer other.Close()
	before, cpu0 := rss(), cpu()
	fmt.Printf("server RSS before: %d MB\n", before/1024)

	// The others: one command every 250 ms throughout, timed.
	var waits []time.Duration
	stopOthers := make(chan struct{})
	othersDone := make(chan struct{})
	go func() {
		defer close(othersDone)
		for {
			select {
			case <-stopOthers:
				return
			case <-time.After(250 * time.Millisecond):
			}
			s, err := other.NewSession()
			if err != nil {
				return
			}
			t := time.Now()
			_, _ = s.Output("actions --agency police")
			waits = append(waits, time.Since(t))
			s.Close()
		}
	}()

	c, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	s, err := c.NewSession()
	if err != nil {
		return err
	}
	if err := s.RequestPty("xterm-256color", *height, *width, ssh.TerminalModes{}); err != nil {
		return err
	}
	stdout, _ := s.StdoutPipe()
	go io.Copy(io.Discard, stdout)
	if err := s.Shell(); err != nil {
		return err
	}
	peak, killed := before, false
	watch := func(d time.Duration, label string) {
		for end := time.Now().Add(d); time.Now().Before(end) && !killed; time.Sleep(100 * time.Millisecond) {
			r := rss()
			peak = max(peak, r)
			if r > *limit {
				srv.Process.Kill()
				killed = true
				fmt.Printf("server killed at %d MB (-limit)\n", r/1024)
			}
		}
		fmt.Printf("server RSS %s: %d MB (peak so far %d MB)\n", label, rss()/1024, peak/1024)
	}
	start := time.Now()
	watch(*hold, fmt.Sprintf("after %s connected at %d×%d", *hold, *width, *height))
	s.Close()
	c.Close()
	left := time.Since(start)
	for i := time.Duration(1); i*time.Second <= *after && !killed; i++ {
		watch(time.Second, fmt.Sprintf("%s after the client left", i*time.Second))
	}
	close(stopOthers)
	<-othersDone
	slices.Sort(waits)
	if len(waits) > 0 {
		fmt.Printf("another member's command meanwhile: %d run, median %s, slowest %s\n", len(waits),
			waits[len(waits)/2].Round(time.Millisecond), waits[len(waits)-1].Round(time.Millisecond))
	}
	fmt.Printf("server CPU over the %s: %s\n", (left + *after).Round(time.Second), (cpu() - cpu0).Round(10*time.Millisecond))
	if killed {
		return errors.New("the server passed -limit and was killed")
	}
	return nil
}

// status is one memory line of /proc/PID/status, in kB.
func status(pid int, key string) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == key {
			n, _ := strconv.Atoi(strings.Fields(v)[0])
			return n
		}
	}
	return 0
}

// cpuOf is a process's user and system time so far.
func cpuOf(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

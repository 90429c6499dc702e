// Command serveload is the server under load (bench/serve.sh): 30 members
// connected to `tasking serve` over real SSH, each with the app open in a
// terminal, each making 100 action updates over the same connection, as
// fast as the server answers, all at once.
//
// It copies the decade (internal/benchdb), gives the members fresh ed25519
// keys with `tasking member key add`, starts `tasking serve` as a process of
// its own (so its peak resident memory is the server's alone: VmHWM), and
// then, for each member, opens one SSH connection carrying
//
//   - the app, in a 120×40 terminal (a PTY, xterm-256color), whose output is
//     fed into a terminal emulator (charmbracelet/x/vt) as it arrives, the
//     terminal's answers to the app's queries going back as a real one's
//     would;
//   - 100 commands, one after another, each its own exec session:
//     `action update A-N --note 'load test K'`, K numbering the 3,000
//     updates, on actions the member's agency owns (three of them, taken in
//     turn, none shared with another member; the chair assigns more first
//     where an agency has too few open). With more -sessions than the
//     record has active members (the decade's are about 41), the chair
//     adds the rest first, to the agencies in turn.
//
// With -apps=false the connections carry only the commands: the difference
// is what the open apps cost the server.
//
// With -postgres the record is a PostgreSQL database of the run's own on
// that server (made afresh, dropped afterwards unless -keep): the decade
// copied in with `tasking copy` (minutes), or, with -template, a clone of
// a database already holding a record (CREATE DATABASE … TEMPLATE:
// seconds). -servers 2 then starts two `tasking serve` processes on it,
// each with its own host key and folder, and the members are split between
// them in turn: an arrival at an app on the other server has travelled by
// LISTEN/NOTIFY.
//
// An update arrives at another member's app when its footer says so: the
// app names someone else's saved change there ("✓ Gary Fletcher: A-12
// update", tui/presence.go). Each app's bottom row is read from its
// emulator after every read from the connection; each time it changes to
// name another member's change, that is an arrival. Bubble Tea redraws only
// the cells that change, so the text is read from the emulated screen, not
// looked for in the bytes.
//
// The arrival is timed from the update's write. After the run the audit log
// gives the order the updates committed in and each one's time to the
// nanosecond, on the server's clock (TASKING_NOW shifts it from this one by
// an offset found from the updates themselves: each write began after its
// command was sent and before its reply came back). The footer names a
// member and an action, not an update, and each member's actions come round
// every three updates, so an arrival is matched through the commit order:
// an app hears of changes in the order they commit, so the places its
// arrivals match rise; each is matched to the update of that member and
// action, written before it was shown, nearest the places its neighbours
// match. Those that could be either of two are counted and the figures
// given without them too. Footer text is overwritten by the next change,
// so not every arrival can be seen: the number seen of the 3,000×29
// possible is printed.
//
// Afterwards the server is stopped (SIGTERM) and every note is looked for in
// its action's history (`tasking action show REF --format json`).
//
// Run it with bench/serve.sh, which builds tasking first.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ccsp/tasking/internal/benchdb"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/pg"
	"github.com/charmbracelet/x/vt"
	"golang.org/x/crypto/ssh"
)

const (
	termW, termH = 120, 40
)

var (
	tasking  = flag.String("tasking", "", "the tasking binary to serve with (bench/serve.sh builds it)")
	sessions = flag.Int("sessions", 30, "members connected at once, each with the app open")
	updates  = flag.Int("updates", 100, "action updates each member makes")
	per      = flag.Int("actions", 3, "actions each member updates in turn")
	quiet    = flag.Duration("quiet", time.Second, "after the last update, watch the apps until none has drawn anything for this long (at most 30 s)")
	withApps = flag.Bool("apps", true, "open the app in each member's session (-apps=false: the commands alone, to see what the apps cost)")
	every    = flag.Duration("every", 0, "each member waits this long between updates (0: as fast as the server answers); 1s is 30 updates a second from 30 members, a very busy meeting")
	keep     = flag.Bool("keep", false, "keep the work folder (the database copy, keys, the server's log)")
	postgres = flag.String("postgres", "", "a PostgreSQL server (postgres://…): the record is a database of the run's own there, not a file")
	template = flag.String("template", "", "with -postgres: clone this database (holding a record, e.g. the decade copied in once) instead of copying the decade in")
	servers  = flag.Int("servers", 1, "tasking serve processes on the one record, the members split between them (more than one needs -postgres)")
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("serveload: ")
	flag.Parse()
	if *tasking == "" {
		log.Fatal("-tasking: give the tasking binary (bench/serve.sh builds it)")
	}
	if *servers < 1 || (*servers > 1 && *postgres == "") {
		log.Fatal("-servers: one, or several with -postgres (a file is served by one process)")
	}
	if *template != "" && *postgres == "" {
		log.Fatal("-template: only with -postgres")
	}
	if os.Getenv("TASKING_NOW") == "" {
		os.Setenv("TASKING_NOW", "2026-11-24T10:00")
	}
	work, err := os.MkdirTemp("", "serveload-")
	if err != nil {
		log.Fatal(err)
	}
	if !*keep {
		defer os.RemoveAll(work)
	}
	if err := run(work); err != nil {
		if *keep {
			log.Printf("work folder kept: %s", work)
		}
		log.Print(err)
		if !*keep {
			os.RemoveAll(work)
		}
		os.Exit(1)
	}
	if *keep {
		log.Printf("work folder kept: %s", work)
	}
}

// member is one of the members under load.
type member struct {
	Name, Agency, Role string
	refs               []string // the actions this member updates, in turn
	signer             ssh.Signer

	commits []commit
	fails   []string
}

// commit is one update as its writer saw it.
type commit struct {
	n          int // the K of "load test K"
	ref        string
	sent, back time.Time
}

// arrival is an app's footer changing to name another member's change.
type arrival struct {
	at        time.Time
	name, ref string
}

func run(work string) error {
	src, err := benchdb.Build()
	if err != nil {
		return fmt.Errorf("the decade: %w", err)
	}
	db := filepath.Join(work, "decade.db")
	if *postgres == "" {
		fmt.Printf("== copying the decade (%s)\n", src)
		if err := copyFile(src, db); err != nil {
			return err
		}
	} else {
		drop, err := makeDatabase(src, &db)
		if err != nil {
			return err
		}
		if !*keep {
			defer drop()
		}
	}
	cli := func(args ...string) ([]byte, error) {
		cmd := exec.Command(*tasking, append([]string{"--db", db}, args...)...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(work, "config"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return out, fmt.Errorf("tasking %s: %v: %s", strings.Join(args, " "), err, stderr.String())
		}
		return out, nil
	}

	fmt.Printf("== choosing %d members and their agencies' open actions\n", *sessions)
	members, chair, added, joined, err := choose(cli)
	if err != nil {
		return err
	}
	agencies := map[string]bool{}
	for _, m := range members {
		agencies[m.Agency] = true
	}
	fmt.Printf("   %d members of %d agencies, %d actions each", len(members), len(agencies), *per)
	if joined > 0 {
		fmt.Printf(" (%d of them added by the chair first: the record has too few active members)", joined)
	}
	if added > 0 {
		fmt.Printf(" (%d actions assigned by the chair first, where an agency had too few open)", added)
	}
	fmt.Println()

	fmt.Println("== giving each a fresh ed25519 key (tasking member key add)")
	keys := filepath.Join(work, "keys")
	if err := os.Mkdir(keys, 0o700); err != nil {
		return err
	}
	for i, m := range members {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		if m.signer, err = ssh.NewSignerFromKey(priv); err != nil {
			return err
		}
		pub := filepath.Join(keys, fmt.Sprintf("m%d.pub", i))
		if err := os.WriteFile(pub, ssh.MarshalAuthorizedKey(m.signer.PublicKey()), 0o600); err != nil {
			return err
		}
		if _, err := cli("--as", chair, "member", "key", "add", m.Name, pub); err != nil {
			return err
		}
	}

	srvs := make([]*server, *servers)
	for k := range srvs {
		srv, err := startServer(work, db, k)
		if err != nil {
			return err
		}
		defer srv.kill()
		fmt.Printf("== started tasking serve on %s\n", srv.addr)
		srvs[k] = srv
		srv.mem = srv.sample(100 * time.Millisecond)
	}

	fmt.Printf("== %d members connect, each opening the app\n", len(members))
	conns := make([]*ssh.Client, len(members))
	apps := make([]*app, len(members))
	names := map[string]int{}
	for i, m := range members {
		names[m.Name] = i
	}
	connectStart := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(members))
	for i, m := range members {
		srv := srvs[i%len(srvs)] // the members split between the servers in turn
		wg.Go(func() {
			c, err := ssh.Dial("tcp", srv.addr, &ssh.ClientConfig{
				User:            "bench",
				Auth:            []ssh.AuthMethod{ssh.PublicKeys(m.signer)},
				HostKeyCallback: ssh.FixedHostKey(srv.hostKey),
				Timeout:         30 * time.Second,
			})
			if err != nil {
				errs[i] = fmt.Errorf("%s connects: %w", m.Name, err)
				return
			}
			conns[i] = c
			if *withApps {
				apps[i], errs[i] = openApp(c, names)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if !*withApps {
		apps = nil
	}
	for i, a := range apps {
		select {
		case <-a.ready:
		case <-time.After(60 * time.Second):
			return fmt.Errorf("%s's app never drew home:\n%s", members[i].Name, a.screen())
		}
	}
	if *withApps {
		fmt.Printf("   every app drew home in %s\n", time.Since(connectStart).Round(time.Millisecond))
	}
	var idleRSS []int
	for _, srv := range srvs {
		idleRSS = append(idleRSS, srv.status()["VmRSS"])
	}

	fmt.Printf("== %d members make %d updates each, all at once\n", len(members), *updates)
	cpu0, self0, start := cpus(srvs), selfCPU(), time.Now()
	for i, m := range members {
		wg.Go(func() { m.write(conns[i], i) })
	}
	wg.Wait()
	elapsed := time.Since(start)
	settled := settle(apps, *quiet, 30*time.Second)
	var hwm, peakAnon []int
	for _, srv := range srvs {
		hwm = append(hwm, srv.status()["VmHWM"])
		peakAnon = append(peakAnon, srv.mem.stop())
	}
	cpu, self := cpus(srvs)-cpu0, selfCPU()-self0
	for i, a := range apps {
		if *keep {
			// What each member's terminal showed at the end, to check the
			// emulator read the app as a terminal would.
			os.WriteFile(filepath.Join(work, fmt.Sprintf("screen-%d.txt", i)), []byte(a.screen()+"\n"), 0o600)
		}
		a.close()
	}
	for _, c := range conns {
		c.Close()
	}
	fmt.Println("== stopping the server")
	for _, srv := range srvs {
		if err := srv.stop(); err != nil {
			return err
		}
	}

	fmt.Println("== looking for every note in its action's history")
	present, wrong, lost, err := verify(cli, members)
	if err != nil {
		return err
	}

	// The order the updates committed in, from the audit log; then each
	// app's arrivals matched to it.
	order, offsetWidth, err := commitOrder(db, members, len(srvs))
	if err != nil {
		return err
	}
	lat := matchArrivals(order, apps, names, len(members)**per)
	if *keep {
		dumpTimings(filepath.Join(work, "timings.json"), order, apps, members)
	}
	var rtt []time.Duration
	fails := 0
	for _, m := range members {
		for _, c := range m.commits {
			if !c.back.IsZero() {
				rtt = append(rtt, c.back.Sub(c.sent))
			}
		}
		fails += len(m.fails)
		for i, f := range m.fails {
			if i < 3 {
				fmt.Printf("   %s: %s\n", m.Name, f)
			}
		}
	}
	total := len(members) * *updates
	possible := total * (len(members) - 1)

	fmt.Println("== results")
	if len(srvs) > 1 {
		fmt.Printf("servers      %d tasking serve processes on one PostgreSQL database, the members split between them\n", len(srvs))
	}
	if *withApps {
		fmt.Printf("sessions     %d, each the app in a %d×%d terminal and the member's commands, on one SSH connection\n", len(members), termW, termH)
	} else {
		fmt.Printf("sessions     %d, each the member's commands on one SSH connection; no app open (-apps=false)\n", len(members))
	}
	fmt.Printf("updates      %d made, %d refused or failed, in %s (%.0f a second)\n",
		len(rtt), fails, elapsed.Round(time.Millisecond), float64(len(rtt))/elapsed.Seconds())
	fmt.Printf("present      %d of %d notes in their actions' histories afterwards", present, total)
	if wrong > 0 {
		fmt.Printf(" (%d under the wrong name or twice)", wrong)
	}
	fmt.Println()
	fmt.Printf("lost         %d of the %d updates acknowledged (a reply saying the note was added) are not in the record\n", lost, len(rtt))
	fmt.Printf("round trip   p50 %s, p99 %s, max %s: an update command, sent to its reply\n", pct(rtt, 50), pct(rtt, 99), pct(rtt, 100))
	if *withApps {
		fmt.Printf("arrival      p50 %s, p99 %s, max %s: the update's write to another member's app showing it\n",
			pct(lat.all, 50), pct(lat.all, 99), pct(lat.all, 100))
		fmt.Printf("             (the write's time is known to within %s, and is when its transaction began, a few ms\n", fmtDur(offsetWidth))
		fmt.Printf("             before it committed: these err high by that)\n")
		fmt.Printf("             %d of the %d possible arrivals seen (%.0f%%; an app shows the latest change, so one\n",
			len(lat.all), possible, 100*float64(len(lat.all))/float64(possible))
		fmt.Printf("             overwritten before it is drawn is not seen); %d footers matched no update; %d arrivals\n", lat.unmatched, lat.ambiguous)
		fmt.Printf("             could be either of two updates: without them p50 %s, p99 %s\n", pct(lat.sure, 50), pct(lat.sure, 99))
	}
	for k := range srvs {
		fmt.Printf("server RSS   %s at most (VmHWM; %s before the updates; anonymous memory at most %s, the rest\n", kb(hwm[k]), kb(idleRSS[k]), kb(peakAnon[k]))
		fmt.Printf("             the database's pages read through the memory map)\n")
	}
	fmt.Printf("CPU          server%s %.1f s, this driver %.1f s (user+system, from the first update until the apps were\n", plural(len(srvs)), cpu.Seconds(), self.Seconds())
	fmt.Printf("             quiet, %s after the last; %d cores)\n", settled.Round(time.Millisecond), runtime.NumCPU())
	fmt.Printf("elapsed      %s\n", elapsed.Round(time.Millisecond))
	if lost > 0 {
		return fmt.Errorf("%d acknowledged updates are not in the record", lost)
	}
	if present != total || fails > 0 {
		return fmt.Errorf("%d of %d updates are not in the record", total-present, total)
	}
	return nil
}

// placed is one update in commit order, with the window its commit fell
// in, on this process's clock.
type placed struct {
	w              int // the writer
	name, ref      string
	commit         time.Time // the middle of early and late
	sent, back, at time.Time
	early, late    time.Time
}

// commitOrder reads the order the updates committed in from the audit log
// of the stopped server's database (audit numbers are given inside the
// write transaction, so they run in commit order), and pairs each with its
// writer's timings: a writer's updates are one after another, so its k-th
// in the log is its k-th sent. An audit event's time is the server's clock
// as its write transaction began, to the nanosecond; the server's clock is
// this one shifted (TASKING_NOW) by an offset it does not print, found
// here from the updates themselves: each began after it was sent and
// before its reply came back, which pins the offset to within the
// quickest round trip. offsetWidth is how far it is unsure (the widest of
// the servers').
func commitOrder(db string, members []*member, servers int) (order []placed, offsetWidth time.Duration, err error) {
	var s store.Record
	if pg.IsDSN(db) {
		s, err = pg.OpenReadOnly(context.Background(), db, nil)
	} else {
		s, err = bolt.Open(db, bolt.Options{ReadOnly: true, Mode: "bench"})
	}
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	total := 0
	names := map[string]int{}
	for i, m := range members {
		total += len(m.commits)
		names[m.Name] = i
	}
	events, err := s.AuditEvents(total + 1000)
	if err != nil {
		return nil, 0, err
	}
	next := make([]int, len(members))
	for i := len(events) - 1; i >= 0; i-- { // oldest first
		e := events[i]
		var after model.Action
		if e.Op != model.OpActionUpdate || json.Unmarshal(e.After, &after) != nil || !strings.HasPrefix(after.LastUpdate, "load test ") {
			continue
		}
		w, ok := names[e.By]
		if !ok {
			return nil, 0, fmt.Errorf("audit: %s by %s, who is not under load", after.LastUpdate, e.By)
		}
		m := members[w]
		k := next[w]
		for k < len(m.commits) && m.commits[k].back.IsZero() {
			k++ // refused: not in the log
		}
		if k == len(m.commits) || fmt.Sprintf("load test %d", m.commits[k].n) != after.LastUpdate || m.commits[k].ref != e.Ref {
			return nil, 0, fmt.Errorf("audit: %s's update %q on %s is not the one sent next", m.Name, after.LastUpdate, e.Ref)
		}
		next[w] = k + 1
		c := m.commits[k]
		order = append(order, placed{w: w, name: m.Name, ref: c.ref, sent: c.sent, back: c.back, at: e.At})
	}
	if len(order) == 0 {
		return nil, 0, errors.New("audit: none of the updates is in the log")
	}
	// offset = server clock − this clock: at least at−back, at most at−sent.
	// Each server has its own (TASKING_NOW is applied as it starts), and a
	// write's time is its own server's: member w writes through server
	// w mod servers.
	n := max(1, servers)
	lo, hi := make([]time.Duration, n), make([]time.Duration, n)
	for k := range n {
		lo[k], hi[k] = time.Duration(math.MinInt64), time.Duration(math.MaxInt64)
	}
	for _, c := range order {
		k := c.w % n
		lo[k] = max(lo[k], c.at.Sub(c.back))
		hi[k] = min(hi[k], c.at.Sub(c.sent))
	}
	for k := range n {
		if lo[k] > hi[k] {
			return nil, 0, fmt.Errorf("audit: server %d's clock does not fit the updates' timings (offset %s to %s)", k, lo[k], hi[k])
		}
		if lo[k] != time.Duration(math.MinInt64) {
			offsetWidth = max(offsetWidth, hi[k]-lo[k])
		}
	}
	for i := range order {
		k := order[i].w % n
		order[i].early, order[i].late = order[i].at.Add(-hi[k]), order[i].at.Add(-lo[k])
		order[i].commit = order[i].at.Add(-(lo[k] + hi[k]) / 2)
	}
	return order, offsetWidth, nil
}

// latencies are the arrivals' times from commit, all of them and those
// that could be matched only one way.
type latencies struct {
	all, sure            []time.Duration
	ambiguous, unmatched int
}

// matchArrivals matches each app's arrivals to the commit order. The
// footer names a member and an action, and each member updates each of
// their actions every few updates, so an arrival could be any update of
// that action by that member which had committed by then (the candidates):
// usually the latest, but an app running late may show an older one. An app
// hears of changes in the order they commit, so its arrivals' places in
// the commit order rise (give or take a few notices overtaking each other
// between commit and publishing): each arrival is matched to the candidate
// nearest the middle of its neighbours' latest candidates (five arrivals
// either side). It is ambiguous if another candidate is as near as half a
// round of all the members' actions (the distance between two candidates).
func matchArrivals(order []placed, apps []*app, names map[string]int, round int) latencies {
	var l latencies
	at := map[[2]string][]int{} // (name, ref) → places in the order
	for p, c := range order {
		k := [2]string{c.name, c.ref}
		at[k] = append(at[k], p)
	}
	for r, a := range apps {
		var cands [][]int
		var evs []arrival
		for _, ev := range a.arrivals {
			w, ok := names[ev.name]
			if !ok || w == r {
				l.unmatched++
				continue
			}
			var c []int
			for _, p := range at[[2]string{ev.name, ev.ref}] {
				if order[p].early.Before(ev.at) {
					c = append(c, p)
				}
			}
			if len(c) == 0 {
				l.unmatched++
				continue
			}
			cands = append(cands, c)
			evs = append(evs, ev)
		}
		latest := make([]int, len(cands))
		for i, c := range cands {
			latest[i] = c[len(c)-1]
		}
		for i, c := range cands {
			var nb []int
			nb = append(nb, latest[max(0, i-5):i]...)
			nb = append(nb, latest[i+1:min(len(latest), i+6)]...)
			mid := latest[i]
			if len(nb) > 0 {
				slices.Sort(nb)
				mid = nb[len(nb)/2]
			}
			best, near := -1, 0
			for j := len(c) - 1; j >= 0; j-- {
				if best < 0 || abs(c[j]-mid) < abs(best-mid) {
					best = c[j]
				}
				if abs(c[j]-mid) <= round/2 {
					near++
				}
			}
			d := evs[i].at.Sub(order[best].commit)
			l.all = append(l.all, d)
			if near > 1 {
				l.ambiguous++
			} else {
				l.sure = append(l.sure, d)
			}
		}
	}
	return l
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// choose picks the members: active, role member or chair, spread over the
// agencies, each with -actions open actions of their own agency that no
// other chosen member has. Agencies are taken in turn; a member whose
// agency has too few open actions left is taken only after everyone whose
// agency has enough, and the chair assigns the missing actions first.
func choose(cli func(...string) ([]byte, error)) (members []*member, chair string, added, joined int, err error) {
	out, err := cli("member", "list", "--format", "json")
	if err != nil {
		return nil, "", 0, 0, err
	}
	var all []struct{ Name, Agency, Role, Retired string }
	if err := json.Unmarshal(out, &all); err != nil {
		return nil, "", 0, 0, err
	}
	out, err = cli("actions", "--format", "json") // open work: open, in progress, blocked
	if err != nil {
		return nil, "", 0, 0, err
	}
	var open []struct{ Ref, Agency string }
	if err := json.Unmarshal(out, &open); err != nil {
		return nil, "", 0, 0, err
	}
	pool := map[string][]string{}
	for _, a := range open {
		pool[a.Agency] = append(pool[a.Agency], a.Ref)
	}
	byAgency := map[string][]*member{}
	var order []string
	for _, m := range all {
		if m.Role == "chair" && chair == "" {
			chair = m.Name
		}
		if m.Retired != "" || (m.Role != "member" && m.Role != "chair") {
			continue
		}
		if _, ok := byAgency[m.Agency]; !ok {
			order = append(order, m.Agency)
		}
		byAgency[m.Agency] = append(byAgency[m.Agency], &member{Name: m.Name, Agency: m.Agency, Role: m.Role})
	}
	if chair == "" {
		return nil, "", 0, 0, errors.New("the record has no chair")
	}
	take := func(enough bool) {
		for progress := true; progress && len(members) < *sessions; {
			progress = false
			for _, ag := range order {
				if len(members) == *sessions || len(byAgency[ag]) == 0 || (enough && len(pool[ag]) < *per) {
					continue
				}
				m := byAgency[ag][0]
				byAgency[ag] = byAgency[ag][1:]
				n := min(*per, len(pool[ag]))
				m.refs, pool[ag] = slices.Clone(pool[ag][:n]), pool[ag][n:] // its own: the chair's additions are appended
				members = append(members, m)
				progress = true
			}
		}
	}
	take(true)
	take(false)
	// More sessions than the record has active members (the decade has
	// about 41): the chair adds the rest, to the agencies in turn, each
	// with open actions of their agency where there are any left.
	for k := 1; len(members) < *sessions; k++ {
		ag := order[(k-1)%len(order)]
		name := fmt.Sprintf("Load Tester %d", k)
		if _, err := cli("--as", chair, "member", "add", name, "--agency", ag); err != nil {
			return nil, "", 0, 0, fmt.Errorf("adding %s to %s: %w", name, ag, err)
		}
		m := &member{Name: name, Agency: ag, Role: "member"}
		n := min(*per, len(pool[ag]))
		m.refs, pool[ag] = slices.Clone(pool[ag][:n]), pool[ag][n:] // its own: the chair's additions are appended
		members = append(members, m)
		joined++
	}
	refRE := regexp.MustCompile(`\bA-\d+\b`)
	for _, m := range members {
		for len(m.refs) < *per {
			out, err := cli("--as", chair, "action", "add", "--agency", m.Agency, "--due", "+4w",
				fmt.Sprintf("Load test: %s's action %d", m.Name, len(m.refs)+1))
			if err != nil {
				return nil, "", 0, 0, err
			}
			ref := refRE.FindString(string(out))
			if ref == "" {
				return nil, "", 0, 0, fmt.Errorf("action add printed no ref: %s", out)
			}
			m.refs = append(m.refs, ref)
			added++
		}
	}
	return members, chair, added, joined, nil
}

// write makes the member's updates, one after another, each an exec session
// on the member's connection.
func (m *member) write(c *ssh.Client, i int) {
	next := time.Now()
	for j := range *updates {
		if *every > 0 {
			// Paced from a schedule, not from the last reply: a slow reply
			// does not slow the member down.
			time.Sleep(time.Until(next))
			next = next.Add(*every)
		}
		n := i**updates + j + 1
		ref := m.refs[j%len(m.refs)]
		cm := commit{n: n, ref: ref, sent: time.Now()}
		out, err := execute(c, fmt.Sprintf("action update %s --note 'load test %d'", ref, n))
		if err == nil && !strings.Contains(out, "progress note added") {
			err = fmt.Errorf("unexpected reply %q", out)
		}
		if err != nil {
			m.fails = append(m.fails, fmt.Sprintf("load test %d on %s: %v", n, ref, err))
		} else {
			cm.back = time.Now()
		}
		m.commits = append(m.commits, cm)
	}
}

func execute(c *ssh.Client, cmd string) (string, error) {
	s, err := c.NewSession()
	if err != nil {
		return "", err
	}
	defer s.Close()
	var stdout, stderr bytes.Buffer
	s.Stdout, s.Stderr = &stdout, &stderr
	if err := s.Run(cmd); err != nil {
		return stdout.String(), fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// app is one member's app, in a terminal emulator fed from the connection.
type app struct {
	sess  *ssh.Session
	em    *vt.Emulator
	mu    sync.Mutex // guards em against screen() from another goroutine
	ready chan struct{}
	done  chan struct{}
	// lastOutput is when the app last drew anything (unix nanoseconds).
	lastOutput atomic.Int64

	arrivals []arrival
}

var footerRE = regexp.MustCompile(`✓ (.+?): (A-\d+) (?:updated|progress note)\b`)

func openApp(c *ssh.Client, names map[string]int) (*app, error) {
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	stdin, err := s.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := s.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := s.RequestPty("xterm-256color", termH, termW, ssh.TerminalModes{}); err != nil {
		return nil, err
	}
	a := &app{sess: s, em: vt.NewEmulator(termW, termH), ready: make(chan struct{}), done: make(chan struct{})}
	// The terminal's answers (its background colour, its modes) go back to
	// the app, as a real terminal's do.
	go io.Copy(stdin, a.em)
	if err := s.Shell(); err != nil {
		return nil, err
	}
	go a.read(stdout, names)
	return a, nil
}

// read feeds the app's output to the emulator and notes every change of
// the footer that names another member's update.
func (a *app) read(r io.Reader, names map[string]int) {
	defer close(a.done)
	buf := make([]byte, 64<<10)
	footer, ready := "", false
	for {
		n, err := r.Read(buf)
		if n > 0 {
			at := time.Now()
			a.lastOutput.Store(at.UnixNano())
			a.mu.Lock()
			a.em.Write(buf[:n])
			if !ready && strings.Contains(a.em.String(), "Hotspots by risk") {
				ready = true
				close(a.ready)
			}
			f := row(a.em, termH-1)
			a.mu.Unlock()
			if f != footer {
				footer = f
				if m := footerRE.FindStringSubmatch(f); m != nil {
					if _, ok := names[m[1]]; ok {
						a.arrivals = append(a.arrivals, arrival{at: at, name: m[1], ref: m[2]})
					}
				}
			}
		}
		if err != nil {
			return
		}
	}
}

// settle waits until no app has drawn anything for quiet (the last
// arrivals are in), or for at most limit, and says how long it waited.
func settle(apps []*app, quiet, limit time.Duration) time.Duration {
	start := time.Now()
	for time.Since(start) < limit {
		last := time.Time{}
		for _, a := range apps {
			if t := time.Unix(0, a.lastOutput.Load()); t.After(last) {
				last = t
			}
		}
		if time.Since(last) >= quiet {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

func (a *app) screen() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.em.String()
}

func (a *app) close() {
	a.sess.Close()
	<-a.done
	a.em.Close()
}

// row is one row of the emulator's screen as text.
func row(em *vt.Emulator, y int) string {
	var b strings.Builder
	for x := 0; x < termW; x++ {
		c := em.CellAt(x, y)
		switch {
		case c == nil:
		case c.Content == "" && c.Width == 0:
			// the second half of a wide character
		case c.Content == "":
			b.WriteByte(' ')
		default:
			b.WriteString(c.Content)
		}
	}
	return b.String()
}

// verify looks for every note in its action's history, under its writer's
// name: the number found once each, the number found wrongly, and the
// number acknowledged (the member had the reply) but not found once.
func verify(cli func(...string) ([]byte, error), members []*member) (present, wrong, lost int, err error) {
	want := map[int]string{} // K → writer
	acked := map[int]bool{}
	refs := map[string]bool{}
	for _, m := range members {
		for _, c := range m.commits {
			want[c.n] = m.Name
			acked[c.n] = !c.back.IsZero()
		}
		for _, r := range m.refs {
			refs[r] = true
		}
	}
	found := map[int]int{}
	noteRE := regexp.MustCompile(`^load test (\d+)$`)
	for _, ref := range mapsKeys(refs) {
		out, err := cli("action", "show", ref, "--format", "json")
		if err != nil {
			return 0, 0, 0, err
		}
		var shown struct {
			History []struct{ By, Text string }
		}
		if err := json.Unmarshal(out, &shown); err != nil {
			return 0, 0, 0, err
		}
		for _, h := range shown.History {
			m := noteRE.FindStringSubmatch(h.Text)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[1])
			if want[n] != h.By {
				wrong++
				continue
			}
			found[n]++
		}
	}
	for _, c := range found {
		if c == 1 {
			present++
		} else {
			wrong += c - 1
		}
	}
	for n, ok := range acked {
		if ok && found[n] != 1 {
			lost++
		}
	}
	return present, wrong, lost, nil
}

func mapsKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// server is `tasking serve`, a process of its own.
type server struct {
	cmd     *exec.Cmd
	exited  chan error
	addr    string
	hostKey ssh.PublicKey
	mem     *memSampler
}

// startServer starts the k-th server, with a host key, log and data
// folder of its own (serve-K…).
func startServer(work, db string, k int) (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(work, fmt.Sprintf("serve-%d.log", k))
	keyPath := filepath.Join(work, fmt.Sprintf("host_key-%d", k))
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	args := []string{"--db", db, "serve", "--listen", addr, "--host-key", keyPath}
	if seats := 2 * *sessions; seats > 100 {
		// Each member holds two sessions at once (the app and a
		// command): past 50 members the default cap of 100 would turn
		// commands away.
		args = append(args, "--max-sessions", strconv.Itoa(seats))
	}
	cmd := exec.Command(*tasking, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(work, "config"),
		"XDG_DATA_HOME="+filepath.Join(work, fmt.Sprintf("serve-%d", k))) // on PostgreSQL, its drafts
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan error, 1), addr: addr}
	up := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		said := false
		for sc.Scan() {
			fmt.Fprintln(logf, sc.Text())
			if !said && strings.Contains(sc.Text(), "ctrl+c stops the server") {
				said = true
				close(up)
			}
		}
	}()
	go func() { s.exited <- cmd.Wait(); logf.Close() }()
	select {
	case <-up:
		if s.hostKey, err = readHostKey(keyPath); err != nil {
			s.kill()
			return nil, err
		}
		return s, nil
	case err := <-s.exited:
		log, _ := os.ReadFile(logPath)
		return nil, fmt.Errorf("tasking serve stopped: %v\n%s", err, log)
	case <-time.After(60 * time.Second):
		s.kill()
		return nil, errors.New("tasking serve did not start within a minute")
	}
}

// status is the server's /proc/PID/status memory lines, in kB.
func (s *server) status() map[string]int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	out := map[string]int{}
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if f := strings.Fields(v); ok && len(f) == 2 && f[1] == "kB" {
			out[k], _ = strconv.Atoi(f[0])
		}
	}
	return out
}

// cpu is the server's user and system time so far.
func (s *server) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// cpus is the servers' user and system time so far, together.
func cpus(srvs []*server) time.Duration {
	var t time.Duration
	for _, s := range srvs {
		t += s.cpu()
	}
	return t
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// selfCPU is this process's user and system time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// memSampler keeps the highest anonymous memory (the Go heap and stacks,
// not the database's mapped pages) seen between samples.
type memSampler struct {
	stopc chan struct{}
	peak  chan int
}

func (s *server) sample(every time.Duration) *memSampler {
	m := &memSampler{stopc: make(chan struct{}), peak: make(chan int)}
	go func() {
		peak := 0
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			peak = max(peak, s.status()["RssAnon"])
			select {
			case <-m.stopc:
				m.peak <- peak
				return
			case <-t.C:
			}
		}
	}()
	return m
}

func (m *memSampler) stop() int { close(m.stopc); return <-m.peak }

// stop asks the server to stop, as ctrl+c does, and waits.
func (s *server) stop() error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-s.exited:
		s.exited <- err
		return err
	case <-time.After(30 * time.Second):
		return errors.New("tasking serve did not stop within 30 s of SIGTERM")
	}
}

func (s *server) kill() {
	select {
	case err := <-s.exited:
		s.exited <- err
	default:
		s.cmd.Process.Kill()
	}
}

func readHostKey(path string) (ssh.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ssh.ParsePrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k.PublicKey(), nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// pct is the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p float64) string {
	if len(ds) == 0 {
		return "-"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	i = min(max(i, 0), len(s)-1)
	return fmtDur(s[i])
}

func fmtDur(d time.Duration) string {
	if d < 0 {
		return "-" + fmtDur(-d)
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}

func kb(n int) string { return fmt.Sprintf("%.0f MB", float64(n)/1024) }

// dumpTimings writes the commit order and every app's arrivals (-keep), to
// check the matching by hand.
func dumpTimings(path string, order []placed, apps []*app, members []*member) {
	type ev struct {
		At        time.Time
		Name, Ref string
	}
	type pl struct {
		W              int
		Ref            string
		Sent, Back, At time.Time
		Early, Late    time.Time
	}
	out := struct {
		Members  []string
		Order    []pl
		Arrivals [][]ev
	}{}
	for _, m := range members {
		out.Members = append(out.Members, m.Name)
	}
	for _, p := range order {
		out.Order = append(out.Order, pl{p.w, p.ref, p.sent, p.back, p.at, p.early, p.late})
	}
	for _, a := range apps {
		var evs []ev
		for _, e := range a.arrivals {
			evs = append(evs, ev{e.at, e.name, e.ref})
		}
		out.Arrivals = append(out.Arrivals, evs)
	}
	b, _ := json.Marshal(out)
	os.WriteFile(path, b, 0o600)
}

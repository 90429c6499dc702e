// Command startup measures tasking as whole processes on the decade against
// a Go hello world in the same run (bench/startup.sh builds both): each
// round runs every command once, in turn, so a noisy machine slows them
// alike, and the figures are medians over the rounds — each command's wall
// time, and its ratio to the hello world of the same round — with the
// highest resident memory (the kernel's maxrss, the mapped file included)
// any run of it reached. Then the package initialisation of
// `tasking --version` (GODEBUG=inittrace=1), and, once each, the commands
// that read a decade whole (exports, every action, building the decade).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	tasking = flag.String("tasking", "", "the tasking binary")
	before  = flag.String("before", "", "another tasking binary (the code before a change), run in the same rounds")
	hello   = flag.String("hello", "", "a Go hello world, built by the same Go")
	db      = flag.String("db", "", "the decade (tasking demo --scale decade --seed 1)")
	rounds  = flag.Int("runs", 31, "rounds of the start-up commands")
	once    = flag.Bool("peaks", true, "also run the commands that read the decade whole, once each")
	demo    = flag.Bool("demo", false, "also build a decade afresh, once (about 20 s)")
)

// command is one command line, and what it is called in the report.
type command struct {
	name string
	args []string // after the binary
	bin  string
}

// run is one run of a command: its wall time and its peak resident memory.
type run struct {
	wall time.Duration
	kb   int64
}

func main() {
	log.SetFlags(0)
	flag.Parse()
	if *tasking == "" || *hello == "" || *db == "" {
		log.Fatal("usage: startup -tasking BIN -hello BIN -db DECADE [-runs N] (bench/startup.sh builds them)")
	}
	fmt.Printf("machine: %s, %d CPUs, %s; load %s\n", cpuModel(), runtime.NumCPU(), goVersion(), loadavg())

	on := []string{"--db", *db}
	cmds := []command{
		{"Go hello world", nil, *hello},
		{"tasking --version", []string{"--version"}, *tasking},
		{"actions --agency police --overdue --format json", append(on, "actions", "--agency", "police", "--overdue", "--format", "json"), *tasking},
		{"actions --agency police --status open --format csv", append(on, "actions", "--agency", "police", "--status", "open", "--format", "csv"), *tasking},
	}
	for _, f := range []string{"md", "html", "txt", "json", "docx"} {
		cmds = append(cmds, command{"minutes latest --format " + f, append(on, "minutes", "latest", "--format", f, "-o", "-"), *tasking})
	}
	mine := len(cmds)
	if *before != "" {
		// The same commands of the other build, each run beside this
		// build's in the same round, which goes first taking turns: the
		// only fair before and after on a machine whose load moves from
		// minute to minute.
		for _, c := range cmds[1:] {
			cmds = append(cmds, command{"before: " + c.name, c.args, *before})
		}
	}

	runs := make([][]run, len(cmds))
	for r := range *rounds {
		for i := range mine {
			order := []int{i}
			if *before != "" && i > 0 {
				order = append(order, mine+i-1)
				if r%2 == 1 {
					order[0], order[1] = order[1], order[0]
				}
			}
			for _, j := range order {
				runs[j] = append(runs[j], measure(cmds[j], nil))
			}
		}
	}
	fmt.Printf("\n%d rounds, each command once a round, in turn; medians (load now %s)\n", *rounds, loadavg())
	fmt.Printf("%-60s %10s %14s %12s\n", "command", "median", "× hello world", "peak RSS")
	for i, c := range cmds {
		ratios := make([]float64, *rounds)
		for r := range *rounds {
			ratios[r] = float64(runs[i][r].wall) / float64(runs[0][r].wall)
		}
		fmt.Printf("%-60s %8.1f ms %13.2f× %9.1f MB\n", c.name, ms(median(walls(runs[i]))), medianF(ratios), mb(peak(runs[i])))
	}

	initTrace()

	if *once {
		fmt.Printf("\nonce each (load %s)\n", loadavg())
		for _, c := range []command{
			{"export actions --format xlsx -o -", append(on, "export", "actions", "--format", "xlsx", "-o", "-"), *tasking},
			{"export actions --format csv", append(on, "export", "actions", "--format", "csv"), *tasking},
			{"export actions --format json", append(on, "export", "actions", "--format", "json"), *tasking},
			{"actions --all --format json", append(on, "actions", "--all", "--format", "json"), *tasking},
		} {
			r := measure(c, nil)
			fmt.Printf("%-52s %8.2f s %9.1f MB\n", c.name, r.wall.Seconds(), mb(r.kb))
		}
	}
	if *demo {
		dir, err := os.MkdirTemp("", "startup-demo-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		c := command{"demo --scale decade --seed 1", []string{"--db", filepath.Join(dir, "decade.db"), "demo", "--scale", "decade", "--seed", "1"}, *tasking}
		r := measure(c, nil)
		fmt.Printf("%-52s %8.2f s %9.1f MB\n", c.name, r.wall.Seconds(), mb(r.kb))
	}
}

// measure runs c once, its output thrown away.
func measure(c command, env []string) run {
	cmd := exec.Command(c.bin, c.args...)
	cmd.Env = append(os.Environ(), env...)
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	defer null.Close()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = null, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s: %v\n%s", c.name, err, stderr.String())
	}
	wall := time.Since(start)
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var kb int64
	if ru != nil {
		kb = ru.Maxrss // kilobytes on Linux
	}
	return run{wall: wall, kb: kb}
}

// initTrace is the median package initialisation of `tasking --version`,
// its total and the packages that take most.
func initTrace() {
	const n = 15
	var totals, allocs []float64
	per := map[string][]float64{}
	for range n {
		cmd := exec.Command(*tasking, "--version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = nil, &stderr
		if err := cmd.Run(); err != nil {
			log.Fatal(err)
		}
		var total, a float64
		for _, line := range strings.Split(stderr.String(), "\n") {
			// init PKG @0.5 ms, 0.012 ms clock, 128 bytes, 3 allocs (fields 4 and 9)
			f := strings.Fields(line)
			if len(f) < 10 || f[0] != "init" {
				continue
			}
			clock, _ := strconv.ParseFloat(f[4], 64)
			al, _ := strconv.ParseFloat(f[9], 64)
			total += clock
			a += al
			per[f[1]] = append(per[f[1]], clock)
		}
		totals, allocs = append(totals, total), append(allocs, a)
	}
	type pkg struct {
		name string
		ms   float64
	}
	var pkgs []pkg
	for name, ms := range per {
		pkgs = append(pkgs, pkg{name, medianF(ms)})
	}
	slices.SortFunc(pkgs, func(a, b pkg) int { return -cmpF(a.ms, b.ms) })
	fmt.Printf("\ntasking --version, package initialisation (GODEBUG=inittrace=1, median of %d): %.2f ms, %.0f allocations; most:", n, medianF(totals), medianF(allocs))
	for _, p := range pkgs[:min(5, len(pkgs))] {
		fmt.Printf(" %s %.2f ms;", p.name, p.ms)
	}
	fmt.Println()
}

func walls(rs []run) []time.Duration {
	out := make([]time.Duration, len(rs))
	for i, r := range rs {
		out[i] = r.wall
	}
	return out
}

func peak(rs []run) int64 {
	var p int64
	for _, r := range rs {
		p = max(p, r.kb)
	}
	return p
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianF(fs []float64) float64 {
	s := slices.Clone(fs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
func mb(kb int64) float64        { return float64(kb) / 1024 }

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func goVersion() string {
	out, err := exec.Command(*tasking, "--version").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(out)) + ", built with " + runtime.Version()
}

package main

// End-to-end tests: build the real binary once, run it on temporary
// databases, and check what a script would see — stdout, stderr and the
// exit code.

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/store/bolt"
)

var (
	binary   string // the built tasking
	masterDB string // a demo database, copied for each test
	// masterPlainDB is the demo without its made-up police.uk counts: for
	// tests that import the real files, or look for a case's words in the
	// whole file (the made-up counts name the demo hotspots' streets, as
	// real police.uk data names streets).
	masterPlainDB string
)

// cliNow is the moment every test's tasking believes it is (TASKING_NOW):
// Tuesday 24 November 2026, a meeting day. No test reads the real calendar.
var cliNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "tasking-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "tasking")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building tasking:", err)
		return 1
	}
	masterDB = filepath.Join(dir, "master.db")
	home := filepath.Join(dir, "home")
	masterPlainDB = filepath.Join(dir, "master-plain.db")
	for _, args := range [][]string{{"demo", "--db", masterDB}, {"demo", "--no-incidents", "--db", masterPlainDB}} {
		cmd := exec.Command(binary, args...)
		cmd.Env = isolatedEnv(home)
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "tasking %v: %v\n%s", args, err, out)
			return 1
		}
	}
	return m.Run()
}

// isolatedEnv is the test process's environment with nothing that could
// point tasking at a real database or a real home.
func isolatedEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "HOME" || k == "TASKING_DB" || k == "TASKING_NOW" || k == "NO_COLOR" || strings.HasPrefix(k, "XDG_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"TASKING_NOW="+cliNow.Format("2006-01-02T15:04"),
	)
}

type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// run runs tasking with env (nil: an isolated one) and the given arguments.
func run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return runIn(t, env, nil, args...)
}

// runIn is run with stdin (nil: none) on standard input.
func runIn(t *testing.T, env []string, stdin io.Reader, args ...string) result {
	t.Helper()
	return runInDir(t, env, "", stdin, args...)
}

// runInDir is runIn in the folder dir ("": this one).
func runInDir(t *testing.T, env []string, dir string, stdin io.Reader, args ...string) result {
	t.Helper()
	if env == nil {
		env = isolatedEnv(t.TempDir())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = env
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("tasking %s did not finish in 30s; stderr:\n%s", strings.Join(args, " "), r.stderr)
	}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running tasking: %v", err)
	}
	return r
}

// demoDB is a private copy of the demo database.
func demoDB(t *testing.T) string {
	t.Helper()
	return copyOf(t, masterDB)
}

// plainDemoDB is a copy of the demo without its made-up incident counts.
func plainDemoDB(t *testing.T) string {
	t.Helper()
	return copyOf(t, masterPlainDB)
}

func copyOf(t *testing.T, master string) string {
	t.Helper()
	src, err := os.Open(master)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), "tasking.db")
	dst, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// ok runs a command that must succeed, with nothing on stderr.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := run(t, nil, args...)
	if r.code != 0 {
		t.Fatalf("tasking %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// failsWith checks an error: the exit code, and exactly one line on stderr
// that starts "tasking: " and contains want.
func failsWith(t *testing.T, r result, code int, want string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") || !strings.HasPrefix(r.stderr, "tasking: ") {
		t.Errorf("stderr is not one \"tasking: …\" line: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not say %q", r.stderr, want)
	}
	for _, crash := range []string{"panic", "goroutine ", "SIGSEGV"} {
		if strings.Contains(r.stderr, crash) {
			t.Errorf("stderr shows a crash (%q): %s", crash, r.stderr)
		}
	}
}

func decodeJSON(t *testing.T, out string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("output is not a JSON array of string objects: %v\n%s", err, out)
	}
	return rows
}

func checkFields(t *testing.T, rows []map[string]string, want []string) {
	t.Helper()
	for i, r := range rows {
		var got []string
		for k := range r {
			got = append(got, k)
		}
		slices.Sort(got)
		w := slices.Sorted(slices.Values(want))
		if !slices.Equal(got, w) {
			t.Fatalf("row %d has fields %v, want %v", i, got, w)
		}
	}
}

var (
	hotspotFields = []string{"ref", "title", "location", "ward", "category", "risk", "status", "lead_agency", "opened", "last_reviewed", "private", "version",
		"likelihood", "harm", "risk_score", "risk_flags", "assessed_on", "areas", "incidents_month", "incidents", "trend", "incidents_from"}
	actionFields = []string{"ref", "hotspot", "text", "agency", "officer", "due", "status", "rag", "created_meeting", "updated_at", "last_update", "private"}
	agencyFields = []string{"name", "short_name", "retired"}
	memberFields = []string{"name", "agency", "role", "job_title", "email", "phone", "retired", "reads"}
)

func TestDemoLoadsOnceThenRefuses(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "new.db")
	out := ok(t, "demo", "--db", db)
	if !strings.HasPrefix(out, "Loaded the demo partnership: 17 agencies, 28 members, 14 hotspots, 7 meetings, ") ||
		!strings.HasSuffix(out, " into "+db+"\n") {
		t.Errorf("demo said %q", out)
	}
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", st.Mode().Perm())
	}
	r := run(t, nil, "demo", "--db", db)
	failsWith(t, r, 1, db+" already holds a partnership (Chesterfield Community Safety Partnership); demo data is only loaded into an empty database")
	if r.stdout != "" {
		t.Errorf("refusal wrote to stdout: %q", r.stdout)
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "env.db")
	env := append(isolatedEnv(home), "TASKING_DB="+db)
	if r := run(t, env, "demo"); r.code != 0 || !strings.Contains(r.stdout, db) {
		t.Fatalf("demo with TASKING_DB: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(home, "data", "tasking", "tasking.db")); err == nil {
		t.Error("TASKING_DB was set but the XDG default was used")
	}
	// --db wins over TASKING_DB.
	other := filepath.Join(t.TempDir(), "flag.db")
	if r := run(t, env, "demo", "--db", other); r.code != 0 || !strings.Contains(r.stdout, other) {
		t.Fatalf("demo --db with TASKING_DB set: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestDefaultDatabaseIsInXDGDataHome(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	if r := run(t, isolatedEnv(home), "demo"); r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	db := filepath.Join(home, "data", "tasking", "tasking.db")
	st, err := os.Stat(db)
	if err != nil {
		t.Fatalf("the default database is not at %s: %v", db, err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", st.Mode().Perm())
	}
	dir, err := os.Stat(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("database folder mode %v, want 0700", dir.Mode().Perm())
	}
	if r := run(t, isolatedEnv(home), "hotspot", "list", "--format", "json"); r.code != 0 || len(decodeJSON(t, r.stdout)) == 0 {
		t.Errorf("hotspot list on the default database: exit %d %s", r.code, r.stderr)
	}
}

func TestHotspotListJSON(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	rows := decodeJSON(t, ok(t, "hotspot", "list", "--format", "json", "--db", db))
	if len(rows) < 10 || len(rows) > 15 {
		t.Fatalf("%d open hotspots, want 10–15", len(rows))
	}
	checkFields(t, rows, hotspotFields)
	rank := map[string]int{"high": 3, "medium": 2, "low": 1}
	for i, r := range rows {
		if r["status"] == "closed" {
			t.Errorf("%s is closed but listed without --all", r["ref"])
		}
		if !strings.HasPrefix(r["ref"], "HS-") || r["lead_agency"] == "" || len(r["opened"]) != len("2026-01-02") {
			t.Errorf("row %d looks wrong: %v", i, r)
		}
		if i > 0 && rank[r["risk"]] > rank[rows[i-1]["risk"]] {
			t.Errorf("%s (%s) is ranked below %s (%s)", r["ref"], r["risk"], rows[i-1]["ref"], rows[i-1]["risk"])
		}
	}
	all := decodeJSON(t, ok(t, "hotspot", "list", "--all", "--format", "json", "--db", db))
	if len(all) < len(rows) {
		t.Errorf("--all gave %d rows, fewer than %d open", len(all), len(rows))
	}
}

func TestActionsCSV(t *testing.T) {
	t.Parallel()
	out := ok(t, "actions", "--format", "csv", "--db", demoDB(t))
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if !slices.Equal(records[0], actionFields) {
		t.Fatalf("header %v, want %v", records[0], actionFields)
	}
	if len(records) < 2 {
		t.Fatal("no actions in the demo")
	}
	for _, rec := range records[1:] {
		if len(rec) != len(actionFields) {
			t.Fatalf("record has %d fields: %v", len(rec), rec)
		}
		if status := rec[6]; status == "done" || status == "cancelled" {
			t.Errorf("%s is %s but listed by default", rec[0], status)
		}
	}
}

func TestActionsOverdue(t *testing.T) {
	t.Parallel()
	rows := decodeJSON(t, ok(t, "actions", "--overdue", "--format", "json", "--db", demoDB(t)))
	if len(rows) == 0 {
		t.Fatal("the demo has overdue actions, none listed")
	}
	checkFields(t, rows, actionFields)
	today := cliNow.Format("2006-01-02")
	for _, r := range rows {
		if r["due"] == "" || r["due"] >= today {
			t.Errorf("%s is due %s, not before today %s", r["ref"], r["due"], today)
		}
		if r["status"] == "done" || r["status"] == "cancelled" {
			t.Errorf("%s is %s", r["ref"], r["status"])
		}
		if r["rag"] != "red" {
			t.Errorf("%s is overdue but %q", r["ref"], r["rag"])
		}
		if _, err := time.Parse(time.RFC3339, r["updated_at"]); err != nil {
			t.Errorf("%s updated_at %q is not RFC 3339", r["ref"], r["updated_at"])
		}
	}
}

func TestActionsForOneAgency(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	rows := decodeJSON(t, ok(t, "actions", "--agency", "police", "--format", "json", "--db", db))
	if len(rows) == 0 {
		t.Fatal("no police actions")
	}
	for _, r := range rows {
		if r["agency"] != "Derbyshire Constabulary" {
			t.Errorf("%s belongs to %q", r["ref"], r["agency"])
		}
	}
	done := decodeJSON(t, ok(t, "actions", "--status", "done", "--format", "json", "--db", db))
	for _, r := range done {
		if r["status"] != "done" || r["rag"] != "" {
			t.Errorf("--status done listed %s (%s, rag %q)", r["ref"], r["status"], r["rag"])
		}
	}
}

func TestActionsUnknownAgency(t *testing.T) {
	t.Parallel()
	r := run(t, nil, "actions", "--agency", "zzz", "--db", demoDB(t))
	failsWith(t, r, 1, `no agency matches "zzz"`)
}

func TestActionsUnknownHotspot(t *testing.T) {
	t.Parallel()
	r := run(t, nil, "actions", "--hotspot", "HS-999", "--db", demoDB(t))
	failsWith(t, r, 1, "there is no HS-999")
}

func TestAgencyAndMemberLists(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	agencies := decodeJSON(t, ok(t, "agency", "list", "--format", "json", "--db", db))
	if len(agencies) != 17 {
		t.Errorf("%d agencies, want 17", len(agencies))
	}
	checkFields(t, agencies, agencyFields)
	members := decodeJSON(t, ok(t, "member", "list", "--format", "json", "--db", db))
	if len(members) != 28 {
		t.Errorf("%d members, want 28", len(members))
	}
	checkFields(t, members, memberFields)
	records, err := csv.NewReader(strings.NewReader(ok(t, "member", "list", "--format", "csv", "--db", db))).ReadAll()
	if err != nil || !slices.Equal(records[0], memberFields) {
		t.Errorf("member CSV header %v (%v)", records, err)
	}
}

func TestTablesHaveNoEscapesWhenPiped(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	for _, args := range [][]string{{"hotspot", "list"}, {"actions"}, {"agency", "list"}, {"member", "list"}} {
		out := ok(t, append(args, "--db", db)...)
		if strings.Contains(out, "\x1b") {
			t.Errorf("tasking %s wrote escape sequences into a pipe", strings.Join(args, " "))
		}
		if len(strings.Split(strings.TrimSpace(out), "\n")) < 3 {
			t.Errorf("tasking %s: a table needs a header, a rule and rows:\n%s", strings.Join(args, " "), out)
		}
	}
}

func TestMinutesMarkdown(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	out := ok(t, "minutes", "latest", "--format", "md", "--db", db)
	for _, want := range []string{"RESOLVED –", "Chesterfield Community Safety Partnership"} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes do not contain %q", want)
		}
	}
	if def := ok(t, "minutes", "--db", db); def != out {
		t.Error("minutes with no meeting named differ from minutes latest")
	}
}

func TestMinutesToFile(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	file := filepath.Join(t.TempDir(), "minutes.md")
	r := run(t, nil, "minutes", "latest", "-o", file, "--db", db)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("minutes -o also wrote to stdout: %q", r.stdout)
	}
	if r.stderr != "saved to "+file+"\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != ok(t, "minutes", "latest", "--db", db) {
		t.Error("the file differs from the minutes on stdout")
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files (a temporary file left behind?)", len(entries))
	}
}

func TestMinutesOfUnknownMeeting(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	failsWith(t, run(t, nil, "minutes", "M-99", "--db", db), 1, "there is no M-99")
	failsWith(t, run(t, nil, "minutes", "elephant", "--db", db), 1, "is not a meeting")
}

func TestUsageErrorsExit2(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"actions", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"hotspt"}, "did you mean hotspot?"},
		{[]string{"hotspot", "bogus"}, `unknown command "bogus" for "tasking hotspot"`},
		{[]string{"actions", "extra"}, `unknown command "extra"`},
		{[]string{"minutes", "--format", "pdf"}, `--format "pdf" is not supported here: use md`},
		{[]string{"actions", "--format", "xml"}, "use table, csv, json"},
		{[]string{"minutes", "M-1", "M-2"}, "accepts at most 1 arg"},
		{[]string{"actions", "--status", "sleeping"}, "is not an action status"},
		{[]string{"actions", "--hotspot", "A-3"}, "is not a hotspot ref"},
		{[]string{"actions", "--overdue=maybe"}, "invalid argument"},
		{[]string{"actions", "--format"}, "flag needs an argument"},
		{[]string{"demo", "--scale", "huge"}, "is not a scale: use small, large or decade"},
		{[]string{"demo", "--seed", "3"}, "--seed goes with --scale decade"},
		{[]string{"demo", "--scale", "decade", "--seed", "x"}, "invalid argument"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			failsWith(t, run(t, nil, append([]string{"--db", db}, tc.args...)...), 2, tc.want)
		})
	}
}

func TestGarbageDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	junk := bytes.Repeat([]byte("this is not a database\x00\xff"), 2000)
	if err := os.WriteFile(garbage, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.db")
	whole, err := os.ReadFile(masterDB)
	if err != nil {
		t.Fatal(err)
	}
	// Three pages: both headers intact, the data they point at gone.
	if err := os.WriteFile(truncated, whole[:3*os.Getpagesize()], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, db := range []string{garbage, truncated} {
		for _, args := range [][]string{{"actions"}, {"hotspot", "list"}, {"minutes"}, {"demo"}, {"--as", "Helen Marsh"}} {
			t.Run(filepath.Base(db)+" "+strings.Join(args, " "), func(t *testing.T) {
				failsWith(t, run(t, nil, append(args, "--db", db)...), 1, "damaged or not a tasking database")
			})
		}
	}
	if got, _ := os.ReadFile(garbage); !bytes.Equal(got, junk) {
		t.Error("the damaged file was changed")
	}
}

func TestLockedDatabase(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	s, err := bolt.Open(db, bolt.Options{Mode: "test holder", LockTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := run(t, nil, "actions", "--db", db)
	failsWith(t, r, 1, "in use by tasking test holder")
	if r.took > 5*time.Second {
		t.Errorf("gave up after %v; want a few seconds at most", r.took)
	}
	failsWith(t, run(t, nil, "demo", "--db", db), 1, "in use by")
}

func TestEmptyDatabase(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "missing.db")
	failsWith(t, run(t, nil, "actions", "--db", missing), 1, missing+" is missing (no such file)")
	if _, err := os.Stat(missing); err == nil {
		t.Error("a read command created the database file")
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	s, err := bolt.Open(empty, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, args := range [][]string{{"actions"}, {"hotspot", "list"}, {"minutes"}, {"agency", "list"}, {"member", "list"}} {
		failsWith(t, run(t, nil, append(args, "--db", empty)...), 1, empty+" has no partnership yet")
	}
	failsWith(t, run(t, nil, "--as", "Helen", "--db", empty), 1, "has no partnership yet")
}

func TestUnknownMemberForTheApp(t *testing.T) {
	t.Parallel()
	failsWith(t, run(t, nil, "--as", "Nobody At All", "--db", demoDB(t)), 1, `no member is called "Nobody At All"`)
}

func TestHelpEverywhere(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--help"}, {"demo", "--help"}, {"minutes", "--help"}, {"hotspot", "--help"}, {"hotspot", "list", "--help"},
		{"actions", "--help"}, {"agency", "list", "--help"}, {"member", "list", "--help"}, {"help", "actions"}, {"hotspot"},
	} {
		r := run(t, nil, args...)
		if r.code != 0 || r.stdout == "" || r.stderr != "" {
			t.Errorf("tasking %s: exit %d, %d bytes of help, stderr %q", strings.Join(args, " "), r.code, len(r.stdout), r.stderr)
		}
	}
	if out := ok(t, "actions", "--help"); !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(actionFields, ", ")) {
		t.Error("actions --help does not document the fields")
	}
}

// TestClockOverride: TASKING_NOW decides what "today" is for every rule,
// and a value that is not a moment is a usage error said in one line.
func TestClockOverride(t *testing.T) {
	db := demoDB(t)
	env := func(now string) []string {
		return append(isolatedEnv(t.TempDir()), "TASKING_NOW="+now)
	}
	// The demo was made on cliNow; a month later more actions are overdue.
	count := func(now string) int {
		r := run(t, env(now), "--db", db, "actions", "--overdue", "--format", "json")
		if r.code != 0 {
			t.Fatalf("actions at %s: %s", now, r.stderr)
		}
		return len(decodeJSON(t, r.stdout))
	}
	if now, later := count(cliNow.Format("2006-01-02T15:04")), count(cliNow.AddDate(0, 1, 0).Format("2006-01-02")); later <= now {
		t.Errorf("overdue today %d, a month later %d: the clock was not moved", now, later)
	}
	failsWith(t, run(t, env("next tuesday"), "--db", db, "actions"), 2, `TASKING_NOW: "next tuesday" is not a moment`)
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/internal/policedata"
)

// rawFigures are the real files counted here, without tasking: the rows,
// those of other crime types, and the ASB rows in and outside an area.
type rawFigures struct{ rows, other, inside, outside int }

func countFiles(t *testing.T, area string, paths ...string) rawFigures {
	t.Helper()
	var f rawFigures
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			c := strings.Split(line, ",")
			if len(c) != 12 {
				t.Fatalf("%s: a row of %d fields", p, len(c))
			}
			f.rows++
			switch {
			case c[9] != "Anti-social behaviour":
				f.other++
			case strings.HasPrefix(c[8], area):
				f.inside++
			default:
				f.outside++
			}
		}
	}
	return f
}

func TestImportPoliceUK(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "tasking.db")
	if out := ok(t, "demo", "--no-incidents", "--db", db); !strings.HasPrefix(out, "Loaded the demo partnership") {
		t.Fatalf("demo --no-incidents: %s", out)
	}
	var paths []string
	for _, m := range policedata.Months {
		paths = append(paths, policedata.File(t, m))
	}
	want := countFiles(t, "Chesterfield", paths...)
	jas := []string{"--db", db, "--as", "Sgt Jas Patel"}

	// A dry run reads and counts and saves nothing.
	out := ok(t, append(append(append(jas, "import", "police-uk"), paths...), "--area", "Chesterfield", "--dry-run")...)
	if !strings.Contains(out, "dry run: nothing saved") {
		t.Errorf("dry run: %s", out)
	}
	if got := ok(t, "--db", db, "incidents"); !strings.Contains(got, "No incident data yet") {
		t.Errorf("after a dry run: %s", got)
	}

	// The import, by a member (the analyst's job): one line saying what
	// was read, kept and skipped, and why, in the files' own figures.
	out = ok(t, append(append(append(jas, "import", "police-uk"), paths...), "--area", "Chesterfield")...)
	for _, w := range []string{
		"Imported 2024-01 to 2024-11 Derbyshire Constabulary from 4 files",
		thousands(want.rows) + " rows read, " + thousands(want.inside) + " kept (Anti-social behaviour, LSOAs starting \"Chesterfield\")",
		thousands(want.other+want.outside) + " skipped (" + thousands(want.other) + " other crime types, " + thousands(want.outside) + " outside \"Chesterfield\")",
		"none kept in 2024-11",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("the summary %q does not say %q", out, w)
		}
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the summary is not one line: %q", out)
	}

	// The counts, per month, as the files have them: 2024-11 is 0.
	var rows []map[string]any
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "incidents", "--by", "month", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("by month: %v", rows)
	}
	total := 0
	for _, r := range rows {
		if len(r) != 6 {
			t.Errorf("fields %v", r)
		}
		total += int(r["count"].(float64))
	}
	if total != want.inside || rows[3]["month"] != "2024-11" || rows[3]["count"].(float64) != 0 {
		t.Errorf("by month %v, total %d; the files have %d", rows, total, want.inside)
	}
	csv := ok(t, "--db", db, "incidents", "--month", "2024-02", "--by", "lsoa", "--format", "csv")
	if first, _, _ := strings.Cut(csv, "\n"); first != "month,lsoa_code,lsoa_name,location,category,count" {
		t.Errorf("csv header %q", first)
	}
	feb := countFiles(t, "Chesterfield", policedata.File(t, "2024-02"))
	sum := 0
	for _, line := range strings.Split(strings.TrimSpace(csv), "\n")[1:] {
		c := strings.Split(line, ",")
		n := 0
		for _, ch := range c[5] {
			n = n*10 + int(ch-'0')
		}
		sum += n
	}
	if sum != feb.inside {
		t.Errorf("February by LSOA sums to %d; the file has %d", sum, feb.inside)
	}

	// Again: replaced, never doubled.
	out = ok(t, append(jas, "import", "police-uk", paths[0], "--area", "Chesterfield")...)
	if !strings.Contains(out, "replaced 2024-01 Anti-social behaviour (imported 24 Nov 2026 10:00)") {
		t.Errorf("reimport: %s", out)
	}
	if got := ok(t, "--db", db, "incidents", "--by", "month", "--format", "json"); !strings.Contains(got, `"count": `+itoa(countFiles(t, "Chesterfield", paths[0]).inside)) {
		t.Errorf("after reimport: %s", got)
	}

	// A bad file among good ones: nothing imported, the line and column said.
	bad := filepath.Join(t.TempDir(), "members.csv")
	os.WriteFile(bad, []byte("name,agency,role\nAnn,police,member\n"), 0o600)
	before := ok(t, "--db", db, "incidents", "--format", "csv")
	r := run(t, nil, append(jas, "import", "police-uk", paths[1], bad)...)
	failsWith(t, r, 1, bad+`: nothing imported: line 1, column 1 (Crime ID): the header has "name" where a street-level file has "Crime ID"`)
	if after := ok(t, "--db", db, "incidents", "--format", "csv"); after != before {
		t.Error("a failed import changed the counts")
	}

	// Usage errors, and a viewer.
	failsWith(t, run(t, nil, append(jas, "import", "police-uk", paths[0], "--types", "parking")...), 2, `"parking" is not a police.uk crime type`)
	failsWith(t, run(t, nil, "--db", db, "incidents", "--by", "ward"), 2, `"ward": use lsoa, location or month`)
	failsWith(t, run(t, nil, "--db", db, "incidents", "--month", "Feb"), 2, "YYYY-MM")
	failsWith(t, run(t, nil, "--db", db, "--as", "Priya Shah", "import", "police-uk", paths[0]), 1, "viewers have read-only access")
}

// Every quirk through the binary, from standard input.
func TestImportQuirksFromStdin(t *testing.T) {
	db := demoDB(t)
	in := "\xEF\xBB\xBF" + strings.Join([]string{
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
		",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,\"On or near Smith, Jones & Co\",E01019535,Chesterfield 005D,Anti-social behaviour,,",
		",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near ,E01019535,Chesterfield 005D,Anti-social behaviour,,",
		",2024-05,Derbyshire Constabulary,Derbyshire Constabulary,,,No Location,,,Anti-social behaviour,,",
		"x,2024-05,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near A,E01019535,Chesterfield 005D,Drugs,Under investigation,",
	}, "\r\n") + "\r\n"
	r := runIn(t, nil, strings.NewReader(in), "--db", db, "--as", "Helen Marsh", "import", "police-uk", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "4 rows read, 3 kept") || !strings.Contains(r.stdout, "1 unlocated (\"No Location\") kept as no location") {
		t.Errorf("summary %q", r.stdout)
	}
	out := ok(t, "--db", db, "incidents", "--format", "csv")
	for _, w := range []string{"2024-05,,,,Anti-social behaviour,1", "2024-05,E01019535,Chesterfield 005D,(no street name),Anti-social behaviour,1", `"Smith, Jones & Co"`} {
		if !strings.Contains(out, w) {
			t.Errorf("incidents lack %q:\n%s", w, out)
		}
	}
}

func itoa(n int) string { return thousands(n) }

package record

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// homeIncidents is the incident reading home's last reading holds.
func homeIncidents(t *testing.T, s *Store) *incidentReading {
	t.Helper()
	if _, err := s.Home(); err != nil {
		t.Fatal(err)
	}
	s.homes.mu.Lock()
	defer s.homes.mu.Unlock()
	if s.homes.decoded == nil || s.homes.decoded.incidents == nil {
		t.Fatal("home's reading kept no incident reading")
	}
	return s.homes.decoded.incidents
}

// Home's trends and offers are worked out once and kept while only
// records change (an action's update); a commit this Store did not make —
// another server on the same database — and the file's upkeep are taken
// to change them, and they are read again. (storetest's
// HomesIncidentsNeverStale holds every kind of change to what a reading
// afresh says, on every engine.)
func TestHomeKeepsIncidentsWhileNothingTheyComeFromChanged(t *testing.T) {
	s, now, _ := openTiny(t)
	market := model.Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}
	imp := func(s *Store, oct int) {
		t.Helper()
		var batches []model.IncidentBatch
		var rows []model.IncidentRow
		for i, n := range []int{2, 2, 2, oct} {
			m := model.NewMonth(2026, time.July).Add(i)
			batches = append(batches, model.IncidentBatch{Force: "Testshire Police", Month: m, Category: model.CategoryASB, Incidents: n, Places: 1})
			rows = append(rows, model.IncidentRow{Month: m, Force: "Testshire Police", Category: model.CategoryASB, Place: market, Count: n})
		}
		_, err := s.ImportIncidents(chair, batches, rows)
		mustNoErr(t, err)
	}
	imp(s, 10)
	_, err := s.LinkHotspotArea(chair, 1, 0, model.AreaOf(market), 0)
	mustNoErr(t, err)
	first := homeIncidents(t, s)
	if _, ok := first.trends[1]; !ok {
		t.Fatalf("HS-1's trend is not on home: %+v", first)
	}

	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-08")})
	mustNoErr(t, err)
	_, err = s.AddActionNote(chair, a.ID, a.Version, "Two patrols done", 0)
	mustNoErr(t, err)
	if again := homeIncidents(t, s); again != first {
		t.Errorf("after two actions' changes home worked its trends out again (read as of %d, then %d)", first.tx, again.tx)
	}

	// Another Store on the same engine: another server on one database.
	other := New(s.eng, func() time.Time { return now }, nil)
	imp(other, 14)
	after := homeIncidents(t, s)
	if after == first {
		t.Fatal("after another server's import home kept its trends")
	}
	fresh, err := s.HotspotTrends([]model.ID{1})
	mustNoErr(t, err)
	if !reflect.DeepEqual(after.trends, fresh) {
		t.Errorf("after another server's import home shows %+v, read afresh %+v", after.trends, fresh)
	}
	// An action's update made here, after the other server's commit, is
	// one commit of a run this Store made: kept again.
	_, err = s.AddActionNote(chair, a.ID, a.Version+1, "A third patrol", 0)
	mustNoErr(t, err)
	if again := homeIncidents(t, s); again != after {
		t.Error("after an action's update home worked its trends out again")
	}

	mustNoErr(t, s.upkeep(func(*txn) error { return nil }))
	if again := homeIncidents(t, s); again == after {
		t.Error("after the file's upkeep home kept its trends")
	}
}

// Every write to data kept by key goes through putKey or deleteKey
// (txn.go), which tell commitWatch: one made on the engine's transaction
// directly would leave home showing the incident data as it was.
func TestKeyedWritesGoThroughTxn(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "txn.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "PutKey" || sel.Sel.Name == "DeleteKey") {
				t.Errorf("%s: %s called directly: write through txn's putKey or deleteKey", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

package storetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The suite covers every method of store.Record (issue 18): each is
// called by a test here, by name, or is a write in the refusal table. A
// method added to the record without a test in the suite fails this.
// Close and Path are the backend's own business (the backends call Close
// as each test ends; a record in memory has no path).
func TestSuiteCallsEveryMethodOfTheRecord(t *testing.T) {
	notHere := map[string]bool{"Close": true, "Path": true}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "record_api.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var methods []string
	ast.Inspect(f, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok && ts.Name.Name == "Record" {
			for _, m := range ts.Type.(*ast.InterfaceType).Methods.List {
				for _, name := range m.Names {
					methods = append(methods, name.Name)
				}
			}
		}
		return true
	})
	if len(methods) < 70 {
		t.Fatalf("read %d methods of Record: the test no longer finds the interface", len(methods))
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var suite strings.Builder
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		suite.Write(b)
	}
	src := suite.String()
	for _, m := range methods {
		if notHere[m] {
			continue
		}
		if !strings.Contains(src, "."+m+"(") && !strings.Contains(src, `"`+m+`"`) {
			t.Errorf("no test in the suite calls Record.%s: add one, so every backend is held to it", m)
		}
	}
}

package bolt

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// There is one way to change the record: record's write, which declares
// its kind of change and asks model before it runs (record's
// write_path_test.go). The file's own source is read to keep its part of
// that — a write that found another way to a write transaction would
// have forgotten its permission check:
//
//   - a bbolt write transaction (Update, Batch, Begin(true)) is opened by
//     the bbolt engine's Update (bolt_engine.go) only, in the salvage of
//     a damaged file into a new one, and in the packing of a closed file
//     (compact.go) — files of their own, not the record open here;
//   - the file opens no engine write transaction (Update(ctx, fn)) of its
//     own: the record's go through record's write and upkeep;
//   - the file's own upkeep — its schema upgrades, reindex and scrub,
//     declaring no change — goes through record's Upkeep, from the
//     functions named here only.
func TestTheFileWritesOnlyThroughItsEngine(t *testing.T) {
	allowed := map[string][]string{ // callee → the functions that may call it
		"bbolt":  {"bolt_engine.go Update", "salvage.go NewSalvageHaul", "salvage.go flush", "salvage.go Finish", "compact.go copyPacked"},
		"engine": nil,
		"Upkeep": {"schema.go prepare", "check.go ReindexWatched", "scrub.go scrubFree"},
	}
	found := map[string][]string{}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue // tests damage files on purpose
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			where := f + " " + fn.Name.Name
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				callee := ""
				switch name := sel.Sel.Name; {
				case (name == "Update" || name == "Batch") && len(call.Args) == 1 && (isFuncLit(call.Args[0]) || isDB(sel.X)):
					callee = "bbolt"
				case name == "Update" && len(call.Args) == 2 && isFuncLit(call.Args[1]):
					callee = "engine"
				case name == "Begin" && len(call.Args) == 1 && isIdent(call.Args[0], "true"):
					callee = "bbolt"
				case name == "Upkeep":
					callee = name
				}
				if callee == "" {
					return true
				}
				pos := fset.Position(call.Pos())
				if !slices.Contains(allowed[callee], where) {
					t.Errorf("%s:%d: %s writes to the file by %s, not through write (write.go): declare the change it makes", pos.Filename, pos.Line, where, sel.Sel.Name)
				}
				found[callee] = append(found[callee], where)
				return true
			})
		}
	}
	// The test reads what it should: each allowed caller is still there.
	for callee, callers := range allowed {
		for _, c := range callers {
			if !slices.Contains(found[callee], c) {
				t.Errorf("%s no longer calls %s: take it off the list", c, callee)
			}
		}
	}
}

func isFuncLit(e ast.Expr) bool { _, ok := e.(*ast.FuncLit); return ok }

// isDB: e is a bbolt handle as this package names them (db, s.db, h.db).
func isDB(e ast.Expr) bool {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel.Name == "db"
	}
	return isIdent(e, "db")
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// There is one way to change the record: write (write.go), which declares
// its kind of change and asks model before it runs. The package's own
// source is read to keep it so — a write that found another way to a
// write transaction would have forgotten its permission check:
//
//   - a bbolt write transaction (Update, Batch, Begin(true)) is opened by
//     the bbolt engine's Update (bolt_engine.go) only, in the salvage of
//     a damaged file into a new one, and in the packing of a closed file
//     (compact.go) — files of their own, not the record open here;
//   - an engine's write transaction (Update(ctx, fn)) is opened by update
//     (guard.go) only;
//   - update is called by write and by upkeep (upkeep.go) only;
//   - upkeep — the file's own upkeep, declaring no change — is called by
//     the functions named in upkeep.go only.
func TestOneWritePath(t *testing.T) {
	allowed := map[string][]string{ // callee → the functions that may call it
		"bbolt":  {"bolt_engine.go Update", "salvage.go NewSalvageHaul", "salvage.go flush", "salvage.go Finish", "compact.go copyPacked"},
		"engine": {"guard.go update"},
		"update": {"write.go write", "upkeep.go upkeep"},
		"upkeep": {"schema.go prepare", "check.go ReindexWatched", "seed_history.go seedHistory", "seed_history.go inBatchesFrom", "scrub.go scrubFree", "copy.go copyKind", "copy.go copyIndex"},
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
				case name == "update" || name == "upkeep":
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

// The use cases read and write through the persistence interface
// (engine.go, txn.go), never bbolt: only the bbolt engine and what only a
// file has (its schema and upgrades, check, salvage, backups, pages, the
// scrub) import it or name its engine, its transaction or its file. A use
// case that reached past the interface would not run on another engine;
// one that names none of them moves to record/ as it is (ARCHITECTURE.md).
func TestUseCasesKnowNoBolt(t *testing.T) {
	file := map[string]bool{ // the bbolt engine, and what only a file has
		"bolt_engine.go": true, "backup.go": true, "backups.go": true, "check.go": true, "create.go": true,
		"header.go": true, "incidents_check.go": true, "open.go": true, "pages.go": true, "parallel.go": true,
		"reindex.go": true, "salvage.go": true, "schema.go": true, "scrub.go": true, "owner.go": true, "compact.go": true,
	}
	engine := map[string]bool{"boltEngine": true, "boltTx": true, "boltDoc": true, "boltTxn": true, "boltView": true}
	fileFields := map[string]bool{"db": true, "bolt": true, "file": true, "path": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "migrate_") || file[f] {
			continue
		}
		parsed, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "go.etcd.io/bbolt") {
				t.Errorf("%s imports bbolt: read and write through the persistence interface (engine.go) instead", f)
			}
		}
		ast.Inspect(parsed, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if engine[x.Name] {
					t.Errorf("%s: %s names the bbolt engine's %s", fset.Position(x.Pos()), f, x.Name)
				}
			case *ast.SelectorExpr:
				if fileFields[x.Sel.Name] {
					t.Errorf("%s: %s reaches the file (.%s): what only a file has belongs in its own files", fset.Position(x.Pos()), f, x.Sel.Name)
				}
			}
			return true
		})
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

package record

import (
	"go/ast"
	"go/build"
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
//   - no use case opens a bbolt write transaction (Update, Batch,
//     Begin(true)): only the bbolt engine does (store/bolt's
//     write_path_test.go keeps that);
//   - an engine's write transaction (Update(ctx, fn)) is opened by update
//     (guard.go) only;
//   - update is called by write and by upkeep (upkeep.go) only;
//   - upkeep — upkeep of the record itself, declaring no change — is
//     called by the functions named in upkeep.go only, and by Upkeep
//     (file_api.go), which the file's own upkeep calls from store/bolt.
func TestOneWritePath(t *testing.T) {
	allowed := map[string][]string{ // callee → the functions that may call it
		"bbolt":  nil,
		"engine": {"guard.go update"},
		"update": {"write.go write", "upkeep.go upkeep"},
		"upkeep": {"file_api.go Upkeep", "seed_history.go seedHistory", "seed_history.go inBatchesFrom", "copy.go copyKind", "copy.go copyIndex"},
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
// (store/engine.go, txn.go), never bbolt: no file of this package imports
// bbolt or store/bolt, or names the bbolt engine, its transaction or its
// file. A use case that reached past the interface would not run on
// another engine; what only a file has is store/bolt's.
func TestUseCasesKnowNoBolt(t *testing.T) {
	engine := map[string]bool{"boltEngine": true, "boltTx": true, "boltDoc": true, "boltTxn": true, "boltView": true}
	fileFields := map[string]bool{"db": true, "bolt": true, "file": true, "path": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	read := 0
	for _, f := range files {
		parsed, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		read++
		for _, imp := range parsed.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			if strings.HasPrefix(path, "go.etcd.io/bbolt") {
				t.Errorf("%s imports bbolt: read and write through the persistence interface (store/engine.go) instead", f)
			}
			if path == "github.com/ccsp/tasking/store/bolt" && !strings.HasSuffix(f, "_test.go") {
				t.Errorf("%s imports store/bolt: the use cases know no engine (the file's hooks are FileHooks)", f)
			}
		}
		if strings.HasSuffix(f, "_test.go") {
			continue // tests may name what they like, bbolt aside
		}
		ast.Inspect(parsed, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if engine[x.Name] {
					t.Errorf("%s: %s names the bbolt engine's %s", fset.Position(x.Pos()), f, x.Name)
				}
			case *ast.SelectorExpr:
				if fileFields[x.Sel.Name] {
					t.Errorf("%s: %s reaches the file (.%s): what only a file has belongs in store/bolt", fset.Position(x.Pos()), f, x.Sel.Name)
				}
			}
			return true
		})
	}
	if read < 40 {
		t.Fatalf("read %d files: the test is not reading the use cases", read)
	}
	// Nor through another of this module's packages.
	seen := map[string]bool{}
	var walk func(path, from string)
	walk = func(path, from string) {
		if seen[path] {
			return
		}
		seen[path] = true
		if strings.HasPrefix(path, "go.etcd.io/bbolt") || path == "github.com/ccsp/tasking/store/bolt" {
			t.Errorf("record imports %s (through %s): the use cases know no engine", path, from)
			return
		}
		if !strings.HasPrefix(path, "github.com/ccsp/tasking/") {
			return
		}
		pkg, err := build.Import(path, ".", 0)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			walk(imp, path)
		}
	}
	walk("github.com/ccsp/tasking/record", "")
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

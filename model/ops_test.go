package model

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// constsOf are the names and values of the constants of type typ declared
// in model's own (non-test) files, read from the source: a constant added
// without a line in the table is found, not trusted to be remembered.
func constsOf(t *testing.T, typ string) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != typ {
					continue
				}
				for i, name := range v.Names {
					lit, ok := v.Values[i].(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: %s is not a plain string", f, name.Name)
					}
					out[name.Name] = strings.Trim(lit.Value, "\"`")
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no constants of type %s found", typ)
	}
	return out
}

// Every kind of change has a permission rule and a name in words, and the
// rule is one Permit knows: the chair may, a viewer may not, and the
// refusal names the change.
func TestEveryOpHasARuleAndWords(t *testing.T) {
	declared := constsOf(t, "Op")
	rights := map[Right]bool{}
	for _, v := range constsOf(t, "Right") {
		rights[Right(v)] = true
	}
	inTable := map[Op]bool{}
	for _, op := range Ops() {
		inTable[op] = true
	}
	words := map[string]Op{}
	for name, v := range declared {
		op := Op(v)
		if !inTable[op] {
			t.Errorf("%s (%q) has no rule in ops", name, v)
			continue
		}
		delete(inTable, op)
		if !rights[op.Right()] {
			t.Errorf("%s needs %q, which is not a Right", name, op.Right())
		}
		w := op.Words()
		if w == "" || w == strings.NewReplacer(".", " ", "_", " ").Replace(v) {
			t.Errorf("%s has no words of its own (%q)", name, w)
		}
		if other, ok := words[w]; ok {
			t.Errorf("%s and %s are both %q", op, other, w)
		}
		words[w] = op
		if op.Subject() == "" || strings.Count(v, ".") > 1 || v != strings.ToLower(v) {
			t.Errorf("%s: %q is not subject.verb in lower case", name, v)
		}
		if err := Allow(Actor{Name: "Ann Chair", Role: RoleChair}, op, 0); err != nil {
			t.Errorf("the chair may not %s: %v", op, err)
		}
		var pe *PermissionError
		if err := Allow(Actor{Name: "Val Viewer", Role: RoleViewer}, op, 0); !errors.As(err, &pe) || pe.Op != op || pe.Right != op.Right() {
			t.Errorf("a viewer's %s: %v", op, err)
		}
	}
	for op := range inTable {
		t.Errorf("ops has %q, which no constant names", op)
	}
}

// Every Right is needed by some kind of change or a part of one (but
// taking a backup, which changes nothing: PermitBackup), and no two share
// words: a refusal names one of them.
func TestEveryRightIsNeededAndDistinct(t *testing.T) {
	needed := map[Right]bool{RightBackup: true}
	for _, op := range Ops() {
		needed[op.Right()] = true
	}
	officer := ""
	for _, r := range (ActionChange{Status: StatusDone, Due: MustDate("2026-12-01"), Officer: &officer}).Rights() {
		needed[r] = true
	}
	seen := map[string]string{}
	for name, v := range constsOf(t, "Right") {
		if !needed[Right(v)] {
			t.Errorf("%s is needed by no kind of change", name)
		}
		if other, ok := seen[v]; ok {
			t.Errorf("%s and %s are both %q", name, other, v)
		}
		seen[v] = name
	}
}

// Allow asks Permit for the change's Right and for the Rights of its
// parts, parts first, and says which change was refused.
func TestAllow(t *testing.T) {
	rep := Actor{Name: "Gary Fletcher", Role: RoleMember, AgencyID: 3}
	circulation := Actor{Name: "Cllr Dyson", Role: RoleCirculation, AgencyID: 3}
	tests := []struct {
		a     Actor
		op    Op
		owner ID
		parts []Right
		want  string // "" when allowed
	}{
		{rep, OpActionStatus, 3, nil, ""},
		{rep, OpActionStatus, 2, nil, "Gary Fletcher may not change an action's status: members change only actions owned by their own agency"},
		{rep, OpActionNote, 2, nil, ""},
		{rep, OpActionUpdate, 2, nil, ""},
		{rep, OpActionUpdate, 2, []Right{RightActionDue}, "Gary Fletcher may not change an action's due date: members change only actions owned by their own agency"},
		{rep, OpActionUpdate, 3, []Right{RightActionStatus, RightActionOfficer}, ""},
		{rep, OpAgencyAdd, 0, nil, "Gary Fletcher may not manage members, agencies and the partnership's details: only the chair or an admin may do this"},
		{rep, OpPowerAdd, 3, nil, ""},
		{rep, OpPowerEnd, 2, nil, "Gary Fletcher may not change a power in force: members record and change only powers their own agency holds"},
		{rep, OpUpdateCorrect, 2, nil, ""}, // whose update it is, CheckCorrection says
		{rep, OpIncidentsImport, 0, nil, ""},
		{circulation, OpActionNote, 3, nil, "Cllr Dyson may not add a note to an action: circulation-only members receive the minutes and have read-only access"},
		{rep, Op("action.teleport"), 0, nil, `internal error: "action.teleport" is not a kind of change model knows`},
	}
	for _, tt := range tests {
		err := Allow(tt.a, tt.op, tt.owner, tt.parts...)
		if got := errText(err); got != tt.want {
			t.Errorf("%s %s (owner %d, %v):\n got %q\nwant %q", tt.a.Name, tt.op, tt.owner, tt.parts, got, tt.want)
		}
		var pe *PermissionError
		if errors.As(err, &pe) && pe.Op != tt.op {
			t.Errorf("%s %s: the refusal says it was %q", tt.a.Name, tt.op, pe.Op)
		}
	}
}

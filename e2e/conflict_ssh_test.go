package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Two people, one action, over SSH: a police sergeant and his inspector
// each have the app open through `tasking serve`, in terminals of their
// own. Both open "propose a new due date" on the same action; the
// inspector saves first. The sergeant's save is refused naming her, the
// time and the new date, with his typing kept; his second save is
// deliberate and goes through, and both dates are in the action's history.
func TestTwoSSHSessionsOneAction(t *testing.T) {
	t.Parallel()
	needSSH(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	keyDir := filepath.Join(home, "keys")
	if err := os.Mkdir(keyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	keys := giveKeys(t, env, db, keyDir, "Sgt Jas Patel", "Insp Claire Dunn")
	srv := startServe(t, env, db)

	dueForm := func(who string) (*term, string) {
		tm := startProgram(t, 120, 36, env, "ssh", srv.sshArgs(keys[who], "-t")...)
		tm.waitFor("Hotspots by risk", "you: "+who)
		tm.keys("A")
		tm.waitFor("My actions · Derbyshire Constabulary")
		tm.keys("p")
		scr := tm.waitFor("New due date · A-")
		return tm, regexp.MustCompile(`New due date · (A-\d+)`).FindStringSubmatch(scr)[1]
	}
	jas, ref := dueForm("Sgt Jas Patel")
	jas.text("+3w")
	jas.keys("Tab")
	jas.text("Waiting for the contractor")

	claire, hers := dueForm("Insp Claire Dunn")
	if hers != ref {
		t.Fatalf("the two forms are on %s and %s: the test proves nothing", ref, hers)
	}
	claire.text("+6w")
	claire.keys("Tab")
	claire.text("The court date moved")
	claire.keys("Enter")
	claire.waitFor(ref + " now due")

	jas.keys("Enter")
	jas.waitFor(ref+" was changed by Insp Claire Dunn at", "not saved", "Waiting for the contractor")
	jas.keys("Enter") // deliberately, over hers
	jas.waitFor(ref + " now due")

	out, errOut, code := srv.ssh(t, keys["Insp Claire Dunn"], "action", "show", ref)
	if code != 0 || !strings.Contains(out, "The court date moved") || !strings.Contains(out, "Waiting for the contractor") {
		t.Fatalf("ssh … action show %s: exit %d: %s%s", ref, code, out, errOut)
	}
}

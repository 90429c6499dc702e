package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
)

// TestATypedFormIsKeptWhenTheServerStops: Gary is half-way through a
// progress update when the server stops. What he typed is kept, in a file
// only the server's user can read, never in the log; on his next
// connection he is offered it, and r puts it back in the same form when
// he opens it. Offered again after another stop, esc discards it.
func TestATypedFormIsKeptWhenTheServerStops(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	ts := startServer(t, Config{DraftsDir: dir}, echoRunner(nil))
	gary := ts.names["Gary Fletcher"]
	file := filepath.Join(dir, fmt.Sprintf("%d.json", gary.ID))
	const words = "Spoke to the family at number 4 DRAFTMARK31"

	typeDraft := func() *appSession {
		app := ts.openApp("Gary Fletcher", 120, 30)
		app.see("Hotspots by risk")
		app.press("A")
		app.see("A-")
		app.press("u")
		app.see("Progress update")
		app.emu.SendText(words)
		app.see("DRAFTMARK31")
		return app
	}
	app := typeDraft()
	ts.restart()
	app.see("the server is stopping", "what you were typing is kept")
	if got := app.exit(); got != ExitStopping {
		t.Errorf("exit %d, want %d", got, ExitStopping)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no draft kept: %v", err)
	}
	if !strings.Contains(string(b), words) {
		t.Errorf("the draft does not hold what was typed: %s", b)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, file: 0o600} {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %04o (%v)", path, st.Mode().Perm(), want, err)
		}
	}

	// Next time: offered, restored into the same form.
	app = ts.openApp("Gary Fletcher", 120, 30)
	app.see("You were typing in", "Progress update", "when the server stopped", "r restores it", "esc discards it")
	app.press("r")
	app.see("again as before: your words will be in it")
	app.press("A")
	app.see("A-")
	app.press("u")
	app.see("Progress update", "DRAFTMARK31")
	waitFor(t, func() bool { _, err := os.Stat(file); return os.IsNotExist(err) })

	// Kept again when the server stops again; this time discarded.
	ts.restart()
	app.see("what you were typing is kept")
	app = ts.openApp("Gary Fletcher", 120, 30)
	app.see("You were typing in")
	app.press("\x1b")
	app.see("what you were typing is discarded")
	waitFor(t, func() bool { _, err := os.Stat(file); return os.IsNotExist(err) })

	if strings.Contains(ts.logs.String(), "DRAFTMARK31") {
		t.Errorf("the log holds a draft's words:\n%s", ts.logs.String())
	}
	for _, want := range []string{"draft kept", "draft offered back"} {
		if !strings.Contains(ts.logs.String(), want) {
			t.Errorf("the log does not say %q", want)
		}
	}
}

// typedApp is an app with typing in a form.
type typedApp struct{}

func (typedApp) Draft() (tui.Draft, bool) {
	return tui.Draft{Form: "Progress update · A-10", Fields: []tui.DraftField{{Key: "text", Value: "Letters sent"}}}, true
}

// A draft is kept only when the server ended the session, offered only to
// its member as they were when they typed it, and deleted unread once too
// old or once the member's access is withdrawn or changed.
func TestADraftIsOfferedOnlyToItsMemberAsTheyWere(t *testing.T) {
	dir := t.TempDir()
	k, err := openDrafts(dir, time.Hour, log.New(io.Discard), true)
	if err != nil {
		t.Fatal(err)
	}
	gary := model.Member{ID: 7, Name: "Gary Fletcher", Role: model.RoleMember, AgencyID: 3}
	file := k.path(gary.ID)
	offered := func(m model.Member) bool {
		var cfg tui.Config
		k.offer(&cfg, m, nil)
		return cfg.Draft != nil
	}
	gone := func() bool { _, err := os.Stat(file); return os.IsNotExist(err) }

	for _, why := range []string{"ended", reasonPanicked} {
		if k.keep(gary, typedApp{}, why, nil); !gone() {
			t.Errorf("a session ended %q kept a draft", why)
		}
	}
	k.keep(gary, typedApp{}, reasonIdle, nil)
	if !offered(gary) {
		t.Error("a draft kept when the app idled out was not offered back")
	}
	viewer := gary
	viewer.Role = model.RoleViewer
	if offered(viewer) || !gone() {
		t.Error("a draft was offered to its member after their role changed")
	}
	k.keep(gary, typedApp{}, reasonStopping, nil)
	k.keep(gary, typedApp{}, reasonWithdrawn, nil)
	if !gone() {
		t.Error("a member whose access was withdrawn keeps their draft")
	}
	k.keep(gary, typedApp{}, reasonStalled, nil)
	k.now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	if offered(gary) || !gone() {
		t.Error("a draft older than DraftKeep was offered")
	}
	if d := (Config{}).withDefaults().DraftKeep; d != DefaultDraftKeep {
		t.Errorf("drafts are kept %s by default, want %s", d, DefaultDraftKeep)
	}
}

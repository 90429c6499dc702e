package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
)

// draftKeeper keeps a member's half-typed form when the server ends their
// app (stopping, idle, a terminal that stopped reading), and offers it
// back on their next connection (tui.Draft).
//
// Where: a file per member in a folder beside the database (0700, each
// file 0600), not the record and not memory. Memory dies with the
// stopping server it would have to survive. The record is the
// partnership's minutes and audit trail: a draft is nobody's decision, so
// it is neither audited, backed up with the record, exported nor checked,
// and keeping it there would mean writing to the record while it is being
// closed. A file is written in one rename at the last moment and read once.
//
// Drafts are restricted data: they may hold private business. Only their
// member is offered them, and only as they were when they typed it (the
// same name, role, agency and read right, or it is deleted unread: a
// session of theirs now may not read what it says); they are never
// logged (the log says a draft was kept or offered, never a word of it).
// One is deleted when used or discarded, when its member's app is closed
// because their access was withdrawn or changed, and, unread, once older
// than DraftKeep. One draft per member: the latest kept.
type draftKeeper struct {
	dir    string // "" keeps none
	maxAge time.Duration
	now    func() time.Time
	log    *log.Logger
}

// keptDraft is a draft's file: the draft, when it was kept, and its member
// as they were then.
type keptDraft struct {
	Saved time.Time `json:"saved"`
	As    memberWas `json:"as"`
	Draft tui.Draft `json:"draft"`
}

// memberWas is what a session acts and reads as (the hub ends sessions
// when it changes): a draft is offered back only to the member as they
// were when they typed it.
type memberWas struct {
	Name     string          `json:"name"`
	Role     model.Role      `json:"role"`
	AgencyID model.ID        `json:"agency"`
	Reads    model.ReadRight `json:"reads"`
}

func was(m model.Member) memberWas {
	return memberWas{Name: m.Name, Role: m.Role, AgencyID: m.AgencyID, Reads: m.ReadRight()}
}

// maxDraftFile bounds a draft file read back: a form's few fields, each
// capped by its input, are far less.
const maxDraftFile = 1 << 20

// openDrafts makes the folder (0700) if need be, narrows one others can
// read, and deletes drafts too old to offer. Unless makeNow, a folder that
// is not there yet is made only when a draft is kept (the app, which
// leaves nothing beside every file it opens).
func openDrafts(dir string, keep time.Duration, logger *log.Logger, makeNow bool) (*draftKeeper, error) {
	d := &draftKeeper{dir: dir, maxAge: keep, now: time.Now, log: logger}
	if dir == "" {
		return d, nil
	}
	if _, err := os.Stat(dir); !makeNow && errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("drafts folder %s: %w", dir, err)
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("drafts folder %s: %w", dir, err)
	} else if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("drafts folder %s can be read by others and cannot be made private: %w", dir, err)
		}
		logger.Warn("the drafts folder could be read by others: made 0700", "dir", dir)
	}
	if _, err := os.ReadDir(dir); err != nil {
		return nil, fmt.Errorf("drafts folder %s: %w", dir, err)
	}
	d.sweep()
	return d, nil
}

// sweep deletes the drafts too old to offer (and any file a failed write
// left): at start, and whenever one is kept.
func (d *draftKeeper) sweep() {
	entries, _ := os.ReadDir(d.dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && d.now().Sub(info.ModTime()) > d.maxAge {
			_ = os.Remove(filepath.Join(d.dir, e.Name()))
		}
	}
}

func (d *draftKeeper) path(member model.ID) string {
	return filepath.Join(d.dir, fmt.Sprintf("%d.json", member))
}

// offer gives the app the member's kept draft, if there is one young
// enough and they are as they were; cfg.DraftDone deletes it once used or
// discarded.
func (d *draftKeeper) offer(cfg *tui.Config, m model.Member, session []any) {
	if d.dir == "" {
		return
	}
	member := m.ID
	k, err := d.read(member)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return
	case err != nil:
		d.log.Warn("a kept draft could not be read: deleted", join(session, ErrorFields(err))...)
		d.forget(member)
		return
	case d.now().Sub(k.Saved) > d.maxAge || k.As != was(m):
		d.forget(member)
		return
	}
	d.log.Info("draft offered back", session...)
	cfg.Draft = &k.Draft
	cfg.DraftDone = func() { d.forget(member) }
}

func (d *draftKeeper) read(member model.ID) (keptDraft, error) {
	var k keptDraft
	f, err := os.Open(d.path(member))
	if err != nil {
		return k, err
	}
	defer f.Close()
	dec := json.NewDecoder(&limited{r: f, n: maxDraftFile})
	return k, dec.Decode(&k)
}

// keep saves what the member was typing when the server ended their app
// for a reason that is not theirs, and says so for the person; a session
// ended because their access was withdrawn or changed forgets their draft.
func (d *draftKeeper) keep(m model.Member, app interface{ Draft() (tui.Draft, bool) }, why string, session []any) string {
	if d.dir == "" {
		return ""
	}
	member := m.ID
	var ended string
	switch why {
	case reasonWithdrawn, reasonChanged:
		d.forget(member)
		return ""
	case reasonStopping:
		ended = "the server stopped"
	case reasonIdle:
		ended = "the app was closed for want of a key press"
	case reasonStalled:
		ended = "your terminal stopped answering"
	default:
		return ""
	}
	dr, ok := app.Draft()
	if !ok {
		return ""
	}
	dr.Ended = ended
	if err := d.write(member, keptDraft{Saved: d.now(), As: was(m), Draft: dr}); err != nil {
		d.log.Warn("a draft could not be kept", join(session, ErrorFields(err))...)
		return ""
	}
	d.log.Info("draft kept", session...)
	d.sweep()
	return "what you were typing is kept: you are offered it when you connect again"
}

// write puts the draft in place in one rename, 0600 from the start.
func (d *draftKeeper) write(member model.ID, k keptDraft) error {
	b, err := json.Marshal(k)
	if err != nil {
		return err
	}
	if err := os.Mkdir(d.dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	f, err := os.CreateTemp(d.dir, ".draft-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone after the rename; left only on failure
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), d.path(member))
}

func (d *draftKeeper) forget(member model.ID) {
	if d.dir != "" {
		_ = os.Remove(d.path(member))
	}
}

// limited is io.LimitReader that fails past its limit instead of ending,
// so an oversized file is refused rather than half-read.
type limited struct {
	r io.Reader
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errors.New("too large")
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

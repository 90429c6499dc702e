package tui

import (
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// App is the root model: it owns routing (through the parts table,
// screens.go), the status bar, the overlay stack (forms, questions, info
// boxes, help: overlay.go) and what the screens share: the store as the
// person at the keyboard reads it, the key map, the styles, the write
// queue. Each screen is a part in its own file with its own state (the
// fields below point at it while it is open) and its own messages
// (screenMsg); the meeting's items are kinds of their own (item.go). All
// I/O happens in commands.
type App struct {
	// loading: a screen load is in flight; nextLoad is the one to run when
	// it answers (loads.go). loadsRun and loadsCoalesced count them (tests).
	loading                  bool
	nextLoad                 func() tea.Cmd
	loadsRun, loadsCoalesced int

	// base is the record; st is it as actor may read it (setActor).
	base   store.Record
	st     Store
	actor  model.Actor
	now    func() time.Time
	clock  time.Time // the time as of the last tick: View never reads a clock
	keys   keyMap
	styles Styles
	w, h   int
	screen screen

	feed     <-chan store.Change
	stopFeed func()
	writes   *writeQueue

	// overlays are open over the screen, bottom first: the last takes
	// the keys (overlay.go).
	overlays  []overlay
	hintCache map[string]string
	// pending counts this session's in-flight writes per action.
	pending map[model.ID]int
	// ownSaved is the version each action was at after this session's own
	// last save of it (formGuard).
	ownSaved map[model.ID]int

	// status bar
	saving   int
	savedAt  time.Time
	flash    string
	flashErr bool

	// sparks are the sparklines drawn, by their counts (sparkline.go).
	sparks sparks

	gen int // load generation: stale loads are dropped
	// home is what home shows, and the header names the partnership from.
	home *model.HomeSummary

	// The screens' own state: each screen's while it is open (nil, or
	// zero, otherwise).
	hf      homeScreen
	mt      *meetingState
	hp      *hotspotPage
	people  *peoplePage
	choose  *chooser
	mine    *myActions
	preview *preview
	welcome welcomeState

	// frame is the last screen drawn, published for tests that watch the
	// program from another goroutine (teatest) without racing it.
	frame atomic.Pointer[string]

	// remote is how this person reaches the server when the app runs in an
	// SSH session (Config.Remote); "" when it runs on its own.
	remote string
	// dir is where a relative file name is saved (Config.Dir).
	dir string
	// connected and present: who has the app open on the server (nil and
	// empty when the app runs on its own), kept current by PresenceMsg.
	connected   func() []Present
	hosting     bool // Config.Hosting
	present     []Present
	presentGen  int    // counts PresenceMsgs, for the header's cache
	presenceSeq uint64 // the newest PresenceMsg taken
	// seenTx is the newest commit this session has been told of: a reading
	// at least that new shows everything it knows changed.
	seenTx      uint64
	headerDrawn struct {
		key headerKey
		s   string
	}
	// settling: a served session is letting others' changes gather before
	// it reads its screen again (changes.go).
	settling bool
	// remember records who chose themselves (Config.Remember); became
	// tells whoever seats this app (Config.Became).
	remember func(model.Member) error
	became   func(model.Member)
	drafts   drafts // a kept draft offered back (draft.go)
}

// New makes the app. cfg.Now may be nil.
func New(cfg Config) *App {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	a := &App{base: cfg.Store, now: now, clock: now(), keys: newKeyMap(), styles: NewStyles(true), w: 80, h: 24,
		remember: cfg.Remember, became: cfg.Became, remote: cfg.Remote, connected: cfg.Connected, hosting: cfg.Hosting, dir: cfg.Dir}
	if a.connected != nil {
		a.present = a.connected()
	}
	a.setActor(cfg.Actor)
	if cfg.Notice != "" {
		a.flash, a.flashErr = cfg.Notice, true
	}
	a.feed, a.stopFeed = cfg.Store.Subscribe()
	a.writes = newWriteQueue()
	a.ownSaved = map[model.ID]int{}
	a.offerDraft(cfg.Draft, cfg.DraftDone)
	return a
}

// setActor makes actor the person at the keyboard: every read from now on
// is what they may read (store.ReadAs, the one point where the read right
// is enforced), and every change is theirs.
func (a *App) setActor(actor model.Actor) {
	a.actor = actor
	a.st = store.ReadAs(a.base, actor)
}

// Close finishes queued writes and stops listening to the store.
func (a *App) Close() {
	if a.writes != nil {
		a.writes.close()
		a.writes = nil
	}
	if a.stopFeed != nil {
		a.stopFeed()
		a.stopFeed = nil
	}
}

func (a *App) Init() tea.Cmd {
	st := a.st
	return tea.Batch(
		func() tea.Msg {
			empty, err := st.IsEmpty()
			if err != nil {
				return failedMsg{err: err}
			}
			return emptyMsg{empty}
		},
		waitForChange(a.feed),
		tea.RequestBackgroundColor,
		tick(),
	)
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	if more := a.wantHistory(); more != nil {
		cmd = tea.Batch(cmd, more)
	}
	return m, cmd
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.w, a.h = msg.Width, msg.Height
		if a.preview != nil {
			return a, a.preview.read(a)
		}
		return a, nil
	case tea.BackgroundColorMsg:
		a.styles = NewStyles(msg.IsDark())
		a.hintCache = nil
		return a, nil
	case tickMsg:
		a.clock = a.now() // the app's clock, which may be pinned (TASKING_NOW)
		return a, tick()
	case changeMsg:
		a.seenTx = max(a.seenTx, msg.Tx)
		a.noteOthersChange(store.Change(msg))
		return a, tea.Batch(a.changed(store.Change(msg)), waitForChange(a.feed))
	case PresenceMsg:
		if msg.Seq >= a.presenceSeq {
			a.present, a.presenceSeq = msg.People, msg.Seq
			a.presentGen++
		}
		return a, nil
	case settledMsg:
		return a, a.settled()
	case actionMsg:
		return a, a.actionRead(msg)
	case feedClosedMsg:
		return a, nil
	case emptyMsg:
		if msg.empty {
			a.screen = screenWelcome
			return a, nil
		}
		if a.actor.Name == "" {
			return a, a.openChooser(0)
		}
		a.screen = screenHome
		return a, a.loadHome()
	case savedMsg:
		return a, a.saved(msg)
	case failedMsg:
		return a, a.failed(msg)
	case loadedMsg:
		next := a.loaded()
		m, cmd := a.update(msg.inner)
		return m, tea.Batch(next, cmd)
	case screenMsg:
		// What a screen's own command read: the screen takes it in.
		return a, msg.take(a)
	case tea.KeyPressMsg:
		return a, a.key(msg)
	}
	// Paste and cursor blinks belong to the open forms.
	return a, a.tellOverlays(msg)
}

// reload re-reads what the current screen shows (a refused save: the
// fresh record; back to a screen).
func (a *App) reload() tea.Cmd {
	if p, ok := parts[a.screen]; ok {
		return p.load(a)
	}
	return nil
}

func (a *App) saved(msg savedMsg) tea.Cmd {
	a.saving = max(a.saving-1, 0)
	if msg.action != 0 {
		a.pending[msg.action]--
	}
	a.savedAt = a.now()
	if m, ok := msg.result.(model.Meeting); ok && a.mt != nil && a.mt.id == m.ID {
		a.mt.seen = max(a.mt.seen, m.Version)
	}
	if msg.nav {
		if a.mt != nil {
			a.mt.pendingNav = max(a.mt.pendingNav-1, 0)
		}
		return nil
	}
	if f := a.formByID(msg.formID); f != nil {
		a.close(f)
	}
	if msg.what != "" {
		a.flash, a.flashErr = msg.what, false
	}
	switch r := msg.result.(type) {
	case string:
		a.flash, a.flashErr = r, false
	case func() tea.Cmd:
		return r()
	case model.Action:
		// This session's own change: show the saved record (and its new
		// version) at once, so the next key does not conflict with it; a
		// form still open on it saves against this version (formGuard).
		a.ownSaved[r.ID] = max(a.ownSaved[r.ID], r.Version)
		a.patchAction(r)
	}
	return nil
}

// patchAction puts a fresh copy of an action (this session's save, or one
// read again after someone else's) into every list on screen, unless a
// list already holds a newer one. My actions takes it whole, in its place
// (so its change notice costs no load); the meeting reads itself again
// after its notice anyway, for what it counts.
func (a *App) patchAction(act model.Action) {
	patch := func(list []model.Action) {
		for i := range list {
			if list[i].ID == act.ID && list[i].Version <= act.Version {
				list[i] = act
			}
		}
	}
	if m := a.mine; m != nil && m.data != nil && m.data.patch(act) {
		a.refilterMine()
	}
	if a.mt != nil && a.mt.view != nil {
		v := a.mt.view
		v.mattersRows = nil
		patch(v.rec.Actions)
		patch(v.matters)
		patch(v.shownMatters)
		patch(v.general)
		for _, hv := range v.hotspots {
			patch(hv.actions)
		}
	}
}

func (a *App) failed(msg failedMsg) tea.Cmd {
	if msg.nav {
		a.saving = max(a.saving-1, 0)
		if a.mt != nil {
			a.mt.pendingNav = max(a.mt.pendingNav-1, 0)
		}
		a.flash, a.flashErr = msg.err.Error(), true
		return a.reload()
	}
	if msg.write {
		a.saving = max(a.saving-1, 0)
	}
	if msg.action != 0 {
		a.pending[msg.action]--
	}
	if f := a.formByID(msg.formID); f != nil {
		if f.conflicted(msg.err) {
			// A stale edit: the form says what changed and keeps the
			// typing; the screen behind it shows the fresh record.
			return a.reload()
		}
		f.failWith(msg.err)
		return nil
	}
	a.flash, a.flashErr = msg.err.Error(), true
	a.welcome.loading = ""
	var conflict *store.ConflictError
	if errors.As(msg.err, &conflict) {
		return a.reload()
	}
	return nil
}

// key routes a keypress: quit, then the too-small screen, then the top
// overlay, then the screen.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.keys.Global.Quit) {
		if a.holdQuit() {
			return nil
		}
		return tea.Quit
	}
	if a.w < minWidth || a.h < minHeight {
		if msg.String() == "q" {
			return tea.Quit
		}
		return nil
	}
	if cmd, taken := a.overlayKey(msg); taken {
		return cmd
	}
	if key.Matches(msg, a.keys.Global.Help) {
		var here []string
		if p, ok := parts[a.screen]; ok {
			here = p.help(a)
		}
		a.push(&helpScreen{here: here})
		return nil
	}
	a.flash = ""
	// My actions is one key from anywhere a person is known.
	if key.Matches(msg, a.keys.MyActions) && a.actor.Name != "" && a.screen != screenWelcome && a.screen != screenChoose &&
		!(a.screen == screenMeeting && a.mt.typing()) && !(a.screen == screenHome && a.hf.filter.typing) {
		return a.openMyActions()
	}
	if p, ok := parts[a.screen]; ok {
		return p.keyPress(a, msg)
	}
	if key.Matches(msg, a.keys.Global.Back) {
		return tea.Quit
	}
	return nil
}

func (a *App) View() tea.View {
	content := a.render()
	a.frame.Store(&content)
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "tasking"
	return v
}

// render is the whole screen as a string (tests golden it, ANSI stripped).
func (a *App) render() string {
	if a.w < minWidth || a.h < minHeight {
		return tooSmall(a.w, a.h)
	}
	foot := a.footerLines()
	bodyH := a.h - 1 - len(foot)
	body := a.body(a.w, bodyH)
	return a.headerLine() + "\n" + fitBlock(body, a.w, bodyH) + "\n" + strings.Join(foot, "\n")
}

// maxFooterLines is the most lines an error takes at the foot of the
// screen, the body giving way: a damage message, with the backup to
// restore at its end, is four to six at 80 columns.
const maxFooterLines = 6

// footerLines is the footer: one line, or an error too long for one
// wrapped over up to maxFooterLines, so it is read whole (a refused
// change's message ends with what to do). Its keys come back with the
// next key press, which clears the message.
func (a *App) footerLines() []string {
	if a.flash == "" || !a.flashErr || cells("✗ "+a.flash)+2 <= a.w {
		return []string{a.footerLine()}
	}
	if _, asking := a.top().(*question); asking {
		return []string{a.footerLine()}
	}
	lines := wrap("✗ "+a.flash, a.w-2)
	if len(lines) > maxFooterLines {
		lines = lines[:maxFooterLines]
		lines[maxFooterLines-1] = clip(lines[maxFooterLines-1]+" …", a.w-2)
	}
	for i, l := range lines {
		lines[i] = " " + fit(a.styles.Error.Render(l), a.w-1)
	}
	return lines
}

// fitBlock makes a block exactly w×h, so nothing a screen draws can wrap
// and scramble the terminal.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

// headerLine: the partnership and where you are on the left; who you are
// and whether your last change is saved on the right. Drawn again only
// when something in it changes: under tasking serve the screen is redrawn
// for every change anyone saves.
func (a *App) headerLine() string {
	k := headerKey{w: a.w, screen: a.screen, saving: a.saving, savedAt: a.savedAt, presentGen: a.presentGen,
		follow: a.mt.followNote(a), dark: a.styles.isDark, actor: a.actor}
	if a.mt != nil && a.mt.view != nil {
		k.heading = a.mt.view.heading
	}
	if a.home != nil {
		k.name, k.agencyLabel = a.home.Partnership.Name, a.home.Agencies.Label(a.actor.AgencyID)
	}
	if a.headerDrawn.s != "" && a.headerDrawn.key == k {
		return a.headerDrawn.s
	}
	out := a.drawHeader()
	a.headerDrawn.key, a.headerDrawn.s = k, out
	return out
}

// headerKey is everything the header is drawn from.
type headerKey struct {
	w, saving, presentGen              int
	screen                             screen
	savedAt                            time.Time
	follow, heading, name, agencyLabel string
	actor                              model.Actor
	dark                               bool
}

func (a *App) drawHeader() string {
	s := a.styles
	left := " " + s.Title.Render("tasking")
	switch {
	case a.screen == screenMeeting && a.mt != nil && a.mt.view != nil:
		left += s.Muted.Render(" · ") + s.Header.Render(a.mt.view.heading)
	case a.home != nil:
		left += s.Muted.Render(" · ") + s.Header.Render(a.home.Partnership.Name)
	}
	var right []string
	if note := a.mt.followNote(a); note != "" && a.screen == screenMeeting {
		right = append(right, s.Muted.Render(note))
	}
	if here := a.presenceLine(); here != "" {
		right = append(right, s.HeaderRight.Render(here))
	}
	// Who is at the keyboard matters less than what is on screen: shown
	// only when there is room beside the heading.
	if a.actor.Name != "" && (a.w >= wideWidth || a.screen != screenMeeting) {
		you := "you: " + a.actor.Name
		// Beside who else is here, your own agency and role give way first.
		if a.home != nil && a.actor.AgencyID != 0 && (!a.sharing() || a.w >= wideWidth) {
			you += " · " + a.home.Agencies.Label(a.actor.AgencyID) + " · " + string(a.actor.Role)
		}
		right = append(right, s.HeaderRight.Render(you))
	}
	switch {
	case a.saving > 0:
		right = append(right, s.Saving.Render("◌ saving…"))
	case !a.savedAt.IsZero():
		right = append(right, s.Saved.Render("● saved "+a.savedAt.Format("15:04:05")))
	}
	r := strings.Join(right, "  ") + " "
	lw := a.w - cells(r) - 1
	return fit(left, lw) + " " + r
}

// footerLine: the flash message or where the screen stands, and key
// hints.
func (a *App) footerLine() string {
	s := a.styles
	var left, short string
	switch {
	case a.flash != "" && a.flashErr:
		left = s.Error.Render("✗ " + a.flash)
	case a.flash != "":
		left = s.Saved.Render("✓ " + a.flash)
	default:
		if p, ok := parts[a.screen].(statusLiner); ok {
			left, short = p.status(a)
		}
	}
	hints := a.overlayHints()
	// A question is asked in the footer, in place of the message.
	q, asking := a.top().(*question)
	if asking {
		left = s.Warning.Render(q.text)
	}
	hw := cells(hints)
	if cells(left)+hw+2 > a.w {
		// A question keeps its y/n: it asks first and explains after, so
		// a clipped end loses only detail.
		if asking && hw+12 < a.w {
			return " " + fit(left, a.w-hw-2) + hints + " "
		}
		// The message matters more than the hints.
		if a.flash != "" || asking {
			return " " + fit(left, a.w-1)
		}
		// On a narrow screen the keys of the step in hand come first, and
		// where it stands follows them, said short: at 80 columns the
		// clocks would otherwise leave room for three keys.
		if short != "" && a.w < wideWidth {
			hw = a.w - cells(short) - 4
			return " " + fit(clip(hints, hw), hw) + "  " + short + " "
		}
		hints = clip(hints, max(a.w-cells(left)-3, 10))
		hw = cells(hints)
	}
	return " " + fit(left, a.w-hw-2) + hints + " "
}

// hint is one footer hint: the keys of its bindings, taken from the key
// map (the first key of each: "j/k", "1/2/3"), and a word or two saying
// what they do. The help screen lists the same bindings in full, so a key
// changed in the map changes in both.
type hint struct {
	label string
	keys  []key.Binding
}

func keyHint(label string, keys ...key.Binding) hint { return hint{label: label, keys: keys} }

// hintsOf renders hints for the footer. The same few lines are drawn on
// every frame, so each is rendered once per theme and kept.
func (a *App) hintsOf(hs ...hint) string {
	var pairs []string
	for _, x := range hs {
		ks := make([]string, 0, len(x.keys))
		for _, b := range x.keys {
			if keys := b.Keys(); len(keys) > 0 {
				ks = append(ks, keys[0])
			}
		}
		pairs = append(pairs, strings.Join(ks, "/"), x.label)
	}
	cacheKey := strings.Join(pairs, "\x00")
	if h, ok := a.hintCache[cacheKey]; ok {
		return h
	}
	s := a.styles
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		parts = append(parts, s.Key.Render(pairs[i])+" "+s.KeyDesc.Render(pairs[i+1]))
	}
	out := strings.Join(parts, s.KeyDesc.Render(" · "))
	if a.hintCache == nil {
		a.hintCache = map[string]string{}
	}
	a.hintCache[cacheKey] = out
	return out
}

// screenHints are the footer hints of the screen on show.
func (a *App) screenHints() string {
	g := a.keys.Global
	if p, ok := parts[a.screen]; ok {
		return p.hints(a)
	}
	return a.hintsOf(keyHint("help", g.Help), keyHint("quit", g.Quit))
}

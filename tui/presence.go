package tui

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Present is someone with the app open on the server.
type Present struct {
	MemberID model.ID
	Name     string
}

// PresenceMsg is sent by the server whenever someone connects or leaves:
// everyone with the app open now, each once, by name. Seq numbers them:
// notices are sent concurrently, and an older one arriving late is ignored.
type PresenceMsg struct {
	Seq    uint64
	People []Present
}

// sharing: others may be here with the app open — it runs on the server,
// or has joined the app holding the file, or holds the file and someone's
// app has joined it. Who is here is shown, and attendance may be taken
// from it, exactly alike in each.
func (a *App) sharing() bool {
	if a.connected == nil {
		return false
	}
	return !a.hosting || len(a.others()) > 0
}

// others are the names of the people here with the app open, but for the
// person at this keyboard.
func (a *App) others() []string {
	others := make([]string, 0, len(a.present))
	for _, p := range a.present {
		if p.MemberID != a.actor.MemberID {
			others = append(others, model.CleanLine(p.Name))
		}
	}
	return others
}

// become makes m the person at the keyboard, having said so in the app,
// and tells whoever seats the app, so the others see them here.
func (a *App) become(m model.Member) {
	a.setActor(model.ActorFor(m))
	if a.became != nil {
		a.became(m)
	}
	a.presentGen++ // who is "you" in the header's list has changed
}

// presenceLine is who is connected, for the header: the number and as
// many names as fit in a short space ("3 here: Helen Marsh, Gary Fletcher
// +1"); "" when the app runs on its own, or holds the file with nobody
// else's app joined.
func (a *App) presenceLine() string {
	if !a.sharing() {
		return ""
	}
	others := a.others()
	if len(others) == 0 {
		return "● only you here"
	}
	line := fmt.Sprintf("● %d here: ", len(others)+1)
	budget := max(a.w/3, 24)
	for i, name := range others {
		rest := ""
		if left := len(others) - i - 1; left > 0 {
			rest = fmt.Sprintf(" +%d", left)
		}
		sep := ""
		if i > 0 {
			sep = ", "
		}
		if i > 0 && cells(line+sep+name+rest) > budget {
			return line + fmt.Sprintf(" +%d", len(others)-i)
		}
		line += sep + name
	}
	return line
}

// noteOthersChange says in the footer what someone else just saved, so a
// shared screen changing under you is explained ("Gary Fletcher: A-12
// progress note"). Your own saves say so themselves; what nobody typed
// (the demo's police.uk import, just after "demo loaded") is not news.
func (a *App) noteOthersChange(c store.Change) {
	if c.By == "" || c.By == a.actor.String() || model.BySystem(c.By) || c.Missed || c.Ref == "" || quietChange[c.Op] {
		return
	}
	if c.Private && a.actor.Reads() != model.ReadRestricted {
		return // not even the ref of private business to a public-only reader
	}
	if a.flash != "" && a.flashErr {
		return // an error of yours stays on show
	}
	a.flash, a.flashErr = fmt.Sprintf("%s: %s %s", model.CleanLine(c.By), c.Ref, changeWords(c.Op)), false
}

// quietChange are others' changes the screen shows by itself: the chair
// moving on to the next item moves everyone following.
var quietChange = map[model.Op]bool{model.OpMeetingItem: true}

// opWords say the commonest changes as people would, after the ref
// ("A-12 progress note"); the rest are their verb (changeWords).
var opWords = map[model.Op]string{
	model.OpActionAssign:        "assigned",
	model.OpActionNote:          "progress note",
	model.OpActionStatus:        "status changed",
	model.OpActionDue:           "due date moved",
	model.OpActionUpdate:        "updated",
	model.OpActionAccepted:      "update accepted",
	model.OpActionReviewed:      "reviewed",
	model.OpHotspotAdd:          "added",
	model.OpHotspotRisk:         "risk changed",
	model.OpHotspotAssess:       "risk assessed",
	model.OpHotspotStatus:       "status changed",
	model.OpHotspotClose:        "closed",
	model.OpMeetingAgendaTakeUp: "taken up on the agenda",
	model.OpDecisionRecord:      "resolution recorded",
	model.OpNoteAdd:             "note added",
}

// changeWords puts a kind of change ("action.note") as a few words.
func changeWords(op model.Op) string {
	if w, ok := opWords[op]; ok {
		return w
	}
	_, verb, ok := strings.Cut(string(op), ".")
	if !ok {
		verb = string(op)
	}
	return strings.ReplaceAll(verb, "_", " ")
}

// remoteExportBox is what export offers in an SSH session: the minutes are
// never written to the server's disk, so the box gives the command that
// fetches them onto the person's own computer, one per format, named as a
// save here would name them.
func remoteExportBox(ssh string, m model.Meeting, public bool) *infoBox {
	ref := model.MeetingRef(m.ID)
	flag, kind := "", "restricted (Part 2 included)"
	if public {
		flag, kind = " --public", "public (Part 1 only)"
	}
	lines := []string{
		"You are connected to the server, so the minutes are not saved there:",
		"run one of these on your own computer (in a terminal, not in here).",
		"",
	}
	for _, f := range []minutes.Format{minutes.HTML, minutes.DOCX, minutes.MD, minutes.TXT, minutes.JSON} {
		out := ""
		if f.Binary() {
			out = " -o -" // a Word document is written to stdout only when asked
		}
		lines = append(lines, fmt.Sprintf("%s minutes %s --format %s%s%s > %s", ssh, ref, f, flag, out, minutes.FileNameFor(m, f, public)))
	}
	if !public {
		lines = append(lines, "", "These hold Part 2: keep the file private (chmod 600).")
	}
	return &infoBox{title: "Export the " + kind + " minutes of " + ref, lines: lines}
}

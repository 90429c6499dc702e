package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The people screen (P from home): the partnership's members, its agencies
// and its own details, which the chair or an admin manages. Everyone else
// can read it. Members and agencies are retired, never deleted.

// peopleTab is which list the screen shows.
type peopleTab int

const (
	tabMembers peopleTab = iota
	tabAgencies
	tabPartnership
)

type peoplePage struct {
	tab      peopleTab
	sel      int
	off      int
	members  []model.Member // active first, then retired
	agencies []model.Agency
	idx      model.AgencyIndex
	p        model.Partnership
	chair    string
	err      string
}

// peopleMsg: the members, agencies and the partnership's details were
// read.
type peopleMsg struct {
	gen      int
	members  []model.Member
	agencies []model.Agency
	p        model.Partnership
	err      error
}

func (a *App) openPeople() tea.Cmd {
	a.people = &peoplePage{}
	a.screen = screenPeople
	return a.people.load(a)
}

func (pp *peoplePage) load(a *App) tea.Cmd {
	return a.coalesce(func() tea.Cmd {
		a.gen++
		gen, st := a.gen, a.st
		return func() tea.Msg {
			ms, err := st.Members()
			if err != nil {
				return peopleMsg{gen: gen, err: err}
			}
			as, err := st.Agencies()
			if err != nil {
				return peopleMsg{gen: gen, err: err}
			}
			p, err := st.Partnership()
			return peopleMsg{gen: gen, members: ms, agencies: as, p: p, err: err}
		}
	})
}

func (msg peopleMsg) take(a *App) tea.Cmd {
	pp := a.people
	if pp == nil || msg.gen != a.gen {
		return nil
	}
	if msg.err != nil {
		pp.err = msg.err.Error()
		return nil
	}
	pp.err = ""
	pp.members = append(model.ActiveMembers(msg.members), retired(msg.members)...)
	pp.agencies = msg.agencies
	pp.idx = model.IndexAgencies(msg.agencies)
	pp.p = msg.p
	for _, m := range msg.members {
		if m.ID == msg.p.ChairID {
			pp.chair = m.Name
		}
	}
	pp.sel = max(min(pp.sel, pp.rows()-1), 0)
	return nil
}

func retired(ms []model.Member) []model.Member {
	var out []model.Member
	for _, m := range ms {
		if m.Retired {
			out = append(out, m)
		}
	}
	return out
}

func (pp *peoplePage) rows() int {
	switch pp.tab {
	case tabMembers:
		return len(pp.members)
	case tabAgencies:
		return len(pp.agencies)
	}
	return 0
}

// manager: the person may change people and agencies (the store checks
// again; this only keeps the keys honest).
func manager(actor model.Actor) bool { return model.Allow(actor, model.OpMemberAdd, 0) == nil }

func (pp *peoplePage) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g, pk := a.keys.Global, a.keys.People
	switch {
	case key.Matches(msg, g.Back):
		a.people = nil
		a.screen = screenHome
		return a.loadHome()
	case key.Matches(msg, g.Tab):
		pp.tab = (pp.tab + 1) % 3
		pp.sel, pp.off = 0, 0
		return nil
	case key.Matches(msg, g.Down):
		pp.sel = min(pp.sel+1, max(pp.rows()-1, 0))
		return nil
	case key.Matches(msg, g.Up):
		pp.sel = max(pp.sel-1, 0)
		return nil
	}
	if !key.Matches(msg, pk.Add, pk.Edit, pk.Retire, pk.AddKey, pk.RemoveKey, pk.Reads) {
		return nil
	}
	if !manager(a.actor) {
		a.flash, a.flashErr = "only the chair or an admin changes members, agencies and the partnership's details", true
		return nil
	}
	if pp.idx == nil {
		// Not read yet: a form now would offer no agencies to choose from.
		a.flash, a.flashErr = "still reading the members and agencies…", false
		return nil
	}
	switch pp.tab {
	case tabMembers:
		switch {
		case key.Matches(msg, pk.Add):
			pp.memberForm(a, nil)
		case pp.sel < len(pp.members) && key.Matches(msg, pk.Edit):
			m := pp.members[pp.sel]
			pp.memberForm(a, &m)
		case pp.sel < len(pp.members) && key.Matches(msg, pk.AddKey):
			pp.addKeyForm(a, pp.members[pp.sel])
		case pp.sel < len(pp.members) && key.Matches(msg, pk.RemoveKey):
			pp.removeKeyForm(a, pp.members[pp.sel])
		case pp.sel < len(pp.members) && key.Matches(msg, pk.Reads):
			pp.readsForm(a, pp.members[pp.sel])
		case pp.sel < len(pp.members) && key.Matches(msg, pk.Retire):
			m, actor, st := pp.members[pp.sel], a.actor, a.st
			a.ask(fmt.Sprintf("Retire %s from the group? They leave attendance lists and choosers; their name stays on everything they did.", m.Name), func() tea.Cmd {
				return a.save(0, m.Name+" retired", func() (any, error) { return st.RetireMember(actor, m.ID) })
			})
		}
	case tabAgencies:
		switch {
		case key.Matches(msg, pk.Add):
			pp.agencyEditForm(a, nil)
		case pp.sel < len(pp.agencies) && key.Matches(msg, pk.Edit):
			ag := pp.agencies[pp.sel]
			pp.agencyEditForm(a, &ag)
		case pp.sel < len(pp.agencies) && key.Matches(msg, pk.Retire):
			ag, actor, st := pp.agencies[pp.sel], a.actor, a.st
			a.ask(fmt.Sprintf("Retire %s from the partnership? It must have no open actions and no members on the group.", ag.Name), func() tea.Cmd {
				return a.save(0, ag.Name+" retired", func() (any, error) { return st.RetireAgency(actor, ag.ID) })
			})
		}
	case tabPartnership:
		if key.Matches(msg, pk.Edit) {
			pp.partnershipForm(a)
		}
	}
	return nil
}

var roleChoices = []string{"member", "viewer", "circulation", "admin", "chair"}

// readsChoices are the chair's grants of the restricted record
// (model.Grant), in the member form's words.
var readsChoices = []struct {
	label string
	grant model.Grant
}{
	{"as the role gives", model.GrantNone},
	{"the restricted record", model.GrantRestrict},
	{"the public record only", model.GrantWithheld},
}

func readsLabels() []string {
	out := make([]string, len(readsChoices))
	for i, c := range readsChoices {
		out[i] = c.label
	}
	return out
}

// readsLabel is the reads choice that says grant.
func readsLabel(grant model.Grant) string {
	for _, c := range readsChoices {
		if c.grant == grant {
			return c.label
		}
	}
	return readsChoices[0].label
}

func grantOf(label string) model.Grant {
	for _, c := range readsChoices {
		if c.label == label {
			return c.grant
		}
	}
	return model.GrantNone
}

// memberForm adds a member (m nil) or edits one.
func (pp *peoplePage) memberForm(a *App, m *model.Member) {
	actor, st := a.actor, a.st
	title, name, agency, role, reads, jobTitle, email, phone := "Add a member", "", "", 0, 0, "", "", ""
	if m != nil {
		title, name, jobTitle, email, phone = "Edit · "+m.Name, m.Name, m.Title, m.Email, m.Phone
		agency = pp.idx.Name(m.AgencyID)
		for i, r := range roleChoices {
			if model.Role(r) == m.Role {
				role = i
			}
		}
		for i, c := range readsChoices {
			if c.grant == m.Restricted {
				reads = i
			}
		}
	}
	f := newForm(title, formContext{agencies: model.ActiveAgencies(pp.agencies)}, func(f *form) tea.Cmd {
		ag, ok := f.agencyOf("agency")
		if !ok {
			return nil
		}
		n := model.NewMember{Name: f.value("name"), AgencyID: ag.ID, Role: model.Role(f.value("role")),
			Title: f.value("title"), Email: f.value("email"), Phone: f.value("phone"), Restricted: grantOf(f.value("reads"))}
		if _, err := n.Validate(); err != nil {
			f.failWith(err)
			return nil
		}
		if m == nil {
			return a.save(f.id, model.CleanLine(n.Name)+" added", func() (any, error) { return st.AddMember(actor, n) })
		}
		id, version := m.ID, a.expect(f)
		return a.save(f.id, model.CleanLine(n.Name)+" saved", func() (any, error) { return st.EditMember(actor, id, version, n) })
	})
	f.text("name", "Name", name, "as the minutes should give it, e.g. Sgt Jas Patel").
		agency("agency", "Agency", agency).
		choose("role", "Role (viewer reads; circulation gets the minutes, does not attend)", roleChoices, role).
		choose("reads", "Reads (viewer and circulation: the public record, unless granted more)", readsLabels(), reads).
		text("title", "Job title (optional)", jobTitle, "").
		text("email", "Email (optional)", email, "").
		text("phone", "Phone (optional)", phone, "")
	if m != nil {
		g := f.guard(m.Name, *m, m.Version)
		g.refresh = func(f *form, now any) {
			if fresh, ok := now.(model.Member); ok {
				f.adopt(map[string]string{"name": fresh.Name, "title": fresh.Title, "email": fresh.Email, "phone": fresh.Phone,
					"agency": pp.idx.Name(fresh.AgencyID), "role": string(fresh.Role), "reads": readsLabel(fresh.Restricted)})
			}
		}
	}
	a.push(f)
}

// readsForm grants or withholds the restricted record for m, beside what
// their role gives (model.ReadRightOf decides what each choice means).
func (pp *peoplePage) readsForm(a *App, m model.Member) {
	if m.Role == model.RoleChair || m.Role == model.RoleAdmin {
		a.flash, a.flashErr = fmt.Sprintf("%s is %s: they always read the restricted record", m.Name, model.WithArticle(string(m.Role))), true
		return
	}
	sel := 0
	for i, c := range readsChoices {
		if c.grant == m.Restricted {
			sel = i
		}
	}
	actor, st, id := a.actor, a.st, m.ID
	f := newForm("What may "+m.Name+" read?", formContext{}, func(f *form) tea.Cmd {
		shown, _ := f.guarded.shown.(model.Member)
		n := model.FromMember(shown)
		n.Restricted = grantOf(f.value("reads"))
		reads := model.ReadRightOf(n.Role, n.Restricted)
		version := a.expect(f)
		return a.save(f.id, fmt.Sprintf("%s reads %s", m.Name, reads), func() (any, error) { return st.EditMember(actor, id, version, n) })
	})
	f.choose("reads", fmt.Sprintf("A %s reads %s unless you grant more (←/→)", m.Role, model.RoleReadRight(m.Role)), readsLabels(), sel)
	f.guard(m.Name, m, m.Version)
	a.push(f)
}

// agencyEditForm adds an agency (ag nil) or renames one.
func (pp *peoplePage) agencyEditForm(a *App, ag *model.Agency) {
	actor, st := a.actor, a.st
	title, name, short := "Add an agency", "", ""
	if ag != nil {
		title, name, short = "Rename · "+ag.Name, ag.Name, ag.ShortName
	}
	f := newForm(title, formContext{}, func(f *form) tea.Cmd {
		n, ok1 := f.lineOf("name", "agency name", 100, true)
		s, ok2 := f.lineOf("short", "short name", 30, false)
		if !ok1 || !ok2 {
			return nil
		}
		if ag == nil {
			return a.save(f.id, n+" added", func() (any, error) { return st.AddAgency(actor, n, s) })
		}
		id, version := ag.ID, a.expect(f)
		return a.save(f.id, n+" saved (closed meetings' minutes keep the old name)", func() (any, error) {
			return st.RenameAgency(actor, id, version, n, s)
		})
	})
	f.text("name", "Name", name, "the full name, as in the minutes").
		text("short", "Short name (optional)", short, "what narrow tables show, e.g. Police")
	if ag != nil {
		// After a refused save the fields not typed in show the agency as
		// it is now: saving again must not put back a name someone changed.
		g := f.guard(ag.Name, *ag, ag.Version)
		g.refresh = func(f *form, now any) {
			if fresh, ok := now.(model.Agency); ok {
				f.adopt(map[string]string{"name": fresh.Name, "short": fresh.ShortName})
			}
		}
	}
	a.push(f)
}

var cadenceChoices = []string{"weekly", "fortnightly", "four-weekly", "monthly"}

func (pp *peoplePage) partnershipForm(a *App) {
	actor, st := a.actor, a.st
	p := pp.p
	cadence := 0
	for i, c := range cadenceChoices {
		if model.Cadence(c) == p.Cadence {
			cadence = i
		}
	}
	f := newForm("The partnership's details", formContext{}, func(f *form) tea.Cmd {
		// Saved over the details as the form last showed them: after a
		// refused save, what the other person set stays set.
		next, _ := f.guarded.shown.(model.Partnership)
		next.Name, next.MeetingTitle, next.DefaultPlace = f.value("name"), f.value("title"), f.value("place")
		next.DefaultTime, next.Cadence = f.value("time"), model.Cadence(f.value("cadence"))
		next.ConfidentialityStatement = f.value("statement")
		version := a.expect(f)
		retention := f.value("retention_years")
		return a.save(f.id, "partnership details saved", func() (any, error) {
			years, err := model.ParseRetentionYears(retention)
			if err != nil {
				return nil, err
			}
			next.RetainCaseYears = years
			return st.SetPartnership(actor, version, next)
		})
	})
	f.text("name", "Name", p.Name, "").
		text("title", "Meeting title", p.MeetingTitle, "what the minutes call the meeting").
		text("place", "Usual place", p.DefaultPlace, "").
		text("time", "Usual time", p.DefaultTime, "24-hour, e.g. 10:00").
		choose("cadence", "Meets", cadenceChoices, cadence).
		text("retention_years", "Keep closed personal cases (years)", strconv.Itoa(p.RetentionYears()), "then tasking retention anonymises them")
	f.longText("statement", "Confidentiality statement (read at each meeting)", "", "")
	f.field("statement").input.SetValue(p.ConfidentialityStatement)
	f.field("statement").initial = p.ConfidentialityStatement
	g := f.guard("the partnership's details", p, p.Version)
	g.refresh = func(f *form, now any) {
		if fresh, ok := now.(model.Partnership); ok {
			f.adopt(map[string]string{"name": fresh.Name, "title": fresh.MeetingTitle, "place": fresh.DefaultPlace,
				"time": fresh.DefaultTime, "statement": fresh.ConfidentialityStatement, "retention_years": strconv.Itoa(fresh.RetentionYears())})
		}
	}
	a.push(f)
}

func (pp *peoplePage) draw(a *App, w, h int) string {
	s := a.styles
	tabs := []string{"Members", "Agencies", "Partnership"}
	for i, t := range tabs {
		if peopleTab(i) == pp.tab {
			tabs[i] = s.Selected.Render(" " + t + " ")
		} else {
			tabs[i] = " " + t + " "
		}
	}
	lines := []string{" " + strings.Join(tabs, " ") + s.Muted.Render("   tab switches"), ""}
	switch {
	case pp.err != "":
		lines = append(lines, errorLines(s, pp.err, w)...)
		return box(s.BorderStyle, "People and agencies", lines, w, h)
	case pp.idx == nil:
		lines = append(lines, " "+s.Muted.Render("loading…"))
		return box(s.BorderStyle, "People and agencies", lines, w, h)
	}
	// Only the rows in view are drawn: the list is a decade's members.
	visible := func(n int) (from, to int) {
		room := h - 2 - len(lines)
		pp.off = window(pp.sel, pp.off, n, room)
		return pp.off, min(n, pp.off+room)
	}
	switch pp.tab {
	case tabMembers:
		lines = append(lines, " "+s.Muted.Render(columns(w-4, []int{24, 19, 11, 11, 4}, "name", "agency", "role", "reads", "keys", "job title")))
		from, to := visible(len(pp.members))
		for i := from; i < to; i++ {
			m := pp.members[i]
			role := string(m.Role)
			if m.Retired {
				role = "retired"
			}
			keys := ""
			if n := len(m.SSHKeys); n > 0 {
				keys = fmt.Sprint(n)
			}
			reads := "public"
			if m.ReadRight() == model.ReadRestricted {
				reads = "restricted"
			}
			if m.Restricted != model.GrantNone {
				reads += "*" // the chair's grant, not the role's
			}
			row := columns(w-4, []int{24, 19, 11, 11, 4}, m.Name, pp.idx.Label(m.AgencyID), role, reads, keys, m.Title)
			if m.Retired {
				row = s.Muted.Render(row)
			}
			lines = append(lines, s.rowMark(i == pp.sel, " "+row))
		}
	case tabAgencies:
		lines = append(lines, " "+s.Muted.Render(columns(w-4, []int{48, 20}, "agency", "short name", "")))
		from, to := visible(len(pp.agencies))
		for i := from; i < to; i++ {
			ag := pp.agencies[i]
			state := ""
			if ag.Retired {
				state = "retired"
			}
			row := columns(w-4, []int{48, 20}, ag.Name, ag.ShortName, state)
			if ag.Retired {
				row = s.Muted.Render(row)
			}
			lines = append(lines, s.rowMark(i == pp.sel, " "+row))
		}
	case tabPartnership:
		p := pp.p
		cadence := p.Cadence
		if cadence == "" {
			cadence = model.Weekly
		}
		for _, l := range []string{"Name: " + p.Name, "Meeting: " + p.MeetingTitle, "Usual place and time: " + p.DefaultPlace + ", " + p.DefaultTime,
			"Meets: " + string(cadence), "Chair: " + pp.chair,
			"Closed personal cases: kept " + model.Plural(p.RetentionYears(), "year") + " after they close, then anonymised (tasking retention)", ""} {
			lines = append(lines, " "+l)
		}
		lines = append(lines, s.section("Confidentiality statement read at each meeting"))
		lines = append(lines, s.para(p.ConfidentialityStatement, w-2, nil)...)
		return box(s.BorderStyle, "People and agencies", lines, w, h)
	}
	return box(s.BorderStyle, "People and agencies", lines, w, h)
}

// peoplePart is the partnership's people, agencies and details.
type peoplePart struct{}

func (peoplePart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.people.key(a, msg) }
func (peoplePart) view(a *App, w, h int) string                 { return a.people.draw(a, w, h) }
func (peoplePart) load(a *App) tea.Cmd {
	if a.people == nil {
		return nil
	}
	return a.people.load(a)
}

// affected: members, agencies and the partnership's details; the work
// they do (actions, hotspots, meetings and what is recorded in them) is
// not on this screen.
func (peoplePart) affected(a *App, c store.Change) bool {
	switch c.Entity {
	case "action", "hotspot", "meeting", "decision", "note", "power", "case_review":
		return false
	}
	return a.people != nil
}
func (peoplePart) help(*App) []string { return []string{"People (P)"} }

func (peoplePart) hints(a *App) string {
	p, g := a.keys.People, a.keys.Global
	if !manager(a.actor) {
		return a.hintsOf(keyHint("members/agencies/partnership", g.Tab), keyHint("back", g.Back))
	}
	if a.people != nil && a.people.tab == tabMembers {
		return a.hintsOf(keyHint("members/agencies/partnership", g.Tab), keyHint("add", p.Add), keyHint("edit", p.Edit),
			keyHint("retire", p.Retire), keyHint("reads", p.Reads), keyHint("ssh key +/-", p.AddKey, p.RemoveKey), keyHint("back", g.Back))
	}
	return a.hintsOf(keyHint("members/agencies/partnership", g.Tab), keyHint("add", p.Add), keyHint("edit", p.Edit),
		keyHint("retire", p.Retire), keyHint("back", g.Back))
}

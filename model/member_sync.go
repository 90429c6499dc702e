package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A master list of members (the council's, saved from Excel or Outlook) is
// brought into the partnership by matching each of its lines to a member:
// by email, else by name (NameKey). PlanMemberSync decides, from the
// members as read a moment ago and holding no write, what importing the
// list would do and what it refuses, line by line; a store then applies
// the plan in one write (MemberSync.Apply), which refuses it if anyone the
// plan touches has changed since, rather than laying the list over that.
// Every check is a map lookup per line, so a list of 100,000 is planned in
// one pass.

// ListedMember is one person on a master list, with the line they are on.
type ListedMember struct {
	Line   int
	Member NewMember
	// Refused: the line has problems of its own, reported beside the plan.
	// It is still matched, so the person it names is not taken as missing.
	Refused bool
}

// SyncOptions are how a list is matched (member import's flags) and what
// the plan must know of the partnership.
type SyncOptions struct {
	Update        bool // bring the details of members on the list up to date
	RetireMissing bool // retire members still on the group whom the list does not name
	// The list's optional columns: a detail with no column is left as it
	// is; one with a column is the list's, empty or not.
	HasTitle, HasEmail, HasPhone bool
	ChairID                      ID    // the partnership's chair now
	By                           Actor // who imports: they cannot retire themselves
}

// MemberChange is one member's details brought up to date from a line.
type MemberChange struct {
	Line   int
	Before Member // as read: its Version is what the write checks
	After  NewMember
}

// LineProblem is why one line is refused; Line 0 is about a member the
// list does not name (one it would retire).
type LineProblem struct {
	Line   int
	Reason string
}

// MemberSync is what importing a list would do.
type MemberSync struct {
	Add       []ListedMember
	Update    []MemberChange
	Retire    []Member // as read
	Unchanged int
	Refused   []LineProblem // in line order; any at all and nothing is imported
}

// emailKey: an address as matched (case aside: mail servers ignore it).
func emailKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// PlanMemberSync is what the list would do to members (all of them,
// retired too: names stay unique among everyone who was ever a member).
func PlanMemberSync(list []ListedMember, members []Member, o SyncOptions) MemberSync {
	var p MemberSync
	byName := make(map[string]int, len(members))
	byEmail := make(map[string]int, len(members))
	keys := make([]string, len(members)) // NameKey of each member, made once
	for i, m := range members {
		keys[i] = NameKey(m.Name)
		if k := keys[i]; k != "" {
			if _, seen := byName[k]; !seen {
				byName[k] = i
			}
		}
		// A retired member's address may since be someone else's.
		if e := emailKey(m.Email); e != "" && m.Active() {
			if _, seen := byEmail[e]; !seen {
				byEmail[e] = i
			}
		}
	}
	refuse := func(line int, format string, args ...any) {
		p.Refused = append(p.Refused, LineProblem{Line: line, Reason: fmt.Sprintf(format, args...)})
	}
	nameLine := make(map[string]int, len(list))
	emailLine := make(map[string]int, len(list))
	claimed := make(map[int]int, len(list)) // member index → the line that names them
	for _, l := range list {
		n, bad := l.Member, l.Refused
		key, email := NameKey(n.Name), emailKey(n.Email)
		i, j := -1, -1 // the members it names by email, and by name
		if e, ok := byEmail[email]; ok && email != "" {
			i = e
		}
		if k, ok := byName[key]; ok && key != "" {
			j = k
		}
		// Said once per line: the first thing wrong with it.
		dupName, dupEmail := nameLine[key], emailLine[email]
		switch {
		case key != "" && dupName > 0:
			refuse(l.Line, "%q is on line %d and line %d: list each person once", n.Name, dupName, l.Line)
		case email != "" && dupEmail > 0:
			refuse(l.Line, "the email %s is on line %d and line %d: each person has their own", n.Email, dupEmail, l.Line)
		case i >= 0 && j >= 0 && i != j:
			refuse(l.Line, "the email %s is %s's, but %s is another member: a line is one person", n.Email, members[i].Name, members[j].Name)
		}
		if key != "" && dupName == 0 {
			nameLine[key] = l.Line
		}
		if email != "" && dupEmail == 0 {
			emailLine[email] = l.Line
		}
		if dupName > 0 || dupEmail > 0 || (i >= 0 && j >= 0 && i != j) {
			// Refused; whoever it names is still on the list.
			for _, k := range []int{i, j} {
				if _, named := claimed[k]; k >= 0 && !named {
					claimed[k] = l.Line
				}
			}
			continue
		}
		byMail := i >= 0
		if i < 0 {
			i = j
		}
		if i < 0 {
			if !bad {
				p.Add = append(p.Add, l)
			}
			continue
		}
		m := members[i]
		if first, dup := claimed[i]; dup && first != l.Line {
			how := "name"
			if byMail {
				how = "email"
			}
			refuse(l.Line, "this is %s (by %s), who is on line %d already: list each person once", m.Name, how, first)
			continue
		}
		claimed[i] = l.Line
		if bad {
			continue
		}
		if m.Retired {
			refuse(l.Line, "%q is already a member (retired from the group%s): names must be unique, and an import does not bring anyone back", n.Name, retiredOn(m))
			continue
		}
		after := updated(m, n, keys[i] != key, o)
		if after == FromMember(m) {
			p.Unchanged++
			continue
		}
		if !o.Update {
			who := m.Name + " is already a member"
			if byMail && after.Name != m.Name {
				who = fmt.Sprintf("the email %s is %s's", n.Email, m.Name)
			}
			refuse(l.Line, "%s, and this line changes their %s: add --update to bring their details up to date", who, strings.Join(changedFields(MemberFieldChanges(m, after, nil)), ", "))
			continue
		}
		p.Update = append(p.Update, MemberChange{Line: l.Line, Before: m, After: after})
	}
	if o.RetireMissing {
		for i, m := range members {
			if _, named := claimed[i]; named || !m.Active() {
				continue
			}
			if m.ID == o.By.MemberID && m.ID != 0 {
				refuse(0, "%s is not on the list, and is importing it: you cannot retire yourself (put yourself on the list)", m.Name)
				continue
			}
			p.Retire = append(p.Retire, m)
		}
	}
	p.checkChair(members, o.ChairID, refuse)
	slices.SortStableFunc(p.Refused, func(a, b LineProblem) int { return cmp.Compare(a.Line, b.Line) })
	return p
}

func retiredOn(m Member) string {
	if m.RetiredOn.IsZero() {
		return ""
	}
	return " on " + m.RetiredOn.String()
}

// updated is member m with the details line n gives: their agency and
// role, and each optional detail the list has a column for. The name
// changes only when it is another name (matched by email: someone who
// has changed their name): a spelling that differs in case or accents
// only is the same name, and the one recorded stands (an export that lost
// Siân's circumflex does not take it off her). An address that differs in
// case only is the same address. A read grant the new role makes
// meaningless goes back to what the role gives.
func updated(m Member, n NewMember, renamed bool, o SyncOptions) NewMember {
	after := FromMember(m)
	if renamed { // NameKey differs
		after.Name = n.Name
	}
	after.AgencyID, after.Role = n.AgencyID, n.Role
	if o.HasTitle {
		after.Title = n.Title
	}
	if o.HasEmail && emailKey(n.Email) != emailKey(m.Email) {
		after.Email = n.Email
	}
	if o.HasPhone {
		after.Phone = n.Phone
	}
	if CheckGrant(after.Role, after.Restricted) != nil {
		after.Restricted = GrantNone
	}
	return after
}

// checkChair refuses a plan that would leave the partnership without a
// chair (ChairAmong), on the line that stops its chair being one, or
// about the chair the list leaves out.
func (p *MemberSync) checkChair(members []Member, chairID ID, refuse func(int, string, ...any)) {
	var after []Member
	changed := make(map[ID]int, len(p.Update)+len(p.Retire)) // member → line (0: retired)
	updates := make(map[ID]NewMember, len(p.Update))
	for _, u := range p.Update {
		updates[u.Before.ID], changed[u.Before.ID] = u.After, u.Line
	}
	retires := make(map[ID]bool, len(p.Retire))
	for _, m := range p.Retire {
		retires[m.ID], changed[m.ID] = true, 0
	}
	// Only the chair and chairs, before or after, can matter, in order.
	for _, m := range members {
		n, updated := updates[m.ID]
		if m.ID != chairID && m.Role != RoleChair && !(updated && n.Role == RoleChair) {
			continue
		}
		if updated {
			m.Role = n.Role
		}
		m.Retired = m.Retired || retires[m.ID]
		after = append(after, m)
	}
	for _, l := range p.Add {
		if l.Member.Role == RoleChair {
			after = append(after, Member{Name: l.Member.Name, Role: l.Member.Role})
		}
	}
	if _, err := ChairAmong(after, chairID); err != nil {
		refuse(changed[chairID], "%s", err.Error())
	}
}

// ChairAmong is who chairs the partnership among members as they will be
// (ChairAfter, for many changes at once): its chair while they are still
// an active chair; else the first active chair, who takes over (or takes
// up a chair nobody held). None at all is refused: the partnership always
// has a chair, so someone can manage its people.
func ChairAmong(members []Member, chairID ID) (ID, error) {
	chairs := func(m Member) bool { return m.Active() && m.Role == RoleChair }
	first, was := -1, ""
	for i, m := range members {
		if m.ID == chairID && chairID != 0 {
			if chairs(m) {
				return chairID, nil
			}
			was = m.Name
		}
		if first < 0 && chairs(m) {
			first = i
		}
	}
	switch {
	case first >= 0:
		return members[first].ID, nil
	case was != "":
		return chairID, Invalid("role", "%s is the partnership's only chair: keep them on the list as chair, or make someone else chair first (member edit NAME --role chair)", was)
	}
	return chairID, Invalid("role", "the partnership would have no chair: make someone chair")
}

// FieldChange is one detail changed: old and new as shown.
type FieldChange struct {
	Field, Old, New string
}

// MemberFieldChanges are the details of m that n changes, in the order a form
// shows them; agency by label when agencies is given.
func MemberFieldChanges(m Member, n NewMember, agencies AgencyIndex) []FieldChange {
	agency := func(id ID) string {
		if agencies == nil {
			return fmt.Sprintf("#%d", id)
		}
		return agencies.Label(id)
	}
	var out []FieldChange
	add := func(field, old, new string) {
		if old != new {
			out = append(out, FieldChange{field, old, new})
		}
	}
	add("name", m.Name, n.Name)
	if m.AgencyID != n.AgencyID {
		out = append(out, FieldChange{"agency", agency(m.AgencyID), agency(n.AgencyID)})
	}
	add("role", string(m.Role), string(n.Role))
	add("job title", m.Title, n.Title)
	add("email", m.Email, n.Email)
	add("phone", m.Phone, n.Phone)
	add("read grant", string(m.Restricted), string(n.Restricted))
	return out
}

func changedFields(cs []FieldChange) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Field
	}
	return out
}

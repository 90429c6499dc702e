package model

import (
	"fmt"
	"strings"
	"time"
)

// Role is what a member may do. The chair and admins can do everything;
// members keep their own agency's actions current; viewers only read;
// circulation-only members receive the minutes and read, but do not attend.
type Role string

const (
	RoleChair       Role = "chair"
	RoleAdmin       Role = "admin"
	RoleMember      Role = "member"
	RoleViewer      Role = "viewer"
	RoleCirculation Role = "circulation"
)

var Roles = []Role{RoleChair, RoleAdmin, RoleMember, RoleViewer, RoleCirculation}

func ParseRole(s string) (Role, error) {
	in := strings.TrimSpace(s)
	if strings.EqualFold(in, "circulation only") || strings.EqualFold(in, "circulation-only") {
		in = string(RoleCirculation)
	}
	for _, r := range Roles {
		if strings.EqualFold(in, string(r)) {
			return r, nil
		}
	}
	return "", Invalid("role", "%q is not a role: use chair, admin, member, viewer or circulation", s)
}

// Attends: the role sits at meetings (is on the attendance list).
func (r Role) Attends() bool { return r != RoleCirculation }

// Member is a person who sits on the group for an agency.
type Member struct {
	ID       ID       `json:"id"`
	Name     string   `json:"name"`
	AgencyID ID       `json:"agency_id"`
	Role     Role     `json:"role"`
	Title    string   `json:"title,omitempty"` // job title: "Neighbourhood Sergeant"
	Email    string   `json:"email,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	SSHKeys  []string `json:"ssh_keys,omitempty"`
	// Retired members have left the group: they are on no new attendance
	// list or chooser and cannot act, but keep their name on everything they
	// did. Members are retired, never deleted.
	Retired   bool `json:"retired,omitempty"`
	RetiredOn Date `json:"retired_on,omitempty"`
	// Restricted is the chair's grant of the restricted record beside
	// what the role gives (ReadRight).
	Restricted Grant `json:"restricted,omitempty"`
	// UpdatedAt and UpdatedBy say who last added or changed the member, and
	// when: what a later change may not be stamped before (CheckStamp), and
	// what a form refused for a change made since says.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int       `json:"version"`
}

// Active: the member still sits on the group.
func (m Member) Active() bool { return !m.Retired }

// ActiveMembers are those still on the group, in order.
func ActiveMembers(ms []Member) []Member {
	out := make([]Member, 0, len(ms))
	for _, m := range ms {
		if !m.Retired {
			out = append(out, m)
		}
	}
	return out
}

// FindActiveMember is FindMember among those still on the group: a retired
// member named exactly is refused with a sentence that says so.
func FindActiveMember(members []Member, query string) (Member, error) {
	m, err := FindMember(ActiveMembers(members), query)
	if err == nil {
		return m, nil
	}
	if r, rerr := FindMember(members, query); rerr == nil && r.Retired {
		return Member{}, Invalid("member", "%s retired from the group on %s: choose someone still on it", r.Name, r.RetiredOn)
	}
	return m, err
}

// FindMember resolves a typed name to one member (Rank): the one whose
// name it is, accents, case and punctuation aside; else the one whose name
// starts with it; else the one with a word that does; else the one whose
// name holds it. Several at the best of these is a question, not a guess.
// Letters merely in order (a fuzzy match) never find anyone here: a name
// typed on the command line must not slide to someone else.
func FindMember(members []Member, query string) (Member, error) {
	queries := queryKeys(query)
	if queries[0] == "" {
		return Member{}, Invalid("member", "no member name given")
	}
	// Spelt exactly as recorded (the usual --as, and a remembered name):
	// that is who is meant, whoever else folds alike, so no name need be
	// folded to find them among many.
	typed := CleanLine(query)
	for _, m := range members {
		if m.Name == typed {
			return m, nil
		}
	}
	names := make([]string, len(members))
	for i, m := range members {
		names[i] = m.Name
	}
	i, could := FindName(names, query)
	switch {
	case i >= 0:
		return members[i], nil
	case len(could) > 0:
		return Member{}, Invalid("member", "%q could be %s: give more of the name", CleanText(query), strings.Join(could, ", "))
	}
	return Member{}, Invalid("member", "no member is called %q", CleanText(query))
}

// Actor is whoever is making a change: recorded in every audit event.
type Actor struct {
	MemberID ID
	Name     string
	Role     Role
	AgencyID ID
	// Grant is the member's read grant (Reads); Owner: nobody was named,
	// and the file's owner reads (FileOwner).
	Grant Grant
	Owner bool
}

func (a Actor) String() string {
	if a.Name == "" {
		return "unknown"
	}
	return a.Name
}

// ActorFor is the actor for a member.
func ActorFor(m Member) Actor {
	return Actor{MemberID: m.ID, Name: m.Name, Role: m.Role, AgencyID: m.AgencyID, Grant: m.Restricted}
}

// SystemActor is used for changes nobody typed (demo data, migrations).
func SystemActor(what string) Actor {
	return Actor{Name: fmt.Sprintf("tasking (%s)", what), Role: RoleAdmin}
}

// BySystem says whether a change's author (its By) is a SystemActor: a
// change nobody typed, which no screen announces as someone's doing.
func BySystem(by string) bool {
	what, ok := strings.CutPrefix(by, "tasking (")
	return ok && strings.HasSuffix(what, ")")
}

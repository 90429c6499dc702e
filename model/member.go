package model

import (
	"fmt"
	"sort"
	"strings"
)

// Role is what a member may do. The chair and admins can do everything;
// members keep their own agency's actions current; viewers only read.
type Role string

const (
	RoleChair  Role = "chair"
	RoleAdmin  Role = "admin"
	RoleMember Role = "member"
	RoleViewer Role = "viewer"
)

var Roles = []Role{RoleChair, RoleAdmin, RoleMember, RoleViewer}

func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if strings.EqualFold(s, string(r)) {
			return r, nil
		}
	}
	return "", Invalid("role", "%q is not a role: use chair, admin, member or viewer", s)
}

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
	Version  int      `json:"version"`
}

// FindMember resolves a typed name to one member: exact (case-insensitive),
// else the one whose name contains it.
func FindMember(members []Member, query string) (Member, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return Member{}, Invalid("member", "no member name given")
	}
	var hits []Member
	for _, m := range members {
		n := strings.ToLower(m.Name)
		if n == q {
			return m, nil
		}
		if strings.Contains(n, q) {
			hits = append(hits, m)
		}
	}
	switch len(hits) {
	case 0:
		return Member{}, Invalid("member", "no member is called %q", CleanText(query))
	case 1:
		return hits[0], nil
	}
	names := make([]string, len(hits))
	for i, h := range hits {
		names[i] = h.Name
	}
	sort.Strings(names)
	return Member{}, Invalid("member", "%q could be %s: give more of the name", CleanText(query), strings.Join(names, ", "))
}

// Actor is whoever is making a change: recorded in every audit event.
type Actor struct {
	MemberID ID
	Name     string
	Role     Role
	AgencyID ID
}

func (a Actor) String() string {
	if a.Name == "" {
		return "unknown"
	}
	return a.Name
}

// ActorFor is the actor for a member.
func ActorFor(m Member) Actor {
	return Actor{MemberID: m.ID, Name: m.Name, Role: m.Role, AgencyID: m.AgencyID}
}

// SystemActor is used for changes nobody typed (demo data, migrations).
func SystemActor(what string) Actor {
	return Actor{Name: fmt.Sprintf("tasking (%s)", what), Role: RoleAdmin}
}

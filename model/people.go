package model

import "strings"

// NewMember is what the chair or an admin fills in to add a member.
type NewMember struct {
	Name     string
	AgencyID ID
	Role     Role
	Title    string
	Email    string
	Phone    string
	// Restricted is the chair's grant of the restricted record (Grant).
	Restricted Grant
}

// Validate cleans the fields and says what is wrong, field by field.
func (n NewMember) Validate() (NewMember, error) {
	var err error
	if n.Name, err = CheckLine("name", "member's name", n.Name, true, 80); err != nil {
		return n, err
	}
	if NameKey(n.Name) == "" {
		// Such a name could never be typed to find them (NameKey).
		return n, Invalid("name", "%q has no letters: give the member's name", n.Name)
	}
	if n.AgencyID == 0 {
		return n, Invalid("agency", "choose the member's agency")
	}
	if n.Role == "" {
		n.Role = RoleMember
	}
	if _, err := ParseRole(string(n.Role)); err != nil {
		return n, err
	}
	if n.Title, err = CheckLine("title", "job title", n.Title, false, 80); err != nil {
		return n, err
	}
	if n.Email, err = CheckLine("email", "email", n.Email, false, 120); err != nil {
		return n, err
	}
	if n.Email != "" && (!strings.Contains(n.Email, "@") || strings.ContainsAny(n.Email, " ,;")) {
		return n, Invalid("email", "%q is not an email address", n.Email)
	}
	if n.Phone, err = CheckLine("phone", "phone", n.Phone, false, 40); err != nil {
		return n, err
	}
	if err := CheckGrant(n.Role, n.Restricted); err != nil {
		return n, err
	}
	return n, nil
}

// FromMember is the form of member m as it stands, to change a part of it.
func FromMember(m Member) NewMember {
	return NewMember{Name: m.Name, AgencyID: m.AgencyID, Role: m.Role, Title: m.Title, Email: m.Email, Phone: m.Phone, Restricted: m.Restricted}
}

// ChairAfter decides who chairs the partnership once member changed has
// been edited or retired (members is the list before the change): the
// partnership always has an active chair, so someone can manage its people.
// The only chair cannot step down or be retired until someone else is made
// chair; when the partnership's chair stops being one, another active chair
// takes over; a member made chair while the partnership has none becomes it.
func ChairAfter(members []Member, chairID ID, changed Member) (ID, error) {
	chairs := func(m Member) bool { return m.Active() && m.Role == RoleChair }
	var current *Member
	for i := range members {
		if members[i].ID == chairID && chairID != changed.ID {
			current = &members[i]
		}
	}
	if changed.ID == chairID && !chairs(changed) {
		for _, m := range members {
			if m.ID != changed.ID && chairs(m) {
				return m.ID, nil
			}
		}
		return chairID, Invalid("role", "%s is the partnership's only chair: make someone else chair first (member edit NAME --role chair)", changed.Name)
	}
	if chairs(changed) && changed.ID != chairID && (current == nil || !chairs(*current)) {
		return changed.ID, nil
	}
	return chairID, nil
}

// CheckOfficer decides who an action's named officer is. Most officers who
// do the work are not on the partnership's list, so a name that is not a
// member is taken as typed. A name that is a member must be someone still
// on the group and from the agency that owns the action (an action belongs
// to one agency); it is then written as the member's name is recorded.
func CheckOfficer(members []Member, agencies AgencyIndex, agencyID ID, name string) (string, error) {
	name, err := CheckLine("officer", "officer's name", name, false, 80)
	if err != nil || name == "" {
		return name, err
	}
	for _, m := range members {
		if !SameName(m.Name, name) {
			continue
		}
		switch {
		case m.Retired:
			return "", Invalid("officer", "%s retired from the group on %s: name another officer", m.Name, m.RetiredOn)
		case m.AgencyID != agencyID:
			return "", Invalid("officer", "%s is with %s; this action belongs to %s: name one of its officers, or reassign the action to that agency", m.Name, agencies.Label(m.AgencyID), agencies.Label(agencyID))
		}
		return m.Name, nil
	}
	return name, nil
}

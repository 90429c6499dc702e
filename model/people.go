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
}

// Validate cleans the fields and says what is wrong, field by field.
func (n NewMember) Validate() (NewMember, error) {
	var err error
	if n.Name, err = CheckLine("name", "member's name", n.Name, true, 80); err != nil {
		return n, err
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
	return n, nil
}

// SameName: two names a person would take for the same (case and spacing
// aside): names must be unique so a typed name finds one person.
func SameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

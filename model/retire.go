package model

import "strings"

// Who may join, stay and leave: the rules a store applies when members
// and agencies are added and retired. Nobody is deleted: retiring keeps a
// name on everything it did.

// CheckMemberName refuses a name (for member id; 0 for a new one) that
// another member already has, accents, case and punctuation aside
// (SameName): a typed name must find one person.
func CheckMemberName(members []Member, id ID, name string) error {
	if turned, ok := SurnameFirst(name); ok {
		// "Whitworth, Karen" as Outlook lists give it would be a second
		// Karen Whitworth: the turned-round name is offered.
		return Invalid("name", "%q is written surname first: write it %q", name, turned)
	}
	key := NameKey(name)
	for _, o := range members {
		if o.ID != id && NameKey(o.Name) == key {
			return Invalid("name", "there is already a member called %s", o.Name)
		}
	}
	return nil
}

// Retire is m retired from the group on day on: off new attendance lists
// and choosers, unable to act. A member is retired once; the day they left
// is kept.
func (m Member) Retire(on Date) (Member, error) {
	if m.Retired {
		return m, Invalid("member", "%s already retired on %s", m.Name, m.RetiredOn)
	}
	m.Retired, m.RetiredOn = true, on
	return m, nil
}

// CheckRetireSelf refuses by retiring member id when that is by: the one
// managing people cannot remove their own access (the chair or another
// admin does it). Checked after ChairAfter, so the only chair is told
// first that someone else must be made chair.
func CheckRetireSelf(id ID, by Actor) error {
	if id == by.MemberID {
		return Invalid("member", "you cannot retire yourself: ask the chair or another admin")
	}
	return nil
}

// CheckActive refuses new business for an agency that has left the
// partnership: no new actions or members once it is retired.
func (a Agency) CheckActive() error {
	if a.Retired {
		return Invalid("agency", "%s has left the partnership (retired)", a.Name)
	}
	return nil
}

// Retire is a retired. An agency is retired once.
func (a Agency) Retire() (Agency, error) {
	if a.Retired {
		return a, Invalid("agency", "%s is already retired", a.Name)
	}
	a.Retired = true
	return a, nil
}

// CheckAgencyLeaving refuses to retire agency a while it still has members
// on the group (retire them or move them first) or owns open actions
// (openActions: how many are not done or cancelled; finish or reassign
// them first): nothing may be left with an agency that has gone.
func CheckAgencyLeaving(a Agency, members []Member, openActions int) error {
	var still []string
	for _, m := range members {
		if m.AgencyID == a.ID && !m.Retired {
			still = append(still, m.Name)
		}
	}
	if len(still) > 0 {
		return Invalid("agency", "%s still has members on the group (%s): retire them or move them to another agency first", a.Name, strings.Join(still, ", "))
	}
	if openActions > 0 {
		return Invalid("agency", "%s still owns %d open actions: finish or reassign them first", a.Name, openActions)
	}
	return nil
}

// CheckMemberEmail refuses an email another member still on the group
// has (case aside, as mail servers ignore it): a master list is matched to
// members by email first (PlanMemberSync), so two people with one address
// would make the next import match the wrong one. Retired members' addresses
// are free again, as the import treats them. A member editing other details
// keeps the address they have, even one shared before this rule.
func CheckMemberEmail(members []Member, id ID, email string) error {
	key := emailKey(email)
	if key == "" {
		return nil
	}
	for _, o := range members {
		if o.ID == id && id != 0 && emailKey(o.Email) == key {
			return nil
		}
	}
	for _, o := range members {
		if o.ID != id && o.Active() && emailKey(o.Email) == key {
			return Invalid("email", "%s is already %s's email: each person has their own", email, o.Name)
		}
	}
	return nil
}

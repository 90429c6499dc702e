package model

// Who did something, as the public record says it. The public record names
// people by their agency only (Disclosure.NamesPeople): attendees, those
// declaring, the officer on an action. An action's history names who
// assigned, reviewed or updated it — and the rep who updates an action is
// usually its officer — so a public-only reader reading that history by
// name would learn exactly what the public record leaves out. They read
// each author as the agency the person sits for. (The partnership's
// membership itself, who sits on the group for which agency, is not
// business: PublicMembers keeps it.)

// Authors names people by the agency they sit for, found by their member
// id or, where a record kept only the name, by their name.
type Authors struct {
	byID   map[ID]string
	byName map[string]string
}

// AuthorsOf is the partnership's members as authors: each by their
// agency's full name.
func AuthorsOf(members []Member, agencies AgencyIndex) Authors {
	a := Authors{byID: make(map[ID]string, len(members)), byName: make(map[string]string, len(members))}
	for _, m := range members {
		agency := agencies.Name(m.AgencyID)
		a.byID[m.ID] = agency
		a.byName[CleanLine(m.Name)] = agency
	}
	return a
}

// UnknownAuthor is what the public record says of someone who did
// something but is no member it knows (the system seeding a demo, a
// member record gone): nothing that could name them.
const UnknownAuthor = "the partnership"

// Of is who did something (name, and member id when the record kept it;
// 0 when it did not) as the public record says it: their agency. Nobody
// ("") stays nobody.
func (a Authors) Of(name string, id ID) string {
	if name == "" && id == 0 {
		return ""
	}
	if agency, ok := a.byID[id]; ok && id != 0 {
		return agency
	}
	if agency, ok := a.byName[CleanLine(name)]; ok {
		return agency
	}
	return UnknownAuthor
}

// Action is act with everyone who did something to it named by agency.
func (a Authors) Action(act Action) Action {
	act.CreatedBy = a.Of(act.CreatedBy, 0)
	act.UpdatedBy = a.Of(act.UpdatedBy, 0)
	act.LastUpdateBy = a.Of(act.LastUpdateBy, 0)
	act.LastChangeBy = a.Of(act.LastChangeBy, 0)
	return act
}

// Update is u with its author named by agency.
func (a Authors) Update(u ActionUpdate) ActionUpdate {
	u.By, u.ByID = a.Of(u.By, u.ByID), 0
	return u
}

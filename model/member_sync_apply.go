package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// StaleError refuses an import because someone changed a member it
// touches after the list was checked: their change is not overwritten.
// The store says who and when (the audit trail); Apply says what.
type StaleError struct {
	Line   int // 0: a member the list does not name (to be retired)
	ID     ID
	Name   string
	Fields []string // what they changed
	By     string
	At     time.Time
}

func (e *StaleError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Name)
	if e.Line == 0 {
		b.WriteString(" (not on the list)")
	}
	b.WriteString(" was changed")
	if e.By != "" {
		fmt.Fprintf(&b, " by %s", e.By)
	}
	if !e.At.IsZero() {
		fmt.Fprintf(&b, " at %s", e.At.Local().Format("15:04"))
	}
	b.WriteString(" after the list was checked")
	if len(e.Fields) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(e.Fields, ", "))
	}
	b.WriteString(": nothing imported; check the list again (--dry-run) and import it again")
	return b.String()
}

// MemberEdit is a member before and after a change, for the audit trail.
type MemberEdit struct{ Before, After Member }

// SyncApplied is what a write stores for a plan.
type SyncApplied struct {
	Added   []Member
	Updated []MemberEdit
	Retired []MemberEdit
	ChairID ID // the partnership's chair afterwards
}

// Apply is plan p applied to members as the write reads them (all of
// them), by whom, on day today, new members numbered by newID. Anyone the
// plan updates or retires must be as the plan read them (their Version),
// else a *StaleError. What the plan was checked against may have moved on
// in other ways too (someone added in between with a name on the list), so
// the members as they will be are checked again: names unique, addresses
// unique among those on the group, a chair, nobody retiring themselves.
func (p MemberSync) Apply(members []Member, chairID ID, today Date, by Actor, newID func() (ID, error)) (SyncApplied, error) {
	var out SyncApplied
	if len(p.Refused) > 0 {
		return out, Invalid("import", "the list has %s: nothing imported", Plural(len(p.Refused), "problem"))
	}
	at := make(map[ID]int, len(members))
	for i, m := range members {
		at[m.ID] = i
	}
	after := slices.Clone(members)
	line := make(map[ID]int, len(p.Update)) // for messages
	current := func(read Member, l int) (int, error) {
		i, ok := at[read.ID]
		if !ok {
			return 0, Invalid("member", "%s is no longer a member (#%d)", read.Name, read.ID)
		}
		if now := members[i]; now.Version != read.Version {
			return 0, &StaleError{Line: l, ID: now.ID, Name: now.Name, Fields: differences(read, now)}
		}
		return i, nil
	}
	for _, u := range p.Update {
		i, err := current(u.Before, u.Line)
		if err != nil {
			return out, err
		}
		n, err := u.After.Validate()
		if err != nil {
			return out, fmt.Errorf("line %d: %w", u.Line, err)
		}
		m := members[i]
		m.Name, m.AgencyID, m.Role, m.Title, m.Email, m.Phone, m.Restricted = n.Name, n.AgencyID, n.Role, n.Title, n.Email, n.Phone, n.Restricted
		m.Version++
		after[i], line[m.ID] = m, u.Line
		out.Updated = append(out.Updated, MemberEdit{Before: members[i], After: m})
	}
	for _, r := range p.Retire {
		i, err := current(r, 0)
		if err != nil {
			return out, err
		}
		if err := CheckRetireSelf(r.ID, by); err != nil {
			return out, err
		}
		m, err := after[i].Retire(today)
		if err != nil {
			return out, err
		}
		m.Version++
		after[i] = m
		out.Retired = append(out.Retired, MemberEdit{Before: members[i], After: m})
	}
	for _, a := range p.Add {
		n, err := a.Member.Validate()
		if err != nil {
			return out, fmt.Errorf("line %d: %w", a.Line, err)
		}
		id, err := newID()
		if err != nil {
			return out, err
		}
		m := Member{ID: id, Name: n.Name, AgencyID: n.AgencyID, Role: n.Role, Title: n.Title, Email: n.Email, Phone: n.Phone, Restricted: n.Restricted, Version: 1}
		after, line[id] = append(after, m), a.Line
		out.Added = append(out.Added, m)
	}
	if err := checkUnique(after, line); err != nil {
		return out, err
	}
	var err error
	out.ChairID, err = ChairAmong(after, chairID)
	return out, err
}

// checkUnique: each name once among everyone, each address once among
// those on the group (line says which line set a member, for messages).
func checkUnique(members []Member, line map[ID]int) error {
	names := make(map[string]Member, len(members))
	emails := make(map[string]Member, len(members))
	// A clash the list did not make (two members recorded before names
	// were folded, or before addresses were kept unique) is not the
	// import's to refuse.
	clash := func(m, other Member) (int, Member, bool) {
		if l := line[m.ID]; l > 0 {
			return l, other, true
		}
		if l := line[other.ID]; l > 0 {
			return l, m, true
		}
		return 0, m, false
	}
	for _, m := range members {
		if k := NameKey(m.Name); k != "" {
			if other, dup := names[k]; dup {
				if l, o, ours := clash(m, other); ours {
					return Invalid("name", "line %d: there is already a member called %s", l, o.Name)
				}
			}
			names[k] = m
		}
		if e := emailKey(m.Email); e != "" && m.Active() {
			if other, dup := emails[e]; dup {
				if l, o, ours := clash(m, other); ours {
					return Invalid("email", "line %d: the email %s is already %s's", l, m.Email, o.Name)
				}
			}
			emails[e] = m
		}
	}
	return nil
}

// differences are what changed between two versions of a member, by name.
func differences(a, b Member) []string {
	fields := changedFields(MemberFieldChanges(a, FromMember(b), nil))
	if a.Retired != b.Retired {
		fields = append(fields, "retired")
	}
	if !slices.Equal(a.SSHKeys, b.SSHKeys) {
		fields = append(fields, "SSH keys")
	}
	return fields
}

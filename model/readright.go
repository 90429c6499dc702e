package model

import (
	"fmt"
	"strings"
)

// Who reads what (../shared/docs/domain.md): the partnership's members — the
// chair, admins and agency reps — read the restricted record, private
// business included; people who only read or receive the minutes (viewers,
// circulation lists: often councillors not on the group) read the public
// record, as it would be published, unless the chair grants them more.

// ReadRight is how much of the record a person may read.
type ReadRight int

const (
	// ReadPublic is the public record only: what the public minutes and
	// `--public` exports show (Disclosure), nothing private.
	ReadPublic ReadRight = iota
	// ReadRestricted is the whole record, private business marked.
	ReadRestricted
)

func (r ReadRight) String() string {
	if r == ReadRestricted {
		return "the restricted record"
	}
	return "the public record only"
}

// Grant is the chair's decision about one person's read right, beside what
// their role gives: none (the role decides), granted (the restricted
// record) or withheld (the public record only).
type Grant string

const (
	GrantNone     Grant = ""
	GrantRestrict Grant = "granted"
	GrantWithheld Grant = "withheld"
)

// ParseGrant reads yes/no (as `member edit --restricted yes|no` takes it)
// and "default" (back to what the role gives).
func ParseGrant(s string) (Grant, error) {
	switch strings.ToLower(CleanLine(s)) {
	case "yes", "y", "true", "granted":
		return GrantRestrict, nil
	case "no", "n", "false", "withheld":
		return GrantWithheld, nil
	case "default", "role", "":
		return GrantNone, nil
	}
	return GrantNone, Invalid("restricted", "%q: say yes (reads the restricted record), no (the public record only) or default (as the role gives)", s)
}

// RoleReadRight is what a role reads with no grant: chair, admin and
// member the restricted record; viewer and circulation the public one.
func RoleReadRight(r Role) ReadRight {
	switch r {
	case RoleChair, RoleAdmin, RoleMember:
		return ReadRestricted
	}
	return ReadPublic
}

// ReadRightOf is the rule: the role's right, unless the chair granted or
// withheld the restricted record for this person. The chair and admins
// always read it: they run the meetings where private business is taken.
func ReadRightOf(r Role, g Grant) ReadRight {
	if r == RoleChair || r == RoleAdmin {
		return ReadRestricted
	}
	switch g {
	case GrantRestrict:
		return ReadRestricted
	case GrantWithheld:
		return ReadPublic
	}
	return RoleReadRight(r)
}

// ReadRight is what the member may read.
func (m Member) ReadRight() ReadRight { return ReadRightOf(m.Role, m.Restricted) }

// CheckGrant refuses a grant that means nothing: the chair and admins
// always read the restricted record.
func CheckGrant(r Role, g Grant) error {
	if g == GrantWithheld && (r == RoleChair || r == RoleAdmin) {
		return Invalid("restricted", "%s always reads the restricted record: they run the meetings where private business is taken", WithArticle(string(r)))
	}
	return nil
}

// Reads is what the actor may read. An actor nobody named (Actor{}) reads
// the public record; the file's owner, when the command line knows nobody
// (FileOwner), reads what the file holds.
func (a Actor) Reads() ReadRight {
	if a.Owner {
		return ReadRestricted
	}
	return ReadRightOf(a.Role, a.Grant)
}

// FileOwner is who reads when the command line is told nobody's name and
// remembers nobody on this computer: whoever may open the file, whose
// protection (0600, one owner) is the boundary for a local file. They read
// the whole record and change nothing (Permit refuses them every change:
// a change needs a named person).
func FileOwner() Actor { return Actor{Name: "the file's owner", Owner: true} }

// VersionFor is which version of the minutes (or an export) the actor gets
// when they ask for the restricted one (public false) or the public one,
// and the line that tells them when it is not what they asked for.
func VersionFor(a Actor, public bool) (bool, string) {
	if public || a.Reads() == ReadRestricted {
		return public, ""
	}
	return true, fmt.Sprintf("%s (%s) reads %s: this is the public version", a, a.Role, ReadPublic)
}

// PrivateError refuses to show one private record to someone who reads the
// public record only. It names the record by its ref, never its words.
type PrivateError struct {
	Ref  string
	Who  string
	Role Role
	// Plural: Ref names a kind of record, all of it private ("ASB case
	// reviews").
	Plural bool
}

func (e *PrivateError) Error() string {
	verb := "is"
	if e.Plural {
		verb = "are"
	}
	return fmt.Sprintf("%s %s private business: %s (%s) reads %s", e.Ref, verb, e.Who, e.Role, ReadPublic)
}

// RefusePrivate is the refusal of record ref to a, who reads the public
// record only.
func RefusePrivate(a Actor, ref string) error {
	return &PrivateError{Ref: ref, Who: a.String(), Role: a.Role}
}

package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Agency is a partner organisation (or a council service) that owns actions.
type Agency struct {
	ID        ID     `json:"id"`
	Name      string `json:"name"`       // "Derbyshire Constabulary"
	ShortName string `json:"short_name"` // "Police"
	Colour    string `json:"colour,omitempty"`
	// Retired agencies have left the partnership: no new actions or
	// members, but their name stays on everything they did.
	Retired bool `json:"retired,omitempty"`
	// UpdatedAt and UpdatedBy say who last added or changed the agency, and
	// when: what a later change may not be stamped before (CheckStamp), and
	// what a form refused for a change made since says.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int       `json:"version"`
}

// ActiveAgencies are those still in the partnership, in order.
func ActiveAgencies(as []Agency) []Agency {
	out := make([]Agency, 0, len(as))
	for _, a := range as {
		if !a.Retired {
			out = append(out, a)
		}
	}
	return out
}

// Label is the short name where there is one: tables are narrow.
func (a Agency) Label() string {
	if a.ShortName != "" {
		return a.ShortName
	}
	return a.Name
}

// MatchAgencies ranks the agencies a person could mean by typing query:
// exact name or short name first, then a name or word starting with the query,
// then anywhere in the name, then initials ("dfrs"). The chair types two or
// three letters; this is what makes that work.
func MatchAgencies(agencies []Agency, query string) []Agency {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	type scored struct {
		a     Agency
		score int
	}
	var out []scored
	for _, a := range agencies {
		if s := agencyScore(a, q); s > 0 {
			out = append(out, scored{a, s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].a.Name < out[j].a.Name
	})
	res := make([]Agency, len(out))
	for i, s := range out {
		res[i] = s.a
	}
	return res
}

func agencyScore(a Agency, q string) int {
	name, short := strings.ToLower(a.Name), strings.ToLower(a.ShortName)
	switch {
	case name == q || short == q:
		return 100
	case strings.HasPrefix(short, q) || strings.HasPrefix(name, q):
		return 80
	case wordPrefix(name, q) || wordPrefix(short, q):
		return 60
	case strings.Contains(name, q) || strings.Contains(short, q):
		return 40
	case strings.HasPrefix(initials(a.Name), q):
		return 30
	}
	return 0
}

func wordPrefix(s, q string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '&' || r == '(' || r == ')' || r == '/' }) {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	return false
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

// FindAgency resolves what a person typed to exactly one agency, or says
// why not: unknown, or which ones it could be.
func FindAgency(agencies []Agency, query string) (Agency, error) {
	m := MatchAgencies(agencies, query)
	switch {
	case strings.TrimSpace(query) == "":
		return Agency{}, Invalid("agency", "no agency given: type part of its name")
	case len(m) == 0:
		return Agency{}, Invalid("agency", "no agency matches %q", CleanText(query))
	case len(m) == 1 || agencyScore(m[0], strings.ToLower(strings.TrimSpace(query))) > agencyScore(m[1], strings.ToLower(strings.TrimSpace(query))):
		return m[0], nil
	}
	names := make([]string, 0, 4)
	for i, a := range m {
		if i == 4 {
			names = append(names, "…")
			break
		}
		names = append(names, a.Name)
	}
	return Agency{}, Invalid("agency", "%q could be %s: type more of the name", CleanText(query), strings.Join(names, ", "))
}

// AgencyIndex maps IDs to agencies for display.
type AgencyIndex map[ID]Agency

func IndexAgencies(as []Agency) AgencyIndex {
	idx := make(AgencyIndex, len(as))
	for _, a := range as {
		idx[a.ID] = a
	}
	return idx
}

// Label is the agency's short label, or a placeholder that shows the data is
// odd rather than hiding it.
func (idx AgencyIndex) Label(id ID) string {
	if a, ok := idx[id]; ok {
		return a.Label()
	}
	if id == 0 {
		return "—"
	}
	return fmt.Sprintf("agency #%d", id)
}

// Name is the agency's full name.
func (idx AgencyIndex) Name(id ID) string {
	if a, ok := idx[id]; ok {
		return a.Name
	}
	return idx.Label(id)
}

// CheckAgencyName says whether an agency (id; 0 for a new one) may be
// called name with this short name among the others: a typed name must find
// one agency, so neither may be another agency's name or short name, case
// and spacing aside.
func CheckAgencyName(agencies []Agency, id ID, name, short string) error {
	for _, o := range agencies {
		if o.ID == id && id != 0 {
			continue
		}
		for _, mine := range []struct{ field, value string }{{"name", name}, {"short_name", short}} {
			if mine.value == "" {
				continue
			}
			switch {
			case SameName(mine.value, o.Name):
				return Invalid(mine.field, "there is already an agency called %s", o.Name)
			case o.ShortName != "" && SameName(mine.value, o.ShortName):
				return Invalid(mine.field, "%q is already the short name of %s", o.ShortName, o.Name)
			}
		}
	}
	return nil
}

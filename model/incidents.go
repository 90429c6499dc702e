package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Incident data is what data.police.uk publishes every month for every
// force: one row per crime or ASB incident, placed at an anonymised point
// ("On or near Market Place") inside a Lower Layer Super Output Area (LSOA,
// about 1,500 residents). The record keeps counts, never rows: how many of
// each crime type at each place in each month, per force (IncidentRow).

// CategoryASB is police.uk's crime type for anti-social behaviour: what an
// import keeps unless told otherwise, and what trends and suggestions count.
const CategoryASB = "Anti-social behaviour"

// PoliceCategories are the crime types police.uk publishes (street-level
// data, since 2013): what --types is checked against.
var PoliceCategories = []string{
	CategoryASB, "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
	"Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
	"Theft from the person", "Vehicle crime", "Violence and sexual offences",
}

// ParseCategories reads --types: crime types separated by commas, matched
// without regard to case (or a unique start: "criminal", "violence");
// "all" keeps every type (nil). Empty means anti-social behaviour only.
func ParseCategories(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return []string{CategoryASB}, nil
	}
	if strings.EqualFold(s, "all") {
		return nil, nil
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		c, err := ParseCategory1(part)
		if err != nil {
			return nil, err
		}
		if !containsFold(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// ParseCategory1 reads one police.uk crime type (a unique start is
// enough; "asb" is anti-social behaviour).
func ParseCategory1(s string) (string, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if in == "asb" {
		return CategoryASB, nil
	}
	var found []string
	for _, c := range PoliceCategories {
		lc := strings.ToLower(c)
		if lc == in {
			return c, nil
		}
		if in != "" && strings.HasPrefix(lc, in) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", Invalid("types", "%q is not a police.uk crime type: use %s, or all", CleanLine(s), strings.Join(PoliceCategories, ", "))
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Place is where police.uk puts incidents: an LSOA (by its code, with its
// name), and within it a location ("On or near Market Place", kept as the
// street text after "On or near"). Location empty is the whole LSOA; an
// LSOA code empty is the unlocated ("No Location") rows.
type Place struct {
	LSOA     string `json:"lsoa_code"`
	LSOAName string `json:"lsoa_name,omitempty"`
	Location string `json:"location,omitempty"`
	// Street: Location is a street within the LSOA (even one police.uk
	// gives no name for: "On or near " alone), not the whole LSOA.
	Street bool `json:"street,omitempty"`
}

// NoStreet is how a location police.uk gives without a street name ("On
// or near " and nothing else) is shown and stored.
const NoStreet = "(no street name)"

// IsArea: the place is a whole LSOA.
func (p Place) IsArea() bool { return !p.Street }

// Area is the LSOA the place is in.
func (p Place) Area() Place { return Place{LSOA: p.LSOA, LSOAName: p.LSOAName} }

// Key identifies a place: the LSOA code, and the street after a "|".
func (p Place) Key() string {
	if p.Street {
		return p.LSOA + "|" + p.Location
	}
	return p.LSOA
}

// Label is how a place reads to people: "Market Place, Chesterfield 001A"
// or "Chesterfield 001A (E01019...)".
func (p Place) Label() string {
	name := cmp.Or(p.LSOAName, p.LSOA)
	if name == "" {
		return "no location"
	}
	if p.Street {
		return p.Location + ", " + name
	}
	if p.LSOAName != "" && p.LSOA != "" {
		return p.LSOAName + " (" + p.LSOA + ")"
	}
	return name
}

// Covers: a link to p covers q — the same place, or q a street within the
// LSOA p is.
func (p Place) Covers(q Place) bool {
	if p.LSOA != q.LSOA || p.LSOA == "" {
		return false
	}
	if !p.Street {
		return true
	}
	return q.Street && p.Location == q.Location
}

// StreetOf is the street police.uk's location text names: what follows
// "On or near " (NoStreet when nothing does), or the text as given.
func StreetOf(location string) string {
	s := CleanLine(location)
	if len(s) >= len("On or near") && strings.EqualFold(s[:len("On or near")], "On or near") {
		s = strings.TrimSpace(s[len("On or near"):])
		if s == "" {
			return NoStreet
		}
	}
	if s == "" {
		return NoStreet
	}
	return s
}

// IncidentRow is one stored count: incidents of one crime type at one
// place in one month, as one force reported them.
type IncidentRow struct {
	Month    Month  `json:"month"`
	Force    string `json:"force"`
	Category string `json:"category"`
	Place
	Count int `json:"count"`
}

// IncidentBatch is what one import stored for one force, month and crime
// type: importing the same three again replaces it whole, so counts are
// never doubled (ReplacesBatch).
type IncidentBatch struct {
	Force    string `json:"force"`
	Month    Month  `json:"month"`
	Category string `json:"category"`
	// Area is the --area the import kept ("" for every LSOA).
	Area string `json:"area,omitempty"`
	// Incidents is the rows kept (the sum of the counts), Places how many
	// counts they made, Unlocated the "No Location" rows among them.
	Incidents int       `json:"incidents"`
	Places    int       `json:"places"`
	Unlocated int       `json:"unlocated,omitempty"`
	File      string    `json:"file,omitempty"`
	At        time.Time `json:"imported_at"`
	By        string    `json:"imported_by,omitempty"`
}

// Key is what a batch replaces: the same force, month and crime type.
func (b IncidentBatch) Key() string { return b.Month.String() + "|" + b.Force + "|" + b.Category }

// IncidentImport is what an import did, for its summary line.
type IncidentImport struct {
	Batches  []IncidentBatch
	Replaced []IncidentBatch // stored before, now replaced
}

// RightImportIncidents is bringing in police.uk data. It is public data and
// the analyst's job (the analyst is usually a member, of the police or the
// council), so members may do it as well as the chair and admins.
const RightImportIncidents Right = "import incident data"

// IncidentFilter is what `tasking incidents` asks for.
type IncidentFilter struct {
	Area     string // LSOA names starting so ("Chesterfield"), case aside
	Month    Month  // one month (zero: every month)
	Category string // one crime type ("": every one)
	By       IncidentGrouping
}

// IncidentGrouping is how `tasking incidents` adds counts up.
type IncidentGrouping string

const (
	ByLocation IncidentGrouping = "location" // every count as stored (forces summed)
	ByLSOA     IncidentGrouping = "lsoa"     // per LSOA
	ByMonth    IncidentGrouping = "month"    // per month
)

// ParseGrouping reads --by.
func ParseGrouping(s string) (IncidentGrouping, error) {
	switch g := IncidentGrouping(strings.ToLower(strings.TrimSpace(s))); g {
	case "":
		return ByLocation, nil
	case ByLocation, ByLSOA, ByMonth:
		return g, nil
	}
	return "", Invalid("by", "%q: use lsoa, location or month", CleanLine(s))
}

// InArea: an LSOA named name is in the area prefix ("Chesterfield" keeps
// "Chesterfield 001A", not "Chesterfield Road"… LSOA names are a district
// and a code, so a prefix of the district is what people type).
func InArea(name, prefix string) bool {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return true
	}
	return len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix)
}

// Group adds rows up as f.By says: per month, per LSOA (locations summed)
// or per location (forces summed), in order of month, LSOA code,
// location and crime type.
func (f IncidentFilter) Group(rows []IncidentRow) []IncidentRow {
	type key struct {
		m              Month
		lsoa, loc, cat string
		street         bool
	}
	sums := map[key]*IncidentRow{}
	var order []key
	for _, r := range rows {
		k := key{m: r.Month, cat: r.Category}
		out := IncidentRow{Month: r.Month, Category: r.Category}
		switch f.By {
		case ByMonth:
		case ByLSOA:
			k.lsoa = r.LSOA
			out.Place = r.Area()
		default:
			k.lsoa, k.loc, k.street = r.LSOA, r.Location, r.Street
			out.Place = r.Place
		}
		s, ok := sums[k]
		if !ok {
			s = &out
			sums[k] = s
			order = append(order, k)
		}
		s.Count += r.Count
	}
	out := make([]IncidentRow, 0, len(order))
	for _, k := range order {
		out = append(out, *sums[k])
	}
	SortIncidentRows(out)
	return out
}

// SortIncidentRows orders counts by month, LSOA code, location, crime
// type and force: the order every listing uses.
func SortIncidentRows(rows []IncidentRow) {
	slices.SortFunc(rows, func(a, b IncidentRow) int {
		return cmp.Or(a.Month.Compare(b.Month), strings.Compare(a.LSOA, b.LSOA), strings.Compare(a.Location, b.Location),
			strings.Compare(a.Category, b.Category), strings.Compare(a.Force, b.Force))
	})
}

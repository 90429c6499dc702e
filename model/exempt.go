package model

import (
	"fmt"
	"slices"
	"strings"
)

// ExemptParagraph is the paragraph of Part 1 of Schedule 12A to the Local
// Government Act 1972 under which an item is taken in private (Part 2). The
// three a tasking group uses: 1 information relating to an individual, 2
// information likely to reveal an individual's identity, 7 information
// relating to the prevention, investigation or prosecution of crime.
type ExemptParagraph int

const (
	ParaIndividual ExemptParagraph = 1
	ParaIdentity   ExemptParagraph = 2
	ParaCrime      ExemptParagraph = 7
)

// ExemptParagraphs are the paragraphs a chair may choose, in order.
var ExemptParagraphs = []ExemptParagraph{ParaIndividual, ParaIdentity, ParaCrime}

// ParseExemptParagraph reads "1", "2" or "7" (also "para 7").
func ParseExemptParagraph(s string) (ExemptParagraph, error) {
	in := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "para"))
	for _, p := range ExemptParagraphs {
		if in == fmt.Sprint(int(p)) {
			return p, nil
		}
	}
	return 0, Invalid("paragraph", "%q is not an exempt paragraph: use 1 (an individual), 2 (identity) or 7 (crime)", s)
}

// Or is p, else the default for a private item (0 means "not chosen").
func (p ExemptParagraph) Or(def ExemptParagraph) ExemptParagraph {
	if p == 0 {
		return def
	}
	return p
}

// Description is what the information is, as the Schedule puts it; the
// public minutes use it as the neutral heading of an exempt item.
func (p ExemptParagraph) Description() string {
	switch p {
	case ParaIdentity:
		return "information likely to reveal the identity of an individual"
	case ParaCrime:
		return "information relating to the prevention, investigation or prosecution of crime"
	}
	return "information relating to an individual"
}

// Short is the paragraph in a word or two, for choosers: "an individual",
// "identity", "crime".
func (p ExemptParagraph) Short() string {
	switch p {
	case ParaIdentity:
		return "identity"
	case ParaCrime:
		return "crime"
	}
	return "an individual"
}

// ExemptHeading is the neutral heading an exempt item keeps in the public
// minutes, so its minute number is not missing: "Exempt item – information
// relating to an individual".
func ExemptHeading(p ExemptParagraph) string {
	return "Exempt item – " + p.Or(ParaIndividual).Description()
}

// DefaultParagraph is the paragraph a private item takes unless the chair
// chooses another: personal ASB is about an individual; anything else taken
// in private is about preventing crime.
func DefaultParagraph(personal bool) ExemptParagraph {
	if personal {
		return ParaIndividual
	}
	return ParaCrime
}

// ExclusionResolution is the resolution that excludes the public before the
// Part 2 items, naming every paragraph they are exempt under.
func ExclusionResolution(paras []ExemptParagraph) string {
	ps := slices.Clone(paras)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	if len(ps) == 0 {
		ps = []ExemptParagraph{ParaIndividual}
	}
	nums := make([]string, len(ps))
	for i, p := range ps {
		nums[i] = fmt.Sprint(int(p))
	}
	list := nums[0]
	word := "Paragraph"
	if len(nums) > 1 {
		list = strings.Join(nums[:len(nums)-1], ", ") + " and " + nums[len(nums)-1]
		word = "Paragraphs"
	}
	return "that under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting " +
		"for the following items of business on the grounds that they involve the likely disclosure of exempt " +
		"information as defined in " + word + " " + list + " of Part 1 of Schedule 12A to the Act"
}

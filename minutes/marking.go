package minutes

import "github.com/ccsp/tasking/model"

// marking is how the restricted version marks a thing of privacy p (its
// privacy as model.Disclosure shows it: see the Privacy methods there). The
// words are model.Privacy.Label's, so the minutes mark exactly as every
// other restricted output does. The public version marks nothing: it holds
// no private business, and the resolution that released a record is itself
// Part 2 business, so naming it would point at what it must not show.
func (b *builder) marking(p model.Privacy) Marking {
	if b.public {
		return Marking{}
	}
	m := Marking{Private: p.Private, Mark: p.Label()}
	if p.Private {
		m.Paragraph = int(p.Paragraph.Or(model.ParaIndividual))
	} else if p.ReleasedBy != 0 {
		m.ReleasedBy = model.DecisionRef(p.ReleasedBy)
	}
	return m
}

// marked is s with its mark before it, as every format writes a marked
// thing in plain text (table cells, the txt minutes). Before, not after:
// the mark then starts its line in the plain text, so wrapping never
// splits it.
func marked(mark, s string) string {
	if mark == "" {
		return s
	}
	return mark + " " + s
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ccsp/tasking/model"
)

// writeDifference says what an import does, one person a line, so the
// chair can read it before saving (--dry-run) or see what was saved:
//
//	add     line 5   Amy Adams (Police, member)
//	update  line 3   Karen Whitworth: name Karen Whitworth → Karen Whitworth-Lee; phone 01773 000002 → (none)
//	retire           Tom Okafor (Community Safety, admin): not on the list
//
// Those left as they are are only counted (importCounts).
func writeDifference(w io.Writer, p model.MemberSync, agencies model.AgencyIndex) {
	for _, a := range p.Add {
		fmt.Fprintf(w, "add     line %-5d %s (%s, %s)\n", a.Line, a.Member.Name, agencies.Label(a.Member.AgencyID), a.Member.Role)
	}
	for _, u := range p.Update {
		changes := model.MemberFieldChanges(u.Before, u.After, agencies)
		parts := make([]string, len(changes))
		for i, c := range changes {
			parts[i] = fmt.Sprintf("%s %s → %s", c.Field, orNone(c.Old), orNone(c.New))
		}
		fmt.Fprintf(w, "update  line %-5d %s: %s\n", u.Line, u.Before.Name, strings.Join(parts, "; "))
	}
	for _, m := range p.Retire {
		fmt.Fprintf(w, "retire             %s (%s, %s): not on the list\n", m.Name, agencies.Label(m.AgencyID), m.Role)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// importCounts is "2 to add, 1 to update, 0 to retire, 25 unchanged" (a
// dry run) or "2 added, 1 updated, 0 retired, 25 unchanged".
func importCounts(added, updated, retired, unchanged int, dryRun bool) string {
	if dryRun {
		return fmt.Sprintf("%d to add, %d to update, %d to retire, %d unchanged", added, updated, retired, unchanged)
	}
	return fmt.Sprintf("%d added, %d updated, %d retired, %d unchanged", added, updated, retired, unchanged)
}

package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// retention [--apply]: the closed personal cases past the partnership's
// retention, listed, or anonymised (model/retention.go).

// retentionRow is one case as `tasking retention` writes it.
type retentionRow struct {
	Ref        string `json:"ref"`        // HS-7
	Title      string `json:"title"`      // its title; [anonymised] once it is
	Ward       string `json:"ward"`       // kept: an area, for the statistics
	Closed     string `json:"closed"`     // the day it closed
	Anonymised string `json:"anonymised"` // the day it was anonymised ("" when listed)
	Actions    int    `json:"actions"`    // its records, as the live record holds them
	Updates    int    `json:"updates"`
	Decisions  int    `json:"decisions"`
	Notes      int    `json:"notes"`
	Powers     int    `json:"powers"`
}

func newRetentionCmd(a *app) *cobra.Command {
	var formatFlag string
	var apply, yes bool
	cmd := &cobra.Command{
		Use:   "retention [--apply [--yes]] [--format table|json]",
		Short: "Closed personal cases kept past the partnership's retention: list them, or anonymise them",
		Long: "retention lists the personal-ASB cases (hotspots in the personal category) that closed more than the " +
			"partnership's retention ago — six years unless `partnership set --retention-years N` says otherwise — " +
			"and have not been anonymised. Listing changes nothing.\n\n" +
			"--apply anonymises them, after asking (--yes answers in a script): the names, addresses and free text of " +
			"each case and of its actions, progress updates, resolutions, notes, powers, amendments and declarations " +
			"become [anonymised] — in the record, in the minutes kept of every closed meeting and in the audit trail — " +
			"while refs, dates, agencies, statuses, risk levels and counts stay. The file's free space is then cleared " +
			"of the old copies. The audit trail's hash chain still holds (tasking audit verify), the public minutes " +
			"are unchanged, and the anonymisation is itself in the trail. It cannot be undone; backups made before it " +
			"still hold the words until they are pruned or deleted.\n\n" +
			"Only the chair or an admin may list or anonymise (the cases are private business).\n\n" +
			"JSON fields: " + strings.Join(fieldNames[retentionRow](), ", ") + ".",
		Example: "  tasking --as 'Helen Marsh' retention\n" +
			"  tasking --as 'Helen Marsh' retention --apply\n" +
			"  ssh -p 23234 tasking.example.org retention --apply --yes --format json",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, formatTable, formatJSON)
			if err != nil {
				return err
			}
			if yes && !apply {
				return usagef("--yes answers --apply's question: give --apply too")
			}
			if !apply {
				s, err := a.openData(cmd)
				if err != nil {
					return err
				}
				defer s.Close()
				actor, err := a.reader(cmd, s)
				if err != nil {
					return err
				}
				plan, err := s.RetentionPlan(actor)
				if err != nil {
					return err
				}
				return writeRetentionPlan(cmd.OutOrStdout(), plan, f)
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			plan, err := s.RetentionPlan(actor)
			if err != nil {
				return err
			}
			if len(plan.Cases) > 0 {
				if ok, err := confirm(cmd, retentionQuestion(plan), yes); err != nil || !ok {
					return err
				}
			}
			watch, finish := a.longWork(cmd, "retention --apply")
			run, err := s.ApplyRetention(actor, watch)
			if err = finish(err); err != nil {
				return err
			}
			return writeRetentionRun(cmd, plan, run, f)
		}),
	}
	cmd.Flags().BoolVar(&apply, "apply", false, "anonymise the cases listed (asks first)")
	cmd.Flags().BoolVar(&yes, "yes", false, "with --apply: anonymise without asking")
	addFormatFlag(cmd, &formatFlag, formatTable, formatJSON)
	return cmd
}

// retentionRows are the plan's cases as rows; anonymised, when set, is the
// day they were anonymised (their words are gone).
func retentionRows(plan model.RetentionPlan, anonymised model.Date) []retentionRow {
	rows := make([]retentionRow, 0, len(plan.Cases))
	for _, c := range plan.Cases {
		h := c.Hotspot
		row := retentionRow{Ref: h.Ref(), Title: model.CleanLine(h.Title), Ward: model.CleanLine(h.Ward), Closed: h.Closed.String(),
			Actions: c.Actions, Updates: c.Updates, Decisions: c.Decisions, Notes: c.Notes, Powers: c.Powers}
		if !anonymised.IsZero() {
			row.Title, row.Anonymised = model.AnonymisedText, anonymised.String()
		}
		rows = append(rows, row)
	}
	return rows
}

func retentionTable(rows []retentionRow) peopleTable {
	t := peopleTable{headers: []string{"ref", "closed", "ward", "actions", "updates", "resolutions", "notes", "powers", "title"}, flex: 8,
		widths: []int{0, 0, maxName, 0, 0, 0, 0, 0, maxTitle}}
	for _, r := range rows {
		t.rows = append(t.rows, []string{r.Ref, r.Closed, r.Ward, strconv.Itoa(r.Actions), strconv.Itoa(r.Updates),
			strconv.Itoa(r.Decisions), strconv.Itoa(r.Notes), strconv.Itoa(r.Powers), r.Title})
	}
	return t
}

// retentionPeriod is the partnership's retention as a sentence's start.
func retentionPeriod(plan model.RetentionPlan) string {
	return fmt.Sprintf("Closed personal cases are kept %s after they close", model.Plural(plan.Years, "year"))
}

func writeRetentionPlan(w io.Writer, plan model.RetentionPlan, f format) error {
	rows := retentionRows(plan, model.Date{})
	if f == formatJSON {
		return writeJSON(w, rows)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintf(w, "%s: on %s none is past that (closed before %s) and still holds its words.\n",
			retentionPeriod(plan), plan.Today.Long(), plan.Cutoff.Long())
		return err
	}
	fmt.Fprintf(w, "%s. On %s, %s %s past that (closed before %s):\n\n", retentionPeriod(plan), plan.Today.Long(),
		model.Plural(len(rows), "case"), plural(len(rows), "is", "are"), plan.Cutoff.Long())
	if err := writeTable(w, retentionTable(rows)); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\n`tasking retention --apply` anonymises them: their names, addresses and words are erased from the record, "+
		"the minutes kept of closed meetings and the audit trail, for good; refs, dates, agencies, statuses and counts stay.")
	return err
}

// retentionQuestion is what --apply asks before it anonymises.
func retentionQuestion(plan model.RetentionPlan) string {
	refs := make([]string, len(plan.Cases))
	for i, c := range plan.Cases {
		refs[i] = c.Hotspot.Ref()
	}
	return fmt.Sprintf("Anonymise %s closed before %s (%s)? %s names, addresses and words go from the record, the minutes "+
		"kept of closed meetings and the audit trail, for good: this cannot be undone.",
		count(len(refs), "personal case"), plan.Cutoff.Long(), someRefs(refs), plural(len(refs), "Its", "Their"))
}

// writeRetentionRun says what --apply did: the cases (table or JSON) on
// standard output, the rest in words on standard error.
func writeRetentionRun(cmd *cobra.Command, plan model.RetentionPlan, run model.RetentionRun, f format) error {
	out, said := cmd.OutOrStdout(), cmd.ErrOrStderr()
	rows := retentionRows(plan, plan.Today)
	// Only the cases the run anonymised (the plan was read just before).
	done := map[string]bool{}
	for _, ref := range run.Cases {
		done[ref] = true
	}
	kept := rows[:0]
	for _, r := range rows {
		if done[r.Ref] {
			kept = append(kept, r)
		}
	}
	rows = kept
	if f == formatJSON {
		if err := writeJSON(out, rows); err != nil {
			return err
		}
	} else if len(rows) > 0 {
		if err := writeTable(out, retentionTable(rows)); err != nil {
			return err
		}
	}
	var lines []string
	if len(run.Cases) == 0 {
		lines = append(lines, fmt.Sprintf("%s: none is past that, so nothing was anonymised.", retentionPeriod(plan)))
	} else {
		var records []string
		for _, n := range []struct {
			n    int
			noun string
		}{{run.Actions, "action"}, {run.Updates, "update"}, {run.Decisions, "resolution"}, {run.Notes, "note"}, {run.Powers, "power"}} {
			if n.n > 0 {
				records = append(records, count(n.n, n.noun))
			}
		}
		with := ""
		if len(records) > 0 {
			with = " with " + model.JoinAnd(records)
		}
		lines = append(lines, fmt.Sprintf("Anonymised %s%s; %s and %s rewritten. The audit chain still holds: tasking audit verify.",
			someRefs(run.Cases), with, count(run.Events, "audit event"), count(len(run.Frozen), "frozen meeting record")))
		if len(run.Kept) > 0 {
			lines = append(lines, fmt.Sprintf("Kept as they are: %s, moved to general business when %s closed and still the group's business.",
				someRefs(run.Kept), plural(len(run.Cases), "its case", "their cases")))
		}
		lines = append(lines, "Backups made before today still hold the old words until they are pruned or deleted.")
	}
	lines = append(lines, "The file's free space was cleared of old copies.")
	_, err := fmt.Fprint(said, strings.Join(lines, "\n")+"\n")
	return err
}

// someRefs names refs, the first few of a long list: "HS-3, HS-7 and HS-9",
// "HS-3, HS-7, … and 150 more".
func someRefs(refs []string) string {
	const most = 10
	if len(refs) <= most {
		return model.JoinAnd(refs)
	}
	return strings.Join(refs[:most], ", ") + " and " + thousands(len(refs)-most) + " more"
}

// count is n of noun, with thousands separated: "1 case", "21,225 updates".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + model.PluralOf(noun)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

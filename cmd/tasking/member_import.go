package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ccsp/tasking/importer"
	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// maxProblemsShown is how many bad rows an import lists before it says how
// many more there are: a wrong file should not scroll off the screen.
const maxProblemsShown = 50

func newMemberImportCmd(a *app) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE.csv|- [--dry-run]",
		Short: "Import members from a CSV (the list the council keeps in Excel)",
		Long: "import adds the members listed in a CSV file: a header row with at least name, agency and role " +
			"(job_title, email and phone are optional; the order does not matter), comma- or semicolon-separated, " +
			"UTF-8 with or without a BOM (in Excel: Save As › CSV UTF-8). agency is part of an agency's name or " +
			"short name; an empty role means member. Every bad row is reported with its line number and reason, and " +
			"nothing is imported unless every row is good. --dry-run checks the file and imports nothing. " +
			"- reads the CSV from standard input (over SSH: `ssh … member import - < members.csv`).",
		Example: "  tasking --as 'Helen Marsh' member import members.csv --dry-run\n" +
			"  tasking --as 'Helen Marsh' member import members.csv",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			data, err := a.readInput(cmd, "FILE", args[0])
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			// Said before the file is read: no point listing its problems
			// to someone who may not import it.
			if err := model.Permit(actor, model.OpManagePeople, 0); err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			members, err := s.Members()
			if err != nil {
				return err
			}
			rows, err := importer.Members(bytes.NewReader(data), agencies, members)
			var bad *importer.RowErrors
			if errors.As(err, &bad) {
				return importProblems(args[0], bad)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			w := cmd.OutOrStdout()
			if dryRun {
				for _, r := range rows {
					fmt.Fprintf(w, "line %d: %s (%s, %s)\n", r.Line, r.Member.Name, model.IndexAgencies(agencies).Label(r.Member.AgencyID), r.Member.Role)
				}
				_, err = fmt.Fprintf(w, "%d members would be imported from %s (dry run: nothing saved)\n", len(rows), args[0])
				return err
			}
			ns := make([]model.NewMember, len(rows))
			for i, r := range rows {
				ns[i] = r.Member
			}
			added, err := s.AddMembers(actor, ns)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%d members imported from %s\n", len(added), args[0])
			return err
		}),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and say what would be imported, saving nothing")
	return cmd
}

// importProblems is the error for a file with bad rows: every problem on
// its own line (up to a limit), the first line saying nothing was imported.
func importProblems(path string, bad *importer.RowErrors) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: nothing imported: %s", path, model.Plural(len(bad.Problems), "problem"))
	for i, p := range bad.Problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&b, "\n  … and %d more", len(bad.Problems)-i)
			break
		}
		fmt.Fprintf(&b, "\n  line %d: %s", p.Line, model.CleanLine(p.Reason))
	}
	return &multiLineError{b.String()}
}

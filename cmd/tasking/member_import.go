package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ccsp/tasking/importer"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// maxProblemsShown is how many bad rows an import lists before it says how
// many more there are: a wrong file should not scroll off the screen.
const maxProblemsShown = 50

// importFlags are member import's flags.
type importFlags struct {
	dryRun, update, retireMissing, surnameFirst bool
}

func newMemberImportCmd(a *app) *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "import FILE.csv|- [--update] [--retire-missing] [--surname-first] [--dry-run]",
		Short: "Import members from a CSV, or keep them in step with a master list",
		Long: "import brings in the members listed in a CSV file: a header row with at least name, agency and role " +
			"(job_title, email and phone are optional; the order does not matter), comma- or semicolon-separated, " +
			"UTF-8 with or without a BOM (in Excel: Save As › CSV UTF-8). agency is part of an agency's name or " +
			"short name; an empty role means member. Each line is matched to a member by email, else by name " +
			"(accents, case and punctuation aside): someone new is added, someone listed as they are is left alone, " +
			"and someone whose details differ is refused unless --update brings them up to date (a column the file " +
			"does not have is left as it is). --retire-missing retires members the list does not name. A name " +
			"written \"Surname, Forename\" is refused with the name turned round offered, unless --surname-first " +
			"reads every such name so. Every bad line is reported with its number and reason, and nothing is " +
			"imported unless every line is good. --dry-run prints what would be added, updated and retired, and " +
			"saves nothing. The list is checked without holding the database, so others carry on meanwhile; if " +
			"someone changes a member it touches before it is saved, the import is refused naming them. " +
			"- reads the CSV from standard input (over SSH: `ssh … member import - < members.csv`).",
		Example: "  tasking --as 'Helen Marsh' member import members.csv --dry-run\n" +
			"  tasking --as 'Helen Marsh' member import members.csv\n" +
			"  tasking --as 'Helen Marsh' member import outlook.csv --surname-first --update --retire-missing --dry-run",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			return a.importMembers(cmd, args[0], f)
		}),
	}
	cmd.Flags().BoolVar(&f.dryRun, "dry-run", false, "say what would be added, updated and retired, saving nothing")
	cmd.Flags().BoolVar(&f.update, "update", false, "bring the details of members on the list up to date (matched by email, else by name)")
	cmd.Flags().BoolVar(&f.retireMissing, "retire-missing", false, "retire members the list does not name")
	cmd.Flags().BoolVar(&f.surnameFirst, "surname-first", false, `read names written "Surname, Forename" so, and turn them round`)
	return cmd
}

// importBase is what a list is checked against, as read a moment ago.
type importBase struct {
	actor    model.Actor
	agencies []model.Agency
	members  []model.Member
	chairID  model.ID
}

// readForImport reads what a list is checked against and who is importing,
// then lets the database go: checking a long list holds no lock on it, so
// everyone else carries on meanwhile (the write re-checks what it touches).
// An import that saves is a command that writes, and like every writer it
// upgrades a file an older release wrote (briefly opening it to write);
// a dry run only reads, and says to upgrade, as readers do.
func (a *app) readForImport(cmd *cobra.Command, dryRun bool) (importBase, error) {
	var b importBase
	s, err := a.openToImport(cmd, true)
	if tooOld := (*bolt.TooOldError)(nil); errors.As(err, &tooOld) && !dryRun {
		if s, err = a.openToImport(cmd, false); err == nil {
			if err = s.Close(); err == nil {
				s, err = a.openToImport(cmd, true)
			}
		}
	}
	if err != nil {
		return b, err
	}
	defer s.Close()
	if b.actor, err = a.writer(cmd, s); err != nil {
		return b, err
	}
	// Said before the file is read: no point listing its problems to
	// someone who may not import it.
	if err := model.Allow(b.actor, model.OpMemberImport, 0); err != nil {
		return b, err
	}
	if b.agencies, err = s.Agencies(); err != nil {
		return b, err
	}
	if b.members, err = s.Members(); err != nil {
		return b, err
	}
	p, err := s.Partnership()
	b.chairID = p.ChairID
	return b, err
}

// openToImport opens the record for reading a list against. Only the chair
// or an admin may import, and they read all of it (store.ReadAs gives them
// the record itself), so a local file is opened as it is, without first
// reading every member to work out who reads: a list is checked against a
// partnership of any size.
func (a *app) openToImport(cmd *cobra.Command, readOnly bool) (store.Record, error) {
	if a.remote != nil || a.joined != nil {
		return a.openExisting(cmd, readOnly)
	}
	return a.openFile(cmd, readOnly)
}

func (a *app) importMembers(cmd *cobra.Command, path string, f importFlags) error {
	data, err := a.readInput(cmd, "FILE", path)
	if err != nil {
		return err // it names the file
	}
	base, err := a.readForImport(cmd, f.dryRun)
	if err != nil {
		return err
	}
	plan, err := importer.Plan(bytes.NewReader(data), base.agencies, base.members, importer.Options{
		SurnameFirst: f.surnameFirst,
		Sync:         model.SyncOptions{Update: f.update, RetireMissing: f.retireMissing, ChairID: base.chairID, By: base.actor},
	})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	defer w.Flush()
	agencies := model.IndexAgencies(base.agencies)
	if f.dryRun {
		writeDifference(w, plan, agencies)
	}
	if len(plan.Refused) > 0 {
		if err := w.Flush(); err != nil {
			return err
		}
		return importProblems(path, plan.Refused)
	}
	if f.dryRun {
		_, err = fmt.Fprintf(w, "%s: %s (dry run: nothing saved)\n", path, importCounts(len(plan.Add), len(plan.Update), len(plan.Retire), plan.Unchanged, true))
		return err
	}
	if len(plan.Add)+len(plan.Update)+len(plan.Retire) == 0 {
		_, err = fmt.Fprintf(w, "%s: nothing to change (%d unchanged)\n", path, plan.Unchanged)
		return err
	}
	s, actor, err := a.openWriter(cmd)
	if err != nil {
		return err
	}
	defer s.Close()
	// The changes are saved in one transaction: ctrl+c before it starts
	// saves none, and once it has started it is let finish whole.
	changes := int64(len(plan.Add) + len(plan.Update) + len(plan.Retire))
	watch, finish := a.longWork(cmd, "member import")
	done, err := model.SyncApplied{}, watch.Step(store.Step{What: "saving the changes to the members", Total: changes, Unit: "changes"})
	if err == nil {
		done, err = s.ApplyMemberSync(actor, plan)
		watch.Report(store.Step{What: "saved", Done: changes, Total: changes, Unit: "changes"})
	}
	if err = finish(err); err != nil {
		return err
	}
	writeDifference(w, plan, agencies)
	if done.ChairID != base.chairID {
		for _, m := range append(done.Added, updatedMembers(done)...) {
			if m.ID == done.ChairID {
				fmt.Fprintf(w, "%s is now the partnership's chair\n", m.Name)
			}
		}
	}
	_, err = fmt.Fprintf(w, "%s: %s\n", path, importCounts(len(done.Added), len(done.Updated), len(done.Retired), plan.Unchanged, false))
	return err
}

func updatedMembers(done model.SyncApplied) []model.Member {
	out := make([]model.Member, len(done.Updated))
	for i, e := range done.Updated {
		out[i] = e.After
	}
	return out
}

// importProblems is the error for a file with bad lines: every problem on
// its own line (up to a limit), the first line saying nothing was imported.
func importProblems(path string, problems []model.LineProblem) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: nothing imported: %s", path, model.Plural(len(problems), "problem"))
	for i, p := range problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&b, "\n  … and %d more", len(problems)-i)
			break
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, "\n  line %d: %s", p.Line, model.CleanLine(p.Reason))
		} else {
			fmt.Fprintf(&b, "\n  %s", model.CleanLine(p.Reason))
		}
	}
	return &multiLineError{b.String()}
}

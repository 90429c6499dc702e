package main

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// agency add | rename | retire | list: the partner organisations.

func newAgencyCmd(a *app) *cobra.Command {
	return newGroup("agency", "Agencies: the partner organisations that own actions (add, rename, retire, list)",
		newAgencyAddCmd(a), newAgencyRenameCmd(a), newAgencyRetireCmd(a), newAgencyListCmd(a))
}

func newAgencyAddCmd(a *app) *cobra.Command {
	var short string
	cmd := &cobra.Command{
		Use:     "add NAME [--short SHORT]",
		Short:   "Add a partner agency",
		Long:    "add adds an agency to the partnership. --short is the label narrow tables use (Police, Housing).",
		Example: "  tasking --as 'Helen Marsh' agency add 'Chesterfield Royal Hospital' --short Hospital",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			ag, err := s.AddAgency(actor, strings.Join(args, " "), short)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s added (%s)\n", ag.Name, ag.Label())
			return err
		}),
	}
	cmd.Flags().StringVar(&short, "short", "", "a short name for narrow tables")
	return cmd
}

func newAgencyRenameCmd(a *app) *cobra.Command {
	var to, short string
	cmd := &cobra.Command{
		Use:   "rename NAME --to NEW [--short SHORT]",
		Short: "Rename an agency",
		Long: "rename changes an agency's name (and with --short its short name). The minutes of closed meetings keep " +
			"the name it had then.",
		Example: "  tasking --as 'Helen Marsh' agency rename police --to 'Derbyshire Police' --short Police",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("to") && !cmd.Flags().Changed("short") {
				return usagef("rename needs --to NEW (and/or --short SHORT)")
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			ag, err := findAgency(s, strings.Join(args, " "))
			if err != nil {
				return err
			}
			name, shortName := ag.Name, ag.ShortName
			if cmd.Flags().Changed("to") {
				name = to
			}
			if cmd.Flags().Changed("short") {
				shortName = short
			}
			renamed, err := s.RenameAgency(actor, ag.ID, ag.Version, name, shortName)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s is now %s (%s)\n", ag.Name, renamed.Name, renamed.Label())
			return err
		}),
	}
	cmd.Flags().StringVar(&to, "to", "", "the new name")
	cmd.Flags().StringVar(&short, "short", "", "the new short name")
	return cmd
}

func newAgencyRetireCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "retire NAME",
		Short: "Retire an agency that has left the partnership",
		Long: "retire takes an agency out of the partnership: no new actions or members. It must have no open " +
			"actions and no members still on the group. Its name stays on everything it did.",
		Example: "  tasking --as 'Helen Marsh' agency retire 'Northside Mediation'",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			ag, err := findAgency(s, strings.Join(args, " "))
			if err != nil {
				return err
			}
			if _, err := s.RetireAgency(actor, ag.ID); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s retired from the partnership\n", ag.Name)
			return err
		}),
	}
}

func newAgencyListCmd(a *app) *cobra.Command {
	var formatFlag string
	var all bool
	cmd := &cobra.Command{
		Use:     "list [--all] [--format table|csv|json]",
		Short:   "List the partnership's agencies",
		Long:    "list shows every agency in the partnership (--all: retired ones too).\n\nCSV and JSON fields: name, short_name, retired.",
		Example: "  tasking agency list --format csv",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			if !all {
				agencies = model.ActiveAgencies(agencies)
			}
			out := list[agencyRow]{rows: make([]agencyRow, 0, len(agencies)), empty: "No agencies."}
			for _, ag := range agencies {
				out.rows = append(out.rows, agencyRowOf(ag))
			}
			out.table = func() peopleTable {
				cells := make([][]string, len(out.rows))
				for i, r := range out.rows {
					short := r.ShortName
					if r.Retired != "" {
						short += " (retired)"
					}
					cells[i] = []string{cell(r.Name), cell(short)}
				}
				return peopleTable{headers: []string{"AGENCY", "SHORT NAME"}, rows: cells, flex: 0}
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, "include retired agencies")
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

// findAgency resolves a typed agency name among those still in the
// partnership.
func findAgency(s store.Record, name string) (model.Agency, error) {
	agencies, err := s.Agencies()
	if err != nil {
		return model.Agency{}, err
	}
	return model.FindAgency(model.ActiveAgencies(agencies), name)
}

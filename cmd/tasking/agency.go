package main

import (
	"github.com/spf13/cobra"
)

func newAgencyCmd(a *app) *cobra.Command {
	return newGroup("agency", "Agencies: the partner organisations that own actions", newAgencyListCmd(a))
}

func newAgencyListCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the partnership's agencies",
		Long:    "list shows every agency in the partnership.\n\nCSV and JSON fields: name, short_name.",
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
			out := list[agencyRow]{rows: make([]agencyRow, 0, len(agencies)), empty: "No agencies."}
			for _, ag := range agencies {
				out.rows = append(out.rows, agencyRowOf(ag))
			}
			out.table = func() peopleTable {
				cells := make([][]string, len(out.rows))
				for i, r := range out.rows {
					cells[i] = []string{cell(r.Name, 0), cell(r.ShortName, 0)}
				}
				return peopleTable{headers: []string{"AGENCY", "SHORT NAME"}, rows: cells, flex: 0}
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

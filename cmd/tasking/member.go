package main

import (
	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

func newMemberCmd(a *app) *cobra.Command {
	return newGroup("member", "Members: the people who sit on the group", newMemberListCmd(a))
}

func newMemberListCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the partnership's members",
		Long:    "list shows every member, the agency they sit for and their role.\n\nCSV and JSON fields: name, agency, role.",
		Example: "  tasking member list\n  tasking member list --format json",
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
			members, err := s.Members()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			out := list[memberRow]{rows: make([]memberRow, 0, len(members)), empty: "No members."}
			for _, m := range members {
				out.rows = append(out.rows, memberRowOf(m, idx))
			}
			out.table = func() peopleTable {
				cells := make([][]string, len(members))
				for i, m := range members {
					cells[i] = []string{cell(m.Name, maxName), cell(idx.Label(m.AgencyID), maxName), string(m.Role), cell(m.Title, maxTitle)}
				}
				return peopleTable{headers: []string{"NAME", "AGENCY", "ROLE", "TITLE"}, rows: cells, flex: 3}
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

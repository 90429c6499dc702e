package main

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// member add | edit | retire | list | import | key: the people who sit on
// the group, managed by the chair or an admin (keys: member_key.go).

func newMemberCmd(a *app) *cobra.Command {
	return newGroup("member", "Members: the people who sit on the group (add, edit, retire, list, import, key)",
		newMemberAddCmd(a), newMemberEditCmd(a), newMemberRetireCmd(a), newMemberListCmd(a), newMemberImportCmd(a),
		newMemberKeyCmd(a))
}

// memberFlags are a member's details as flags, shared by add and edit.
type memberFlags struct {
	name, agency, role, title, email, phone, restricted string
}

func (f *memberFlags) add(cmd *cobra.Command, withName bool) {
	if withName {
		cmd.Flags().StringVar(&f.name, "name", "", "a new name")
	}
	cmd.Flags().StringVar(&f.agency, "agency", "", "the agency they sit for (part of its name or short name)")
	cmd.Flags().StringVar(&f.role, "role", "", "chair, admin, member, viewer or circulation (receives minutes, does not attend)")
	cmd.Flags().StringVar(&f.title, "title", "", "job title")
	cmd.Flags().StringVar(&f.email, "email", "", "email address")
	cmd.Flags().StringVar(&f.phone, "phone", "", "phone number")
	cmd.Flags().StringVar(&f.restricted, "restricted", "", "yes: reads the restricted record (private business); no: the public record only; default: as the role gives")
	_ = cmd.RegisterFlagCompletionFunc("restricted", cobra.FixedCompletions([]string{"yes", "no", "default"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("role", cobra.FixedCompletions([]string{"chair", "admin", "member", "viewer", "circulation"}, cobra.ShellCompDirectiveNoFileComp))
}

// apply fills n from the flags that were given.
func (f *memberFlags) apply(cmd *cobra.Command, s store.Record, n *model.NewMember) error {
	changed := cmd.Flags().Changed
	if changed("name") {
		n.Name = f.name
	}
	if changed("agency") {
		agencies, err := s.Agencies()
		if err != nil {
			return err
		}
		ag, err := model.FindAgency(model.ActiveAgencies(agencies), f.agency)
		if err != nil {
			return flagErr("agency", err)
		}
		n.AgencyID = ag.ID
	}
	if changed("role") {
		r, err := model.ParseRole(f.role)
		if err != nil {
			return flagUsage("role", err)
		}
		n.Role = r
	}
	if changed("title") {
		n.Title = f.title
	}
	if changed("email") {
		n.Email = f.email
	}
	if changed("phone") {
		n.Phone = f.phone
	}
	if changed("restricted") {
		g, err := model.ParseGrant(f.restricted)
		if err != nil {
			return flagUsage("restricted", err)
		}
		n.Restricted = g
	}
	return nil
}

func newMemberAddCmd(a *app) *cobra.Command {
	var f memberFlags
	cmd := &cobra.Command{
		Use:   "add NAME --agency NAME [--role R] [--title T] [--email E] [--phone P]",
		Short: "Add a member to the group",
		Long: "add adds a member (the chair or an admin may). Names are unique, so a typed name finds one person. " +
			"--role is member unless given: chair, admin, member, viewer (reads only) or circulation (receives the " +
			"minutes, is not on the attendance list).",
		Example: "  tasking --as 'Helen Marsh' member add 'PC Lee Barker' --agency police --title 'Beat Manager'\n" +
			"  tasking --as 'Helen Marsh' member add 'Cllr Ann Lee' --agency 'community safety' --role circulation",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("agency") {
				return usagef("add needs --agency: the agency the member sits for")
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			n := model.NewMember{Name: strings.Join(args, " ")}
			if err := f.apply(cmd, s, &n); err != nil {
				return err
			}
			m, err := s.AddMember(actor, n)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s added (%s, %s)\n", m.Name, agencyLabel(s, m.AgencyID), m.Role)
			return err
		}),
	}
	f.add(cmd, false)
	return cmd
}

func newMemberEditCmd(a *app) *cobra.Command {
	var f memberFlags
	cmd := &cobra.Command{
		Use:   "edit NAME [--name NEW] [--agency A] [--role R] [--title T] [--email E] [--phone P] [--restricted yes|no|default]",
		Short: "Change a member's details",
		Long: "edit changes what is given and leaves the rest. A new name is used from now on; the minutes of closed " +
			"meetings keep the name they were made under.\n\n" +
			"What they may read: the chair, admins and members read the restricted record (private business " +
			"included); viewers and circulation-only members read the public record only, as it would be published. " +
			"--restricted yes grants someone the restricted record, no keeps them to the public one, default goes " +
			"back to what their role gives. The chair and admins always read the restricted record.",
		Example: "  tasking --as 'Helen Marsh' member edit 'Sgt Jas Patel' --title 'Neighbourhood Inspector' --name 'Insp Jas Patel'\n" +
			"  tasking --as 'Helen Marsh' member edit 'Cllr Pat Dyson' --restricted yes",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := findMember(s, strings.Join(args, " "), false)
			if err != nil {
				return err
			}
			n := model.FromMember(m)
			if err := f.apply(cmd, s, &n); err != nil {
				return err
			}
			if n == model.FromMember(m) {
				return usagef("nothing to change: give --name, --agency, --role, --title, --email, --phone or --restricted")
			}
			m2, err := s.EditMember(actor, m.ID, m.Version, n)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s updated (%s, %s; reads %s)\n", m2.Name, agencyLabel(s, m2.AgencyID), m2.Role, m2.ReadRight())
			return err
		}),
	}
	f.add(cmd, true)
	return cmd
}

func newMemberRetireCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "retire NAME",
		Short: "Retire a member who has left the group",
		Long: "retire takes a member off the group: off attendance lists and choosers, unable to act. Members are " +
			"never deleted: their name stays on everything they did.",
		Example: "  tasking --as 'Helen Marsh' member retire 'PC Lee Barker'",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := findMember(s, strings.Join(args, " "), false)
			if err != nil {
				return err
			}
			m, err = s.RetireMember(actor, m.ID)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s retired from the group on %s\n", m.Name, m.RetiredOn)
			return err
		}),
	}
}

func newMemberListCmd(a *app) *cobra.Command {
	var formatFlag string
	var all bool
	cmd := &cobra.Command{
		Use:   "list [--all] [--format table|csv|json]",
		Short: "List the partnership's members",
		Long: "list shows every member still on the group (--all: retired ones too), the agency they sit for and " +
			"their role.\n\nCSV and JSON fields: " + strings.Join(fieldNames[memberRow](), ", ") + " (reads: restricted or public, what they may read).",
		Example: "  tasking member list\n  tasking member list --all --format csv > members.csv",
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
			if !all {
				members = model.ActiveMembers(members)
			}
			idx := model.IndexAgencies(agencies)
			out := list[memberRow]{rows: make([]memberRow, 0, len(members)), empty: "No members."}
			for _, m := range members {
				out.rows = append(out.rows, memberRowOf(m, idx))
			}
			out.table = func() peopleTable {
				cells := make([][]string, len(members))
				for i, m := range members {
					role := string(m.Role)
					if m.Retired {
						role = "retired " + m.RetiredOn.String()
					}
					cells[i] = []string{cell(m.Name), cell(idx.Label(m.AgencyID)), role, out.rows[i].Reads, cell(m.Title)}
				}
				return peopleTable{headers: []string{"NAME", "AGENCY", "ROLE", "READS", "TITLE"}, rows: cells, flex: 4,
					widths: []int{0: maxName, 1: maxName, 4: maxTitle}}
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, "include retired members")
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

// findMember finds a member by a typed name; retired ones only when
// retiredToo (editing a retired member's details is allowed, acting as one
// is not).
func findMember(s store.Record, name string, retiredToo bool) (model.Member, error) {
	members, err := s.Members()
	if err != nil {
		return model.Member{}, err
	}
	if retiredToo {
		return model.FindMember(members, name)
	}
	return model.FindActiveMember(members, name)
}

// agencyLabel is an agency's short label for messages.
func agencyLabel(s store.Record, id model.ID) string {
	agencies, err := s.Agencies()
	if err != nil {
		return "?"
	}
	return model.IndexAgencies(agencies).Label(id)
}

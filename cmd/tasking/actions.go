package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

func newActionsCmd(a *app) *cobra.Command {
	var formatFlag, agency, status, hotspot string
	var overdue, mine, every bool
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "List actions, overdue first",
		Long: "actions lists the actions still to do (not done or cancelled), overdue first, then by due date. " +
			"--status shows one status instead, done and cancelled included; --all shows every action, whatever " +
			"its status. --agency takes part of a name " +
			"or short name (police, hous, dfrs).\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[actionRow](), ", ") + " (private is yes for private business, " +
			"which only those who read the restricted record see).",
		Example: "  tasking actions --agency police --overdue\n" +
			"  tasking --as 'Sgt Jas Patel' actions --mine --overdue --format csv\n" +
			"  tasking actions --hotspot HS-3 --format json\n" +
			"  tasking actions --status done --format csv > done.csv",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			filter := model.ActionFilter{OpenOnly: !every, Overdue: overdue}
			if every && (cmd.Flags().Changed("status") || overdue) {
				return usagef("--all lists every action: give it without --status or --overdue")
			}
			if cmd.Flags().Changed("status") {
				if filter.Status, err = model.ParseActionStatus(status); err != nil {
					return flagUsage("status", err)
				}
				filter.OpenOnly = false
			}
			if cmd.Flags().Changed("hotspot") {
				if filter.HotspotID, err = model.ParseRef(model.HotspotPrefix, hotspot); err != nil {
					return flagUsage("hotspot", err)
				}
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
			switch {
			case mine && cmd.Flags().Changed("agency"):
				return &usageError{errors.New("--mine and --agency both choose the agency: give one")}
			case mine:
				actor, known, err := a.actor(s, cmd.Flags().Changed("as"))
				if err != nil {
					return err
				}
				if !known || actor.AgencyID == 0 {
					return errors.New("--mine needs to know who you are: add --as NAME (or choose yourself once in the app)")
				}
				filter.AgencyID = actor.AgencyID
			case cmd.Flags().Changed("agency"):
				ag, err := model.FindAgency(agencies, agency)
				if err != nil {
					return err
				}
				filter.AgencyID = ag.ID
			}
			if filter.HotspotID != 0 {
				if _, err := s.Hotspot(filter.HotspotID); err != nil {
					return err
				}
			}
			filter.Today = s.Today()
			idx := model.IndexAgencies(agencies)
			if f != formatTable && filter.AgencyID == 0 && filter.HotspotID == 0 {
				// Every agency's: a decade's actions, a row at a time,
				// with every hotspot read once for their privacy.
				hotspots, err := s.Hotspots()
				if err != nil {
					return err
				}
				shown := shownPrivacy(hotspots)
				return a.spooled(cmd.OutOrStdout(), func(w io.Writer) error {
					rows := newRowWriter[actionRow](w, f)
					err := s.EachAction(filter, false, func(act model.Action, _ []model.ActionUpdate) error {
						return rows.write(actionRowOf(act, shown(act), idx, filter.Today))
					})
					if err != nil {
						return err
					}
					return rows.close()
				})
			}
			// One agency's or one hotspot's: the actions read through the
			// indexes, and only their hotspots (not a decade's 2,000).
			actions, err := s.Actions(filter)
			if err != nil {
				return err
			}
			shown, err := shownPrivacyOf(s, actions)
			if err != nil {
				return err
			}
			out := list[actionRow]{
				rows:  make([]actionRow, 0, len(actions)),
				empty: "No actions match.",
				table: func() peopleTable { return actionTable(actions, shown, idx, filter.Today) },
			}
			for _, act := range actions {
				out.rows = append(out.rows, actionRowOf(act, shown(act), idx, filter.Today))
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().StringVar(&agency, "agency", "", "only this agency's actions (part of its name or short name)")
	cmd.Flags().BoolVar(&mine, "mine", false, "only my agency's actions (who I am: --as, or remembered)")
	cmd.Flags().StringVar(&status, "status", "", "only actions with this status: open, in-progress, done, blocked or cancelled")
	cmd.Flags().BoolVar(&overdue, "overdue", false, "only actions past their due date")
	cmd.Flags().BoolVar(&every, "all", false, "every action, done and cancelled included")
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "only actions for this hotspot (a ref like HS-3)")
	_ = cmd.RegisterFlagCompletionFunc("status", actionStatusCompletions())
	return cmd
}

// actionStatusCompletions offers the action statuses, as --status takes
// them (in-progress).
func actionStatusCompletions() cobra.CompletionFunc {
	statuses := make([]string, len(model.ActionStatuses))
	for i, st := range model.ActionStatuses {
		statuses[i] = string(st)
	}
	return cobra.FixedCompletions(statuses, cobra.ShellCompDirectiveNoFileComp)
}

// actionTable is the list for people: short agency names, short dates,
// the text cut to fit.
func actionTable(actions []model.Action, shown func(model.Action) model.Privacy, agencies model.AgencyIndex, today model.Date) peopleTable {
	headers := []string{"REF", "RAG", "DUE", "STATUS", "AGENCY", "HOTSPOT", "ACTION", "OFFICER"}
	rows := make([][]string, 0, len(actions))
	for _, a := range actions {
		due := a.Due.Format("02 Jan 2006")
		if a.IsOverdue(today) {
			due += fmt.Sprintf(" (%dd late)", a.Due.DaysUntil(today))
		}
		rows = append(rows, []string{
			a.Ref(), string(a.RAGFor(today)), due, a.Status.Label(), cell(agencies.Label(a.AgencyID)),
			model.HotspotRef(a.HotspotID), cell(strings.TrimSpace(shown(a).Label() + " " + a.Text)), cell(a.Officer),
		})
	}
	return peopleTable{headers: headers, rows: rows, flex: 6, widths: []int{4: maxName, 6: maxText, 7: maxName}}
}

// shownPrivacyOf is shownPrivacy knowing only the hotspots of actions:
// what a short list reads rather than every hotspot.
func shownPrivacyOf(s store.Record, actions []model.Action) (func(model.Action) model.Privacy, error) {
	ids := make([]model.ID, 0, len(actions))
	for _, act := range actions {
		ids = append(ids, act.HotspotID)
	}
	hotspots, err := s.HotspotsOf(ids)
	if err != nil {
		return nil, err
	}
	return model.PublicRules(model.Meeting{}, hotspots).ActionPrivacy, nil
}

package main

import (
	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// export actions | hotspots: the whole action log or hotspot list for a
// spreadsheet or another system, in the documented machine fields.
// --public asks model.Disclosure, thing by thing, what may leave the
// partnership: nothing about business taken in private (Part 2 hotspots,
// personal ASB, confidential general actions), no officers' names, no words
// of progress updates.

var exportFormats = []format{formatCSV, formatJSON}

func newExportCmd(a *app) *cobra.Command {
	return newGroup("export", "Export the action log or the hotspots as CSV or JSON", newExportActionsCmd(a), newExportHotspotsCmd(a))
}

func newExportActionsCmd(a *app) *cobra.Command {
	var formatFlag string
	var public bool
	cmd := &cobra.Command{
		Use:   "actions --format csv|json [--public]",
		Short: "Every action, every status: the action log",
		Long: "actions exports every action, overdue first then by due date.\n\n" +
			"Fields: ref, hotspot, text, agency, officer, due, status, rag, created_meeting, updated_at, last_update. " +
			"--public leaves out actions on hotspots taken in private (Part 2, and all personal ASB), general actions " +
			"marked confidential or assigned in private, officers' names and the words of updates.",
		Example: "  tasking export actions --format csv > action-log.csv",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, exportFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			today := s.Today()
			actions, err := s.Actions(model.ActionFilter{Today: today})
			if err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			hotspots, err := s.Hotspots()
			if err != nil {
				return err
			}
			rules := model.PublicRules(model.Meeting{}, hotspotIndex(hotspots))
			idx := model.IndexAgencies(agencies)
			out := list[actionRow]{rows: []actionRow{}}
			for _, act := range actions {
				if public && !rules.Action(act) {
					continue
				}
				row := actionRowOf(act, idx, today)
				if public && !rules.Officer() {
					row.Officer = ""
				}
				if public && !rules.UpdateWords() {
					row.LastUpdate = ""
				}
				out.rows = append(out.rows, row)
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, exportFormats...)
	cmd.Flags().BoolVar(&public, "public", false, "for publication: nothing taken in private, no officers, no update words")
	return cmd
}

func newExportHotspotsCmd(a *app) *cobra.Command {
	var formatFlag string
	var public bool
	cmd := &cobra.Command{
		Use:   "hotspots --format csv|json [--public]",
		Short: "Every hotspot, open and closed",
		Long: "hotspots exports every hotspot.\n\nFields: ref, title, location, ward, category, risk, status, lead_agency, opened, last_reviewed. " +
			"--public leaves out hotspots taken in private (Part 2, and all personal ASB).",
		Example: "  tasking export hotspots --format json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, exportFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			hotspots, err := s.Hotspots()
			if err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			rules := model.PublicRules(model.Meeting{}, hotspotIndex(hotspots))
			out := list[hotspotRow]{rows: []hotspotRow{}}
			for _, h := range hotspots {
				if public && !rules.Hotspot(h) {
					continue
				}
				out.rows = append(out.rows, hotspotRowOf(h, idx))
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, exportFormats...)
	cmd.Flags().BoolVar(&public, "public", false, "for publication: no hotspots taken in private")
	return cmd
}

// hotspotIndex is the hotspots by ID, for the disclosure rule.
func hotspotIndex(hs []model.Hotspot) map[model.ID]model.Hotspot {
	out := make(map[model.ID]model.Hotspot, len(hs))
	for _, h := range hs {
		out[h.ID] = h
	}
	return out
}

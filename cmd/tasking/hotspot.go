package main

import (
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/tui"
	"github.com/spf13/cobra"
)

func newHotspotCmd(a *app) *cobra.Command {
	return newGroup("hotspot", "Hotspots: places and problems the group is working on (add, list, show, update, assess, close, link, counts, suggest, accept, dismiss)",
		newHotspotAddCmd(a), newHotspotListCmd(a), newHotspotShowCmd(a), newHotspotUpdateCmd(a), newHotspotAssessCmd(a), newHotspotCloseCmd(a),
		newHotspotLinkCmd(a), newHotspotCountsCmd(a), newHotspotSuggestCmd(a), newHotspotAcceptCmd(a), newHotspotDismissCmd(a))
}

func newHotspotListCmd(a *app) *cobra.Command {
	var formatFlag string
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List hotspots, highest risk first",
		Long: "list shows the open hotspots ranked as on the home screen: high risk first, then the longest " +
			"since last reviewed. --all adds closed ones.\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[hotspotRow](), ", ") + " (private is yes for a hotspot taken in " +
			"private; version says whether the list is the restricted or the public one).",
		Example: "  tasking hotspot list\n  tasking hotspot list --all --format csv > hotspots.csv",
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
			hotspots, err := s.Hotspots()
			if err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			shown := hotspots[:0:0]
			var ids []model.ID
			for _, h := range hotspots {
				if all || h.IsOpen() {
					shown = append(shown, h)
					ids = append(ids, h.ID)
				}
			}
			trends, err := s.HotspotTrends(ids)
			if err != nil {
				return err
			}
			out := list[hotspotRow]{
				rows:  make([]hotspotRow, 0, len(shown)),
				empty: "No hotspots.",
				table: func() peopleTable { return hotspotTable(shown, idx, trends) },
			}
			for _, h := range shown {
				row := hotspotRowOf(h, idx)
				row.Version = exportVersion(store.PublicOnly(s))
				withTrend(&row, h, trends[h.ID])
				out.rows = append(out.rows, row)
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().BoolVar(&all, "all", false, "include closed hotspots")
	return cmd
}

// hotspotTable is the list for people: short agency names, short dates,
// the last 12 months as a sparkline with the trend.
func hotspotTable(hs []model.Hotspot, agencies model.AgencyIndex, trends map[model.ID]model.Series) peopleTable {
	headers := []string{"REF", "RISK", "STATUS", "TITLE", "WARD", "LEAD", "REVIEWED", "12 MONTHS", "TREND"}
	rows := make([][]string, 0, len(hs))
	for _, h := range hs {
		reviewed := h.LastReviewed.Format("02 Jan 2006")
		if reviewed == "" {
			reviewed = "never"
		}
		lead := ""
		if h.LeadAgencyID != 0 {
			lead = agencies.Label(h.LeadAgencyID)
		}
		title := h.Title
		if h.Private() {
			title = model.PrivateUnder(h.ExemptAs()).Mark() + " " + title
		}
		tr := trends[h.ID]
		rows = append(rows, []string{
			h.Ref(), h.Risk.Short(), string(h.Status), cell(title), cell(h.Ward),
			cell(lead), reviewed, tui.Sparkline(tr), tr.Trend().String(),
		})
	}
	return peopleTable{headers: headers, rows: rows, flex: 3, widths: []int{3: maxTitle, 4: maxName, 5: maxName}}
}

package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// hotspot suggest | accept | dismiss: the emerging hotspots the imported
// police.uk data offers (model.EmergingPlaces, model.Offer).

// suggestionRow: number, place, lsoa_code, lsoa_name, location, category,
// month, count, base_mean, rise, top_decile, threshold, class, evidence.
type suggestionRow struct {
	Number     int    `json:"number"`     // 1, 2, …: what accept and dismiss take
	Place      string `json:"place"`      // the place's key: LSOA code, or LSOA code|street (accept and dismiss take it too)
	LSOACode   string `json:"lsoa_code"`  // E01019839
	LSOAName   string `json:"lsoa_name"`  // Chesterfield 004C
	Location   string `json:"location"`   // the street, "" for a whole LSOA
	Category   string `json:"category"`   // police.uk's crime type
	Month      string `json:"month"`      // 2024-11: the latest month imported
	Count      int    `json:"count"`      // incidents that month
	BaseMean   string `json:"base_mean"`  // the mean of the three months before, "" when any is unknown
	Rise       string `json:"rise"`       // +133%, new, or "" when unknown
	TopDecile  string `json:"top_decile"` // yes: in the top tenth of places of its kind that month
	Threshold  int    `json:"threshold"`  // the count the top tenth starts at
	TrendClass string `json:"class"`      // emerging, persistent, cooling, or "" (model.Series.Class over its year)
	Evidence   string `json:"evidence"`   // in words: what accepting it records on the hotspot
}

func suggestionRowOf(i int, s model.Suggestion) suggestionRow {
	r := suggestionRow{Number: i + 1, Place: s.Place.Key(), LSOACode: s.LSOA, LSOAName: model.CleanLine(s.LSOAName),
		Category: s.Category, Month: s.Month.String(), Count: s.Count, Rise: s.Rise.String(),
		TopDecile: yes(s.TopDecile), Threshold: s.Threshold, TrendClass: string(s.Series.Class()),
		Evidence: model.CleanLine(s.Evidence())}
	if s.Street {
		r.Location = model.CleanLine(s.Location)
	}
	if s.BaseMean != model.NoCount {
		r.BaseMean = strconv.FormatFloat(s.BaseMean, 'f', 1, 64)
	}
	return r
}

func newHotspotSuggestCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:   "suggest [--format table|csv|json]",
		Short: "Emerging hotspots the police.uk data offers, with their evidence",
		Long: "suggest lists the places (LSOAs and streets) whose latest month imported puts them in the top tenth of " +
			"their kind by count, or more than 50% up on the mean of the three months before, with at least 5 " +
			"incidents — and that no open hotspot covers and nobody dismissed in the last three months. Each has its " +
			"evidence; `hotspot accept N` opens a hotspot from one (linked to the place, with the evidence), `hotspot " +
			"dismiss N` stops offering it for three months. The home screen and the meeting's New referrals offer " +
			"the same.\n\nCSV and JSON fields: " + strings.Join(fieldNames[suggestionRow](), ", ") + ".",
		Example: "  tasking hotspot suggest\n  tasking hotspot suggest --format csv",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			fm, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			ss, err := s.Suggestions()
			if err != nil {
				return err
			}
			out := list[suggestionRow]{rows: make([]suggestionRow, 0, len(ss)),
				empty: "No emerging hotspot is on offer (import police.uk data with `tasking import police-uk`).",
				table: func() peopleTable { return suggestionTable(ss) }}
			for i, sg := range ss {
				out.rows = append(out.rows, suggestionRowOf(i, sg))
			}
			return out.write(cmd.OutOrStdout(), fm)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

// suggestionTable is the list for people: the place, its count and why.
func suggestionTable(ss []model.Suggestion) peopleTable {
	headers := []string{"#", "PLACE", "TYPE", "MONTH", "COUNT", "WHY", "PLACE KEY"}
	rows := make([][]string, 0, len(ss))
	for i, s := range ss {
		rows = append(rows, []string{strconv.Itoa(i + 1), cell(s.Place.Label()), s.Category, s.Month.Short(), strconv.Itoa(s.Count),
			s.Why(), cell(s.Place.Key())})
	}
	return peopleTable{headers: headers, rows: rows, flex: 1, widths: []int{1: maxTitle}}
}

func newHotspotAcceptCmd(a *app) *cobra.Command {
	var title, ward, category, risk, lead, location string
	cmd := &cobra.Command{
		Use:   "accept N|PLACE --ward W --category C --risk R --lead AGENCY [--title T] [--location L]",
		Short: "Open a hotspot from an emerging one on offer (linked to its place, with its evidence)",
		Long: "accept opens a hotspot from one of `hotspot suggest`'s list, named by its number there or its place key: " +
			"linked to the place and its crime type (its trend counts them, and the place is offered no more), with " +
			"the evidence that made it emerge. --title and --location default to the place's. While a meeting is " +
			"open it is a new referral there. The chair or an admin accepts.",
		Example: "  tasking --as 'Helen Marsh' hotspot accept 1 --ward Spire --category nuisance --risk medium --lead 'community safety'",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			n := model.NewHotspot{Title: title, Ward: ward, Location: location}
			var err error
			if n.Category, err = model.ParseCategory(category); err != nil {
				return flagUsage("category", err)
			}
			if n.Risk, err = model.ParseRisk(risk); err != nil {
				return flagUsage("risk", err)
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				ag, err := findAgency(s, lead)
				if err != nil {
					return flagErr("lead", err)
				}
				n.LeadAgencyID = ag.ID
				h, err := s.AcceptSuggestion(actor, args[0], n, meetingID)
				if err != nil {
					return err
				}
				said := h.Ref() + " opened: " + model.CleanLine(h.Title) + ", linked to " + h.Areas[len(h.Areas)-1].Label()
				if meetingID != 0 {
					said += "; a new referral in " + model.MeetingRef(meetingID)
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&title, "title", "", "the hotspot's title (default: the place and the crime type)")
	cmd.Flags().StringVar(&ward, "ward", "", "the ward")
	cmd.Flags().StringVar(&category, "category", "", "personal, nuisance or environmental")
	cmd.Flags().StringVar(&risk, "risk", "", "low, medium or high")
	cmd.Flags().StringVar(&lead, "lead", "", "the lead agency (part of its name)")
	cmd.Flags().StringVar(&location, "location", "", "where, in words (default: the place)")
	for _, f := range []string{"ward", "category", "risk", "lead"} {
		_ = cmd.MarkFlagRequired(f)
	}
	return cmd
}

func newHotspotDismissCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "dismiss N|PLACE",
		Short: "Stop offering an emerging hotspot for three months",
		Long: "dismiss stops offering one of `hotspot suggest`'s list (by its number there or its place key) for " +
			"three months to the day; then, if the data still shows it, it is offered again. The chair or an admin dismisses.",
		Example: "  tasking --as 'Helen Marsh' hotspot dismiss 2\n  tasking --as 'Helen Marsh' hotspot dismiss 'E01019839|Market Place'",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := s.DismissSuggestion(actor, args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s, %s, dismissed: offered again from %s if the data still shows it\n",
				d.Place.Label(), strings.ToLower(d.Category), d.Until().Format("2 Jan 2006"))
			return err
		}),
	}
}

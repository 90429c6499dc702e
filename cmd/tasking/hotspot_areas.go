package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/tui"
	"github.com/spf13/cobra"
)

// hotspot link | counts: what feeds a hotspot's trend. A hotspot linked to
// places in the imported police.uk data shows the anti-social behaviour
// counted there; one without takes the counts the chair enters. Both are
// hotspot changes, minuted while a meeting is open.

func newHotspotLinkCmd(a *app) *cobra.Command {
	var lsoa, location string
	var unlink bool
	cmd := &cobra.Command{
		Use:   "link REF --lsoa CODE|NAME | --location STREET [--lsoa CODE] [--unlink]",
		Short: "Link a hotspot to an LSOA or a street in the imported police.uk data (its trend)",
		Long: "link links a hotspot to a place police.uk data was imported for: --lsoa, a whole LSOA by its code or " +
			"name (E01019432, 'Chesterfield 001A'), or --location, a street (as police.uk gives it, \"On or near\" " +
			"aside), with --lsoa to say which LSOA when the street is in more than one. Its trend is then the " +
			"anti-social behaviour counted at its places (a street in an LSOA it is linked to whole is counted once). " +
			"Only places imported are offered: `tasking incidents --by lsoa` or `--by location` lists them. --unlink " +
			"takes a link off. Only the chair or an admin may link; while a meeting is open it is minuted under the " +
			"hotspot.",
		Example: "  tasking --as 'Helen Marsh' hotspot link HS-1 --lsoa 'Chesterfield 010B'\n" +
			"  tasking --as 'Helen Marsh' hotspot link HS-1 --location 'Market Place'\n" +
			"  tasking --as 'Helen Marsh' hotspot link HS-1 --location 'Market Place' --unlink",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			lsoa, location = strings.TrimSpace(lsoa), strings.TrimSpace(location)
			if lsoa == "" && location == "" {
				return usagef("which place? give --lsoa CODE|NAME or --location STREET")
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				which := model.HotspotArea{Kind: model.AreaLSOA, Code: lsoa}
				if location != "" {
					which = model.HotspotArea{Kind: model.AreaLocation, Code: lsoa, Name: location}
				}
				var h model.Hotspot
				if unlink {
					h, err = s.UnlinkHotspotArea(actor, id, 0, which, meetingID)
				} else {
					var area model.HotspotArea
					if area, err = chooseArea(s, lsoa, location); err != nil {
						return err
					}
					h, err = s.LinkHotspotArea(actor, id, 0, area, meetingID)
				}
				if err != nil {
					return err
				}
				said := fmt.Sprintf("%s: linked to %s", h.Ref(), model.Plural(len(h.Areas), "place"))
				if len(h.Areas) > 0 {
					said += " (" + model.AreasLine(h.Areas, false) + ")"
				}
				if meetingID != 0 {
					said += "; minuted in " + model.MeetingRef(meetingID)
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&lsoa, "lsoa", "", "an LSOA's code or name (with --location: the LSOA the street is in)")
	cmd.Flags().StringVar(&location, "location", "", "a street, as police.uk names it")
	cmd.Flags().BoolVar(&unlink, "unlink", false, "take the link off")
	return cmd
}

// maxNamed is how many places a refusal names.
const maxNamed = 5

// chooseArea is the one imported place --lsoa and --location name, or a
// refusal naming the choices.
func chooseArea(s store.Record, lsoa, location string) (model.HotspotArea, error) {
	places, err := s.IncidentPlaces()
	if err != nil {
		return model.HotspotArea{}, err
	}
	said := model.HotspotArea{Kind: model.AreaLSOA, Code: lsoa}
	if location != "" {
		said = model.HotspotArea{Kind: model.AreaLocation, Code: lsoa, Name: location}
	}
	found := model.MatchPlaces(places, lsoa, location)
	switch {
	case len(places) == 0:
		return model.HotspotArea{}, fmt.Errorf("no anti-social behaviour has been imported yet: tasking import police-uk FILE... first")
	case len(found) == 0:
		by := "lsoa"
		if location != "" {
			by = "location"
		}
		return model.HotspotArea{}, fmt.Errorf("no anti-social behaviour was imported for %s: tasking incidents --by %s lists the places imported", said.Said(), by)
	case len(found) > 1:
		// The busiest first (IncidentPlaces' order), a few of them.
		var in []string
		for _, p := range found[:min(len(found), maxNamed)] {
			in = append(in, p.LSOA+" ("+p.LSOAName+")")
		}
		if len(found) > maxNamed {
			in = append(in, fmt.Sprintf("%d more (tasking incidents --by location)", len(found)-maxNamed))
		}
		return model.HotspotArea{}, fmt.Errorf("%s is in %d LSOAs, %s: add --lsoa CODE", said.Said(), len(found), model.JoinAnd(in))
	}
	return model.AreaOf(found[0].Place), nil
}

func newHotspotCountsCmd(a *app) *cobra.Command {
	var month string
	var count int
	var clear bool
	cmd := &cobra.Command{
		Use:   "counts REF --month YYYY-MM --count N | --clear",
		Short: "Enter a month's count of incidents for a hotspot with no imported data",
		Long: "counts records how many incidents there were at a hotspot in a month gone by (--month 2026-10 --count 12), " +
			"replacing a count entered before; --clear takes the month's count back. A hotspot linked to imported " +
			"police.uk data shows those counts instead (hotspot link). Only the chair or an admin may enter counts; " +
			"while a meeting is open it is minuted under the hotspot.",
		Example: "  tasking --as 'Helen Marsh' hotspot counts HS-4 --month 2026-10 --count 12\n" +
			"  tasking --as 'Helen Marsh' hotspot counts HS-4 --month 2026-10 --clear",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("month") {
				return usagef("counts needs --month YYYY-MM")
			}
			if cmd.Flags().Changed("count") == clear {
				return usagef("give --count N, or --clear to take the month's count back")
			}
			m, err := model.ParseMonth(month)
			if err != nil {
				return flagUsage("month", err)
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				var n *int
				if !clear {
					n = &count
				}
				h, err := s.SetHotspotCount(actor, id, 0, m, n, meetingID)
				if err != nil {
					return err
				}
				said := fmt.Sprintf("%s: %s %d", h.Ref(), m.Long(), count)
				if clear {
					said = fmt.Sprintf("%s: no count for %s", h.Ref(), m.Long())
				}
				if meetingID != 0 {
					said += "; minuted in " + model.MeetingRef(meetingID)
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&month, "month", "", "the month, YYYY-MM")
	cmd.Flags().IntVar(&count, "count", 0, "how many incidents")
	cmd.Flags().BoolVar(&clear, "clear", false, "take the month's count back")
	return cmd
}

// withTrend fills a hotspot row's areas and trend fields from its series.
func withTrend(row *hotspotRow, h model.Hotspot, s model.Series) {
	row.Areas = model.AreasLine(h.Areas, false)
	if s.IsZero() {
		return
	}
	row.IncidentsMonth = s.End.String()
	if n, ok := s.Last(); ok {
		row.Incidents = strconv.Itoa(n)
	}
	row.Trend = s.Trend().String()
	row.IncidentsFrom = string(s.Source)
}

// trendLines are `hotspot show`'s lines about the trend: where the counts
// come from, the sparkline and the last month.
func trendLines(h model.Hotspot, s model.Series, public bool) []string {
	var out []string
	if len(h.Areas) > 0 {
		out = append(out, "Areas: "+model.AreasLine(h.Areas, public))
	}
	if s.IsZero() {
		return append(out, "Incidents: none imported at its areas and none entered")
	}
	out = append(out, fmt.Sprintf("Incidents (%s), %s–%s: %s  %s", s.SourceLabel(), s.Months()[0].Short(), s.End.Short(), tui.Sparkline(s), s.Summary()),
		"  "+s.CountsLine())
	return out
}

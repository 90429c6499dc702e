package main

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// note add: what was said under an item of the open meeting.

func newNoteCmd(a *app) *cobra.Command {
	return newGroup("note", "Notes: what was said under an agenda item", newNoteAddCmd(a))
}

func newNoteAddCmd(a *app) *cobra.Command {
	var hotspot, item, agency string
	var confidential bool
	cmd := &cobra.Command{
		Use:   "add [--hotspot REF | --item NAME] [--agency NAME] [--confidential] TEXT",
		Short: "Add a note to the open meeting",
		Long: "add records a note under an item of the open meeting: a hotspot (--hotspot HS-3; one not on the agenda is " +
			"taken up onto it), a standing item " +
			"(--item aob, referrals, matters …; default aob). --agency names the agency that reported it (the minutes " +
			"say so). --confidential marks a note that names a victim, witness or perpetrator: it never leaves through " +
			"a public output.",
		Example: "  tasking --as 'Helen Marsh' note add --hotspot HS-3 --agency police Groups of 15 at the bus station\n" +
			"  tasking --as 'Helen Marsh' note add --confidential The family at number 4 has moved",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("hotspot") && cmd.Flags().Changed("item") {
				return usagef("give --hotspot or --item, not both")
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := openMeeting(s)
			if err != nil {
				return err
			}
			n := model.NewNote{Item: model.ItemAOB, Text: strings.Join(args, " "), Confidential: confidential}
			switch {
			case cmd.Flags().Changed("hotspot"):
				id, err := model.ParseRef(model.HotspotPrefix, hotspot)
				if err != nil {
					return flagUsage("hotspot", err)
				}
				// One off the agenda is taken up onto it (model.Meeting.TakeUp).
				n.Item, n.HotspotID = model.ItemHotspot, id
			case cmd.Flags().Changed("item"):
				i, err := m.FindItem(item)
				if err != nil {
					return err
				}
				n.Item, n.HotspotID = m.Agenda[i].Kind, m.Agenda[i].HotspotID
			}
			if agency != "" {
				agencies, err := s.Agencies()
				if err != nil {
					return err
				}
				ag, err := model.FindAgency(agencies, agency)
				if err != nil {
					return err
				}
				n.AgencyID = ag.ID
			}
			note, err := s.RecordNote(actor, m.ID, n)
			if err != nil {
				return err
			}
			mark := ""
			if note.Confidential {
				mark = " (confidential)"
			}
			if n.HotspotID != 0 && !m.HasHotspot(n.HotspotID) {
				mark += fmt.Sprintf(" (%s taken up on the agenda)", model.HotspotRef(n.HotspotID))
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s added to %s%s\n", note.Ref(), m.Ref(), mark)
			return err
		}),
	}
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "the hotspot item it is under (HS-3)")
	cmd.Flags().StringVar(&item, "item", "", "the standing item it is under: aob, referrals, matters … (default aob)")
	cmd.Flags().StringVar(&agency, "agency", "", "the agency that reported it (part of its name)")
	cmd.Flags().BoolVar(&confidential, "confidential", false, "names a victim, witness or perpetrator: never in a public output")
	return cmd
}

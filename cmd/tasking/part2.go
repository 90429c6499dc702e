package main

import (
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// meeting part2: take an item of the open meeting in private, or back.

func newMeetingPart2Cmd(a *app) *cobra.Command {
	var off, yes bool
	var paragraph string
	cmd := &cobra.Command{
		Use:   "part2 ITEM [--off] [--paragraph 1|2|7]",
		Short: "Take an agenda item in private (Part 2), or back into Part 1",
		Long: "part2 moves an item of the open meeting into Part 2: exempt business, taken at the end with the public " +
			"excluded, under a paragraph of Schedule 12A (1 information about an individual, 2 likely to identify one, " +
			"7 crime prevention; default 1 for personal ASB, else 7). ITEM is a hotspot ref (HS-3), the item's number " +
			"or a standing item's name (aob, referrals). A hotspot stays private in later agendas, matters arising, " +
			"the action log and every export until it is moved back with --off; personal ASB always stays private.\n\n" +
			"--off first says what becomes public (a hotspot's title, location and ward) and what stays private " +
			"(everything recorded while it was private: only `tasking release` makes one record public), and asks; " +
			"without a terminal to ask on, --yes says the answer is yes.",
		Example: "  tasking --as 'Helen Marsh' meeting part2 HS-3 --paragraph 1\n" +
			"  tasking --as 'Helen Marsh' meeting part2 aob\n" +
			"  tasking --as 'Helen Marsh' meeting part2 HS-3 --off --yes",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			var para model.ExemptParagraph
			if cmd.Flags().Changed("paragraph") {
				if off {
					return usagef("--paragraph is for moving an item into Part 2, not with --off")
				}
				p, err := model.ParseExemptParagraph(paragraph)
				if err != nil {
					return flagUsage("paragraph", err)
				}
				para = p
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
			i, err := m.FindItem(args[0])
			if err != nil {
				return err
			}
			it := m.Agenda[i]
			hotspots, err := s.Hotspots()
			if err != nil {
				return err
			}
			byID := map[model.ID]model.Hotspot{}
			for _, h := range hotspots {
				byID[h.ID] = h
			}
			title := model.CleanLine(model.ItemTitle(it, byID))
			if off && it.Part2 {
				back, err := s.BackToPart1(m.ID, i)
				if err != nil {
					return err
				}
				if ok, err := confirm(cmd, back.Question(), yes); err != nil || !ok {
					return err
				}
			}
			// Against the item as read (and asked about): moved meanwhile,
			// it is found; taken in private or back by someone else, the
			// change is refused, saying so.
			shown := m.ItemPart(model.PartItemPart2, i)
			if m, err = s.SetItemPart2(actor, m.ID, i, &shown, !off, para); err != nil {
				return err
			}
			if off {
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s is back in Part 1 of %s\n", title, m.Ref())
				return err
			}
			for _, x := range m.Agenda {
				if x.Kind == it.Kind && x.HotspotID == it.HotspotID {
					para = x.Paragraph
				}
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s is taken in private in %s (Part 2, paragraph %d: %s)\n", title, m.Ref(), int(para), para.Description())
			return err
		}),
	}
	cmd.Flags().BoolVar(&off, "off", false, "move the item back into Part 1 (public business)")
	cmd.Flags().BoolVar(&yes, "yes", false, "with --off: go ahead without asking (what becomes public is still said)")
	cmd.Flags().StringVar(&paragraph, "paragraph", "", "the Schedule 12A paragraph: 1, 2 or 7")
	_ = cmd.RegisterFlagCompletionFunc("paragraph", cobra.FixedCompletions([]string{"1", "2", "7"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

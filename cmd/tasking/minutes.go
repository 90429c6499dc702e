package main

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/minutes"
	"github.com/spf13/cobra"
)

// minutesFormats are the formats `tasking minutes` writes (html, txt and
// json come later).
var minutesFormats = []format{"md"}

func newMinutesCmd(a *app) *cobra.Command {
	var formatFlag, out string
	cmd := &cobra.Command{
		Use:   "minutes [MEETING|latest]",
		Short: "Write a meeting's minutes",
		Long: "minutes writes the minutes of a meeting: latest (the default, the most recent meeting that has " +
			"started), a ref like M-3, or a date like 2026-11-24. They go to stdout, or to a file with -o " +
			"(written whole or not at all). These are the group's own minutes: Part 2 business is included and marked.",
		Example: "  tasking minutes\n  tasking minutes M-3 -o minutes-M-3.md\n  tasking minutes 2026-11-24 -o ~/Documents/",
		Args:    usageArgs(cobra.MaximumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if _, err := parseFormat(formatFlag, minutesFormats...); err != nil {
				return err
			}
			ref := "latest"
			if len(args) == 1 {
				ref = args[0]
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := s.ResolveMeeting(ref)
			if err != nil {
				return err
			}
			rec, err := s.MeetingRecord(m.ID)
			if err != nil {
				return err
			}
			text := minutes.Markdown(rec)
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			if out == "" || out == "-" {
				_, err := fmt.Fprint(cmd.OutOrStdout(), text)
				return err
			}
			path, err := minutes.Save(out, m, "md", []byte(text))
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.ErrOrStderr(), "saved to %s\n", path)
			return err
		}),
	}
	addFormatFlag(cmd, &formatFlag, minutesFormats...)
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (or into this folder, named after the meeting) instead of stdout")
	return cmd
}

package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/ccsp/tasking/minutes"
	"github.com/spf13/cobra"
)

// minutesFormats are the formats `tasking minutes` writes, from one record.
var minutesFormats = []format{"md", "html", "txt", "json", "docx"}

func newMinutesCmd(a *app) *cobra.Command {
	var formatFlag, out string
	var public bool
	cmd := &cobra.Command{
		Use:   "minutes [MEETING|latest]",
		Short: "Write a meeting's minutes: Markdown, HTML, text, JSON or Word, restricted or public",
		Long: "minutes writes the minutes of a meeting: latest (the default, the most recent meeting that has " +
			"started), a ref like M-3, or a date like 2026-11-24. They go to stdout, or to a file with -o " +
			"(written whole or not at all; a folder gets minutes-YYYY-MM-DD[-public].EXT).\n\n" +
			"By default they are the partnership's restricted minutes, marked OFFICIAL-SENSITIVE: Part 2 business " +
			"is included and marked. --public writes the Part 1 minutes for publication: no Part 2 items or " +
			"decisions, no confidential notes, no officers' names, nothing about cases concerning individuals, " +
			"and a line saying how many items were considered in private.\n\n" +
			"html is one self-contained file that prints on A4; txt is wrapped at 72 columns for an email; json " +
			"is the complete record (schema: tasking minutes --schema); docx is a Word document on A4 (Word styles, " +
			"the classification and \"Page X of Y\" on every page, tables that repeat their header row): it needs " +
			"-o FILE, or -o - to send it down a pipe.",
		Example: "  tasking minutes\n  tasking minutes M-3 --format html -o minutes-M-3.html\n" +
			"  tasking minutes latest --public --format html -o ~/Documents/\n  tasking minutes --format txt | mail -s Minutes partners@example.org\n" +
			"  tasking minutes M-3 --format docx -o ~/Documents/",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if schema, _ := cmd.Flags().GetBool("schema"); schema {
				_, err := cmd.OutOrStdout().Write(minutes.Schema)
				return err
			}
			f, err := parseFormat(formatFlag, minutesFormats...)
			if err != nil {
				return err
			}
			// A Word document is binary: asked for by name, and never
			// poured onto a terminal.
			if minutes.Format(f).Binary() {
				switch {
				case out == "":
					return usagef("--format %s writes a binary Word document: save it with -o FILE (or -o - to send it down a pipe)", f)
				case out == "-" && a.drawnOnScreen(cmd):
					return usagef("--format %s will not write a binary Word document to the terminal: save it with -o FILE, or pipe it", f)
				}
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
			if public, err = a.version(cmd, s, public); err != nil {
				return err
			}
			m, err := s.ResolveMeeting(ref)
			if err != nil {
				return err
			}
			rec, err := s.MinutesRecord(m.ID)
			if err != nil {
				return err
			}
			data, err := minutes.Render(rec, minutes.Format(f), minutes.Options{Public: public})
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := cmd.OutOrStdout().Write(data)
				return err
			}
			out = a.atAbs(out)
			path := out
			if st, err := os.Stat(out); err == nil && st.IsDir() {
				path = filepath.Join(out, minutes.FileNameFor(m, minutes.Format(f), public))
			}
			if path, err = minutes.Save(path, m, string(f), data); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.ErrOrStderr(), "saved to %s\n", path)
			return err
		}),
	}
	addFormatFlag(cmd, &formatFlag, minutesFormats...)
	cmd.Flags().BoolVar(&public, "public", false, "the Part 1 minutes for publication (nothing confidential)")
	cmd.Flags().Bool("schema", false, "print the JSON schema of --format json and exit")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (or into this folder, named after the meeting) instead of stdout")
	return cmd
}

package main

import (
	"encoding/json"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// partnership show | set: the group's own details.

func newPartnershipCmd(a *app) *cobra.Command {
	return newGroup("partnership", "The partnership's details: name, usual place and time, cadence, confidentiality statement",
		newPartnershipShowCmd(a), newPartnershipSetCmd(a))
}

// partnershipJSON is `partnership show --format json`: stable field names.
type partnershipJSON struct {
	Name                     string `json:"name"`
	MeetingTitle             string `json:"meeting_title"`
	Place                    string `json:"place"`
	Time                     string `json:"time"`
	Cadence                  string `json:"cadence"`
	Chair                    string `json:"chair"`
	ConfidentialityStatement string `json:"confidentiality_statement"`
	BackupKeep               int    `json:"backup_keep"`
	BackupDir                string `json:"backup_dir"` // "" for the folder beside the record
	RetentionYears           int    `json:"retention_years"`
	CaseReviewThreshold      string `json:"case_review_threshold"` // "3/6": complaints/months
}

func newPartnershipShowCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:     "show [--format table|json]",
		Short:   "Show the partnership's details",
		Long:    "show prints the partnership's details.\n\nJSON fields: name, meeting_title, place, time, cadence, chair, confidentiality_statement, backup_keep, backup_dir (\"\": the folder beside the record), retention_years (how long a closed personal case keeps its words: tasking retention), case_review_threshold (complaints/months: 3/6).",
		Example: "  tasking partnership show\n  tasking partnership show --format json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, formatTable, formatJSON)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := s.Partnership()
			if err != nil {
				return err
			}
			chair := ""
			if members, err := s.Members(); err == nil {
				for _, m := range members {
					if m.ID == p.ChairID {
						chair = m.Name
					}
				}
			}
			cadence := p.Cadence
			if cadence == "" {
				cadence = model.Weekly
			}
			out := partnershipJSON{Name: model.CleanLine(p.Name), MeetingTitle: model.CleanLine(p.MeetingTitle), Place: model.CleanLine(p.DefaultPlace),
				Time: p.DefaultTime, Cadence: string(cadence), Chair: model.CleanLine(chair), ConfidentialityStatement: model.CleanText(p.ConfidentialityStatement),
				BackupKeep: p.BackupKeep(), BackupDir: p.BackupDir, RetentionYears: p.RetentionYears(),
				CaseReviewThreshold: fmt.Sprintf("%d/%d", p.Trigger().Complaints, p.Trigger().Months)}
			where := p.BackupDir
			if where == "" {
				where = "the folder beside the record"
				if path := a.recordPath(); path != "" {
					where = bolt.BackupDir(path, p)
				}
			}
			w := cmd.OutOrStdout()
			if f == formatJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			_, err = fmt.Fprintf(w, "Name:      %s\nMeeting:   %s\nPlace:     %s\nTime:      %s\nCadence:   %s\nChair:     %s\nBackups:   the newest %d automatic backups, in %s\nRetention: closed personal cases keep their words %s after they close (tasking retention)\nASB case review threshold: %s\n\nConfidentiality statement read at each meeting:\n%s\n",
				out.Name, out.MeetingTitle, out.Place, out.Time, out.Cadence, out.Chair, out.BackupKeep, where, model.Plural(out.RetentionYears, "year"), p.Trigger(), out.ConfidentialityStatement)
			return err
		}),
	}
	addFormatFlag(cmd, &formatFlag, formatTable, formatJSON)
	return cmd
}

func newPartnershipSetCmd(a *app) *cobra.Command {
	var name, title, place, clock, cadence, statement, statementFile, backupDir, trigger string
	var backupKeep, retentionYears int
	cmd := &cobra.Command{
		Use:   "set [--name N] [--meeting-title T] [--place P] [--time HH:MM] [--cadence C] [--statement TEXT | --statement-file FILE] [--case-review-threshold N/M]",
		Short: "Change the partnership's details",
		Long: "set changes what is given: the name, the meeting's title, the usual place and time, how often the group " +
			"meets (weekly, fortnightly, four-weekly, monthly: the next meeting's default date), the " +
			"confidentiality statement the chair reads at each meeting, the automatic backups kept, how many years a closed " +
			"personal case keeps its words before tasking retention anonymises it (--retention-years, default 6), and the " +
			"ASB case review threshold (complaints/months: 3/6 at most, the Act's; a lower one such as 2/6 or 3/12 is the " +
			"partnership's to set; default for the Act's). Closed meetings' minutes keep what was true then.",
		Example: "  tasking --as 'Helen Marsh' partnership set --place 'Committee Room 2' --cadence fortnightly\n" +
			"  tasking --as 'Helen Marsh' partnership set --statement-file statement.txt",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			if !changed("name") && !changed("meeting-title") && !changed("place") && !changed("time") && !changed("cadence") && !changed("statement") && !changed("statement-file") && !changed("backup-keep") && !changed("backup-dir") && !changed("retention-years") && !changed("case-review-threshold") {
				return usagef("nothing to change: give --name, --meeting-title, --place, --time, --cadence, --statement, --backup-keep, --backup-dir, --retention-years or --case-review-threshold")
			}
			if changed("statement") && changed("statement-file") {
				return usagef("give --statement or --statement-file, not both")
			}
			if changed("statement-file") {
				b, err := a.readInput(cmd, "--statement-file", statementFile)
				if err != nil {
					return flagErr("statement-file", err)
				}
				statement = string(b)
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := s.Partnership()
			if err != nil {
				return err
			}
			if changed("name") {
				p.Name = name
			}
			if changed("meeting-title") {
				p.MeetingTitle = title
			}
			if changed("place") {
				p.DefaultPlace = place
			}
			if changed("time") {
				p.DefaultTime = clock
			}
			if changed("cadence") {
				c, err := model.ParseCadence(cadence)
				if err != nil {
					return flagUsage("cadence", err)
				}
				p.Cadence = c
			}
			if changed("statement") || changed("statement-file") {
				p.ConfidentialityStatement = statement
			}
			if changed("backup-keep") {
				if err := model.CheckBackupKeep(backupKeep); err != nil {
					return &usageError{fmt.Errorf("--backup-keep: %w", err)}
				}
				p.KeepBackups = backupKeep
			}
			if changed("backup-dir") {
				if backupDir, err = model.CheckBackupDir(backupDir); err != nil || backupDir == "" {
					return &usageError{fmt.Errorf("--backup-dir: give a full path, or beside: %v", err)}
				}
				p.BackupDir = backupDir
			}
			if changed("retention-years") {
				if err := model.CheckRetentionYears(retentionYears); err != nil {
					return &usageError{fmt.Errorf("--retention-years: %w", err)}
				}
				p.RetainCaseYears = retentionYears
			}
			if changed("case-review-threshold") {
				if p.TriggerThreshold, err = model.ParseTrigger(trigger); err != nil {
					return flagUsage("case-review-threshold", err)
				}
			}
			if _, err := s.SetPartnership(actor, p.Version, p); err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), "partnership details saved")
			return err
		}),
	}
	cmd.Flags().StringVar(&name, "name", "", "the partnership's name")
	cmd.Flags().StringVar(&title, "meeting-title", "", "what the meeting is called in the minutes")
	cmd.Flags().StringVar(&place, "place", "", "the usual place")
	cmd.Flags().StringVar(&clock, "time", "", "the usual time, 24-hour HH:MM")
	cmd.Flags().StringVar(&cadence, "cadence", "", "weekly, fortnightly, four-weekly or monthly")
	cmd.Flags().StringVar(&statement, "statement", "", "the confidentiality statement read at each meeting")
	cmd.Flags().StringVar(&statementFile, "statement-file", "", "read the confidentiality statement from a file")
	cmd.Flags().IntVar(&backupKeep, "backup-keep", model.DefaultBackupKeep, "how many automatic backups to keep")
	cmd.Flags().IntVar(&retentionYears, "retention-years", model.DefaultRetentionYears, "how many years a closed personal case keeps its words (tasking retention)")
	cmd.Flags().StringVar(&trigger, "case-review-threshold", "", "the ASB case review threshold, complaints/months: 3/6 at most (the Act's), or default")
	cmd.Flags().StringVar(&backupDir, "backup-dir", "", "where automatic backups go: a full path, or beside (the folder beside the record)")
	_ = cmd.RegisterFlagCompletionFunc("cadence", cobra.FixedCompletions([]string{"weekly", "fortnightly", "four-weekly", "monthly"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

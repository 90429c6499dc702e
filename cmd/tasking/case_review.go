package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// case-review add | decide | answer | list | show: ASB case reviews (the
// community trigger, model/case_review.go). Private business always: a
// public-only reader is refused them.

// caseReviewRow: ref, applicant_ref, complaints, threshold, received,
// summary, stage, decided, decision, decision_reason, answered, outcome,
// private.
type caseReviewRow struct {
	Ref            string `json:"ref"`           // CR-2
	ApplicantRef   string `json:"applicant_ref"` // the applicant's reference, never their name
	Complaints     string `json:"complaints"`    // a number
	Threshold      string `json:"threshold"`     // "3/6": complaints/months it was decided against
	Received       string `json:"received"`      // 2026-11-02
	Summary        string `json:"summary"`
	Stage          string `json:"stage"`    // received, decided, answered
	Decided        string `json:"decided"`  // 2026-11-09
	Decision       string `json:"decision"` // met, not-met, or "" before it
	DecisionReason string `json:"decision_reason"`
	Answered       string `json:"answered"` // 2026-11-23
	Outcome        string `json:"outcome"`
	Private        string `json:"private"` // always yes
}

func caseReviewRowOf(c model.CaseReview) caseReviewRow {
	r := caseReviewRow{Ref: c.Ref(), ApplicantRef: model.CleanLine(c.ApplicantRef), Complaints: strconv.Itoa(c.Complaints),
		Threshold: fmt.Sprintf("%d/%d", c.Threshold.Or().Complaints, c.Threshold.Or().Months), Received: c.Received.String(),
		Summary: model.CleanText(c.Summary), Stage: string(c.Stage()), Decided: c.Decided.String(),
		DecisionReason: model.CleanText(c.DecisionReason), Answered: c.Answered.String(), Outcome: model.CleanText(c.Outcome),
		Private: yes(c.Private)}
	if !c.Decided.IsZero() {
		r.Decision = "not-met"
		if c.Met {
			r.Decision = "met"
		}
	}
	return r
}

func newCaseReviewCmd(a *app) *cobra.Command {
	return newGroup("case-review", "ASB case reviews, the community trigger (add, decide, answer, list, show)",
		newCaseReviewAddCmd(a), newCaseReviewDecideCmd(a), newCaseReviewAnswerCmd(a), newCaseReviewListCmd(a), newCaseReviewShowCmd(a))
}

func newCaseReviewAddCmd(a *app) *cobra.Command {
	var applicant, received, summary string
	var complaints int
	cmd := &cobra.Command{
		Use:   "add --applicant REF --complaints N --received WHEN [--summary TEXT]",
		Short: "Record an application for an ASB case review",
		Long: "add records an application for an ASB case review (the community trigger) by the applicant's reference — " +
			"the council's case number, never their name — with how many complaints they made within the " +
			"partnership's threshold's months (`partnership show`; the Act's 3 complaints in 6 months unless set " +
			"lower) and when it was received. It is private business: the restricted record only, minuted in Part 2. " +
			"It is on every agenda, in Part 2, until it is answered; recorded while a meeting is open, it joins that " +
			"meeting's agenda. The chair or an admin records case reviews.",
		Example: "  tasking --as 'Helen Marsh' case-review add --applicant CT-2026-014 --complaints 4 --received 2026-11-20 \\\n" +
			"    --summary 'Noise from the flat above, reported since June'",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			for _, f := range []string{"applicant", "complaints", "received"} {
				if !cmd.Flags().Changed(f) {
					return usagef("add needs --%s", f)
				}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				n := model.NewCaseReview{ApplicantRef: applicant, Complaints: complaints, Summary: summary}
				var err error
				if n.Received, err = model.ParseWhen(received, s.Today(), model.Date{}); err != nil {
					return flagUsage("received", err)
				}
				c, err := s.RecordCaseReview(actor, n, meetingID)
				if err != nil {
					return err
				}
				said := c.Ref() + " recorded: " + c.Against()
				if c.Threshold.Met(c.Complaints) {
					said += ", which meets it"
				} else {
					said += ", below it"
				}
				said += "; private business, on the agenda (Part 2) until answered"
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&applicant, "applicant", "", "the applicant's case reference (never their name)")
	cmd.Flags().IntVar(&complaints, "complaints", 0, "complaints they made within the threshold's months")
	cmd.Flags().StringVar(&received, "received", "", "when the application was received")
	cmd.Flags().StringVar(&summary, "summary", "", "what the applicant asks to be reviewed")
	return cmd
}

// caseReviewCommand is the shape of decide and answer: one case review by
// ref, changed against the version just read.
func caseReviewCommand(a *app, use, short, long, example string, do func(cmd *cobra.Command, s store.Record, actor model.Actor, c model.CaseReview) (model.CaseReview, string, error)) *cobra.Command {
	return oneRecordCommand(a, model.CaseReviewPrefix, store.Record.CaseReview, use, short, long, example, do)
}

// dayFlag is a WHEN flag's day, today when not given.
func dayFlag(s store.Record, flag, value string) (model.Date, error) {
	if value == "" {
		return s.Today(), nil
	}
	d, err := model.ParseWhen(value, s.Today(), model.Date{})
	if err != nil {
		return d, flagUsage(flag, err)
	}
	return d, nil
}

func newCaseReviewDecideCmd(a *app) *cobra.Command {
	var on, reason string
	var met, notMet bool
	cmd := caseReviewCommand(a, "decide REF (--met | --not-met) [--reason TEXT] [--on WHEN]",
		"Decide whether an ASB case review meets the threshold",
		"decide records the partnership's decision: --met (the review goes ahead) or --not-met, on --on (default "+
			"today). An application that meets the threshold must be reviewed, so --not-met is refused for it; one "+
			"taken up below the threshold needs --reason.",
		"  tasking --as 'Helen Marsh' case-review decide CR-2 --met",
		func(cmd *cobra.Command, s store.Record, actor model.Actor, c model.CaseReview) (model.CaseReview, string, error) {
			if met == notMet {
				return c, "", usagef("decide needs --met or --not-met")
			}
			day, err := dayFlag(s, "on", on)
			if err != nil {
				return c, "", err
			}
			c, err = s.DecideCaseReview(actor, c.ID, c.Version, day, met, reason)
			return c, "decided: " + c.Decision(), err
		})
	cmd.Flags().BoolVar(&met, "met", false, "the threshold is met: the review goes ahead")
	cmd.Flags().BoolVar(&notMet, "not-met", false, "the threshold is not met")
	cmd.Flags().StringVar(&reason, "reason", "", "why (needed to take one up below the threshold)")
	cmd.Flags().StringVar(&on, "on", "", "when it was decided (default today)")
	return cmd
}

func newCaseReviewAnswerCmd(a *app) *cobra.Command {
	var on, outcome string
	cmd := caseReviewCommand(a, "answer REF --outcome TEXT [--on WHEN]",
		"Record that the applicant was told the outcome",
		"answer records that the applicant was told the outcome of their case review (its findings and "+
			"recommendations, or why the threshold was not met), on --on (default today). Answered, it leaves the agenda.",
		"  tasking --as 'Helen Marsh' case-review answer CR-2 --outcome 'Joint visit; noise monitoring installed'",
		func(cmd *cobra.Command, s store.Record, actor model.Actor, c model.CaseReview) (model.CaseReview, string, error) {
			if outcome == "" {
				return c, "", usagef("answer needs --outcome")
			}
			day, err := dayFlag(s, "on", on)
			if err != nil {
				return c, "", err
			}
			c, err = s.AnswerCaseReview(actor, c.ID, c.Version, day, outcome)
			return c, "answered: it leaves the agenda", err
		})
	cmd.Flags().StringVar(&outcome, "outcome", "", "what the applicant was told")
	cmd.Flags().StringVar(&on, "on", "", "when they were told (default today)")
	return cmd
}

func newCaseReviewListCmd(a *app) *cobra.Command {
	var formatFlag string
	var all bool
	cmd := &cobra.Command{
		Use:   "list [--all] [--format table|csv|json]",
		Short: "ASB case reviews not yet answered (--all: every one)",
		Long: "list shows the ASB case reviews waiting for a decision or an answer, oldest first (--all: answered ones " +
			"too). They are private business: someone who reads the public record only is refused them.\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[caseReviewRow](), ", ") + " (threshold as complaints/months; " +
			"decision met or not-met).",
		Example: "  tasking case-review list\n  tasking case-review list --all --format csv",
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
			cs, err := s.CaseReviews(!all)
			if err != nil {
				return err
			}
			today := s.Today()
			out := list[caseReviewRow]{rows: make([]caseReviewRow, 0, len(cs)), empty: "No ASB case review is waiting for a decision or an answer.",
				table: func() peopleTable { return caseReviewTable(cs, today) }}
			if all {
				out.empty = "No ASB case review has been recorded."
			}
			for _, c := range cs {
				out.rows = append(out.rows, caseReviewRowOf(c))
			}
			return out.write(cmd.OutOrStdout(), fm)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().BoolVar(&all, "all", false, "answered ones too")
	return cmd
}

// caseReviewTable is the list for people: what each waits for.
func caseReviewTable(cs []model.CaseReview, today model.Date) peopleTable {
	headers := []string{"REF", "APPLICANT", "COMPLAINTS", "RECEIVED", "DECISION", "WAITING FOR", "OUTCOME"}
	rows := make([][]string, 0, len(cs))
	for _, c := range cs {
		decision := c.Decision()
		if decision != "" {
			decision += " " + c.Decided.Short()
		}
		outcome := c.Outcome
		if !c.Answered.IsZero() {
			outcome = "answered " + c.Answered.Short() + ": " + outcome
		}
		rows = append(rows, []string{c.Ref(), cell(c.ApplicantRef), c.Against(), c.Received.Format("02 Jan 2006"), decision,
			c.Waiting(today), cell(outcome)})
	}
	return peopleTable{headers: headers, rows: rows, flex: 6, widths: []int{6: maxTitle}}
}

func newCaseReviewShowCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:     "show REF [--format table|json]",
		Short:   "One ASB case review, in full",
		Long:    "show prints one case review: its reference, complaints against the threshold, dates, decision and outcome.",
		Example: "  tasking case-review show CR-2\n  tasking case-review show CR-2 --format json",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			fm, err := parseFormat(formatFlag, formatTable, formatJSON)
			if err != nil {
				return err
			}
			id, err := model.ParseRef(model.CaseReviewPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			c, err := s.CaseReview(id)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if fm == formatJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(caseReviewRowOf(c))
			}
			lines := []string{
				c.Ref() + " " + model.CleanLine(c.ApplicantRef) + "  " + c.Mark(),
				"Complaints: " + c.Against(),
				"Received:   " + c.Received.Format("Mon 2 Jan 2006"),
			}
			if c.Summary != "" {
				lines = append(lines, "Summary:    "+model.CleanLine(c.Summary))
			}
			if c.Decided.IsZero() {
				lines = append(lines, "Decision:   waiting for it")
			} else {
				d := "Decision:   " + c.Decision() + ", " + c.Decided.Format("Mon 2 Jan 2006")
				if c.DecisionReason != "" {
					d += " — " + model.CleanLine(c.DecisionReason)
				}
				lines = append(lines, d)
			}
			if c.Answered.IsZero() {
				lines = append(lines, "Answered:   not yet (on the agenda until it is)")
			} else {
				lines = append(lines, "Answered:   "+c.Answered.Format("Mon 2 Jan 2006"), "Outcome:    "+model.CleanLine(c.Outcome))
			}
			_, err = fmt.Fprintln(w, strings.Join(lines, "\n"))
			return err
		}),
	}
	addFormatFlag(cmd, &formatFlag, formatTable, formatJSON)
	return cmd
}

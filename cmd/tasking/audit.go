package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// auditRow is one event of the audit trail as `tasking audit` writes it.
type auditRow struct {
	Event  uint64   `json:"event"`  // its number in the trail
	At     string   `json:"at"`     // RFC 3339, local time
	By     string   `json:"by"`     // who made the change
	Op     model.Op `json:"op"`     // what kind of change (action.assign, hotspot.risk…)
	Ref    string   `json:"ref"`    // what it changed (A-12, HS-3, M-7, a name)
	Change string   `json:"change"` // the change in words
}

func auditRowOf(e model.AuditEvent) auditRow {
	return auditRow{Event: uint64(e.ID), At: e.At.Local().Format("2006-01-02T15:04:05Z07:00"), By: e.By, Op: e.Op, Ref: e.Ref,
		Change: model.ChangeName([]model.AuditEvent{e})}
}

func newAuditCmd(a *app) *cobra.Command {
	var formatFlag, action, hotspot, member, since string
	cmd := &cobra.Command{
		Use:   "audit [--action REF|--hotspot REF|--member NAME|--since DATE]",
		Short: "The audit trail: every change, who made it and when (restricted readers only)",
		Long: "audit lists the changes the audit trail holds, oldest first: each with its number, when, who, the kind " +
			"of change, what it changed and the change in words. --action and --hotspot keep one record's history " +
			"(a hotspot's takes in the actions, decisions and notes made on it), --member one person's changes, " +
			"--since the changes from a day on (YYYY-MM-DD or a day such as \"last monday\"). The trail holds private " +
			"business, so only members who read the restricted record may list it.\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[auditRow](), ", ") + ".\n\n" +
			"`tasking audit verify` checks that the history has not been rewritten.",
		Example: "  tasking audit --action A-12\n" +
			"  tasking audit --hotspot HS-3 --since 2026-09-01 --format csv > hs3-history.csv\n" +
			"  tasking audit --member 'Gary Fletcher' --since 'last monday'",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			var q model.AuditQuery
			if action != "" {
				id, err := model.ParseRef(model.ActionPrefix, action)
				if err != nil {
					return flagUsage("action", err)
				}
				q.Action = model.ActionRef(id)
			}
			if hotspot != "" {
				if q.Hotspot, err = model.ParseRef(model.HotspotPrefix, hotspot); err != nil {
					return flagUsage("hotspot", err)
				}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			if since != "" {
				if q.Since, err = model.ParseWhen(since, s.Today(), model.Date{}); err != nil {
					return flagUsage("since", err)
				}
			}
			if member != "" {
				m, err := findMember(s, member, true)
				if err != nil {
					return flagErr("member", err)
				}
				q.Member, q.MemberName = m.ID, m.Name
			}
			return writeAudit(cmd.OutOrStdout(), s, q, f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().StringVar(&action, "action", "", "one action's history (A-12)")
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "one hotspot's history, with its actions, decisions and notes (HS-3)")
	cmd.Flags().StringVar(&member, "member", "", "the changes one member made")
	cmd.Flags().StringVar(&since, "since", "", "from this day on (YYYY-MM-DD, or a day such as \"last monday\")")
	cmd.AddCommand(newAuditVerifyCmd(a))
	return cmd
}

// writeAudit writes the events q matches as they are read: a decade's
// trail is never held whole.
func writeAudit(w io.Writer, s store.Record, q model.AuditQuery, f format) error {
	if f != formatTable {
		rows := newRowWriter[auditRow](w, f)
		if err := s.AuditHistory(q, func(e model.AuditEvent) error { return rows.write(auditRowOf(e)) }); err != nil {
			return err
		}
		return rows.close()
	}
	n := 0
	err := s.AuditHistory(q, func(e model.AuditEvent) error {
		if n == 0 {
			if _, err := fmt.Fprintf(w, "%-7s  %-17s  %-22s  %s\n", "#", "WHEN", "WHO", "CHANGE"); err != nil {
				return err
			}
		}
		n++
		_, err := fmt.Fprintf(w, "%-7d  %-17s  %-22s  %s\n", e.ID, e.At.Local().Format("02 Jan 2006 15:04"),
			model.Clip(cell(e.By), 22), cell(model.ChangeName([]model.AuditEvent{e})))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = fmt.Fprintln(w, "No changes match.")
	}
	return err
}

func newAuditVerifyCmd(a *app) *cobra.Command {
	var heads []string
	return func() *cobra.Command {
		cmd := &cobra.Command{
			Use:   "verify [--head EVENT:CHAIN]...",
			Short: "Check that the history has not been rewritten: the hash chain, every record against it, the heads kept outside",
			Long: "verify walks the audit trail's hash chain from its first event, checking each event's link to the one " +
				"before and its content against its hash, then every record in the file against the newest sum the " +
				"chain holds for it, and names the first broken link. The heads kept outside the file are checked " +
				"too: those in the automatic backups' names, and any --head given (EVENT:CHAIN, as `tasking backup` " +
				"prints it and the JSON minutes give it in audit_head). Exit 0 when the history holds, 1 when it does not.",
			Example: "  tasking audit verify\n" +
				"  tasking audit verify --head 4211:9f86d081884c7d659a2feaa0c55ad015",
			Args: usageArgs(cobra.NoArgs),
			RunE: a.run(func(cmd *cobra.Command, _ []string) error {
				var given []store.ChainHead
				for _, h := range heads {
					head, err := bolt.ParseHead(h)
					if err != nil {
						return flagUsage("head", err)
					}
					given = append(given, head)
				}
				s, err := a.openData(cmd)
				if err != nil {
					return err
				}
				defer s.Close()
				r, err := s.VerifyChain(given...)
				if err != nil {
					return err
				}
				// A history that does not hold is damage: name the backup
				// to go back to, as every damage message does (a file's;
				// PostgreSQL's backups are pg_dump's).
				backup := func() string { return "" }
				if p := a.recordPath(); p != "" && !onPostgres(p) {
					backup = func() string { return backupToRestore(p) }
				}
				return writeChainReport(cmd.OutOrStdout(), r, len(given), backup)
			}),
		}
		cmd.Flags().StringArrayVar(&heads, "head", nil, "a head kept outside the file, EVENT:CHAIN (repeat for more)")
		return cmd
	}()
}

// writeChainReport says what verify found: the first broken link first.
// backup names the newest good backup, asked only when there is a problem.
func writeChainReport(w io.Writer, r store.ChainReport, given int, backup func() string) error {
	heads := ""
	if given > 0 {
		heads = fmt.Sprintf(", %s given checked", model.Plural(given, "head"))
	}
	if len(r.Problems) == 0 {
		_, err := fmt.Fprintf(w, "The history holds: %s chained from the first to #%d (head %s), %s checked against it%s.\n",
			model.Plural(r.Events, "event"), r.Head.Event, headWords(r.Head), model.Plural(r.Records, "record"), heads)
		return err
	}
	fmt.Fprintf(w, "The history does not hold. The first broken link: %s\n", r.Problems[0])
	for _, p := range r.Problems[1:] {
		fmt.Fprintln(w, "  "+p)
	}
	said := fmt.Sprintf("%s found in %s and %s (see the README: \"When check finds a problem\")",
		model.Plural(len(r.Problems), "problem"), model.Plural(r.Events, "event"), model.Plural(r.Records, "record"))
	if b := backup(); b != "" {
		said += "; " + b
	}
	fmt.Fprintln(w, said)
	return errProblemsFound
}

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// export actions | hotspots: the whole action log or hotspot list for a
// spreadsheet or another system, in the documented machine fields.
// --public asks model.Disclosure, thing by thing, what may leave the
// partnership: nothing about business taken in private (Part 2 hotspots,
// personal ASB, confidential general actions), no officers' names, no words
// of progress updates.

var exportFormats = []format{formatCSV, formatJSON}

// actionLogFormats are what `export actions` writes.
var actionLogFormats = []format{formatCSV, formatJSON, formatXLSX}

func newExportCmd(a *app) *cobra.Command {
	return newGroup("export", "Export the action log (CSV, JSON or Excel) or the hotspots (CSV or JSON)", newExportActionsCmd(a), newExportHotspotsCmd(a))
}

func newExportActionsCmd(a *app) *cobra.Command {
	var formatFlag, out string
	var public, byAgency, force bool
	cmd := &cobra.Command{
		Use:   "actions --format csv|json|xlsx [--public] [-o FILE|-] [--by-agency -o DIR] [--force]",
		Short: "Every action, every status: the action log for the partners",
		Long: "actions exports every action, overdue first then by due date: the action log a coordinator sends " +
			"the partners.\n\n" +
			"Fields: " + strings.Join(fieldNames[actionLogRow](), ", ") + ". " +
			"original_due is the date the action was assigned with; times_carried_forward counts the times its " +
			"due date was moved later; days_overdue is how late open work is (empty when it is not overdue).\n\n" +
			"csv is UTF-8 with a byte order mark, so Excel keeps accents and dashes. xlsx is an Excel workbook " +
			"(header row frozen and filtered, real dates, RAG as a red, amber or green fill, the classification " +
			"printed at the top and bottom of every page); it needs -o FILE, or -o - to send it down a pipe. " +
			"--by-agency -o DIR writes one file per agency holding only that agency's actions " +
			"(DIR/derbyshire-constabulary-actions.xlsx …), so each rep is sent only their own. Files are created " +
			"readable by you only; an existing file is never overwritten without --force.\n\n" +
			"--public leaves out actions on hotspots taken in private (Part 2, and all personal ASB), general actions " +
			"marked confidential or assigned in private, officers' names, the words of updates and completion notes, " +
			"and who wrote them.",
		Example: "  tasking export actions --format csv > action-log.csv\n" +
			"  tasking export actions --format xlsx -o action-log.xlsx\n" +
			"  tasking export actions --format xlsx --by-agency -o ~/action-logs/\n" +
			"  tasking export actions --format xlsx --public -o - | mail-attach action-log-public.xlsx",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, actionLogFormats...)
			if err != nil {
				return err
			}
			toStdout := out == "" || out == "-"
			switch {
			case byAgency && toStdout:
				return usagef("--by-agency writes one file per agency: name their folder with -o DIR")
			case f == formatXLSX && out == "":
				return usagef("--format xlsx writes a binary workbook: save it with -o FILE (or -o - to send it down a pipe)")
			case f == formatXLSX && toStdout && a.drawnOnScreen(cmd):
				return usagef("--format xlsx will not write a binary workbook to the terminal: save it with -o FILE, or pipe it")
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			if public, err = a.version(cmd, s, public); err != nil {
				return err
			}
			classification := restrictedActionLog
			if public {
				classification = publicActionLog
			}
			if byAgency {
				return a.exportByAgency(cmd, s, a.at(out), f, public, force, classification)
			}
			n := 0
			write := func(w io.Writer) error {
				lw, err := newLogWriter(w, f, classification)
				if err != nil {
					return err
				}
				err = eachLogRow(s, public, func(_ model.ID, row actionLogRow) error {
					n++
					return lw.write(row)
				})
				if err != nil {
					return err
				}
				return lw.close()
			}
			if toStdout {
				return a.spooled(cmd.OutOrStdout(), write)
			}
			out = a.at(out)
			path := out
			if st, err := os.Stat(out); err == nil && st.IsDir() {
				path = filepath.Join(out, actionLogFileName("action-log-"+s.Today().String(), f, public))
			}
			if err := checkFree(path, force); err != nil {
				return err
			}
			if err := saveActionLog(path, force, write); err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.ErrOrStderr(), a.shown(actionsSaved(n, path)))
			return err
		}),
	}
	addFormatFlag(cmd, &formatFlag, actionLogFormats...)
	cmd.Flags().BoolVar(&public, "public", false, "for publication: nothing taken in private, no officers, no update words")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (- for stdout), or with --by-agency into this folder")
	cmd.Flags().BoolVar(&byAgency, "by-agency", false, "one file per agency, each holding only that agency's actions (needs -o DIR)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite files that already exist")
	return cmd
}

// exportByAgency writes one file per agency into dir, each holding only
// that agency's actions (actionlog_agency.go). Every file is checked
// before any is written, so a refusal leaves the folder as it was; a
// failure part way (a full disk) takes away the files it wrote and the
// folder if it made it, so nothing half-done is left to be sent on.
func (a *app) exportByAgency(cmd *cobra.Command, s store.Record, dir string, f format, public, force bool, classification string) (err error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usagef("--by-agency needs a folder: %s is a file", dir)
	}
	agencies, err := s.Agencies()
	if err != nil {
		return err
	}
	// The rows are spooled in the folder itself, so it is made first; an
	// export that fails, or finds nothing to write, takes it away again.
	made, err := makeFolders(dir)
	if err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	var written []string // files this export made (none was there before)
	defer func() {
		if err != nil || len(written) == 0 {
			for _, p := range written {
				_ = os.Remove(p)
			}
			for _, d := range made {
				_ = os.Remove(d) // only if empty
			}
			if err != nil && len(written) > 0 {
				err = fmt.Errorf("%w; the %d files written before it were taken away, so no agency is sent half an export", err, len(written))
			}
		}
	}()
	spools := newAgencySpools(dir)
	defer spools.discard()
	if err := eachLogRow(s, public, spools.write); err != nil {
		return err
	}
	files, err := spools.named(model.IndexAgencies(agencies), f, public)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		_, err := fmt.Fprintln(cmd.ErrOrStderr(), "no actions to export: nothing written")
		return err
	}
	for _, file := range files {
		if err := checkFree(file.path, force); err != nil {
			return err
		}
	}
	// Each file is said to be saved once all of them are.
	var saved []string
	for _, file := range files {
		_, existed := os.Lstat(file.path)
		if err := saveActionLog(file.path, force, func(w io.Writer) error { return file.writeTo(w, f, classification) }); err != nil {
			return err
		}
		if existed != nil {
			written = append(written, file.path)
		}
		saved = append(saved, a.shown(actionsSaved(file.rows, file.path)))
	}
	for _, line := range saved {
		if _, err := fmt.Fprintln(cmd.ErrOrStderr(), line); err != nil {
			return err
		}
	}
	return nil
}

func newExportHotspotsCmd(a *app) *cobra.Command {
	var formatFlag string
	var public bool
	cmd := &cobra.Command{
		Use:   "hotspots --format csv|json [--public]",
		Short: "Every hotspot, open and closed",
		Long: "hotspots exports every hotspot.\n\nFields: " + strings.Join(fieldNames[hotspotRow](), ", ") + " (version, on every row, says " +
			"whether the export is the restricted or the public one). " +
			"--public leaves out hotspots taken in private (Part 2, and all personal ASB).",
		Example: "  tasking export hotspots --format json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			f, err := parseFormat(formatFlag, exportFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			if public, err = a.version(cmd, s, public); err != nil {
				return err
			}
			hotspots, err := s.Hotspots()
			if err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			rules := model.PublicRules(model.Meeting{}, hotspotIndex(hotspots))
			var ids []model.ID
			for _, h := range hotspots {
				if !public || rules.Hotspot(h) {
					ids = append(ids, h.ID)
				}
			}
			trends, err := s.HotspotTrends(ids)
			if err != nil {
				return err
			}
			out := list[hotspotRow]{rows: []hotspotRow{}}
			for _, h := range hotspots {
				if public && !rules.Hotspot(h) {
					continue
				}
				if public {
					h = rules.PublicHotspot(h) // the level, not the reasoning behind it; areas, not streets
				}
				row := hotspotRowOf(h, idx)
				row.Version = exportVersion(public)
				withTrend(&row, h, trends[h.ID])
				out.rows = append(out.rows, row)
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	addFormatFlag(cmd, &formatFlag, exportFormats...)
	cmd.Flags().BoolVar(&public, "public", false, "for publication: no hotspots taken in private")
	return cmd
}

// makeFolders makes dir and any folder above it that is missing (0700) and
// returns those it made, innermost first, for a failure to take away.
func makeFolders(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		for _, d := range missing {
			_ = os.Remove(d)
		}
		return nil, err
	}
	return missing, nil
}

// hotspotIndex is the hotspots by ID, for the disclosure rule.
func hotspotIndex(hs []model.Hotspot) map[model.ID]model.Hotspot {
	out := make(map[model.ID]model.Hotspot, len(hs))
	for _, h := range hs {
		out[h.ID] = h
	}
	return out
}

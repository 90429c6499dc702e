package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/importer"
	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

func newImportCmd(a *app) *cobra.Command {
	return newGroup("import", "Bring in data from outside (police-uk: data.police.uk street-level files)", newImportPoliceCmd(a))
}

// policeFlags are import police-uk's flags.
type policeFlags struct {
	types, area string
	dryRun      bool
}

func newImportPoliceCmd(a *app) *cobra.Command {
	var f policeFlags
	cmd := &cobra.Command{
		Use:   "police-uk FILE...|-",
		Short: "Import data.police.uk street-level monthly files: incident counts by month and place",
		Long: "police-uk reads the street-level crime files data.police.uk publishes each month for each force " +
			"(YYYY-MM-force-street.csv) and stores how many incidents each place had each month: per force, " +
			"month, crime type, LSOA and street (\"On or near …\"). Rows are not kept, only counts.\n\n" +
			"Anti-social behaviour is kept unless --types names others (comma-separated, a unique start is " +
			"enough: \"Criminal damage and arson,Public order,Drugs\"; all keeps every type). --area keeps rows " +
			"whose LSOA name starts with it (Chesterfield). Importing the same force, month and crime type again " +
			"replaces what was stored, so it never doubles. A byte-order mark, CRLF, quoted commas, \"On or near \" " +
			"with no street and \"No Location\" rows (counted as unlocated, and said) are all taken; a file of the " +
			"wrong kind is refused naming the line and column, and if any file fails, nothing is imported. " +
			"One line says what was read, kept and skipped, and why. Members may import; --dry-run saves nothing. " +
			"- reads one file from standard input (over SSH: `ssh … import police-uk - < 2024-01-derbyshire-street.csv`).",
		Example: "  tasking import police-uk 2024-0*-derbyshire-street.csv --area Chesterfield\n" +
			"  tasking import police-uk 2024-01-derbyshire-street.csv --types 'asb,criminal damage,drugs'\n" +
			"  tasking import police-uk 2024-01-derbyshire-street.csv --dry-run",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			return a.importPolice(cmd, args, f)
		}),
	}
	cmd.Flags().StringVar(&f.types, "types", "", "crime types to keep, comma-separated (default Anti-social behaviour; all for every type)")
	cmd.Flags().StringVar(&f.area, "area", "", "keep rows whose LSOA name starts with this (e.g. Chesterfield)")
	cmd.Flags().BoolVar(&f.dryRun, "dry-run", false, "read and count the files, saving nothing")
	return cmd
}

func (a *app) importPolice(cmd *cobra.Command, paths []string, f policeFlags) error {
	cats, err := model.ParseCategories(f.types)
	if err != nil {
		return usagef("--types: %v", err)
	}
	opt := importer.PoliceOptions{Categories: cats, Area: model.CleanLine(f.area)}
	if slices.Contains(paths, "-") && len(paths) > 1 {
		return usagef("- (standard input) is one file: import it on its own")
	}
	// Every file is read and counted before anything is saved: a file that
	// fails, even half-way, leaves the record as it was.
	var files []importer.PoliceFile
	for _, p := range paths {
		pf, err := a.readPoliceFile(cmd, p, opt)
		if err != nil {
			return fmt.Errorf("%s: nothing imported: %w", p, err)
		}
		files = append(files, pf)
	}
	var batches []model.IncidentBatch
	var counts []model.IncidentRow
	for _, pf := range files {
		batches = append(batches, pf.Batches...)
		counts = append(counts, pf.Counts...)
	}
	w := cmd.OutOrStdout()
	if f.dryRun {
		_, err := fmt.Fprintln(w, importSummary(files, opt, model.IncidentImport{Batches: batches}, true))
		return err
	}
	s, actor, err := a.openWriter(cmd)
	if err != nil {
		return err
	}
	defer s.Close()
	done, err := s.ImportIncidents(actor, batches, counts)
	if err != nil {
		return fmt.Errorf("nothing imported: %w", err)
	}
	_, err = fmt.Fprintln(w, importSummary(files, opt, done, false))
	return err
}

// readPoliceFile counts one file: a path, or - for standard input.
func (a *app) readPoliceFile(cmd *cobra.Command, path string, opt importer.PoliceOptions) (importer.PoliceFile, error) {
	if path == "-" {
		return importer.ReadPolice(cmd.InOrStdin(), "standard input", opt)
	}
	if a.remote != nil {
		return importer.PoliceFile{}, usagef("over SSH tasking cannot read files on the server: give - and send the file on standard input (… < %s)", path)
	}
	fh, err := os.Open(a.at(path))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the caller names the file
		}
		return importer.PoliceFile{}, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && !st.Mode().IsRegular() {
		return importer.PoliceFile{}, fmt.Errorf("not a file")
	}
	return importer.ReadPolice(fh, path, opt)
}

// importSummary is the one line an import ends with: what was read, kept
// and skipped and why, the months and forces, months with none of the
// types kept, unlocated rows, and what it replaced.
func importSummary(files []importer.PoliceFile, opt importer.PoliceOptions, done model.IncidentImport, dry bool) string {
	var rows, kept, other, outside, unlocated, unlocSkipped int
	for _, f := range files {
		rows += f.Rows
		kept += f.Kept
		other += f.OtherTypes
		outside += f.OutsideArea
		unlocated += f.Unlocated
		unlocSkipped += f.UnlocatedSkipped
	}
	var months, forces []string
	perMonth := map[string]int{}
	for _, b := range done.Batches {
		m := b.Month.String()
		if !slices.Contains(months, m) {
			months = append(months, m)
		}
		if !slices.Contains(forces, b.Force) {
			forces = append(forces, b.Force)
		}
		perMonth[m] += b.Incidents
	}
	slices.Sort(months)
	span := ""
	if len(months) > 0 {
		span = months[0]
		if len(months) > 1 {
			span += " to " + months[len(months)-1]
		}
	}
	verb := "Imported"
	if dry {
		verb = "Would import (dry run: nothing saved)"
	}
	what := "every crime type"
	if opt.Categories != nil {
		what = strings.Join(opt.Categories, ", ")
	}
	if opt.Area != "" {
		what += fmt.Sprintf(", LSOAs starting %q", opt.Area)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s from %s: %s rows read, %s kept (%s)", verb, span, strings.Join(forces, ", "),
		model.Plural(len(files), "file"), thousands(rows), thousands(kept), what)
	var why []string
	if other > 0 {
		why = append(why, thousands(other)+" other crime types")
	}
	if outside > 0 {
		why = append(why, fmt.Sprintf("%s outside %q", thousands(outside), opt.Area))
	}
	if unlocSkipped > 0 {
		why = append(why, thousands(unlocSkipped)+" with no location, so no area")
	}
	skipped := other + outside + unlocSkipped
	if skipped > 0 {
		fmt.Fprintf(&b, ", %s skipped (%s)", thousands(skipped), strings.Join(why, ", "))
	} else {
		b.WriteString(", none skipped")
	}
	if n := unlocated - unlocSkipped; n > 0 {
		fmt.Fprintf(&b, "; %s unlocated (\"No Location\") kept as no location", thousands(n))
	}
	var none []string
	for _, m := range months {
		if perMonth[m] == 0 {
			none = append(none, m)
		}
	}
	if len(none) > 0 {
		fmt.Fprintf(&b, "; none kept in %s", strings.Join(none, ", "))
	}
	if len(done.Replaced) > 0 {
		var rep []string
		for _, r := range done.Replaced {
			label := r.Month.String()
			if len(done.Replaced) <= 3 {
				label += " " + r.Category + " (imported " + r.At.Local().Format("2 Jan 2006 15:04") + ")"
			}
			if !slices.Contains(rep, label) {
				rep = append(rep, label)
			}
		}
		fmt.Fprintf(&b, "; replaced %s", strings.Join(rep, ", "))
	}
	return b.String() + "."
}

// thousands writes n with commas: 26,028.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// incidentRow: month, lsoa_code, lsoa_name, location, category, count.
type incidentRow struct {
	Month    string `json:"month"`     // 2024-01
	LSOA     string `json:"lsoa_code"` // E01019400, "" per month or for unlocated counts
	LSOAName string `json:"lsoa_name"` // Chesterfield 001A
	Location string `json:"location"`  // the street ("On or near" taken off); "" per LSOA or month
	Category string `json:"category"`  // police.uk's crime type
	Count    int    `json:"count"`
}

func newIncidentsCmd(a *app) *cobra.Command {
	var formatFlag, area, month, by, typ string
	cmd := &cobra.Command{
		Use:   "incidents [--area PREFIX] [--month YYYY-MM] [--by lsoa|location|month] [--type T]",
		Short: "Imported police.uk incident counts, by place or month",
		Long: "incidents lists the counts imported from data.police.uk: per month, place (LSOA and street) and crime " +
			"type, every force's together. --by lsoa adds up each LSOA's streets, --by month each month's places; " +
			"--area keeps LSOAs whose name starts with it, --month one month, --type one crime type.\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[incidentRow](), ", ") + " (location is the street, " +
			"\"On or near\" taken off; lsoa_code and location are empty where counts are added up over them, " +
			"and for unlocated counts).",
		Example: "  tasking incidents --area Chesterfield --by lsoa\n" +
			"  tasking incidents --month 2024-02 --format csv > feb.csv\n" +
			"  tasking incidents --by month --type 'criminal damage'",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			fm, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			filter := model.IncidentFilter{Area: model.CleanLine(area)}
			if filter.By, err = model.ParseGrouping(by); err != nil {
				return usagef("--by: %v", err)
			}
			if month != "" {
				if filter.Month, err = model.ParseMonth(month); err != nil {
					return usagef("--month: %v", err)
				}
			}
			if typ != "" {
				if filter.Category, err = model.ParseCategory1(typ); err != nil {
					return usagef("--type: %v", err)
				}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			got, err := s.Incidents(filter)
			if err != nil {
				return err
			}
			empty := "No incident data matches."
			if batches, err := s.IncidentBatches(); err == nil && len(batches) == 0 {
				empty = "No incident data yet: import data.police.uk files with `tasking import police-uk FILE...`."
			}
			out := list[incidentRow]{rows: make([]incidentRow, 0, len(got)), empty: empty,
				table: func() peopleTable { return incidentTable(got, filter.By) }}
			for _, r := range got {
				out.rows = append(out.rows, incidentRowOf(r))
			}
			return out.write(cmd.OutOrStdout(), fm)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().StringVar(&area, "area", "", "LSOAs whose name starts with this (e.g. Chesterfield)")
	cmd.Flags().StringVar(&month, "month", "", "one month, YYYY-MM")
	cmd.Flags().StringVar(&by, "by", "location", "add up per lsoa, location or month")
	cmd.Flags().StringVar(&typ, "type", "", "one crime type (default: every type imported)")
	return cmd
}

func incidentRowOf(r model.IncidentRow) incidentRow {
	return incidentRow{Month: r.Month.String(), LSOA: r.LSOA, LSOAName: r.LSOAName, Location: r.Location, Category: r.Category, Count: r.Count}
}

// incidentTable is the list for people.
func incidentTable(rows []model.IncidentRow, by model.IncidentGrouping) peopleTable {
	headers := []string{"MONTH", "LSOA", "NAME", "LOCATION", "TYPE", "COUNT"}
	switch by {
	case model.ByMonth:
		headers = []string{"MONTH", "TYPE", "COUNT"}
	case model.ByLSOA:
		headers = []string{"MONTH", "LSOA", "NAME", "TYPE", "COUNT"}
	}
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		loc := r.Location
		if r.LSOA == "" && by != model.ByMonth {
			loc = "(no location)"
		}
		switch by {
		case model.ByMonth:
			out = append(out, []string{r.Month.String(), r.Category, strconv.Itoa(r.Count)})
		case model.ByLSOA:
			out = append(out, []string{r.Month.String(), r.LSOA, cell(r.LSOAName), r.Category, strconv.Itoa(r.Count)})
		default:
			out = append(out, []string{r.Month.String(), r.LSOA, cell(r.LSOAName), cell(loc), r.Category, strconv.Itoa(r.Count)})
		}
	}
	flex := 3
	if by != model.ByLocation {
		flex = -1
	}
	return peopleTable{headers: headers, rows: out, flex: flex}
}

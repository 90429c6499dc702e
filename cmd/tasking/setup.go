package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// setup: what the welcome screen does, from the command line.

func newSetupCmd(a *app) *cobra.Command {
	var name, chair, chairAgency, chairTitle, agenciesFile, place, clock string
	cmd := &cobra.Command{
		Use:   "setup --name NAME --chair NAME",
		Short: "Set up a new partnership in an empty database",
		Long: "setup does what the app's welcome screen does: the partnership's name, its usual place and time, its " +
			"agencies (the usual list of a district council's tasking group unless --agencies names a file: one agency " +
			"per line, \"Name\" or \"Name,Short name\", UTF-8) and its chair, who is remembered as you on this " +
			"computer. It only ever writes to an empty database.",
		Example: "  tasking setup --db tasking.db --name 'Bolsover CSP' --chair 'Ann Lee' --chair-agency 'community safety'\n" +
			"  tasking setup --name 'Bolsover CSP' --chair 'Ann Lee' --agencies agencies.csv",
		Args: usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) (err error) {
			if !cmd.Flags().Changed("name") || !cmd.Flags().Changed("chair") {
				return usagef("setup needs --name (the partnership) and --chair (who chairs it)")
			}
			agencies := model.DefaultAgencies()
			if agenciesFile != "" {
				var err error
				if agencies, err = readAgencyList(agenciesFile); err != nil {
					return err
				}
			}
			chairAt := 0
			if chairAgency != "" {
				ag, err := model.FindAgency(agencies, chairAgency)
				if err != nil {
					return flagErr("chair-agency", err)
				}
				for i := range agencies {
					if agencies[i].Name == ag.Name {
						chairAt = i
					}
				}
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer discardOnFailure(s, &err)
			empty, err := s.IsEmpty()
			if err != nil {
				return err
			}
			if !empty {
				return alreadyHeld(s, setupNeedsEmpty)
			}
			p := model.Partnership{Name: name, DefaultPlace: place}
			if clock != "" {
				if p.DefaultTime, err = model.ParseClock(clock); err != nil {
					return flagUsage("time", err)
				}
			}
			m, err := s.Setup(store.SetupInput{Partnership: p, Agencies: agencies, ChairName: chair, ChairTitle: chairTitle, ChairAgency: chairAt})
			if errors.Is(err, store.ErrNotEmpty) {
				return alreadyHeld(s, setupNeedsEmpty)
			}
			if err != nil {
				return err
			}
			if err := remember(s.Path(), m.Name); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "tasking: could not remember you on this computer (%v): use --as %q\n", err, m.Name)
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Set up %s in %s: %d agencies; %s is the chair (remembered as you here). Next: add members with `tasking member add` or `tasking member import`.\n",
				model.CleanLine(name), s.Path(), len(agencies), m.Name)
			return err
		}),
	}
	cmd.Flags().StringVar(&name, "name", "", "the partnership's name")
	cmd.Flags().StringVar(&chair, "chair", "", "the chair's name")
	cmd.Flags().StringVar(&chairAgency, "chair-agency", "", "the chair's agency (default: the first)")
	cmd.Flags().StringVar(&chairTitle, "chair-title", "", "the chair's job title")
	cmd.Flags().StringVar(&agenciesFile, "agencies", "", "a file listing the agencies, one per line: Name or Name,Short name")
	cmd.Flags().StringVar(&place, "place", "", "where the group usually meets")
	cmd.Flags().StringVar(&clock, "time", "", "when the group usually meets, 24-hour HH:MM (default 10:00)")
	return cmd
}

// readAgencyList reads agencies, one per line: "Name" or "Name,Short name"
// (a header line "name,short_name" is skipped; UTF-8 with or without a BOM).
func readAgencyList(path string) ([]model.Agency, error) {
	b, err := readLocalFile(path)
	if err != nil {
		return nil, flagErr("agencies", err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("--agencies: %s is not UTF-8 text: save it as UTF-8", path)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out []model.Agency
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("--agencies: %s: %v", path, err)
		}
		if len(rec) == 0 || strings.TrimSpace(rec[0]) == "" || strings.HasPrefix(strings.TrimSpace(rec[0]), "#") {
			continue // blank lines and # comments
		}
		if line == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "name") {
			continue
		}
		a := model.Agency{Name: rec[0]}
		if len(rec) > 1 {
			a.ShortName = rec[1]
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--agencies: %s lists no agencies", path)
	}
	return out, nil
}

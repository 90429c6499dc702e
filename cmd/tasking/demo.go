package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

func newDemoCmd(a *app) *cobra.Command {
	var scale string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Fill an empty database with a realistic fictional partnership",
		Long: "demo loads a fictional Chesterfield partnership — agencies, members, hotspots in real wards " +
			"and a run of past meetings with actions in every state — dated around today. It only ever " +
			"writes to an empty database.",
		Example: "  tasking demo --db /tmp/try.db\n  tasking demo --scale large --db /tmp/bench.db",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			sc, err := demo.ParseScale(scale)
			if err != nil {
				return &usageError{fmt.Errorf("--scale: %w", err)}
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			empty, err := s.IsEmpty()
			if err != nil {
				return err
			}
			if !empty {
				return alreadyHeld(s, demoNeedsEmpty)
			}
			d, err := demo.Build(s.Today(), sc, time.Local)
			if err != nil {
				return err
			}
			if err := s.Seed(model.SystemActor("demo"), d); err != nil {
				if errors.Is(err, store.ErrNotEmpty) {
					return alreadyHeld(s, demoNeedsEmpty)
				}
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Loaded the demo partnership: %d agencies, %d members, %d hotspots, %d meetings, %d actions into %s\n",
				len(d.Agencies), len(d.Members), len(d.Hotspots), len(d.Meetings), len(d.Actions), s.Path())
			return err
		}),
	}
	cmd.Flags().StringVar(&scale, "scale", string(demo.Small), "how much history: small (six meetings) or large (a year, for benchmarks)")
	_ = cmd.RegisterFlagCompletionFunc("scale", cobra.FixedCompletions([]string{string(demo.Small), string(demo.Large)}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// alreadyHeld refuses to mix demo data, or a second set-up, into a real
// (or earlier demo) record; next says what the person can do instead.
func alreadyHeld(s *store.Store, next string) error {
	name := "unnamed"
	if p, err := s.Partnership(); err == nil && p.Name != "" {
		name = model.CleanText(p.Name)
	}
	return fmt.Errorf("%s already holds a partnership (%s); %s", s.Path(), name, next)
}

const (
	demoNeedsEmpty  = "demo data is only loaded into an empty database — use --db to choose another file"
	setupNeedsEmpty = "setup starts a partnership in an empty database — use --db to choose another file, or change this one with `tasking partnership set`, `agency` and `member`"
)

package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

func newDemoCmd(a *app) *cobra.Command {
	var scale string
	var seed uint64
	var noIncidents bool
	cmd := &cobra.Command{
		Use:   "demo [--scale small|large|decade] [--seed N] [--no-incidents]",
		Short: "Fill an empty database with a realistic fictional partnership",
		Long: "demo loads a fictional Chesterfield partnership — agencies, members, hotspots in real wards " +
			"and a run of past meetings with actions in every state — dated around today. It only ever " +
			"writes to an empty database. --scale decade builds ten years (520 meetings, 2,000 hotspots, " +
			"60,000 actions, 240,000 updates and their audit trail), the same for the same --seed, into a new " +
			"file renamed into place when it is complete: what the benchmarks measure. The demo comes with made-up " +
			"police.uk data (anti-social behaviour at made-up places in the real wards, its hotspots linked to them); " +
			"--no-incidents leaves it out, for a demo to import real police.uk files into.",
		Example: "  tasking demo --db /tmp/try.db\n  tasking demo --scale decade --seed 1 --db /tmp/decade.db",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) (err error) {
			sc, err := demo.ParseScale(scale)
			if err != nil {
				return flagUsage("scale", err)
			}
			if cmd.Flags().Changed("seed") && sc != demo.Decade {
				return usagef("--seed goes with --scale decade")
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
				return alreadyHeld(s, demoNeedsEmpty)
			}
			var d store.Dataset
			var loaded string // said once the load is done, without holding d till then
			if sc == demo.Decade {
				// A decade's records are about 110 MB held, and loading
				// them makes gigabytes of short-lived JSON: the collector
				// keeps to a limit rather than doubling what is held.
				debug.SetMemoryLimit(decadeMemoryLimit)
				// Minutes of work: a bar on a terminal, ctrl+c stops it
				// (the file made for it is then removed: discardOnFailure).
				watch, finish := a.longWork(cmd, "demo --scale decade")
				defer func() { err = finish(err) }()
				d, err = demo.BuildDecadeWatched(watch, s.Today(), seed, time.Local)
				if noIncidents {
					demo.WithoutIncidents(&d)
				}
				if err == nil {
					// The decade's dataset is most of what the load
					// holds: what it says is taken now, so that d is not
					// held here while the store lets go of its parts.
					loaded = loadedDemo(d, s.Path())
				}
				switch {
				case err == nil && a.onPostgres():
					// A database loads it in batches as it is: no file to
					// build aside and pack.
					err = s.(*record.Store).SeedWatched(watch, model.SystemActor("demo"), d)
				case err == nil:
					err = a.seedAside(cmd, watch, s, d)
				}
				err = finish(err) // the bar is cleared before the result is said
			} else {
				d, err = demo.Build(s.Today(), sc, time.Local)
				if noIncidents {
					demo.WithoutIncidents(&d)
				}
				if err == nil {
					loaded = loadedDemo(d, s.Path())
					err = s.Seed(model.SystemActor("demo"), d)
				}
			}
			if err != nil {
				if errors.Is(err, store.ErrNotEmpty) {
					return alreadyHeld(s, demoNeedsEmpty)
				}
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), loaded)
			return err
		}),
	}
	cmd.Flags().StringVar(&scale, "scale", string(demo.Small), "how much history: small (six meetings), large (a year) or decade (ten years, for benchmarks)")
	cmd.Flags().BoolVar(&noIncidents, "no-incidents", false, "without the made-up police.uk data (to import real files into)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "with --scale decade: which decade (the same seed always builds the same record)")
	_ = cmd.RegisterFlagCompletionFunc("scale", cobra.FixedCompletions([]string{string(demo.Small), string(demo.Large), string(demo.Decade)}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// loadedDemo is what demo says it loaded from d into the file at path.
func loadedDemo(d store.Dataset, path string) string {
	return fmt.Sprintf("Loaded the demo partnership: %d agencies, %d members, %d hotspots, %d meetings, %d actions, %d powers, %d ASB case reviews into %s",
		len(d.Agencies), len(d.Members), len(d.Hotspots), len(d.Meetings), len(d.Actions), len(d.Powers), len(d.CaseReviews), path)
}

// decadeMemoryLimit is the heap the decade is built in (debug.SetMemoryLimit):
// what the load holds at most (bench/startup.sh -demo) and room to spare.
const decadeMemoryLimit = 160 << 20

// seedAside loads a dataset too big for one transaction into a new file
// beside the database and, once it is complete and packed, renames it over
// the empty database s (which it closes): a failure part way leaves
// nothing half-made.
func (a *app) seedAside(cmd *cobra.Command, watch store.Watch, s store.Record, d store.Dataset) error {
	now, err := a.clock()
	if err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.building-%d", s.Path(), os.Getpid())
	aside, err := bolt.Open(tmp, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now})
	if err != nil {
		return err
	}
	if err := aside.SeedWatched(watch, model.SystemActor("demo"), d); err != nil {
		aside.Close()
		os.Remove(tmp)
		return err
	}
	if err := aside.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	// Loaded in batches, the file's indexes are half full and its freed
	// pages many: packed, it is the size of what it holds.
	if err := bolt.CompactFile(watch, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, s.Path()); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// alreadyHeld refuses to mix demo data, or a second set-up, into a real
// (or earlier demo) record; next says what the person can do instead.
func alreadyHeld(s store.Record, next string) error {
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

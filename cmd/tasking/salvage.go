package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// salvageAttempts bounds the reads of a damaged file: each read that dies
// is followed by one that starts past the page it died on.
const salvageAttempts = 40

func newSalvageCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "salvage DAMAGED NEW",
		Short: "Copy what is left of a damaged database into a new file, listing what was lost",
		Long: "salvage reads the damaged file (read-only, in a separate process a damaged page cannot take down) and " +
			"copies every record that still proves itself — its checksum holds, it decodes and holds its own ID — " +
			"and every audit event that still reads into NEW, a new file (made aside and put in place only when " +
			"whole; never over a file that exists). Records under a bucket's lost root or branch page are looked for in " +
			"the file's other pages, and taken only as the version the audit trail, saved whole, says was last written. " +
			"The indexes are rebuilt from the records saved. It lists what " +
			"could not be saved by kind and ref, then checks NEW: where audit events were lost the chain breaks, " +
			"and check says where. The damaged file is never changed. Restore a backup if there is a good one " +
			"(tasking restore); salvage when there is not, or to recover what changed since it.",
		Example: "  tasking salvage /srv/tasking/tasking.db /srv/tasking/tasking-salvaged.db",
		Args:    usageArgs(cobra.ExactArgs(2)),
		RunE: a.run(func(cmd *cobra.Command, args []string) (err error) {
			if a.remote != nil {
				return fmt.Errorf("`salvage` %s, so it runs on the server's machine, not over SSH", localOnly["salvage"])
			}
			damaged, newPath := args[0], args[1]
			if err := bolt.ServedBy(damaged); err != nil {
				return err
			}
			h, err := bolt.NewSalvageHaul(damaged, newPath)
			if err != nil {
				return err
			}
			// ctrl+c stops the reading (the new file, built aside, is
			// removed); once the new file is being written it is let
			// finish, and then checked.
			watch, finish := a.longWork(cmd, "salvage")
			defer func() { err = finish(err) }()
			for attempt := 0; !h.Done; attempt++ {
				if err := watch.Step(store.Step{What: "reading what is left of the damaged file"}); err != nil {
					h.Abandon()
					return err
				}
				if attempt == salvageAttempts {
					h.Abandon()
					return fmt.Errorf("the damaged file %s could not be read past %s after %d tries; nothing was written", damaged, h.From.Bucket, salvageAttempts)
				}
				err := salvageReadInChild(watch.Context(), damaged, h)
				if stopped := watch.Stopped(); stopped != nil {
					// The read was stopped, not the file's damage.
					h.Abandon()
					return stopped
				}
				if err != nil {
					h.Abandon()
					return err
				}
			}
			watch.Report(store.Step{What: "writing the new file"})
			report, err := h.Finish()
			if err != nil {
				return err
			}
			problems, err := checkNewFile(cmd, a, newPath, watch.Unstopped())
			if err = finish(err); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Salvaged %s into %s.\n", damaged, newPath)
			fmt.Fprintf(out, "Saved: %s.\n", keptWords(report.Kept))
			if lines := report.Lost.Lines(); len(lines) > 0 {
				fmt.Fprintf(out, "Could not save (%d):\n", report.Lost.Count())
				for _, l := range lines {
					fmt.Fprintln(out, "  "+l)
				}
			} else {
				fmt.Fprintln(out, "Nothing was lost.")
			}
			for _, n := range report.Notes {
				fmt.Fprintln(out, "Note: "+n)
			}
			return saySalvagedCheck(newPath, problems, out)
		}),
	}
}

// checkNewFile runs the record check on the salvaged file, watched.
func checkNewFile(cmd *cobra.Command, a *app, path string, watch store.Watch) ([]store.Problem, error) {
	now, err := a.clock()
	if err != nil {
		return nil, err
	}
	s, err := bolt.Open(path, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now, ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("%s was made but does not open: %w", path, err)
	}
	defer s.Close()
	return s.CheckRecordsWatched(watch)
}

// saySalvagedCheck says what the record check found on the new file: the
// audit chain's breaks where events were lost are said as such; anything
// else is a problem (exit 1).
func saySalvagedCheck(path string, problems []store.Problem, out io.Writer) error {
	var chain, other []store.Problem
	for _, p := range problems {
		if p.Where == "audit chain" || strings.HasPrefix(p.Where, "audit #") {
			chain = append(chain, p)
		} else {
			other = append(other, p)
		}
	}
	if len(chain) > 0 {
		fmt.Fprintf(out, "The audit chain in %s breaks where events or the changes they recorded were lost (%d):\n", path, len(chain))
		for _, p := range chain {
			fmt.Fprintln(out, "  "+p.String())
		}
		fmt.Fprintln(out, "Keep the damaged file and this list with the record: they say what the salvage could not prove.")
	}
	for _, p := range other {
		fmt.Fprintln(out, p.String())
	}
	if len(other) > 0 {
		fmt.Fprintf(out, "%s: %d problems apart from the audit chain (see the README: \"When check finds a problem\")\n", path, len(other))
		return errProblemsFound
	}
	_, err := fmt.Fprintf(out, "%s: check found no problems %s\n", path, map[bool]string{true: "apart from the audit chain's breaks", false: "(the audit chain is whole)"}[len(chain) > 0])
	return err
}

func keptWords(kept map[string]int) string {
	var parts []string
	for _, b := range []string{"agencies", "members", "hotspots", "actions", "updates", "decisions", "notes", "meetings", "amendments", "snapshots", "audit"} {
		if n := kept[b]; n > 0 {
			name := map[string]string{"snapshots": "frozen meeting records", "audit": "audit events", "updates": "action updates"}[b]
			if name == "" {
				name = b
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
		}
	}
	if n := kept["incidents"]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d incident counts", n))
	}
	if kept["meta"] > 0 {
		parts = append([]string{"the partnership's details"}, parts...)
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// newSalvageReadCmd is the child salvage reads the damaged file in:
// hidden, since only salvage calls it. It writes a binary stream to stdout.
func newSalvageReadCmd(a *app) *cobra.Command {
	var bucket, after string
	var skip bool
	cmd := &cobra.Command{
		Use:    "salvage-read DAMAGED",
		Hidden: true,
		Args:   usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if a.remote != nil {
				return fmt.Errorf("`salvage-read` %s, so it runs on the server's machine, not over SSH", localOnly["salvage-read"])
			}
			k, err := hex.DecodeString(after)
			if err != nil {
				return usagef("--after: %v", err)
			}
			from := bolt.SalvageFrom{Bucket: bucket, Skip: skip}
			if after != "" {
				from.After = k
			}
			return bolt.SalvageRead(args[0], from, cmd.OutOrStdout())
		}),
	}
	cmd.Flags().StringVar(&bucket, "bucket", "", "start at this bucket")
	cmd.Flags().StringVar(&after, "after", "", "start after this key (hex)")
	cmd.Flags().BoolVar(&skip, "skip", false, "the last read died after --after: step past its page")
	return cmd
}

// salvageReadInChild runs one read of the damaged file in a child, handing
// its stream to h. A child that dies (a damaged page bbolt could not
// recover from) is noted; one that refuses (locked, missing) is an error.
func salvageReadInChild(ctx context.Context, damaged string, h *bolt.SalvageHaul) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	args := []string{"salvage-read", damaged, "--bucket", h.From.Bucket}
	if h.From.After != nil {
		args = append(args, "--after", hex.EncodeToString(h.From.After))
	}
	if h.From.Skip {
		args = append(args, "--skip")
	}
	child := exec.CommandContext(ctx, self, args...)
	ownProcessGroup(child) // ctrl+c is the parent's to act on: not a read that died
	var stderr bytes.Buffer
	child.Stderr = &stderr
	stdout, err := child.StdoutPipe()
	if err != nil {
		return err
	}
	if err := child.Start(); err != nil {
		return err
	}
	terr := h.Take(stdout)
	_, _ = io.Copy(io.Discard, stdout)
	err = child.Wait()
	if terr != nil {
		return terr
	}
	var exit *exec.ExitError
	switch {
	case err == nil && h.Done:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == exitError:
		// The child said why in one line (missing, locked, unopenable).
		return errors.New(strings.TrimPrefix(strings.TrimSpace(stderr.String()), "tasking: "))
	case err == nil:
		h.Died("it stopped without finishing")
	default:
		why := err.Error()
		if l := strings.SplitN(strings.TrimSpace(stderr.String()), "\n", 2)[0]; l != "" {
			why += ": " + l
		}
		h.Died(why)
	}
	return nil
}

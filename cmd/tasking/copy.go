package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// copy moves a whole record between a tasking file and a PostgreSQL
// database, either way, and checks what it made.

func newCopyCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "copy FROM TO",
		Short: "Copy the whole record between a file and a PostgreSQL database, either way, and check the copy",
		Long: "copy reads the whole record FROM holds, as of one moment, and writes it into TO, which must be a new " +
			"file or an empty PostgreSQL database (postgres://…): every record as stored, every index and all data " +
			"kept by key, the audit trail, the frozen minutes of closed meetings and each kind's last ID, so the " +
			"next action gets the ref it would have got. Then TO is checked: its indexes and its audit chain against " +
			"every record (as `tasking check` does), and the minutes of every closed meeting, which must be byte for " +
			"byte what FROM gives. FROM is only read. Stop the server on a file first.",
		Example: "  tasking copy ~/.local/share/tasking/tasking.db 'postgres://tasking@db.county.example/tasking'\n" +
			"  tasking copy 'postgres://tasking@db.county.example/tasking' tasking-copy.db",
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: a.run(func(cmd *cobra.Command, args []string) (err error) {
			from, to := args[0], args[1]
			if !onPostgres(from) {
				from = a.atAbs(from)
				if _, err := os.Stat(from); errors.Is(err, fs.ErrNotExist) {
					return &bolt.MissingError{Path: from}
				}
			}
			if !onPostgres(to) {
				to = a.atAbs(to)
				if _, err := os.Lstat(to); err == nil {
					return fmt.Errorf("%s already exists: copy into a new file, so nothing is ever written over", to)
				}
			}
			now, err := a.clock()
			if err != nil {
				return err
			}
			src, err := openStore(cmd, from, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now, ReadOnly: true})
			if err != nil {
				return err
			}
			defer src.Close()
			if empty, err := src.IsEmpty(); err != nil || empty {
				return errors.Join(err, noPartnershipIf(empty, src.Path()))
			}
			dst, err := openStore(cmd, to, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now})
			if err != nil {
				return err
			}
			defer discardOnFailure(dst, &err) // a new file, refused or stopped before it held anything, is not left behind
			if err := dst.HoldsNothing(); err != nil {
				return err
			}
			watch, finish := a.longWork(cmd, "copy")
			into, err := recordOf(dst)
			if err != nil {
				return finish(err)
			}
			r, err := src.CopyTo(watch, into)
			if err != nil {
				err = finish(err)
				if onPostgres(to) {
					return fmt.Errorf("%w (the database may hold part of the copy: empty it before trying again)", err)
				}
				os.Remove(to) // nothing half made is left to be mistaken for a copy
				return err
			}
			if err = finish(checkCopy(watch, src, dst, onPostgres(to))); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Copied %s into %s: %d records and %d index keys; checked: no problems, and the minutes of every closed meeting the same byte for byte\n",
				src.Path(), dst.Path(), r.Records, r.Keys)
			return err
		}),
	}
}

func noPartnershipIf(empty bool, path string) error {
	if empty {
		return noPartnership(path)
	}
	return nil
}

// checkCopy holds the copy to the original: a file's whole record check,
// or a database's indexes and audit chain, and every closed meeting's
// minutes, in every text format, restricted and public, byte for byte.
func checkCopy(w store.Watch, src, dst held, database bool) error {
	w.Report(store.Step{What: "checking the copy"})
	var problems []string
	if database {
		ps, err := dst.CheckIndexes()
		if err != nil {
			return err
		}
		for _, p := range ps {
			problems = append(problems, p.String())
		}
	} else {
		f, err := fileOf(dst)
		if err != nil {
			return err
		}
		ps, err := f.CheckRecordsWatched(w)
		if err != nil {
			return err
		}
		for _, p := range ps {
			problems = append(problems, p.String())
		}
	}
	r, err := dst.VerifyChain()
	if err != nil {
		return err
	}
	problems = append(problems, r.Problems...)
	meetings, err := src.Meetings()
	if err != nil {
		return err
	}
	for _, m := range meetings {
		if m.State != model.MeetingClosed {
			continue
		}
		if err := w.Step(store.Step{What: "comparing the minutes of " + model.MeetingRef(m.ID)}); err != nil {
			return err
		}
		differ, err := sameMinutes(src, dst, m.ID)
		if err != nil {
			return err
		}
		if differ != "" {
			problems = append(problems, fmt.Sprintf("%s: the copy's %s minutes differ from the original's", model.MeetingRef(m.ID), differ))
		}
	}
	if len(problems) > 0 {
		for i, p := range problems {
			problems[i] = "  " + p
		}
		return fmt.Errorf("the copy in %s does not check out (%d problems); it is left as it is for a look, and the original is unchanged:\n%s",
			dst.Path(), len(problems), strings.Join(problems, "\n"))
	}
	return nil
}

// sameMinutes says which of a closed meeting's minutes differ between the
// two records ("": none).
func sameMinutes(src, dst held, id model.ID) (string, error) {
	a, err := src.MinutesRecord(id)
	if err != nil {
		return "", err
	}
	b, err := dst.MinutesRecord(id)
	if err != nil {
		return "", err
	}
	for _, f := range []minutes.Format{minutes.MD, minutes.HTML, minutes.TXT, minutes.JSON} {
		for _, public := range []bool{false, true} {
			x, err := minutes.Render(a, f, minutes.Options{Public: public})
			if err != nil {
				return "", err
			}
			y, err := minutes.Render(b, f, minutes.Options{Public: public})
			if err != nil {
				return "", err
			}
			if !bytes.Equal(x, y) {
				if public {
					return "public " + string(f), nil
				}
				return string(f), nil
			}
		}
	}
	return "", nil
}

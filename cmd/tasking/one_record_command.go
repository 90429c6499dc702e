package main

import (
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// oneRecordCommand is the shape of a change to one record named by its ref
// (a power's extend, review and end; a case review's decide and answer):
// the record is read, do changes it against the version just read, and
// what do says is printed after the record's ref.
func oneRecordCommand[T interface{ Ref() string }](a *app, prefix string, read func(store.Record, model.ID) (T, error),
	use, short, long, example string, do func(cmd *cobra.Command, s store.Record, actor model.Actor, r T) (T, string, error)) *cobra.Command {
	return &cobra.Command{
		Use: use, Short: short, Long: long, Example: example,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			id, err := model.ParseRef(prefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			r, err := read(s, id)
			if err != nil {
				return err
			}
			r, said, err := do(cmd, s, actor, r)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", r.Ref(), said)
			return err
		}),
	}
}

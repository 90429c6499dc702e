package main

import (
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// release: make one private record public, deliberately, in the meeting.

func newReleaseCmd(a *app) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "release REF --reason TEXT",
		Short: "Make one private record public, deliberately (minuted in Part 2)",
		Long: "release makes one private record public: an action (A-12), a decision (D-4) or a note (N-5) that was " +
			"agreed or said in private (Part 2, about a named person, or marked confidential). What was private stays " +
			"private whatever later happens around it — its hotspot back in Part 1, closed with its actions moved to " +
			"general business, anything renamed — until someone releases it on purpose.\n\n" +
			"Only the chair or an admin may, with a reason. Made while a meeting is under way, the release is a Part 2 " +
			"resolution of that meeting; made between meetings it takes effect at once and the next meeting minutes it " +
			"in Part 2 as released since the last one. Either way it is its own minute after the other Part 2 business " +
			"(the public minutes show its number and a neutral heading only), it is in the audit trail, and the record " +
			"says which resolution released it. A record about a hotspot that is private now (taken in Part 2, or a " +
			"personal ASB case) cannot be released: everything about that hotspot is withheld, so it would publish nothing.",
		Example: "  tasking --as 'Helen Marsh' release A-12 --reason 'The court case has concluded and the order is public'",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("reason") {
				return usagef("say why it may be public: --reason TEXT")
			}
			if _, _, err := model.ParseReleasable(args[0]); err != nil {
				return &usageError{err}
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := s.Release(actor, args[0], reason)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), model.Released(model.CanonicalRef(args[0]), d))
			return err
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why it may be public now")
	return cmd
}

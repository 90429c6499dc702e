package main

import (
	"github.com/spf13/cobra"
)

// newMemberImportCmd is wired once the importer package lands.
func newMemberImportCmd(a *app) *cobra.Command {
	return &cobra.Command{Use: "import FILE.csv [--dry-run]", Hidden: true, RunE: a.run(func(cmd *cobra.Command, _ []string) error { return usagef("not yet") })}
}

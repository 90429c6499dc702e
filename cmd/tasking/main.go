// Command tasking runs the weekly multi-agency ASB tasking meeting: with no
// subcommand it opens the TUI; the subcommands load demo data, export
// minutes and list hotspots, actions, agencies and members for scripts.
//
// Errors are one line on stderr. Exit codes: 0 ok, 1 the command failed,
// 2 the command line was wrong (see errors.go).
package main

import (
	"context"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
)

// version is set at release time: -ldflags "-X main.version=v1.2.3".
var version string

func main() {
	if versionAsked(os.Args[1:]) {
		// Said at once: the command tree (every command, flag and
		// completion) is not built to print one line.
		os.Stdout.WriteString(versionLine())
		return
	}
	startingHeap(24)
	root := buildRoot(&app{argv: os.Args[1:]})
	err := fang.Execute(context.Background(), root,
		fang.WithErrorHandler(printError),
		fang.WithVersion(buildVersion()),
	)
	os.Exit(exitCode(err))
}

// buildVersion is the release version, else the module version from the
// build, else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// versionAsked: the command line is `tasking --version` (or -v) and
// nothing else, which fang would answer with versionLine.
func versionAsked(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-v")
}

// versionLine is what `tasking --version` prints: cobra's version template
// with fang's version (TestVersionIsFangs holds them the same).
func versionLine() string { return "tasking version " + buildVersion() + "\n" }

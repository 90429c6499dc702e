package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// argCompletions is what TAB offers for each command's arguments: refs
// where a command takes a ref, names where it takes a person or an agency
// (complete.go reads them). Commands not listed offer no files either,
// unless they take one.
func (a *app) argCompletions() map[string]cobra.CompletionFunc {
	return map[string]cobra.CompletionFunc{
		"action update":      a.complete(1, actionRefs(true)),
		"action show":        a.complete(1, actionRefs(false)),
		"meeting review":     a.complete(1, mattersArising),
		"hotspot show":       a.complete(1, hotspotRefs(false)),
		"hotspot update":     a.complete(1, hotspotRefs(false)),
		"hotspot close":      a.complete(1, hotspotRefs(true)),
		"hotspot assess":     a.complete(1, hotspotRefs(true)),
		"meeting add":        a.complete(1, hotspotRefs(true)),
		"meeting drop":       a.complete(1, agendaHotspots),
		"meeting move":       a.complete(1, agendaHotspots),
		"meeting part2":      a.complete(1, agendaHotspots),
		"meeting attend":     a.complete(0, memberNames),
		"meeting declare":    a.complete(1, memberNames),
		"minutes":            a.complete(1, meetingRefs),
		"member edit":        a.complete(1, memberNames),
		"member retire":      a.complete(1, memberNames),
		"member key add":     a.completeThenFiles(1, memberNames), // NAME KEYFILE
		"member key list":    a.complete(1, memberNames),
		"member key remove":  a.complete(1, memberNames),
		"agency rename":      a.complete(1, agencyNames),
		"agency retire":      a.complete(1, agencyNames),
		"power add":          a.complete(1, powerKinds),
		"power extend":       a.complete(1, powerRefs),
		"power review":       a.complete(1, powerRefs),
		"power end":          a.complete(1, powerRefs),
		"case-review decide": a.complete(1, caseReviewRefs),
		"case-review answer": a.complete(1, caseReviewRefs),
		"case-review show":   a.complete(1, caseReviewRefs),
		"hotspot accept":     a.complete(1, suggestionNumbers),
		"hotspot dismiss":    a.complete(1, suggestionNumbers),
		"hotspot link":       a.complete(1, hotspotRefs(true)),
		"hotspot counts":     a.complete(1, hotspotRefs(true)),
	}
}

// flagCompletions is what TAB offers for the flags that take a ref or a
// name, on whichever command has them.
func (a *app) flagCompletions(path string) map[string]cobra.CompletionFunc {
	hotspots := hotspotRefs(true) // where a hotspot is chosen for new business
	if path == "actions" {
		hotspots = hotspotRefs(false) // a filter: closed hotspots' actions too
	}
	flags := map[string]cobra.CompletionFunc{
		"agency":  a.completeFlag(agencyNames),
		"lead":    a.completeFlag(agencyNames),
		"hotspot": a.completeFlag(hotspots),
		"action":  a.completeFlag(actionRefs(true)),
		"meeting": a.completeFlag(meetingRefs),
		// A named officer is usually a member (someone else may be typed).
		"officer": a.completeFlag(memberNames),
	}
	if path == "action update" || path == "meeting review" {
		flags["status"] = actionStatusCompletions()
	}
	return flags
}

// addCompletions gives every command of the tree under root its
// completions: --as everywhere, and argCompletions and flagCompletions
// where they apply.
func (a *app) addCompletions(root *cobra.Command) {
	_ = root.RegisterFlagCompletionFunc("as", a.completeFlag(memberNames))
	args := a.argCompletions()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.TrimPrefix(c.CommandPath(), root.Name()+" ")
		if f, ok := args[path]; ok {
			c.ValidArgsFunction = f
		}
		for name, f := range a.flagCompletions(path) {
			if c.LocalFlags().Lookup(name) != nil {
				_ = c.RegisterFlagCompletionFunc(name, f)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

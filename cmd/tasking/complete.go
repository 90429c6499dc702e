package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// Shell completion offers what the database holds: action, hotspot and
// meeting refs, agency and member names, each with a short description
// (zsh and fish show it). A completion reads the database read-only, as
// the person at the keyboard may read it (store.ReadAs), beside anyone
// else, and changes no byte of it; whatever goes wrong — no file yet, a
// typo in --as, the file busy — it quietly offers nothing, because a TAB
// must never print an error into the line being typed. Over SSH it reads
// the server's record as the key's member, so it offers the same.

// completeLock is how long a completion waits for the file: a TAB must
// not hang the shell.
const completeLock = 200 * time.Millisecond

// completeDescription is the most columns a description takes.
const completeDescription = 60

// candidates lists what may be offered, from a record, given what has been
// typed so far (most lists need not look: offer keeps those that fit).
type candidates func(s store.Record, typed string) ([]cobra.Completion, error)

// complete is a cobra completion of the positional arguments that offers
// list for the first maxArgs of them (0: every one), each value once.
func (a *app) complete(maxArgs int, list candidates) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if maxArgs > 0 && len(args) >= maxArgs {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		out := a.offer(cmd, toComplete, list)
		out = slices.DeleteFunc(out, func(c cobra.Completion) bool { return slices.Contains(args, value(c)) })
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeThenFiles is complete for a command whose later arguments are
// files: after the first maxArgs, the shell offers files as usual.
func (a *app) completeThenFiles(maxArgs int, list candidates) cobra.CompletionFunc {
	names := a.complete(maxArgs, list)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= maxArgs {
			return nil, cobra.ShellCompDirectiveDefault
		}
		return names(cmd, args, toComplete)
	}
}

// completeFlag is complete for a flag's value.
func (a *app) completeFlag(list candidates) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return a.offer(cmd, toComplete, list), cobra.ShellCompDirectiveNoFileComp
	}
}

// offer is list read from the database, those that start with what has been
// typed (letter case aside); nothing when the database cannot be read.
func (a *app) offer(cmd *cobra.Command, toComplete string, list candidates) []cobra.Completion {
	s, err := a.openForCompletion(cmd)
	if err != nil {
		cobra.CompDebugln("tasking: "+err.Error(), false)
		return nil
	}
	defer s.Close()
	all, err := list(s, toComplete)
	if err != nil {
		cobra.CompDebugln("tasking: "+err.Error(), false)
		return nil
	}
	typed := strings.ToLower(toComplete)
	var out []cobra.Completion
	for _, c := range all {
		if strings.HasPrefix(strings.ToLower(value(c)), typed) {
			out = append(out, c)
		}
	}
	return out
}

// openForCompletion opens the database read-only, as its reader may read
// it, saying nothing on stderr, and never creating a file.
func (a *app) openForCompletion(cmd *cobra.Command) (store.Record, error) {
	if a.remote != nil {
		return store.ReadAs(sharedRecord{a.remote.rec}, a.remote.actor), nil
	}
	if a.joined != nil {
		s := sharedRecord{a.joined.rec}
		reader, err := a.reader(cmd, s)
		if err != nil {
			return nil, err
		}
		return store.ReadAs(s, reader), nil
	}
	// As dbPath finds it, but making no folder on the way: a TAB creates
	// nothing.
	path := a.db
	if path == "" {
		path = os.Getenv("TASKING_DB")
	}
	if path == "" {
		path = filepath.Join(xdg.DataHome, defaultDBName)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !onPostgres(path) {
		return nil, err
	}
	now, err := a.clock()
	if err != nil {
		return nil, err
	}
	s, err := openStore(cmd, path, bolt.Options{Mode: mode(cmd), LockTimeout: completeLock, Now: now, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	reader, err := a.reader(cmd, s)
	if err != nil {
		s.Close()
		return nil, err
	}
	return store.ReadAs(s, reader), nil
}

// value is a completion without its description.
func value(c cobra.Completion) string {
	v, _, _ := strings.Cut(c, "\t")
	return v
}

// described is a completion with its description, on one line and short.
func described(v, description string) cobra.Completion {
	d := ansi.Truncate(model.CleanLine(description), completeDescription, "…")
	if d == "" {
		return model.CleanLine(v)
	}
	return cobra.CompletionWithDesc(model.CleanLine(v), d)
}

// actionRefs are the actions' refs with their words; open ones only when
// open is set.
func actionRefs(open bool) candidates {
	return func(s store.Record, _ string) ([]cobra.Completion, error) {
		acts, err := s.Actions(model.ActionFilter{OpenOnly: open})
		if err != nil {
			return nil, err
		}
		out := make([]cobra.Completion, 0, len(acts))
		for _, act := range acts {
			out = append(out, described(act.Ref(), strings.TrimSpace(act.Mark()+" "+act.Text)))
		}
		return out, nil
	}
}

// mattersArising are the open meeting's matters arising (the actions
// `meeting review` takes), else every open action.
func mattersArising(s store.Record, _ string) ([]cobra.Completion, error) {
	m, open, err := s.OpenMeeting()
	if err != nil || !open {
		return actionRefs(true)(s, "")
	}
	rec, err := s.MeetingRecord(m.ID)
	if err != nil {
		return nil, err
	}
	var out []cobra.Completion
	for _, act := range rec.MattersArising() {
		out = append(out, described(act.Ref(), strings.TrimSpace(act.Mark()+" "+act.Text)))
	}
	return out, nil
}

// hotspotRefs are the hotspots' refs with their titles; open ones only
// when open is set.
func hotspotRefs(open bool) candidates {
	return func(s store.Record, _ string) ([]cobra.Completion, error) {
		hs, err := s.Hotspots()
		if err != nil {
			return nil, err
		}
		var out []cobra.Completion
		for _, h := range hs {
			if !open || h.IsOpen() {
				out = append(out, described(h.Ref(), h.Title))
			}
		}
		return out, nil
	}
}

// agendaHotspots are the refs of the hotspots on the open meeting's agenda.
func agendaHotspots(s store.Record, _ string) ([]cobra.Completion, error) {
	m, open, err := s.OpenMeeting()
	if err != nil || !open {
		return nil, err
	}
	var ids []model.ID
	for _, it := range m.Agenda {
		if it.Kind == model.ItemHotspot {
			ids = append(ids, it.HotspotID)
		}
	}
	hs, err := s.HotspotsOf(ids)
	if err != nil {
		return nil, err
	}
	out := make([]cobra.Completion, 0, len(ids))
	for _, id := range ids {
		out = append(out, described(model.HotspotRef(id), hs[id].Title))
	}
	return out, nil
}

// meetingRefs are "latest" and every meeting's ref with its date, newest
// first.
func meetingRefs(s store.Record, _ string) ([]cobra.Completion, error) {
	ms, err := s.Meetings()
	if err != nil {
		return nil, err
	}
	out := []cobra.Completion{described("latest", "the most recent meeting")}
	for i := len(ms) - 1; i >= 0; i-- {
		out = append(out, described(ms[i].Ref(), ms[i].Date.Long()+" ("+string(ms[i].State)+")"))
	}
	return out, nil
}

// agencyNames are the agencies still in the partnership, with their short
// names. --agency takes a short name too ("police"): what is typed that
// starts no agency's name but starts its short name is offered the short
// name.
func agencyNames(s store.Record, typed string) ([]cobra.Completion, error) {
	ags, err := s.Agencies()
	if err != nil {
		return nil, err
	}
	typed = strings.ToLower(typed)
	var names, shorts []cobra.Completion
	for _, ag := range ags {
		if ag.Retired {
			continue
		}
		names = append(names, described(ag.Name, ag.ShortName))
		if strings.HasPrefix(strings.ToLower(ag.Name), typed) {
			continue
		}
		if ag.ShortName != "" && typed != "" && strings.HasPrefix(strings.ToLower(ag.ShortName), typed) {
			shorts = append(shorts, described(ag.ShortName, ag.Name))
		}
	}
	return append(names, shorts...), nil
}

// memberNames are the members still on the group, with their agencies.
func memberNames(s store.Record, _ string) ([]cobra.Completion, error) {
	members, err := s.Members()
	if err != nil {
		return nil, err
	}
	ags, err := s.Agencies()
	if err != nil {
		return nil, err
	}
	idx := model.IndexAgencies(ags)
	var out []cobra.Completion
	for _, m := range members {
		if !m.Retired {
			out = append(out, described(m.Name, idx.Name(m.AgencyID)))
		}
	}
	return out, nil
}

// powerRefs are the refs of the powers current now (in force, or yet to
// take effect), each with its kind and where it is.
func powerRefs(s store.Record, _ string) ([]cobra.Completion, error) {
	ps, err := s.Powers(model.PowerFilter{CurrentAt: s.Now()})
	if err != nil {
		return nil, err
	}
	var out []cobra.Completion
	for _, p := range ps {
		on := model.HotspotRef(p.HotspotID)
		if on == "" {
			on = model.ActionRef(p.ActionID)
		}
		out = append(out, described(p.Ref(), p.Kind.Title()+" on "+on))
	}
	return out, nil
}

// powerKinds are the powers add takes.
func powerKinds(store.Record, string) ([]cobra.Completion, error) {
	var out []cobra.Completion
	for _, k := range model.PowerKinds {
		out = append(out, described(string(k), k.Title()))
	}
	return out, nil
}

// caseReviewRefs are the refs of the case reviews not yet answered, each
// with what it waits for (never the applicant: completion is drawn on a
// terminal anyone may be reading).
func caseReviewRefs(s store.Record, _ string) ([]cobra.Completion, error) {
	cs, err := s.CaseReviews(true)
	if err != nil {
		return nil, nil // a public-only reader completes nothing here
	}
	var out []cobra.Completion
	for _, c := range cs {
		out = append(out, described(c.Ref(), "ASB case review, waiting for its "+c.Waiting(s.Today())))
	}
	return out, nil
}

// suggestionNumbers are the emerging hotspots on offer, by their number in
// `hotspot suggest`, each with its place and count.
func suggestionNumbers(s store.Record, _ string) ([]cobra.Completion, error) {
	ss, err := s.Suggestions()
	if err != nil {
		return nil, err
	}
	var out []cobra.Completion
	for i, sg := range ss {
		out = append(out, described(strconv.Itoa(i+1), sg.Place.Label()+": "+strconv.Itoa(sg.Count)+" in "+sg.Month.Short()))
	}
	return out, nil
}

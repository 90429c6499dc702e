package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Salvage: what is left of a damaged record, copied into a new file. These
// are the rules for what a salvage may do; the store reads the damaged
// file (in a child process, which a damaged page cannot take the salvage
// down with) and writes the new one.

// CheckSalvage refuses a salvage that could harm a record: the new file
// must be a new name (never the damaged file, never anything already
// there), and the damaged file must exist. The damaged file is only ever
// read.
func CheckSalvage(damaged, newPath string, damagedExists, newExists, same bool) error {
	switch {
	case damaged == "" || newPath == "":
		return Invalid("salvage", "give the damaged file and a new file to copy what is left into: tasking salvage DAMAGED NEW")
	case !damagedExists:
		return Invalid("salvage", "%s does not exist: there is nothing to salvage", damaged)
	case same:
		return Invalid("salvage", "%s is the damaged file itself: salvage never writes over it; name a new file", newPath)
	case newExists:
		return Invalid("salvage", "%s already exists: salvage only makes a new file, and never replaces one (move it away or name another)", newPath)
	}
	return nil
}

// SalvageValue is what reading one stored value of a damaged file found.
type SalvageValue struct {
	Index   bool // an index or other value derived from records: rebuilt, never copied
	Sealed  bool // it carries a frame and a checksum
	CRCOK   bool // its checksum matches its bytes
	Record  bool // it is a record keyed by its ID (not meta, not incident counts)
	Decodes bool // its JSON decodes as its kind of record
	IDOK    bool // the ID inside it is the key it is stored under
	Plain   bool // an unsealed value that tasking keeps unsealed (the file's format and schema)
	// Loose: found by reading the file's pages one by one, not by following
	// its bucket's tree (whose root or branch page is lost). Such a page
	// may be a freed one, holding an older version of a record, and says
	// nothing of which bucket it was in: an ID and a checksum prove neither.
	Loose bool
	// Vouched: the audit trail, read whole, says this very value (by its
	// SHA-256) is the last one written to this record of this kind.
	Vouched bool
}

// SalvageVerdict is what a salvage does with a value.
type SalvageVerdict int

const (
	SalvageCopy    SalvageVerdict = iota // copied into the new file as it is, byte for byte
	SalvageRebuild                       // left behind: rebuilt from the records copied
	SalvageLose                          // left behind and listed as lost
	SalvageLeave                         // left behind unlisted: a loose copy nothing vouches for, of a record saved or listed otherwise
)

// SalvageKeep says what a salvage does with a value, and why a lost one
// is lost. Only a value that proves itself is copied: its checksum holds,
// and a record decodes and holds its own ID. Nothing is repaired or
// guessed: a record that fails is listed by its ref, for someone to enter
// again from a backup or the minutes. A loose one is taken only as a
// record the whole audit trail vouches for.
func SalvageKeep(v SalvageValue) (SalvageVerdict, string) {
	switch {
	case v.Loose && (!v.Record || !v.Vouched):
		return SalvageLeave, "found on a page outside its bucket, and the audit trail does not say it is the last version of a record"
	case v.Index:
		return SalvageRebuild, ""
	case v.Plain:
		return SalvageCopy, ""
	case !v.Sealed:
		return SalvageLose, "stored without its checksum"
	case !v.CRCOK:
		return SalvageLose, "fails its checksum"
	case v.Record && !v.Decodes:
		return SalvageLose, "does not decode"
	case v.Record && !v.IDOK:
		return SalvageLose, "does not hold its own ID"
	}
	return SalvageCopy, ""
}

// Salvage kinds, in the order lost things are listed.
var salvageKinds = []struct{ bucket, kind, prefix string }{
	{"meta", "the partnership's details", ""}, // the one record kept in meta
	{"agencies", "agencies", "#"},
	{"members", "members", "#"},
	{"hotspots", "hotspots", HotspotPrefix + "-"},
	{"actions", "actions", ActionPrefix + "-"},
	{"updates", "action updates", "#"},
	{"decisions", "decisions", DecisionPrefix + "-"},
	{"notes", "notes", NotePrefix + "-"},
	{"meetings", "meetings", MeetingPrefix + "-"},
	{"amendments", "amendments", "#"},
	{"snapshots", "frozen meeting records", MeetingPrefix + "-"},
	{"audit", "audit events", "#"},
}

// SalvageKind is how a bucket's records are named when they are lost.
func SalvageKind(bucket string) (kind, prefix string) {
	for _, k := range salvageKinds {
		if k.bucket == bucket {
			return k.kind, k.prefix
		}
	}
	return strings.ReplaceAll(bucket, "_", " "), ""
}

// Lost is what a salvage could not save: each kind's IDs (records and
// audit events), and each other value's key in words (incident counts).
type Lost struct {
	IDs  map[string][]ID     // bucket → IDs lost
	Keys map[string][]string // bucket → keys lost, in words
}

// AddID notes a lost record or event.
func (l *Lost) AddID(bucket string, id ID) {
	if l.IDs == nil {
		l.IDs = map[string][]ID{}
	}
	if !slices.Contains(l.IDs[bucket], id) {
		l.IDs[bucket] = append(l.IDs[bucket], id)
	}
}

// Found takes back a record or event noted lost that was saved after all
// (a salvage's search of the file's other pages found a copy that proves
// itself): it is no longer listed.
func (l *Lost) Found(bucket string, id ID) {
	ids := slices.DeleteFunc(l.IDs[bucket], func(x ID) bool { return x == id })
	if len(ids) == 0 {
		delete(l.IDs, bucket)
		return
	}
	l.IDs[bucket] = ids
}

// AddKey notes a lost value that is not keyed by an ID.
func (l *Lost) AddKey(bucket, key string) {
	if l.Keys == nil {
		l.Keys = map[string][]string{}
	}
	if !slices.Contains(l.Keys[bucket], key) {
		l.Keys[bucket] = append(l.Keys[bucket], key)
	}
}

// Count is how many things were lost.
func (l Lost) Count() int {
	n := 0
	for _, ids := range l.IDs {
		n += len(ids)
	}
	for _, ks := range l.Keys {
		n += len(ks)
	}
	return n
}

// Lines lists what was lost, one line a kind: "actions: A-12, A-40 (2)",
// "audit events: #1234–#1300 (67)" (runs of three or more as a range).
func (l Lost) Lines() []string {
	var out []string
	done := map[string]bool{}
	line := func(bucket string) {
		if done[bucket] {
			return
		}
		done[bucket] = true
		kind, prefix := SalvageKind(bucket)
		var parts []string
		n := 0
		if ids := slices.Clone(l.IDs[bucket]); len(ids) > 0 {
			slices.Sort(ids)
			parts = append(parts, idRuns(ids, prefix)...)
			n += len(ids)
		}
		if ks := slices.Clone(l.Keys[bucket]); len(ks) > 0 {
			slices.Sort(ks)
			parts = append(parts, ks...)
			n += len(ks)
		}
		if n == 0 {
			return
		}
		if bucket == "meta" {
			out = append(out, kind+": lost (set them again with tasking partnership set)")
			return
		}
		out = append(out, fmt.Sprintf("%s: %s (%d)", kind, strings.Join(parts, ", "), n))
	}
	for _, k := range salvageKinds {
		line(k.bucket)
	}
	var rest []string
	for b := range l.IDs {
		rest = append(rest, b)
	}
	for b := range l.Keys {
		rest = append(rest, b)
	}
	slices.Sort(rest)
	for _, b := range rest {
		line(b)
	}
	return out
}

// idRuns writes sorted IDs as refs, runs of three or more as a range.
func idRuns(ids []ID, prefix string) []string {
	ref := func(id ID) string { return prefix + strconv.FormatUint(id, 10) }
	var out []string
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			out = append(out, ref(ids[i])+"–"+ref(ids[j]))
		case j == i+1:
			out = append(out, ref(ids[i]), ref(ids[j]))
		default:
			out = append(out, ref(ids[i]))
		}
		i = j + 1
	}
	return out
}

package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Ref prefixes: what people say and type in the meeting ("HS-12", "A-104").
const (
	HotspotPrefix  = "HS"
	ActionPrefix   = "A"
	MeetingPrefix  = "M"
	DecisionPrefix = "D"
	NotePrefix     = "N"
)

func HotspotRef(id ID) string  { return formatRef(HotspotPrefix, id) }
func ActionRef(id ID) string   { return formatRef(ActionPrefix, id) }
func MeetingRef(id ID) string  { return formatRef(MeetingPrefix, id) }
func DecisionRef(id ID) string { return formatRef(DecisionPrefix, id) }

func formatRef(prefix string, id ID) string {
	if id == 0 {
		return ""
	}
	return prefix + "-" + strconv.FormatUint(id, 10)
}

// ParseRef reads a ref of the given kind. It is forgiving about case, the
// hyphen and the prefix itself ("hs12", "HS 12", "12"), and strict about
// the wrong prefix ("A-3" is not a hotspot).
func ParseRef(prefix, s string) (ID, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	body := in
	if strings.HasPrefix(in, prefix) {
		body = strings.TrimLeft(in[len(prefix):], "- ")
	}
	n, err := strconv.ParseUint(body, 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("%q is not %s ref: expected something like %s", s, WithArticle(refNoun(prefix)), formatRef(prefix, 12))
	}
	return n, nil
}

// LooksLikeRef: s is written as one of tasking's own refs (HS-3, A-12,
// M-2, D-4, N-5, P-3, CR-2), whatever its case: what a reference typed
// for something else must not be taken for.
func LooksLikeRef(s string) bool {
	p, n, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "-")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	switch p {
	case HotspotPrefix, ActionPrefix, MeetingPrefix, DecisionPrefix, NotePrefix, PowerPrefix, CaseReviewPrefix:
		return true
	}
	return false
}

func refNoun(prefix string) string {
	switch prefix {
	case HotspotPrefix:
		return "hotspot"
	case ActionPrefix:
		return "action"
	case MeetingPrefix:
		return "meeting"
	case DecisionPrefix:
		return "decision"
	case NotePrefix:
		return "note"
	case CaseReviewPrefix:
		return "case review"
	}
	return "record"
}

package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Generated sentences. Every sentence the app builds from parts — counts,
// lists, labels, and the words people typed — is built by these rules, here
// and only here, so the minutes, the command line and the app say things
// one way, and sentences_test.go holds a table for each:
//
//   - a count agrees with its noun: "1 apology", "2 apologies" (Plural);
//   - a noun takes the right article: "an action", "a hotspot" (WithArticle);
//   - a list ends with "and": "A-4, A-9 and A-12" (JoinAnd);
//   - a sentence ends with one full stop (EndSentence), and a clause inside
//     one has none of its own: "…this week; completion confirmed" (Clauses);
//   - a label is never repeated by the words after it: "in progress → done:
//     Done: patrols finished" reads "in progress → done: patrols finished"
//     (Labelled, TrimLabel);
//   - a completion confirmed in matters arising says so, once
//     (FinishedSinceLine, ConfirmedLine).
//
// Fixed wording (headings, notices) stays beside what uses it.

// Sentence makes the first letter upper-case, for minutes.
func Sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// EndSentence ends s with a full stop unless it ends a sentence already
// (".", "!" or "?", also inside a closing quote or bracket): a person
// rarely types the stop, and sometimes does.
func EndSentence(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return ""
	}
	body := strings.TrimRight(s, `"'”’)`)
	if strings.HasSuffix(body, ".") || strings.HasSuffix(body, "!") || strings.HasSuffix(body, "?") || strings.HasSuffix(body, "…") {
		return s
	}
	return s + "."
}

// Clause is s as part of a longer sentence: without the full stop that
// ended it on its own (an ellipsis, "?" and "!" stay).
func Clause(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		return strings.TrimRightFunc(strings.TrimSuffix(s, "."), unicode.IsSpace)
	}
	return s
}

// Clauses joins parts into one line with semicolons, the empty ones left
// out; each but the last is a Clause, so no stop stands before a
// semicolon, and the last keeps the stop it was typed with: "completed
// since the last meeting: site visited; completion confirmed".
func Clauses(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	for i := range len(kept) - 1 {
		kept[i] = Clause(kept[i])
	}
	return strings.Join(kept, "; ")
}

// JoinAnd is a list in a sentence: "A", "A and B", "A, B and C".
func JoinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// JoinAndSemicolons is a list of clauses that have commas of their own:
// "A; B; and C".
func JoinAndSemicolons(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], "; ") + "; and " + parts[len(parts)-1]
}

// Plural is a count with its noun: "1 problem", "3 problems", "1 apology",
// "2 apologies" (PluralOf).
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + PluralOf(noun)
}

// irregular are the plurals the rules below would get wrong.
var irregular = map[string]string{
	"matter arising": "matters arising",
	"member's":       "members'",
	"person":         "people",
}

// PluralOf is noun's plural: the last word takes it ("SSH key" → "SSH
// keys"), -y after a consonant becomes -ies, -s, -x, -z, -ch and -sh take
// -es, and irregular ones are listed.
func PluralOf(noun string) string {
	if p, ok := irregular[noun]; ok {
		return p
	}
	lower := strings.ToLower(noun)
	switch {
	case noun == "":
		return ""
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

// WithArticle is noun after its indefinite article: "an action", "a
// hotspot", "an admin", "a user", "an HMO".
func WithArticle(noun string) string { return Article(noun) + " " + noun }

// Article is "a" or "an", by how noun is said: an initialism by its first
// letter's name ("an SSH key", "a PCSO"), a word by its first sound ("an
// hour", "a user", "a one-off").
func Article(noun string) string {
	word, _, _ := strings.Cut(strings.TrimSpace(noun), " ")
	if word == "" {
		return "a"
	}
	if isInitialism(word) {
		// The letters whose names start with a vowel sound: "an F", "an S".
		if strings.ContainsRune("AEFHILMNORSX", rune(word[0])) {
			return "an"
		}
		return "a"
	}
	w := strings.ToLower(word)
	for _, p := range []string{"hour", "honest", "honour", "heir"} {
		if strings.HasPrefix(w, p) {
			return "an"
		}
	}
	// A vowel letter said as a consonant: "a user", "a European", "a one-off".
	for _, p := range []string{"uni", "use", "usu", "uti", "ura", "ure", "eu", "ewe", "one", "once"} {
		if strings.HasPrefix(w, p) {
			return "a"
		}
	}
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}

// isInitialism: two or more letters, all capitals ("ASB", "HMO", "SSH").
func isInitialism(word string) bool {
	if len(word) < 2 {
		return false
	}
	for _, r := range word {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Labelled is "label: words", or the label alone when there are no words.
// Words that open with the label (or one of also) do not say it twice:
// Labelled("in progress → done", "Done: patrols finished", "done") is
// "in progress → done: patrols finished"; and words whose first word is
// the label carry on from it, written as the label is: Labelled("Update",
// "update accepted: letters sent") is "Update accepted: letters sent", not
// "Update: update accepted: …".
func Labelled(label, words string, also ...string) string {
	words = TrimLabel(words, append([]string{label}, also...)...)
	if words == "" {
		return label
	}
	if label == "" {
		return words
	}
	if n := len(label); len(words) > n && words[n] == ' ' && strings.EqualFold(words[:n], label) {
		return label + words[n:]
	}
	return label + ": " + words
}

// TrimLabel takes off the front of words any of labels that they open with,
// followed by a colon, a dash or a full stop, or by nothing at all (the
// words were only the label), as often as they are said: "Done: Done:
// patrols finished" without "done" is "patrols finished". Letter case does
// not matter; words that merely start with the same letters ("Done by
// Friday") are kept whole.
func TrimLabel(words string, labels ...string) string {
	words = strings.TrimSpace(words)
	for {
		rest, ok := trimOneLabel(words, labels)
		if !ok {
			return words
		}
		words = rest
	}
}

// trimOneLabel is TrimLabel once; ok says a label was taken off.
func trimOneLabel(words string, labels []string) (string, bool) {
	for _, label := range labels {
		label = strings.TrimSpace(label)
		if label == "" || len(words) < len(label) || !strings.EqualFold(words[:len(label)], label) {
			continue
		}
		rest := strings.TrimLeftFunc(words[len(label):], unicode.IsSpace)
		if rest == "" {
			return "", true
		}
		if after, ok := strings.CutPrefix(rest, ":"); ok {
			return strings.TrimSpace(after), true
		}
		// A dash or a stop only ends the label before a space: "Done -
		// sent", not "Done-ish".
		for _, sep := range []string{"-", "–", "—", "."} {
			if after, ok := strings.CutPrefix(rest, sep); ok && (after == "" || strings.HasPrefix(after, " ")) {
				return strings.TrimSpace(after), true
			}
		}
	}
	return words, false
}

// finishedLabels are the words a rep opens a completion note with that
// "completed since the last meeting" says already.
var finishedLabels = map[ActionStatus][]string{
	StatusDone:      {"done", "completed", "complete", "finished"},
	StatusCancelled: {"cancelled", "canceled"},
}

// FinishedSinceLine is what matters arising records of an action its
// agency finished between meetings: "completed since the last meeting:
// site visited" (or "cancelled since …"), with the completion note when
// there is one to show, not saying "done" twice.
func FinishedSinceLine(status ActionStatus, note string) string {
	what := "completed since the last meeting"
	if status == StatusCancelled {
		what = "cancelled since the last meeting"
	}
	return Labelled(what, TrimLabel(note, finishedLabels[status]...))
}

// ConfirmedLine is what the meeting did to such an action when it looked at
// it and left it as it was: it confirmed the completion — not "reviewed,
// no change", which reads as if nothing had happened.
func ConfirmedLine(status ActionStatus) string {
	if status == StatusCancelled {
		return "cancellation confirmed"
	}
	return "completion confirmed"
}

// ConfirmsFinish says whether update u, made in a meeting to action a
// that its agency finished since the last meeting, only confirms that: a
// review with no change, or the agency's update accepted when that update
// is the completion itself (the minutes show its words already).
func ConfirmsFinish(u ActionUpdate, a Action) bool {
	switch u.Kind {
	case UpdateReview:
		return u.FromStatus == u.ToStatus
	case UpdateAccept:
		note := TrimLabel(a.CompletionNote, finishedLabels[a.Status]...)
		return Clause(note) != "" && strings.Contains(u.Text, Clause(note))
	}
	return false
}

// ReviewedUnderLine is the minute under a hotspot whose actions the meeting
// reviewed there, with nothing else recorded: "Action A-6 was reviewed
// under this item (see Matters arising)."
func ReviewedUnderLine(refs []string) string {
	if len(refs) == 0 {
		return ""
	}
	if len(refs) == 1 {
		return "Action " + refs[0] + " was reviewed under this item (see Matters arising)."
	}
	return "Actions " + JoinAnd(refs) + " were reviewed under this item (see Matters arising)."
}

// Representatives is people the public minutes leave unnamed, by their
// agency: "a representative of CBC Housing", "3 representatives of CBC
// Housing"; without an agency, "a representative".
func Representatives(n int, agency string) string {
	s := "a representative"
	if n != 1 {
		s = Plural(n, "representative")
	}
	if agency != "" {
		s += " of " + agency
	}
	return s
}

// ApologiesLine is the Apologies minute: apologies received, then those
// absent, each a list of people as the minutes name them.
func ApologiesLine(apologies, absent []string) string {
	s := "No apologies for absence were received."
	if len(apologies) > 0 {
		s = "Apologies for absence were received from " + JoinAnd(apologies) + "."
	}
	if len(absent) > 0 {
		s += " Absent: " + JoinAnd(absent) + "."
	}
	return s
}

// AttendanceCounts is the attendance in one line, each count agreeing with
// its noun: "20 present · 1 apology · 0 absent · 2 not marked · 1 guest".
func AttendanceCounts(present, apologies, absent, unmarked, guests int) string {
	return strconv.Itoa(present) + " present · " + Plural(apologies, "apology") + " · " + strconv.Itoa(absent) + " absent · " +
		strconv.Itoa(unmarked) + " not marked · " + Plural(guests, "guest")
}

// HotspotClosedLine is the minute of a hotspot closed in a meeting: the
// group's reason as a sentence, then what became of its open actions
// (refs, and how many more were taken in private: the minute of a public
// hotspot names no private action, not even by its ref), closed with it or
// continuing as general business.
func HotspotClosedLine(reason string, refs []string, private int, then OpenActions) string {
	s := EndSentence(Labelled("The hotspot was closed", Clause(reason), "hotspot closed", "closed"))
	n := len(refs) + private
	if n == 0 {
		return s
	}
	items := slices.Clone(refs)
	if private > 0 {
		items = append(items, strconv.Itoa(private)+" taken in private")
	}
	list := "(" + JoinAnd(items) + ")"
	switch then {
	case OpenActionsClose:
		if n == 1 {
			return s + " Its open action " + list + " was closed with it."
		}
		return s + " Its open actions " + list + " were closed with it."
	case OpenActionsGeneral:
		if n == 1 {
			return s + " Its open action " + list + " continues as general business."
		}
		return s + " Its open actions " + list + " continue as general business."
	}
	return s
}

// OpenActionsLine refuses to close a hotspot that has open actions until
// the chair says what becomes of them: "HS-3 still has 1 open action
// (A-4): close it with the hotspot, or move it to general business".
func OpenActionsLine(hotspot string, refs []string) string {
	them := "them"
	if len(refs) == 1 {
		them = "it"
	}
	return hotspot + " still has " + Plural(len(refs), "open action") + " (" + JoinAnd(refs) + "): close " + them +
		" with the hotspot, or move " + them + " to general business"
}

// NoActionsLine is what a hotspot's list of actions says when it is empty.
// A closed meeting's item lists what that meeting did, so it says in one
// plain sentence that it did nothing about any: "No action for this
// hotspot was assigned or reviewed at this meeting." Otherwise there is none yet, and hint says
// how one comes: "None yet: a assigns one."
func NoActionsLine(closedMeeting bool, hint string) string {
	if closedMeeting {
		return "No action for this hotspot was assigned or reviewed at this meeting."
	}
	return EndSentence(Labelled("None yet", Clause(hint)))
}

// Stamped is what someone said or did, with who and when: "due 1 Dec → 8
// Dec: partners need more time (Helen Marsh, 24 Nov)" — the who and when
// every change and every update's words carry in matters arising, the
// minutes and the action log. A full stop that ended what ends the whole:
// "back on Friday (Neil Armitage, 18 Nov)." Nobody named, it is what
// alone.
func Stamped(what, by string, at time.Time) string {
	what = strings.TrimSpace(what)
	if what == "" || by == "" {
		return what
	}
	stamp := " (" + by + ")"
	if !at.IsZero() {
		stamp = " (" + by + ", " + at.Local().Format("2 Jan") + ")"
	}
	if body := Clause(what); body != what {
		return body + stamp + "."
	}
	return what + stamp
}

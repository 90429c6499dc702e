package minutes

import (
	"bytes"
	"encoding/json"
	"html"
	"maps"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// labelled is s as the restricted minutes print a thing of privacy p: its
// label first, when it has one.
func labelled(p model.Privacy, s string) string {
	if l := p.Label(); l != "" {
		return l + " " + s
	}
	return s
}

// markPattern is every mark the restricted minutes may write.
var markPattern = regexp.MustCompile(`\[(?:private, para [0-9]+|released by D-[0-9]+)\]`)

// markedRecord is richRecord with one more private thing of each kind it
// lacked, and one released record of each kind a release can make public:
//   - a declaration on HS-2, an item taken in private;
//   - N-6, a confidential note under HS-1, released by D-10;
//   - A-10, a confidential general action, released by D-11;
//   - D-8, a Part 2 resolution under HS-1, released by D-12.
//
// The releases are made as the store makes them: a Part 2 resolution in
// the meeting's releases' minute (model.ItemRelease, Meeting.Releases), and
// model.Privacy.Release on the record once it has the privacy it was made
// with.
func markedRecord(t *testing.T) model.MeetingRecord {
	t.Helper()
	rec := richBase()
	d := model.MustDate
	rec.Meeting.Declarations = append(rec.Meeting.Declarations, model.Declaration{MemberID: 5, Name: "PCSO Nadia Khan",
		Text: "Knows the rider's family.", Item: model.ItemHotspot, HotspotID: 2})
	rec.Notes = append(rec.Notes, model.Note{ID: 6, MeetingID: 2, HotspotID: 1, Item: model.ItemHotspot,
		Text: "The shop owner is content to be named.", Confidential: true})
	rec.Actions = append(rec.Actions, model.Action{ID: 10, Text: "Write to the shop owner", AgencyID: 1, Due: d("2026-12-01"),
		Status: model.StatusOpen, CreatedMeetingID: 2, CreatedAt: rec.Meeting.OpenedAt.Add(70 * time.Minute), Confidential: true})
	rec.Decisions = append(rec.Decisions, model.Decision{ID: 8, MeetingID: 2, HotspotID: 1, Item: model.ItemHotspot,
		Text: "that the CCTV findings be shared with the residents' association", Part2: true})
	releases := map[string]model.ID{"N-6": 10, "A-10": 11, "D-8": 12}
	for _, ref := range []string{"N-6", "A-10", "D-8"} {
		rec.Decisions = append(rec.Decisions, model.Decision{ID: releases[ref], MeetingID: 2, Item: model.ItemRelease, Part2: true,
			Text: model.ReleaseResolution(ref, model.ParaIndividual, "the person concerned agreed")})
		rec.Meeting.Releases = append(rec.Meeting.Releases, releases[ref])
	}
	rec = asMade(rec)
	release := func(p *model.Privacy, ref string) {
		t.Helper()
		if err := p.Release(ref, releases[ref]); err != nil {
			t.Fatal(err)
		}
	}
	for i := range rec.Notes {
		if rec.Notes[i].ID == 6 {
			release(&rec.Notes[i].Privacy, "N-6")
		}
	}
	for i := range rec.Actions {
		if rec.Actions[i].ID == 10 {
			release(&rec.Actions[i].Privacy, "A-10")
		}
	}
	for i := range rec.Decisions {
		if rec.Decisions[i].ID == 8 {
			release(&rec.Decisions[i].Privacy, "D-8")
		}
	}
	return rec
}

// readAsText is a format as its reader sees the words: Markdown through a
// CommonMark reader, HTML without its tags and entities, a Word document's
// paragraphs and cells, plain text as it is; wrapped lines and runs of
// spaces folded, so a mark and what follows it read as one phrase wherever
// a line was broken.
func readAsText(t *testing.T, f Format, b []byte) string {
	t.Helper()
	s := string(b)
	switch f {
	case DOCX:
		s = docxText(t, b)
	case MD:
		var out bytes.Buffer
		if err := gfm.Convert(b, &out); err != nil {
			t.Fatal(err)
		}
		s = out.String()
		fallthrough
	case HTML:
		s = s[max(strings.Index(s, "<body"), 0):]
		s = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " "))
	}
	return squash(s)
}

// marksBefore is the mark just before each place the text says words ("" where
// there is none); nil when it never says them.
func marksBefore(text, words string) []string {
	var out []string
	for i := 0; ; {
		j := strings.Index(text[i:], words)
		if j < 0 {
			return out
		}
		before := text[:i+j]
		mark := ""
		if m := markPattern.FindAllStringIndex(before, -1); len(m) > 0 {
			if last := m[len(m)-1]; before[last[1]:] == " " {
				mark = before[last[0]:last[1]]
			}
		}
		out = append(out, mark)
		i += j + len(words)
	}
}

// jsonObjects is every object in a JSON document.
func jsonObjects(v any) []map[string]any {
	var out []map[string]any
	switch v := v.(type) {
	case map[string]any:
		out = append(out, v)
		for _, x := range v {
			out = append(out, jsonObjects(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, jsonObjects(x)...)
		}
	}
	return out
}

// The restricted minutes mark every private thing — an action row
// wherever it is listed (an item's table, matters arising, the action
// log), an update minuted under matters arising, a note, a resolution, a
// declaration — with the same words in every format, the model's
// (model.Privacy.Label); a public thing carries no mark; a released one is
// marked released, not private. Each format marks the same number of
// things with each mark, and JSON says it in its own fields.
func TestRestrictedMinutesMarkEveryPrivateThing(t *testing.T) {
	rec := markedRecord(t)
	const para1 = "[private, para 1]"
	tests := []struct {
		what string
		mark string
		// printed is what follows the mark in md, html and txt; key and
		// words are the JSON field holding the thing's own words.
		printed, key, words string
	}{
		{"an action row under a private item (and in the log)", para1,
			"Visit the neighbour and record the incidents", "text", "Visit the neighbour and record the incidents"},
		{"an action row under matters arising (and in the log)", para1,
			"Cost bollards at the entrance", "text", "Cost bollards at the entrance"},
		{"an update made on private business", para1,
			"due 17 Nov → 01 Dec: Waiting on quotes", "update", "due 17 Nov → 01 Dec: Waiting on quotes"},
		{"a confidential note", para1,
			"The rider is known to the YOT.", "text", "The rider is known to the YOT."},
		{"a Part 2 resolution under a Part 1 item", para1,
			"RESOLVED – that the two named youths be referred to the YOT.", "text", "that the two named youths be referred to the YOT."},
		{"a resolution under a private item", para1,
			"RESOLVED – that the named rider be referred for a CBO.", "text", "that the named rider be referred for a CBO."},
		{"a declaration on a private item", para1,
			"PCSO Nadia Khan (minute 48, HS-2 Rec ground", "text", "Knows the rider's family."},

		{"a public action", "", "Youth outreach Thu–Sat evenings", "text", "Youth outreach Thu–Sat evenings"},
		{"a public update", "", "in progress → done: Completed; figures down 30%.", "update", "in progress → done: Completed; figures down 30%."},
		{"a public note", "", "Groups of 15–20 at the bus station on Friday.", "text", "Groups of 15–20 at the bus station on Friday."},
		{"a public resolution", "",
			"RESOLVED – that a dispersal authorisation be sought for Friday and Saturday evenings.", "text", "that a dispersal authorisation be sought for Friday and Saturday evenings."},
		{"a public declaration", "", "Sgt Jas Patel: A personal interest in HS-2: lives nearby.", "text", "A personal interest in HS-2: lives nearby."},

		{"a released note", "[released by D-10]", "The shop owner is content to be named.", "text", "The shop owner is content to be named."},
		{"a released action", "[released by D-11]", "Write to the shop owner", "text", "Write to the shop owner"},
		{"a released resolution", "[released by D-12]",
			"RESOLVED – that the CCTV findings be shared with the residents' association.", "text", "that the CCTV findings be shared with the residents' association."},
	}

	counts := map[Format]map[string]int{}
	for _, f := range Formats {
		b, err := Render(rec, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		counts[f] = map[string]int{}
		if f == JSON {
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			objs := jsonObjects(v)
			for _, o := range objs {
				mark, _ := o["mark"].(string)
				private, _ := o["private"].(bool)
				released, _ := o["released_by"].(string)
				if mark != "" {
					counts[f][mark]++
				}
				if um, _ := o["update_mark"].(string); um != "" {
					counts[f][um]++
				}
				if _, isItem := o["number"]; !isItem && (private != strings.HasPrefix(mark, "[private") || (released != "") != (mark == "[released by "+released+"]")) {
					t.Errorf("json: private %v, released_by %q and mark %q disagree: %v", private, released, mark, o)
				}
			}
			for _, tt := range tests {
				markKey := map[string]string{"text": "mark", "update": "update_mark"}[tt.key]
				found := 0
				for _, o := range objs {
					if o[tt.key] != tt.words {
						continue
					}
					found++
					if got, _ := o[markKey].(string); got != tt.mark {
						t.Errorf("json: %s (%q) has %s %q, want %q", tt.what, tt.words, markKey, got, tt.mark)
					}
				}
				if found == 0 {
					t.Errorf("json: no %s (%q)", tt.what, tt.words)
				}
			}
			continue
		}
		text := readAsText(t, f, b)
		for _, m := range markPattern.FindAllString(text, -1) {
			counts[f][m]++
		}
		for _, tt := range tests {
			marks := marksBefore(text, tt.printed)
			if len(marks) == 0 {
				t.Errorf("%s: no %s (%q)", f, tt.what, tt.printed)
			}
			for _, got := range marks {
				if got != tt.mark {
					t.Errorf("%s: %s (%q) is marked %q, want %q", f, tt.what, tt.printed, got, tt.mark)
				}
			}
		}
	}
	// The same things marked, the same way, in every format.
	for _, f := range Formats[1:] {
		if !maps.Equal(counts[f], counts[Formats[0]]) {
			t.Errorf("%s marks %v; %s marks %v", f, counts[f], Formats[0], counts[Formats[0]])
		}
	}
	if counts[MD][para1] < 10 {
		t.Errorf("only %d things marked %s: %v", counts[MD][para1], para1, counts[MD])
	}
}

// No line of the plain-text minutes (the email body, and the app's
// preview) breaks a mark across lines.
func TestTextNeverBreaksAMark(t *testing.T) {
	txt := Build(markedRecord(t)).Text()
	starts := regexp.MustCompile(`\[(?:private|released)`)
	for i, l := range strings.Split(txt, "\n") {
		if len(starts.FindAllString(l, -1)) != len(markPattern.FindAllString(l, -1)) {
			t.Errorf("line %d breaks a mark: %q", i+1, l)
		}
	}
	if n := len(markPattern.FindAllString(txt, -1)); n == 0 {
		t.Error("the text has no marks")
	}
}

// The public version has nothing private, and says nothing of releases:
// no format marks anything.
func TestPublicMinutesMarkNothing(t *testing.T) {
	for _, f := range Formats {
		b, err := Render(markedRecord(t), f, Options{Public: true})
		if err != nil {
			t.Fatal(err)
		}
		text := readable(t, f, b)
		if m := markPattern.FindString(text); m != "" {
			t.Errorf("the public %s says %q", f, m)
		}
		for _, released := range []string{"The shop owner is content to be named.", "Write to the shop owner"} {
			if !strings.Contains(text, released) {
				t.Errorf("the public %s leaves out %q, which was released", f, released)
			}
		}
	}
}

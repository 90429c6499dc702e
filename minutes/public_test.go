package minutes

import (
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

func numbers(d Doc) []int {
	var out []int
	for _, it := range d.Items {
		out = append(out, it.Number)
	}
	return out
}

func refs(rows []ActionRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Ref)
	}
	return out
}

func itemTitled(t *testing.T, d Doc, prefix string) Item {
	t.Helper()
	i := slices.IndexFunc(d.Items, func(it Item) bool { return strings.HasPrefix(it.Title, prefix) })
	if i < 0 {
		t.Fatalf("no item %q in %v", prefix, numbers(d))
	}
	return d.Items[i]
}

func TestRestrictedVersionMarksPart2(t *testing.T) {
	d := Build(richRecord())
	// Apologies 38 … next meeting 46, the exclusion 47, HS-2 48, HS-4 49.
	if want := []int{38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49}; !slices.Equal(numbers(d), want) {
		t.Errorf("numbers %v, want %v", numbers(d), want)
	}
	if ex := d.Items[9]; ex.Kind != "exclusion" || ex.Title != "Exclusion of the public" || len(ex.Resolutions) != 1 ||
		!strings.Contains(ex.Resolutions[0].Text, "Paragraph 1 of Part 1 of Schedule 12A") {
		t.Errorf("minute 47 is not the exclusion of the public under paragraph 1: %+v", ex)
	}
	if d.Public || d.Classification != "OFFICIAL-SENSITIVE — not for circulation beyond the partnership" || d.PrivateNotice != "" {
		t.Errorf("restricted: public %v, classification %q, notice %q", d.Public, d.Classification, d.PrivateNotice)
	}
	if d.PrivateItems != 6 {
		t.Errorf("%d private items, want 6 (the HS-2 and HS-4 items, D-5, A-2, A-3, A-9)", d.PrivateItems)
	}
	hs2 := itemTitled(t, d, "HS-2")
	if !hs2.Part2 || hs2.Number != 48 || hs2.Paragraph != 1 || len(hs2.Notes) != 1 || len(hs2.Resolutions) != 1 {
		t.Errorf("HS-2: %+v", hs2)
	}
	if hs1 := itemTitled(t, d, "HS-1"); hs1.Part2 || len(hs1.Resolutions) != 2 || !hs1.Resolutions[1].Part2 || hs1.Resolutions[1].Ref != "D-5" {
		t.Errorf("HS-1: %+v", hs1)
	}
	if got := refs(d.ActionLog); !slices.Contains(got, "A-9") || !slices.Contains(got, "A-3") {
		t.Errorf("restricted action log %v", got)
	}
	md, html, txt := d.Markdown(), d.HTML(), d.Text()
	docx, err := d.DOCX()
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string][]string{
		"md":   {"## 48. HS-2 Rec ground: off-road bikes (Part 2 – exempt information, paragraph 1)\n\n" + part2ItemNotice},
		"html": {`<h2 id="minute-48">48. HS-2 Rec ground: off-road bikes <span class="part2">(Part 2 – exempt information, paragraph 1)</span></h2>`},
		"txt":  {"48. HS-2 Rec ground: off-road bikes (Part 2 – exempt information,\nparagraph 1)\n" + strings.Repeat("-", 65) + "\n\nThis item was considered in private"},
		"docx": {"[MinuteHeading] 48. HS-2 Rec ground: off-road bikes (Part 2 – exempt information, paragraph 1)\n[Normal] " + part2ItemNotice},
	} {
		got := map[string]string{"md": md, "html": html, "txt": txt, "docx": docxOutline(t, docx)}[f]
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not say %q", f, w)
			}
		}
	}
}

func TestPublicVersionLeavesOut(t *testing.T) {
	d := BuildWith(richRecord(), Options{Public: true})
	if !d.Public || d.Classification != "PUBLIC — Part 1 minutes" {
		t.Errorf("public: %v, %q", d.Public, d.Classification)
	}
	// The same numbers, none missing: the exempt items keep theirs with a
	// neutral heading and nothing else.
	if want := []int{38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49}; !slices.Equal(numbers(d), want) {
		t.Errorf("numbers %v, want %v", numbers(d), want)
	}
	for _, n := range []int{10, 11} {
		if it := d.Items[n]; !it.Exempt || it.Title != "Exempt item – information relating to an individual" ||
			it.Hotspot != nil || len(it.Notes)+len(it.Resolutions)+len(it.Actions) != 0 || it.Statement != "" {
			t.Errorf("public minute %d is not a bare exempt heading: %+v", it.Number, it)
		}
	}
	want := "This is the public version of these minutes. 2 items were taken in private (Part 2) and appear by their numbers and exempt headings only; 1 resolution taken in private is left out; and 3 actions about private business are left out. People are named by their agency only; officers named on actions, the words of agencies' progress updates and the reasons for amendments are left out."
	if d.PrivateItems != 6 || d.PrivateNotice != want {
		t.Errorf("notice %q (%d)", d.PrivateNotice, d.PrivateItems)
	}
	hs1 := itemTitled(t, d, "HS-1")
	if len(hs1.Resolutions) != 1 || hs1.Resolutions[0].Part2 || hs1.Resolutions[0].Ref != "" {
		t.Errorf("public HS-1 resolutions %+v", hs1.Resolutions)
	}
	if len(hs1.Notes) != 1 || hs1.Notes[0].Ref != "" || hs1.Notes[0].Amended == nil || hs1.Notes[0].Amended.By != "" || hs1.Notes[0].Amended.Reason != "" {
		t.Errorf("public HS-1 notes %+v", hs1.Notes)
	}
	if hs1.Hotspot == nil || hs1.Hotspot.Category != "nuisance" {
		t.Errorf("public HS-1 facts %+v", hs1.Hotspot)
	}
	referrals := itemTitled(t, d, "New referrals")
	if len(referrals.Referrals) != 1 || referrals.Referrals[0].Ref != "HS-3" {
		t.Errorf("public referrals %+v", referrals.Referrals)
	}
	if got, want := refs(d.ActionLog), []string{"A-6", "A-1", "A-4", "A-5"}; !slices.Equal(got, want) {
		t.Errorf("public action log %v, want %v (A-2, A-3 on the Part 2 HS-2; A-9 on the personal HS-4)", got, want)
	}
	matters := itemTitled(t, d, "Matters arising")
	if len(matters.Matters) != 1 || matters.Matters[0].Ref != "A-1" || matters.Matters[0].Update != "in progress → done" {
		t.Errorf("public matters arising %+v", matters.Matters)
	}
	for _, r := range allRows(d) {
		if r.Officer != "" || r.Owner != r.Agency || strings.Contains(r.Owner, "(") {
			t.Errorf("public action %s names its officer: %+v", r.Ref, r)
		}
	}
	docx, err := d.DOCX()
	if err != nil {
		t.Fatal(err)
	}
	// The classification at the top and the bottom; the DOCX has it in its
	// page header and footer as well.
	for f, classifications := range map[string]int{d.Markdown(): 2, d.HTML(): 2, d.Text(): 2, docxText(t, docx): 4} {
		for _, bad := range []string{"(Part 2 – confidential)", "confidential)", "[private", "[released", "YOT", "Elm Close", "Rec ground", "Hal Housing", "PCSO Nadia Khan", "Ann Chair",
			"Sgt Jas Patel", "Karen Doyle", "[N-", "[D-", "Waiting on quotes", "Completed; figures", "the count was", "Friday and Saturday)"} {
			if strings.Contains(f, bad) {
				t.Errorf("the public minutes say %q", bad)
			}
		}
		if !strings.Contains(squash(html.UnescapeString(f)), want) || strings.Count(f[max(strings.Index(f, "<body"), 0):], "PUBLIC — Part 1 minutes") != classifications {
			t.Errorf("the public minutes lack the notice or the two classifications:\n%.400s", f)
		}
	}
}

func TestPrivateNotice(t *testing.T) {
	// The fixture has one Part 2 resolution (under HS-2, a Part 1 item).
	// and one confidential note.
	if d := BuildWith(fixtureRecord(), Options{Public: true}); d.PrivateItems != 2 || d.PrivateNotice != model.PublicNotice(model.Withheld{Resolutions: 1, Notes: 1}) {
		t.Errorf("fixture: %d, %q", d.PrivateItems, d.PrivateNotice)
	}
	none := fixtureRecord()
	none.Decisions = slices.DeleteFunc(none.Decisions, func(d model.Decision) bool { return d.Part2 })
	none.Notes = slices.DeleteFunc(none.Notes, func(n model.Note) bool { return n.Confidential })
	if d := BuildWith(none, Options{Public: true}); d.PrivateItems != 0 || d.PrivateNotice != model.PublicNotice(model.Withheld{}) {
		t.Errorf("no private business: %d, %q", d.PrivateItems, d.PrivateNotice)
	}
}

// An item whose business the public version leaves out entirely says so,
// rather than "No update was recorded".
func TestPublicItemWithOnlyPrivateBusiness(t *testing.T) {
	rec := fixtureRecord()
	// HS-2: only the confidential note and the Part 2 resolution; no actions.
	rec.Actions = slices.DeleteFunc(rec.Actions, func(a model.Action) bool { return a.HotspotID == 2 && a.CreatedMeetingID == 2 })
	// Any other business taken in Part 2: its general action goes too.
	for i, it := range rec.Meeting.Agenda {
		if it.Kind == model.ItemAOB {
			rec.Meeting.Agenda[i].Part2 = true
		}
	}
	d := BuildWith(rec, Options{Public: true})
	if hs2 := itemTitled(t, d, "HS-2"); hs2.Statement != withheldStatement || len(hs2.Notes)+len(hs2.Resolutions) != 0 {
		t.Errorf("public HS-2: %+v", hs2)
	}
	if r := itemTitled(t, Build(rec), "HS-2"); r.Statement != "" {
		t.Errorf("restricted HS-2 says %q", r.Statement)
	}
	if i := slices.IndexFunc(d.Items, func(it Item) bool { return it.Kind == model.ItemAOB }); i < 0 || !d.Items[i].Exempt || len(d.Items[i].Notes) != 0 {
		t.Error("a Part 2 AOB is in the public minutes beyond its exempt heading")
	}
	if slices.Contains(refs(d.ActionLog), "A-6") {
		t.Error("the action assigned in a Part 2 AOB is in the public action log")
	}
	if d.PrivateItems != 4 {
		t.Errorf("%d private items, want 4 (AOB and its A-6, D-3 and N-2 under HS-2)", d.PrivateItems)
	}
}

// A personal-category hotspot is private even where an older agenda did not
// mark its item Part 2: the public minutes keep only its number and an
// exempt heading, and none of its actions.
func TestPublicPersonalHotspot(t *testing.T) {
	rec := fixtureRecord()
	rec.Hotspots[0].Category = model.CategoryPersonal // HS-1
	d := BuildWith(rec, Options{Public: true})
	if slices.ContainsFunc(d.Items, func(it Item) bool { return strings.HasPrefix(it.Title, "HS-1") }) {
		t.Fatal("the personal HS-1 is named in the public minutes")
	}
	hs1 := d.Items[4]
	if !hs1.Exempt || hs1.Title != "Exempt item – information relating to an individual" || hs1.Hotspot != nil || len(hs1.Notes)+len(hs1.Actions) != 0 {
		t.Errorf("public personal HS-1: %+v", hs1)
	}
	for _, r := range allRows(d) {
		if r.Hotspot == "HS-1" {
			t.Errorf("public minutes list %s on the personal HS-1", r.Ref)
		}
	}
	if r := itemTitled(t, Build(rec), "HS-1"); r.Hotspot == nil || len(r.Actions) != 1 {
		t.Errorf("restricted personal HS-1: %+v", r)
	}
}

func TestStatus(t *testing.T) {
	open := fixtureRecord()
	open.Meeting.State = model.MeetingOpen
	planned := fixtureRecord()
	planned.Meeting = model.Meeting{ID: 9, Date: model.MustDate("2026-12-01"), State: model.MeetingPlanned}
	noMeeting := richRecord()
	noMeeting.ApprovalMeeting = nil
	noMeeting.Approval.At = time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		rec    model.MeetingRecord
		status string
		says   string
	}{
		{"open", open, "draft", "DRAFT — these minutes are not final. The meeting is still open; they will be final when the Chair closes it."},
		{"planned", planned, "draft", "DRAFT — these minutes are not final. The meeting has not started yet."},
		{"closed", fixtureRecord(), "awaiting approval", "These minutes are subject to approval at the next meeting."},
		{"approved", richRecord(), "final", "Approved as a correct record at the meeting on Tuesday 24 November 2026 (D-9)."},
		{"approved, meeting unknown", noMeeting, "final", "Approved as a correct record at the meeting on Tuesday 1 December 2026 (D-9)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, public := range []bool{false, true} {
				d := BuildWith(tt.rec, Options{Public: public})
				if d.Status != tt.status {
					t.Errorf("status %q, want %q", d.Status, tt.status)
				}
				docx, err := d.DOCX()
				if err != nil {
					t.Fatal(err)
				}
				for f, out := range map[string]string{"md": d.Markdown(), "html": d.HTML(), "txt": d.Text(), "docx": docxText(t, docx)} {
					plain := squash(strings.NewReplacer("**", "", "<strong>", "", "</strong>", "").Replace(out))
					if !strings.Contains(plain, tt.says) {
						t.Errorf("%s does not say %q", f, tt.says)
					}
				}
			}
		})
	}
	if a := Build(richRecord()).Approval; a == nil || *a != (Approval{Decision: "D-9", Meeting: "M-3", Date: model.MustDate("2026-11-24")}) {
		t.Errorf("approval %+v", a)
	}
}

// Corrections after the meeting show the corrected text and who amended it,
// when and why (the latest correction when there were several); an
// amendment to another meeting's record is not this one's.
func TestAmendments(t *testing.T) {
	rec := richRecord()
	rec.Amendments = append(rec.Amendments, model.Amendment{ID: 4, MeetingID: 1, Target: "note", TargetID: 3,
		Reason: "another meeting", At: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), By: "Someone Else"})
	for _, public := range []bool{false, true} {
		d := BuildWith(rec, Options{Public: public})
		hs1 := itemTitled(t, d, "HS-1")
		note, res := hs1.Notes[0], hs1.Resolutions[0]
		by, noteWhy, resWhy := "Ann Chair", "the count was 15–20, not 50", "the days agreed were Friday and Saturday"
		if public {
			by, noteWhy, resWhy = "", "", "" // the date only: never who or why
		}
		if note.Amended == nil || *note.Amended != (Amended{On: model.MustDate("2026-11-25"), By: by, Reason: noteWhy}) {
			t.Errorf("note amended %+v", note.Amended)
		}
		if res.Amended == nil || res.Amended.Reason != resWhy || res.Amended.On != model.MustDate("2026-11-26") {
			t.Errorf("resolution amended %+v", res.Amended)
		}
		if aob := itemTitled(t, d, "Any other business"); aob.Notes[0].Amended != nil {
			t.Errorf("N-3 shows another meeting's amendment: %+v", aob.Notes[0].Amended)
		}
		ref, noteTail, resTail := "", " by Ann Chair: the count was 15–20, not 50", " by Ann Chair: the days agreed were Friday and Saturday"
		if !public {
			ref = ` \[N-1\]`
		} else {
			noteTail, resTail = "", ""
		}
		if want := "Groups of 15–20 at the bus station on Friday. (amended on 25 November 2026" + noteTail + ")" + ref + "\n"; !strings.Contains(d.Markdown(), want) {
			t.Errorf("the Markdown does not say %q", want)
		}
		if want := "for Friday and Saturday evenings. (amended on 26 November 2026" + resTail + ")"; !strings.Contains(squash(d.Text()), want) {
			t.Errorf("the text does not say %q", want)
		}
		if want := `evenings. <span class="amended">(amended on 26 November 2026` + resTail + `)</span>`; !strings.Contains(d.HTML(), want) {
			t.Errorf("the HTML does not say %q", want)
		}
		docx, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		if want := "Groups of 15–20 at the bus station on Friday. (amended on 25 November 2026" + noteTail + ")" + strings.ReplaceAll(ref, `\`, "") + "\n"; !strings.Contains(docxText(t, docx), want) {
			t.Errorf("the DOCX does not say %q", want)
		}
	}
}

// An update made on private business (the meeting took matters arising in
// private, say) is left out of the public matters arising, even its
// structured part; the row says only that the action was considered in
// private.
func TestPublicMattersLeaveOutPrivateUpdates(t *testing.T) {
	rec := fixtureRecord()
	rec.Updates[1].Privacy = model.PrivateUnder(model.ParaCrime) // A-2's carry forward
	for _, public := range []bool{false, true} {
		d := BuildWith(rec, Options{Public: public})
		var row *MatterRow
		for i := range d.Items {
			for j := range d.Items[i].Matters {
				if d.Items[i].Matters[j].Ref == "A-2" {
					row = &d.Items[i].Matters[j]
				}
			}
		}
		if row == nil {
			t.Fatalf("public %v: A-2 is not in matters arising", public)
		}
		hasChange := strings.Contains(row.Update, "17 Nov → 01 Dec")
		if public && (hasChange || row.Update != "considered in private") {
			t.Errorf("public: A-2's update %q shows a change made in private", row.Update)
		}
		if !public && !hasChange {
			t.Errorf("restricted: A-2's update %q lost its change", row.Update)
		}
	}
}

// A guest's declaration of interest is minuted with their organisation: by
// name as well in the restricted version; in the public one as a guest from
// that organisation, never by name — as guests are listed.
func TestAGuestsDeclaration(t *testing.T) {
	rec := richBase()
	who, err := rec.Meeting.GuestDeclaration("Karen Doyle")
	if err != nil {
		t.Fatal(err)
	}
	who.Text = "A relative is treated at the hospital."
	rec.Meeting.Declarations = append(rec.Meeting.Declarations, who)
	rec = asMade(rec)
	for _, c := range []struct {
		public bool
		want   string
	}{
		{false, "Karen Doyle (guest, Royal Hospital)"},
		{true, "A guest from Royal Hospital"},
	} {
		d := BuildWith(rec, Options{Public: c.public})
		decl := itemTitled(t, d, "Declarations of interest").Declarations
		if len(decl) != 2 || decl[1].Name != c.want || decl[1].Text != who.Text {
			t.Errorf("public %v: declarations %+v, want %q", c.public, decl, c.want)
		}
		docx, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		for f, out := range map[string]string{"md": d.Markdown(), "html": html.UnescapeString(d.HTML()), "txt": squash(d.Text()), "docx": docxText(t, docx)} {
			if !strings.Contains(out, c.want) {
				t.Errorf("public %v: the %s minutes do not say %q", c.public, f, c.want)
			}
			if c.public && strings.Contains(out, "Karen Doyle") {
				t.Errorf("the public %s minutes name the guest", f)
			}
		}
	}
	// The public record (what a public-only reader's minutes are made
	// from) leaves the guest's name out before the minutes see it.
	public := rec
	public.Meeting = model.PublicRules(rec.Meeting, rec.Index().Hotspots).PublicMeeting(rec.Meeting)
	if got := itemTitled(t, BuildWith(public, Options{Public: true}), "Declarations of interest").Declarations; len(got) != 2 || got[1].Name != "A guest from Royal Hospital" {
		t.Errorf("from the public record: %+v", got)
	}
}

// The public minutes name nobody: those absent from one agency are counted
// together, where the first of them comes ("a representative of X, a
// representative of X, a representative of X" read as a stutter).
func TestPublicApologiesCountAnAgencysPeople(t *testing.T) {
	rec := fixtureRecord()
	rec.Members = append(rec.Members, model.Member{ID: 6, Name: "Cy Safety", AgencyID: 1, Role: model.RoleMember},
		model.Member{ID: 7, Name: "Dee Safety", AgencyID: 1, Role: model.RoleMember})
	rec.Meeting.Attendance = append(rec.Meeting.Attendance, model.Attendee{MemberID: 6, Status: model.Absent},
		model.Attendee{MemberID: 7, Status: model.Absent})
	rec.Meeting.Attendance[1].Status = model.Apologies // Sgt Jas Patel, before Hal Housing's
	want := map[bool]string{
		true: "Apologies for absence were received from a representative of Testshire Police and a representative of Testshire Council Housing. " +
			"Absent: 3 representatives of Testshire Council Community Safety.",
		false: "Apologies for absence were received from Sgt Jas Patel (Testshire Police) and Hal Housing (Testshire Council Housing). " +
			"Absent: Val Viewer (Testshire Council Community Safety), Cy Safety (Testshire Council Community Safety) and Dee Safety (Testshire Council Community Safety).",
	}
	for public, w := range want {
		if got := BuildWith(rec, Options{Public: public}).Items[0].Statement; got != w {
			t.Errorf("public %v: %q\nwant %q", public, got, w)
		}
	}
}

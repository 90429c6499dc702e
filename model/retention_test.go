package model

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRetentionSetting(t *testing.T) {
	for n, ok := range map[int]bool{-1: false, 0: false, MinRetentionYears: true, 6: true, MaxRetentionYears: true, MaxRetentionYears + 1: false} {
		if got := CheckRetentionYears(n) == nil; got != ok {
			t.Errorf("keep %d years: allowed %v, want %v", n, got, ok)
		}
	}
	for in, want := range map[string]int{"6": 6, " 7 years": 7, "1 year": 1, "25": 25} {
		if got, err := ParseRetentionYears(in); err != nil || got != want {
			t.Errorf("ParseRetentionYears(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "six", "0", "26", "-2", "6.5"} {
		if _, err := ParseRetentionYears(in); err == nil {
			t.Errorf("ParseRetentionYears(%q) accepted", in)
		} else if fe, ok := err.(*FieldError); !ok || fe.Field != "retention_years" {
			t.Errorf("ParseRetentionYears(%q): %v is not a retention_years field error", in, err)
		}
	}
	if (Partnership{}).RetentionYears() != DefaultRetentionYears || (Partnership{RetainCaseYears: 3}).RetentionYears() != 3 {
		t.Error("RetentionYears")
	}
	p := Partnership{Name: "Eastbrook", RetainCaseYears: 8}
	if e := p.Edit(Partnership{Name: "Eastbrook"}); e.RetainCaseYears != 8 {
		t.Errorf("an edit that does not give the retention changed it: %d", e.RetainCaseYears)
	}
	if e := p.Edit(Partnership{Name: "Eastbrook", RetainCaseYears: 10}); e.RetainCaseYears != 10 {
		t.Errorf("an edit giving the retention did not set it: %d", e.RetainCaseYears)
	}
	if _, err := (Partnership{Name: "E", RetainCaseYears: MaxRetentionYears + 1}).Clean(); err == nil {
		t.Error("Clean let through a retention past the limit")
	}
}

func TestRetentionIsForTheChairAndAdmins(t *testing.T) {
	for _, tt := range []struct {
		who  Actor
		want bool
	}{
		{Actor{Name: "Chair", Role: RoleChair}, true},
		{Actor{Name: "Admin", Role: RoleAdmin}, true},
		{Actor{Name: "Rep", Role: RoleMember}, false},
		{Actor{Name: "Viewer", Role: RoleViewer}, false},
		{Actor{Name: "Cllr", Role: RoleCirculation}, false},
		{FileOwner(), false}, // not a member: nobody the group named to decide this
	} {
		if got := PermitRetention(tt.who) == nil; got != tt.want {
			t.Errorf("%s may anonymise: %v, want %v", tt.who, got, tt.want)
		}
	}
}

func TestWhatIsPastRetention(t *testing.T) {
	today := NewDate(2033, 1, 10)
	closed := func(cat Category, on Date) Hotspot {
		return Hotspot{ID: 1, Category: cat, Status: HotspotClosed, Closed: on}
	}
	anonymised := closed(CategoryPersonal, NewDate(2020, 5, 1))
	anonymised.Anonymised = NewDate(2032, 6, 1)
	open := closed(CategoryPersonal, NewDate(2020, 5, 1))
	open.Status = HotspotActive // reopened: live business, whatever the old date
	for _, tt := range []struct {
		name string
		h    Hotspot
		want bool
	}{
		{"a personal case closed seven years ago", closed(CategoryPersonal, NewDate(2026, 1, 10)), true},
		{"closed six years and a day ago", closed(CategoryPersonal, NewDate(2027, 1, 9)), true},
		{"closed six years ago to the day", closed(CategoryPersonal, NewDate(2027, 1, 10)), false},
		{"closed last year", closed(CategoryPersonal, NewDate(2032, 3, 1)), false},
		{"a nuisance hotspot closed long ago", closed(CategoryNuisance, NewDate(2020, 1, 1)), false},
		{"an environmental hotspot closed long ago", closed(CategoryEnvironmental, NewDate(2020, 1, 1)), false},
		{"closed with no day kept", closed(CategoryPersonal, Date{}), false},
		{"reopened since", open, false},
		{"already anonymised", anonymised, false},
	} {
		if got := PastRetention(tt.h, today, 6); got != tt.want {
			t.Errorf("%s: past retention %v, want %v", tt.name, got, tt.want)
		}
	}
	// 29 February: six years back is 1 March, so a case closed on 28
	// February is past and one closed on 1 March is not.
	leap := NewDate(2032, 2, 29)
	if got := RetentionCutoff(leap, 6); got != NewDate(2026, 3, 1) {
		t.Errorf("cutoff six years before 29 Feb 2032: %s", got)
	}
	if !PastRetention(closed(CategoryPersonal, NewDate(2026, 2, 28)), leap, 6) || PastRetention(closed(CategoryPersonal, NewDate(2026, 3, 1)), leap, 6) {
		t.Error("the leap-day cutoff is off by a day")
	}
	// The partnership's own period is the one asked.
	if PastRetention(closed(CategoryPersonal, NewDate(2026, 1, 10)), today, 10) {
		t.Error("a ten-year retention anonymised a case closed seven years ago")
	}
}

// Every string field of every kind of record is either erased or kept on
// purpose: a field added later is caught here until it is put in one list
// or the other.
func TestAnonymiseErasesWordsAndKeepsFacts(t *testing.T) {
	on := NewDate(2033, 1, 10)
	for _, tt := range []struct {
		name   string
		record any
		do     func(any)
		kept   []string // string fields that keep their value
	}{
		{"hotspot", &Hotspot{Theme: "off-road bikes made up"}, func(r any) { r.(*Hotspot).Anonymise(on) },
			[]string{"Ward", "Category", "Status", "SARA", "UpdatedBy"}},
		{"action", &Action{}, func(r any) { r.(*Action).Anonymise() },
			[]string{"Status", "Intervention", "CreatedBy", "UpdatedBy", "LastUpdateBy", "LastChangeBy"}},
		{"update", &ActionUpdate{Corrected: &Correction{}, Withdrawn: &Correction{}}, func(r any) { r.(*ActionUpdate).Anonymise() },
			[]string{"By", "Kind", "FromStatus", "ToStatus", "Under", "Corrected.By", "Withdrawn.By"}},
		{"decision", &Decision{}, func(r any) { r.(*Decision).Anonymise() }, []string{"Item", "By"}},
		{"note", &Note{}, func(r any) { r.(*Note).Anonymise() }, []string{"Item", "By"}},
		{"amendment", &Amendment{}, func(r any) { r.(*Amendment).Anonymise() }, []string{"Target", "By"}},
		{"power", &Power{}, func(r any) { r.(*Power).Anonymise() }, []string{"Kind", "UpdatedBy"}},
		{"declaration", &Declaration{}, func(r any) { r.(*Declaration).Anonymise() }, []string{"Name", "Organisation", "Item"}},
	} {
		fields := markStrings(reflect.ValueOf(tt.record).Elem(), "")
		tt.do(tt.record)
		var kept []string
		for path, v := range readStrings(reflect.ValueOf(tt.record).Elem(), "") {
			switch v {
			case AnonymisedText, "": // erased, or (a place) dropped
			case fields[path]:
				kept = append(kept, path)
			default:
				t.Errorf("%s.%s became %q: neither kept nor anonymised", tt.name, path, v)
			}
		}
		slices.Sort(kept)
		want := slices.Sorted(slices.Values(tt.kept))
		if !slices.Equal(kept, want) {
			t.Errorf("%s keeps %v, want %v (a new field must be put in its kind's words, or here)", tt.name, kept, want)
		}
	}
	h := Hotspot{ID: 7, Title: "Flat 3, 12 Rose Street", Category: CategoryPersonal, Theme: "noise", LSOA: "E01019", Lat: 53.2, Lon: -1.4,
		Areas: []HotspotArea{{Kind: AreaLSOA, Code: "E01019001", Name: "Chesterfield 001A"}}, Risk: RiskHigh, Closed: NewDate(2026, 1, 2), Incidents: []IncidentCount{{Period: "2025-12", Count: 4}}}
	h.Anonymise(on)
	if h.Theme != "noise" || h.LSOA != "" || h.Lat != 0 || h.Lon != 0 || h.Areas != nil || h.Anonymised != on {
		t.Errorf("the hotspot's place or theme: %+v", h)
	}
	if h.Risk != RiskHigh || h.Closed != NewDate(2026, 1, 2) || len(h.Incidents) != 1 || h.Incidents[0].Count != 4 {
		t.Errorf("the hotspot's facts changed: %+v", h)
	}
	if got := h.AnonymisedLine(); got != "Anonymised on 10 Jan 2033: closed on 2 Jan 2026, its words were kept for the partnership's retention and then erased" {
		t.Errorf("AnonymisedLine: %q", got)
	}
	if (Hotspot{}).AnonymisedLine() != "" {
		t.Error("a hotspot never anonymised says it was")
	}
	again := h
	again.Anonymise(NewDate(2040, 1, 1))
	if again.Anonymised != on {
		t.Error("anonymising twice moved the day it was anonymised")
	}
	var empty Note
	empty.Anonymise()
	if empty.Text != "" {
		t.Error("an empty field was given words")
	}
}

// markStrings sets every string field in v (through nested structs and
// pointers to them) to its own path, and returns them.
func markStrings(v reflect.Value, prefix string) map[string]string {
	out := map[string]string{}
	for i := 0; i < v.NumField(); i++ {
		f, ft := v.Field(i), v.Type().Field(i)
		if !ft.IsExported() {
			continue
		}
		path := prefix + ft.Name
		if ft.Anonymous {
			path = prefix
		}
		switch {
		case f.Kind() == reflect.String:
			f.SetString("marker " + path)
			out[path] = "marker " + path
		case f.Kind() == reflect.Struct && ft.Type.PkgPath() == reflect.TypeOf(Hotspot{}).PkgPath() && ft.Type.Name() != "Date":
			for k, s := range markStrings(f, path+sep(ft)) {
				out[k] = s
			}
		case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Struct:
			for k, s := range markStrings(f.Elem(), path+".") {
				out[k] = s
			}
		}
	}
	return out
}

func readStrings(v reflect.Value, prefix string) map[string]string {
	out := map[string]string{}
	for i := 0; i < v.NumField(); i++ {
		f, ft := v.Field(i), v.Type().Field(i)
		if !ft.IsExported() {
			continue
		}
		path := prefix + ft.Name
		if ft.Anonymous {
			path = prefix
		}
		switch {
		case f.Kind() == reflect.String:
			out[path] = f.String()
		case f.Kind() == reflect.Struct && ft.Type.PkgPath() == reflect.TypeOf(Hotspot{}).PkgPath() && ft.Type.Name() != "Date":
			for k, s := range readStrings(f, path+sep(ft)) {
				out[k] = s
			}
		case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Struct:
			for k, s := range readStrings(f.Elem(), path+".") {
				out[k] = s
			}
		}
	}
	return out
}

func sep(ft reflect.StructField) string {
	if ft.Anonymous {
		return ""
	}
	return "."
}

// Which actions an erasure takes as the cases': those on a case, those
// gone, and those that left a case for general business only once they
// are private business finished before the cutoff.
func TestErasureKeepsActionsStillTheGroupsBusiness(t *testing.T) {
	on := NewDate(2033, 1, 10)
	e := NewErasure([]Hotspot{{ID: 7}}, on, 6)
	long := time.Date(2025, 6, 1, 10, 0, 0, 0, time.Local)
	recent := time.Date(2032, 6, 1, 10, 0, 0, 0, time.Local)
	private := PrivateUnder(ParaIndividual)
	for _, tt := range []struct {
		name string
		now  *Action
		keep bool
	}{
		{"gone (undone in its meeting)", nil, false},
		{"still on the case", &Action{ID: 1, HotspotID: 7, Status: StatusDone, CompletedAt: recent, Privacy: private}, false},
		{"left for general business, still open", &Action{ID: 2, Status: StatusOpen, Privacy: private}, true},
		{"left, done last year", &Action{ID: 3, Status: StatusDone, CompletedAt: recent, Privacy: private}, true},
		{"left, done long ago", &Action{ID: 4, Status: StatusDone, CompletedAt: long, Privacy: private}, false},
		{"left, cancelled long ago", &Action{ID: 5, Status: StatusCancelled, UpdatedAt: long, Privacy: private}, false},
		{"left, done long ago, released since", &Action{ID: 6, Status: StatusDone, CompletedAt: long, Privacy: Privacy{ReleasedBy: 3}}, true},
		{"moved to another hotspot", &Action{ID: 8, HotspotID: 9, Status: StatusOpen}, true},
	} {
		if got := e.KeepsAction(tt.now); got != tt.keep {
			t.Errorf("%s: kept %v, want %v", tt.name, got, tt.keep)
		}
	}
	e.Learn(Action{ID: 2, HotspotID: 7}, &Action{ID: 2, Status: StatusOpen, Privacy: private})
	e.Learn(Action{ID: 4, HotspotID: 7}, &Action{ID: 4, Status: StatusDone, CompletedAt: long, Privacy: private})
	e.Learn(Action{ID: 11, HotspotID: 8}, nil) // another hotspot's: not learnt
	if !slices.Equal(e.Kept(), []ID{2}) || !slices.Equal(e.Actions(), []ID{4}) {
		t.Errorf("kept %v, the cases' %v", e.Kept(), e.Actions())
	}
	a := Action{ID: 2, Text: "Still going"}
	if e.Action(&a) || a.Text != "Still going" {
		t.Error("a kept action was anonymised")
	}
}

// A closed meeting's frozen record: the case's records are anonymised,
// everything else stays — and the public record made from it is the same
// before and after, byte for byte.
func TestErasureOfAFrozenRecordLeavesThePublicRecordAsItWas(t *testing.T) {
	on := NewDate(2033, 1, 10)
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	private := PrivateUnder(ParaIndividual)
	caseH := Hotspot{ID: 7, Title: "Flat 3 Rose Street", Location: "12 Rose Street", Category: CategoryPersonal, Status: HotspotClosed,
		Closed: DateOf(at), CloseReason: "Mr Smith moved", RiskReason: "Mrs Jones is vulnerable", Version: 4}
	other := Hotspot{ID: 1, Title: "Town centre", Location: "Market Place", Category: CategoryNuisance, Status: HotspotActive}
	m := Meeting{ID: 3, Date: DateOf(at), State: MeetingClosed, Agenda: []AgendaItem{{Kind: ItemHotspot, HotspotID: 1}, {Kind: ItemHotspot, HotspotID: 7}},
		Declarations: []Declaration{{MemberID: 2, Name: "Sgt Patel", Text: "I know the Smith family", Item: ItemHotspot, HotspotID: 7, Privacy: private},
			{MemberID: 3, Name: "Ann", Text: "Lives near the market", Item: ItemHotspot, HotspotID: 1}}}
	rec := MeetingRecord{Meeting: m, Today: DateOf(at), Hotspots: []Hotspot{other, caseH},
		Actions: []Action{{ID: 1, HotspotID: 7, Text: "Visit Mrs Jones", Officer: "PC Brown", Status: StatusDone, AgencyID: 2, Privacy: private},
			{ID: 2, HotspotID: 1, Text: "Patrols on Friday", AgencyID: 2, Status: StatusOpen}},
		Updates: []ActionUpdate{{ID: 1, ActionID: 1, Kind: UpdateNote, Text: "Spoke to Mrs Jones", MeetingID: 3, Privacy: private},
			{ID: 2, ActionID: 2, Kind: UpdateNote, Text: "Two patrols done", MeetingID: 3}},
		Decisions: []Decision{{ID: 1, MeetingID: 3, HotspotID: 7, Text: "that Mr Smith be warned", Privacy: private},
			{ID: 2, MeetingID: 3, HotspotID: 1, Text: "that patrols continue"}},
		Notes: []Note{{ID: 1, MeetingID: 3, HotspotID: 7, Item: ItemHotspot, Text: "Mr Smith shouted at Mrs Jones", Privacy: private},
			{ID: 2, MeetingID: 3, HotspotID: 1, Item: ItemHotspot, Text: "Quieter this week"}},
		Powers:     []Power{{ID: 1, HotspotID: 7, Kind: PowerCPN, Terms: "not to enter Rose Street", AuthorisedBy: "Insp Grey", Privacy: private}},
		Amendments: []Amendment{{ID: 1, MeetingID: 3, Target: "note", TargetID: 1, Before: "Mr Smith shouted", After: "Mr Smith shouted at Mrs Jones", Reason: "Mrs Jones asked"}},
	}
	e := NewErasure([]Hotspot{caseH}, on, 6)
	e.Learn(rec.Actions[0], &rec.Actions[0])
	before := rec
	beforeJSON, _ := json.Marshal(PublicRecord(deepCopy(t, before)))
	if !e.Record(&rec, func(id ID) *Action { return nil }) {
		t.Fatal("the record was not the case's")
	}
	raw, _ := json.Marshal(rec)
	for _, words := range []string{"Rose Street", "Smith", "Jones", "PC Brown", "Insp Grey", "Flat 3"} {
		if strings.Contains(string(raw), words) {
			t.Errorf("%q is still in the anonymised record", words)
		}
	}
	for _, words := range []string{"Town centre", "Market Place", "Patrols on Friday", "Two patrols done", "that patrols continue", "Quieter this week", "Lives near the market"} {
		if !strings.Contains(string(raw), words) {
			t.Errorf("%q, not the case's, was anonymised", words)
		}
	}
	after, _ := json.Marshal(PublicRecord(rec))
	if string(after) != string(beforeJSON) {
		t.Errorf("the public record changed:\nbefore %s\nafter  %s", beforeJSON, after)
	}
	if rec.Hotspots[1].Version != 4 || rec.Hotspots[1].Closed != DateOf(at) || rec.Actions[0].Status != StatusDone || rec.Actions[0].AgencyID != 2 {
		t.Error("the case's facts changed")
	}
	// A second look finds nothing more to do.
	again := deepCopy(t, rec)
	e.Record(&again, func(id ID) *Action { return nil })
	if a, b := mustJSON(t, again), mustJSON(t, rec); a != b {
		t.Error("anonymising twice changed the record again")
	}
}

func deepCopy(t *testing.T, r MeetingRecord) MeetingRecord {
	t.Helper()
	var out MeetingRecord
	if err := json.Unmarshal([]byte(mustJSON(t, r)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAnAnonymisationIsNamedAndNeverUndone(t *testing.T) {
	caseEvent := AuditEvent{ID: 40, Op: OpRetentionCase, Entity: "hotspot", Ref: "HS-7", By: "Chair", ByID: 1,
		After: json.RawMessage(`{"closed":"2026-11-24","years":6,"actions":["A-1","A-2"],"updates":3,"notes":["N-4"]}`)}
	if got := ChangeName([]AuditEvent{caseEvent}); got != "HS-7 anonymised (closed 2026-11-24, kept 6 years) with 2 actions, 3 updates and 1 note" {
		t.Errorf("case: %q", got)
	}
	run := AuditEvent{ID: 41, Op: OpRetentionRun, Entity: "retention", By: "Chair", ByID: 1,
		After: json.RawMessage(`{"years":6,"cases":["HS-7"],"audit_events":12,"frozen_records":["M-2","M-3"]}`)}
	if got := ChangeName([]AuditEvent{run}); got != "retention: 1 case anonymised; 12 audit events and 2 frozen meeting records rewritten" {
		t.Errorf("run: %q", got)
	}
	chair := Actor{MemberID: 1, Name: "Chair", Role: RoleChair}
	r := NewRecentChanges(chair, "M-9")
	for _, e := range []AuditEvent{run, caseEvent, {ID: 30, Op: "note.add", By: "Chair", ByID: 1, ChainFields: ChainFields{Erased: true}}} {
		r.Read(e)
	}
	if _, err := r.Changes(); err == nil {
		t.Error("undo offers an anonymisation, or an event it erased")
	}
}

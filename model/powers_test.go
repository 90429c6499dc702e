package model

import (
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the clock-change cases need Europe/London wherever the tests run
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// Every statutory clock of the 2014 Act, across the clock changes and leap
// years: hours are elapsed hours (a 48-hour dispersal authorised the
// Saturday before the clocks go back ends at 11:00 on the Monday, not
// 12:00), months are calendar months kept within the month they land in.
func TestStatutoryEnd(t *testing.T) {
	ldn := london(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, ldn) }
	day := func(s string) time.Time { return MustDate(s).Time(ldn) }
	tests := []struct {
		name   string
		kind   PowerKind
		start  time.Time
		senior bool
		want   time.Time
	}{
		{"dispersal: 48 hours", PowerDispersal, at(2026, 11, 27, 18, 0), false, at(2026, 11, 29, 18, 0)},
		{"dispersal over the clocks going back", PowerDispersal, at(2026, 10, 24, 12, 0), false, at(2026, 10, 26, 11, 0)},
		{"dispersal over the clocks going forward", PowerDispersal, at(2026, 3, 28, 20, 0), false, at(2026, 3, 30, 21, 0)},
		{"dispersal over 29 February", PowerDispersal, at(2028, 2, 28, 22, 0), false, at(2028, 3, 1, 22, 0)},
		{"closure notice: 24 hours", PowerClosureNotice, at(2026, 11, 30, 15, 0), false, at(2026, 12, 1, 15, 0)},
		{"closure notice, senior authority: 48", PowerClosureNotice, at(2026, 11, 30, 15, 0), true, at(2026, 12, 2, 15, 0)},
		{"closure notice over the clocks going back", PowerClosureNotice, at(2026, 10, 24, 23, 30), false, at(2026, 10, 25, 22, 30)},
		{"closure notice into 29 February", PowerClosureNotice, at(2028, 2, 28, 23, 30), false, at(2028, 2, 29, 23, 30)},
		{"closure order: 3 months", PowerClosureOrder, at(2026, 11, 10, 14, 0), false, day("2027-02-10")},
		{"closure order from 30 Nov: 28 Feb", PowerClosureOrder, at(2026, 11, 30, 14, 0), false, day("2027-02-28")},
		{"closure order from 30 Nov before a leap year: 29 Feb", PowerClosureOrder, at(2027, 11, 30, 14, 0), false, day("2028-02-29")},
		{"closure order from 31 Jan: 30 Apr", PowerClosureOrder, at(2027, 1, 31, 9, 0), false, day("2027-04-30")},
		{"PSPO: 3 years", PowerPSPO, at(2026, 3, 1, 0, 0), false, day("2029-03-01")},
		{"PSPO from 29 February: 28 February", PowerPSPO, at(2028, 2, 29, 10, 0), false, day("2031-02-28")},
		{"CPN: no limit", PowerCPN, at(2026, 11, 24, 10, 0), false, time.Time{}},
		{"CPW: no limit", PowerCPW, at(2026, 11, 24, 10, 0), false, time.Time{}},
		{"injunction: the court's", PowerInjunction, at(2026, 11, 24, 10, 0), false, time.Time{}},
		{"CBO: the court's", PowerCBO, at(2026, 11, 24, 10, 0), false, time.Time{}},
	}
	for _, tt := range tests {
		got := StatutoryEnd(tt.kind, tt.start, tt.senior)
		if !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// The other clocks: a closure notice's court hearing within 48 hours of
// service (elapsed), a CPN's 21-day appeal window (by the calendar, leap
// years counted), the review set.
func TestPowerClocks(t *testing.T) {
	ldn := london(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, ldn) }
	notice := Power{ID: 1, Kind: PowerClosureNotice, Start: at(2026, 10, 24, 9, 0)}
	c := notice.Clocks()
	if len(c) != 2 || c[0].What != "expires" || !c[0].At.Equal(at(2026, 10, 25, 8, 0)) || c[1].What != "court hearing by" || !c[1].At.Equal(at(2026, 10, 26, 8, 0)) || !c[1].Hours {
		t.Errorf("closure notice over the clocks going back: %+v", c)
	}
	for _, tt := range []struct{ served, appealBy string }{
		{"2027-02-20", "2027-03-13"},
		{"2028-02-20", "2028-03-12"}, // 29 February counts
		{"2026-12-20", "2027-01-10"},
	} {
		cpn := Power{ID: 2, Kind: PowerCPN, Start: MustDate(tt.served).Time(ldn), Review: MustDate(tt.served).AddDays(90)}
		c := cpn.Clocks()
		if len(c) != 2 || c[0].What != "appeal window closes" || DateOf(c[0].At) != MustDate(tt.appealBy) || c[1].What != "review due" {
			t.Errorf("CPN served %s: %+v, want the appeal window closing %s then the review", tt.served, c, tt.appealBy)
		}
	}
	ended := Power{ID: 3, Kind: PowerPSPO, Start: at(2026, 1, 1, 0, 0), Ended: at(2026, 6, 1, 0, 0)}
	if c := ended.Clocks(); len(c) != 0 {
		t.Errorf("an ended power runs clocks: %+v", c)
	}
}

// What the Act refuses is refused where it was typed, field by field.
func TestNewPowerValidate(t *testing.T) {
	ldn := london(t)
	start := time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)
	ok := NewPower{Kind: PowerDispersal, HotspotID: 1, AgencyID: 2, Start: start, AuthorisedBy: "Insp Claire Dunn"}
	tests := []struct {
		name  string
		edit  func(n *NewPower)
		field string
		says  string
	}{
		{"as given", func(*NewPower) {}, "", ""},
		{"no kind", func(n *NewPower) { n.Kind = "" }, "kind", "choose a power"},
		{"neither hotspot nor action", func(n *NewPower) { n.HotspotID = 0 }, "hotspot", "give one of them"},
		{"both hotspot and action", func(n *NewPower) { n.ActionID = 4 }, "hotspot", "give one of them"},
		{"no agency", func(n *NewPower) { n.AgencyID = 0 }, "agency", "agency that holds it"},
		{"no start", func(n *NewPower) { n.Start = time.Time{} }, "start", "take effect"},
		{"nobody authorised it", func(n *NewPower) { n.AuthorisedBy = " " }, "authorised_by", "officer who authorised it"},
		{"dispersal set to 48 hours", func(n *NewPower) { n.Expires = start.Add(48 * time.Hour) }, "", ""},
		{"dispersal set to 49 hours", func(n *NewPower) { n.Expires = start.Add(49 * time.Hour) }, "expires", "no more than 48 hours"},
		{"expiring before it starts", func(n *NewPower) { n.Expires = start.Add(-time.Hour) }, "expires", "before it took effect"},
		{"senior on a dispersal", func(n *NewPower) { n.Senior = true }, "senior", "only a closure notice"},
		{"closure notice of 48 hours", func(n *NewPower) { n.Kind, n.Expires = PowerClosureNotice, start.Add(48*time.Hour) }, "expires", "24 hours, or 48 on a superintendent's"},
		{"closure notice of 48 hours, senior", func(n *NewPower) { n.Kind, n.Senior, n.Expires = PowerClosureNotice, true, start.Add(48*time.Hour) }, "", ""},
		{"closure order of 3 months", func(n *NewPower) { n.Kind, n.Expires = PowerClosureOrder, MustDate("2027-02-27").Time(ldn) }, "", ""},
		{"closure order of 3 months and a day", func(n *NewPower) { n.Kind, n.Expires = PowerClosureOrder, MustDate("2027-02-28").Time(ldn) }, "expires", "until 27 Feb 2027 at the latest"},
		{"PSPO of 4 years", func(n *NewPower) { n.Kind, n.Expires = PowerPSPO, MustDate("2030-11-27").Time(ldn) }, "expires", "no more than 3 years"},
		{"CPN for as long as it takes", func(n *NewPower) { n.Kind, n.Expires = PowerCPN, MustDate("2036-11-27").Time(ldn) }, "", ""},
		{"review before it starts", func(n *NewPower) { n.Review = MustDate("2026-11-26") }, "review", "before it took effect"},
	}
	for _, tt := range tests {
		n := ok
		tt.edit(&n)
		_, err := n.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tt.name, err)
			}
			continue
		}
		var fe *FieldError
		if err == nil || !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want %s: …%s…", tt.name, err, tt.field, tt.says)
		}
	}
}

// In force from when it took effect to when it ends: to the minute in
// hours, through the last day in days; flagged while its clock runs in
// hours, or within 28 days of a deadline, or with its review overdue.
func TestPowerInForceAndFlagged(t *testing.T) {
	ldn := london(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, ldn) }
	dispersal := Power{ID: 1, Kind: PowerDispersal, Start: at(2026, 11, 27, 18, 0)}
	pspo := Power{ID: 2, Kind: PowerPSPO, Start: at(2024, 1, 10, 0, 0), Review: MustDate("2026-06-01")}
	order := Power{ID: 3, Kind: PowerClosureOrder, Start: at(2026, 9, 1, 11, 0), Expires: MustDate("2026-12-01").Time(ldn)}
	cpn := Power{ID: 4, Kind: PowerCPN, Start: at(2026, 11, 20, 10, 0)}
	tests := []struct {
		name    string
		p       Power
		now     time.Time
		inForce bool
		flag    string // the flagged clock's line, "" for none
	}{
		{"dispersal before it starts", dispersal, at(2026, 11, 27, 17, 59), false, "takes effect Fri 27 Nov 18:00 (in 1 min)"},
		{"dispersal three days before", dispersal, at(2026, 11, 24, 10, 0), false, "takes effect Fri 27 Nov 18:00 (in 80 h)"},
		{"dispersal under way", dispersal, at(2026, 11, 28, 4, 0), true, "expires Sun 29 Nov 18:00 (in 38 h)"},
		{"dispersal in its last hour", dispersal, at(2026, 11, 29, 17, 30), true, "expires Sun 29 Nov 18:00 (in 30 min)"},
		{"dispersal lapsed", dispersal, at(2026, 11, 29, 18, 0), false, ""},
		{"PSPO, review overdue", pspo, at(2026, 11, 24, 10, 0), true, "review due 1 Jun 2026 (176 days overdue)"},
		{"closure order 29 days out", order, at(2026, 11, 2, 10, 0), true, ""},
		{"closure order 28 days out", order, at(2026, 11, 3, 10, 0), true, "expires 1 Dec 2026 (in 28 days)"},
		{"closure order on its last day", order, at(2026, 12, 1, 23, 0), true, "expires 1 Dec 2026 (today)"},
		{"closure order the day after", order, at(2026, 12, 2, 0, 30), false, ""},
		{"CPN: the appeal window", cpn, at(2026, 11, 24, 10, 0), true, "appeal window closes 11 Dec 2026 (in 17 days)"},
		{"CPN after its appeal window", cpn, at(2026, 12, 12, 10, 0), true, ""},
	}
	for _, tt := range tests {
		if got := tt.p.InForce(tt.now); got != tt.inForce {
			t.Errorf("%s: in force %v", tt.name, got)
		}
		c, ok := tt.p.Flag(tt.now)
		got := ""
		if ok {
			got = c.Line(tt.now)
		}
		if got != tt.flag {
			t.Errorf("%s: flag %q, want %q", tt.name, got, tt.flag)
		}
	}
	// --expiring 28d: by the day, today and the 28 after; reviews overdue.
	now := at(2026, 11, 3, 10, 0)
	if !order.ExpiringWithin(now, 28*24*time.Hour) || order.ExpiringWithin(now, 27*24*time.Hour) {
		t.Error("a closure order expiring in 28 days is not within 28d, or is within 27d")
	}
	if !dispersal.ExpiringWithin(at(2026, 11, 28, 4, 0), 48*time.Hour) || dispersal.ExpiringWithin(at(2026, 11, 28, 4, 0), 24*time.Hour) {
		t.Error("a dispersal 38 hours from its end: within 48h, not within 24h")
	}
	if !pspo.ExpiringWithin(now, 0) {
		t.Error("a PSPO whose review is overdue is not listed")
	}
	// Yet to take effect: current, listed when it will within the span.
	early := at(2026, 11, 24, 10, 0)
	if !dispersal.Current(early) || dispersal.InForce(early) || !dispersal.ExpiringWithin(early, 4*24*time.Hour) || dispersal.ExpiringWithin(early, 24*time.Hour) {
		t.Error("a dispersal authorised for Friday, on the Tuesday before")
	}
	if lapsed := at(2026, 11, 30, 10, 0); dispersal.Current(lapsed) {
		t.Error("a lapsed dispersal is current")
	}
}

// A closure order is extended up to six months from when it was made; a
// power ends early with a reason; neither past its end.
func TestPowerExtendAndDischarge(t *testing.T) {
	ldn := london(t)
	order := Power{ID: 3, Kind: PowerClosureOrder, Start: MustDate("2027-11-30").Time(ldn)}
	if err := order.Extend(MustDate("2028-05-31").Time(ldn)); err == nil || !strings.Contains(err.Error(), "until 30 May 2028 at the latest (6 months in total)") {
		t.Errorf("extended past six months: %v", err)
	}
	if err := order.Extend(MustDate("2028-05-30").Time(ldn)); err != nil || DateOf(order.End()) != MustDate("2028-05-30") {
		t.Errorf("extension to six months: %v, ends %v", err, order.End())
	}
	if err := order.Extend(MustDate("2028-04-30").Time(ldn)); err == nil {
		t.Error("extended to before the end it has")
	}
	pspo := Power{ID: 4, Kind: PowerPSPO, Start: MustDate("2026-01-01").Time(ldn)}
	if err := pspo.Extend(MustDate("2030-01-01").Time(ldn)); err == nil || !strings.Contains(err.Error(), "only a closure order is extended") {
		t.Errorf("a PSPO extended: %v", err)
	}
	if err := pspo.Discharge(MustDate("2026-06-01").Time(ldn), "Varied: replaced by P-9"); err != nil || pspo.InForce(MustDate("2026-06-02").Time(ldn)) {
		t.Errorf("discharged: %v, still in force", err)
	}
	if err := pspo.Discharge(MustDate("2026-07-01").Time(ldn), "again"); err == nil {
		t.Error("discharged twice")
	}
	lapsed := Power{ID: 5, Kind: PowerDispersal, Start: time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)}
	if err := lapsed.Discharge(time.Date(2026, 11, 30, 9, 0, 0, 0, ldn), "x"); err == nil || !strings.Contains(err.Error(), "expired on Sun 29 Nov 2026 18:00") {
		t.Errorf("a lapsed dispersal discharged: %v", err)
	}
}

// Privacy: a power is private when what it is on is, and always when it is
// directed at a person; a place-based power on public business is public.
func TestPowerPrivacy(t *testing.T) {
	public := &Hotspot{ID: 1, Category: CategoryNuisance}
	personal := &Hotspot{ID: 2, Category: CategoryPersonal}
	for _, tt := range []struct {
		kind    PowerKind
		on      *Hotspot
		private bool
	}{
		{PowerPSPO, public, false},
		{PowerDispersal, public, false},
		{PowerClosureOrder, public, false},
		{PowerPSPO, personal, true},
		{PowerCPN, public, true},
		{PowerCPW, public, true},
		{PowerInjunction, public, true},
		{PowerCBO, public, true},
	} {
		p := NewPower{Kind: tt.kind, HotspotID: tt.on.ID}.Recorded(7, Made{Hotspot: tt.on}, Actor{Name: "x"}, time.Now())
		if p.Private != tt.private {
			t.Errorf("%s on %s: private %v", tt.kind, tt.on.Category, p.Private)
		}
	}
}

func TestParsePowerKindAndWithin(t *testing.T) {
	for in, want := range map[string]PowerKind{"PSPO": PowerPSPO, "cpn": PowerCPN, "closure order": PowerClosureOrder, "Closure-Notice": PowerClosureNotice,
		"Criminal Behaviour Order": PowerCBO, "dispersal": PowerDispersal} {
		if got, err := ParsePowerKind(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	if _, err := ParsePowerKind("asbo"); err == nil {
		t.Error("an ASBO (abolished in 2014) is a power")
	}
	for in, want := range map[string]time.Duration{"28d": 28 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "48h": 48 * time.Hour, "7": 7 * 24 * time.Hour} {
		if got, err := ParseWithin(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "soon", "-1d", "28x"} {
		if _, err := ParseWithin(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParseMoment(t *testing.T) {
	ldn := london(t)
	now := time.Date(2026, 11, 24, 10, 30, 0, 0, ldn) // a Tuesday
	for _, tt := range []struct {
		in   string
		kind PowerKind
		want time.Time
		bad  string
	}{
		{in: "now", kind: PowerDispersal, want: now},
		{in: "2026-11-27 18:00", kind: PowerDispersal, want: time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)},
		{in: "2026-11-27T18:00", kind: PowerDispersal, want: time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)},
		{in: "27/11/2026 6pm", kind: PowerClosureNotice, want: time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)},
		{in: "fri 18:00", kind: PowerDispersal, want: time.Date(2026, 11, 27, 18, 0, 0, 0, ldn)},
		{in: "22:15", kind: PowerDispersal, want: time.Date(2026, 11, 24, 22, 15, 0, 0, ldn)},
		{in: "2026-11-27", kind: PowerDispersal, bad: "a dispersal authorisation runs in hours: give the time too"},
		{in: "2026-11-27", kind: PowerPSPO, want: MustDate("2026-11-27").Time(ldn)},
		{in: "+3d", kind: PowerCPN, want: MustDate("2026-11-27").Time(ldn)},
		{in: "someday", kind: PowerCPN, bad: "someday"},
	} {
		got, err := ParseMoment(tt.in, tt.kind, now)
		switch {
		case tt.bad != "":
			if err == nil || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("%q: %v, want an error saying %q", tt.in, err, tt.bad)
			}
		case err != nil || !got.Equal(tt.want):
			t.Errorf("%q: %v %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

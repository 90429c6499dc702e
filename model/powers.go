package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Powers in force, with their statutory clocks (Anti-social Behaviour,
// Crime and Policing Act 2014; ../shared/docs/domain.md). The group records
// the powers used at a hotspot (or for a general action) and is reminded of
// the clocks they run on: these are the rules, every one table-tested.

// PowerKind is one of the 2014 Act's powers the group uses.
type PowerKind string

const (
	PowerPSPO          PowerKind = "pspo"           // Public Spaces Protection Order (s.59): up to 3 years
	PowerDispersal     PowerKind = "dispersal"      // dispersal authorisation (s.34): up to 48 hours
	PowerCPW           PowerKind = "cpw"            // Community Protection Warning (s.43)
	PowerCPN           PowerKind = "cpn"            // Community Protection Notice (s.43): appeal within 21 days
	PowerInjunction    PowerKind = "injunction"     // civil injunction (s.1)
	PowerCBO           PowerKind = "cbo"            // Criminal Behaviour Order (s.22)
	PowerClosureNotice PowerKind = "closure-notice" // closure notice (s.76): 24 hours, 48 with senior authority; heard within 48 hours
	PowerClosureOrder  PowerKind = "closure-order"  // closure order (s.80): up to 3 months, 6 in total
)

// PowerKinds are the kinds, place-based first.
var PowerKinds = []PowerKind{PowerPSPO, PowerDispersal, PowerClosureNotice, PowerClosureOrder, PowerCPW, PowerCPN, PowerInjunction, PowerCBO}

// The clocks of the 2014 Act.
const (
	DispersalMaxHours      = 48 // s.35(2): a direction lasts no more than 48 hours
	ClosureNoticeHours     = 24 // s.77(1): a closure notice lasts 24 hours…
	ClosureNoticeSenior    = 48 // …or 48 if a superintendent or the council's chief executive authorised it
	ClosureHearingHours    = 48 // s.80(2): the court hears the application within 48 hours of service
	ClosureOrderMaxMonths  = 3  // s.80(5): an order lasts no more than 3 months…
	ClosureOrderTotalMonth = 6  // s.82(7): …and extensions no more than 6 in total
	PSPOMaxMonths          = 36 // s.60(1): a PSPO has effect for no more than 3 years
	CPNAppealDays          = 21 // s.46(1): a CPN may be appealed within 21 days
	// PowerWarnDays: a power expiring, or due for review, within this many
	// days is flagged on the agenda and in My actions; one whose clock runs
	// in hours (dispersal, closure notice) is flagged all the while it is
	// in force.
	PowerWarnDays = 28
)

// Title is the power's name.
func (k PowerKind) Title() string {
	switch k {
	case PowerPSPO:
		return "Public Spaces Protection Order"
	case PowerDispersal:
		return "Dispersal authorisation"
	case PowerCPW:
		return "Community Protection Warning"
	case PowerCPN:
		return "Community Protection Notice"
	case PowerInjunction:
		return "Civil injunction"
	case PowerCBO:
		return "Criminal Behaviour Order"
	case PowerClosureNotice:
		return "Closure notice"
	case PowerClosureOrder:
		return "Closure order"
	}
	return string(k)
}

// Short is the power in a narrow column.
func (k PowerKind) Short() string {
	switch k {
	case PowerPSPO:
		return "PSPO"
	case PowerDispersal:
		return "Dispersal"
	case PowerCPW:
		return "CPW"
	case PowerCPN:
		return "CPN"
	case PowerInjunction:
		return "Injunction"
	case PowerCBO:
		return "CBO"
	case PowerClosureNotice:
		return "Closure notice"
	case PowerClosureOrder:
		return "Closure order"
	}
	return string(k)
}

// ParsePowerKind reads a kind as people type it: its code (cpn), its
// short name or title ("Closure order"), in any case.
func ParsePowerKind(s string) (PowerKind, error) {
	in := strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(s))), " ")
	for _, k := range PowerKinds {
		for _, name := range []string{strings.ReplaceAll(string(k), "-", " "), strings.ToLower(k.Short()), strings.ToLower(k.Title())} {
			if in == name {
				return k, nil
			}
		}
	}
	return "", Invalid("kind", "%q is not a power: use pspo, dispersal, cpw, cpn, injunction, cbo, closure-notice or closure-order", s)
}

// AboutPeople: the power is directed at a person (a warning, notice,
// injunction or order against someone), so it is about an individual and
// private business wherever it is recorded; the place-based ones (a PSPO,
// a dispersal authorisation, a closure) are not, on public business.
func (k PowerKind) AboutPeople() bool {
	switch k {
	case PowerCPW, PowerCPN, PowerInjunction, PowerCBO:
		return true
	}
	return false
}

// InHours: the power's clock runs in hours, not days.
func (k PowerKind) InHours() bool { return k == PowerDispersal || k == PowerClosureNotice }

// addMonths is d moved on n calendar months, kept within the month it
// lands in: 30 November + 3 months is 28 February (29 in a leap year),
// never 2 March; 29 February + 3 years is 28 February.
func addMonths(d Date, n int) Date {
	first := NewDate(d.Year(), d.Month(), 1).utc().AddDate(0, n, 0)
	last := time.Date(first.Year(), first.Month()+1, 0, 12, 0, 0, 0, time.UTC).Day()
	return NewDate(first.Year(), first.Month(), min(d.Day(), last))
}

// StatutoryEnd is the latest a power of kind k that took effect at start
// may run, by the Act: an instant for those that run in hours (elapsed
// hours, so a clock change in between does not move it), the last day
// for those that run in months (as midday on it: the power is in force
// through that day); zero where the Act sets no limit. senior: a
// closure notice authorised by a superintendent or the council's chief
// executive.
func StatutoryEnd(k PowerKind, start time.Time, senior bool) time.Time {
	switch k {
	case PowerDispersal:
		return start.Add(DispersalMaxHours * time.Hour)
	case PowerClosureNotice:
		if senior {
			return start.Add(ClosureNoticeSenior * time.Hour)
		}
		return start.Add(ClosureNoticeHours * time.Hour)
	case PowerClosureOrder:
		return addMonths(DateOf(start), ClosureOrderMaxMonths).Time(start.Location())
	case PowerPSPO:
		return addMonths(DateOf(start), PSPOMaxMonths).Time(start.Location())
	}
	return time.Time{}
}

// Power is a power in force (or once in force) at a hotspot, or for a
// general action.
type Power struct {
	ID        ID        `json:"id"`
	Kind      PowerKind `json:"kind"`
	HotspotID ID        `json:"hotspot_id,omitempty"`
	// ActionID is the general action it serves, when it is on no hotspot.
	ActionID ID `json:"action_id,omitempty"`
	// AgencyID is the agency that holds it (that authorised or applied
	// for it): its members keep it up to date.
	AgencyID ID `json:"agency_id"`
	// Start is when it took effect (served, made, authorised): to the
	// minute, for those whose clock runs in hours.
	Start time.Time `json:"start"`
	// Expires is the expiry set (on the notice, by the court or the
	// authorisation), never after the statutory one; zero: the statutory
	// one, or none.
	Expires time.Time `json:"expires,omitempty"`
	// Extended is a closure order's expiry as extended by the court (never
	// past ClosureOrderTotalMonth months from its start); zero: none.
	Extended time.Time `json:"extended,omitempty"`
	// Review is the next date it is to be reviewed; zero: none set.
	Review Date `json:"review,omitempty"`
	// AuthorisedBy is the officer who authorised it, with rank or role.
	AuthorisedBy string `json:"authorised_by"`
	// Senior: a closure notice authorised by a superintendent or the
	// council's chief executive (it runs 48 hours).
	Senior bool `json:"senior,omitempty"`
	// Terms are what it requires, in words: the area, the hours, the
	// conduct (never the name of the person it is against).
	Terms string `json:"terms,omitempty"`
	// Ended is when it was discharged, revoked or withdrawn before its
	// expiry, and why.
	Ended     time.Time `json:"ended,omitempty"`
	EndReason string    `json:"end_reason,omitempty"`
	Privacy
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int       `json:"version"`
}

// PowerPrefix is a power's ref prefix ("P-3").
const PowerPrefix = "P"

func PowerRef(id ID) string { return formatRef(PowerPrefix, id) }
func (p Power) Ref() string { return PowerRef(p.ID) }

// LastChanged is when the power was last changed (the clock rule).
func (p Power) LastChanged() time.Time { return p.UpdatedAt }

// NewPower is what a person fills in to record a power.
type NewPower struct {
	Kind         PowerKind
	HotspotID    ID
	ActionID     ID
	AgencyID     ID
	Start        time.Time
	Expires      time.Time
	Review       Date
	AuthorisedBy string
	Senior       bool
	Terms        string
}

// Validate cleans the fields and refuses, field by field, what the Act
// does not allow: an expiry past the statutory one, a senior authority on
// anything but a closure notice, a review before the power starts.
func (n NewPower) Validate() (NewPower, error) {
	var err error
	if !slices.Contains(PowerKinds, n.Kind) {
		return n, Invalid("kind", "choose a power: pspo, dispersal, cpw, cpn, injunction, cbo, closure-notice or closure-order")
	}
	if (n.HotspotID == 0) == (n.ActionID == 0) {
		return n, Invalid("hotspot", "a power is recorded on a hotspot, or on a general action: give one of them")
	}
	if n.AgencyID == 0 {
		return n, Invalid("agency", "choose the agency that holds it")
	}
	if n.Start.IsZero() {
		return n, Invalid("start", "when did it take effect?")
	}
	if n.Senior && n.Kind != PowerClosureNotice {
		return n, Invalid("senior", "only a closure notice runs longer on a superintendent's or chief executive's authority")
	}
	if n.AuthorisedBy, err = CheckLine("authorised_by", "officer who authorised it", n.AuthorisedBy, true, 120); err != nil {
		return n, err
	}
	if n.Terms, err = CheckText("terms", "terms", n.Terms, false); err != nil {
		return n, err
	}
	if err := checkExpiry(n.Kind, n.Start, n.Senior, n.Expires); err != nil {
		return n, err
	}
	if !n.Review.IsZero() && n.Review.Before(DateOf(n.Start)) {
		return n, Invalid("review", "the review (%s) is before it took effect (%s)", n.Review, DateOf(n.Start))
	}
	return n, nil
}

// checkExpiry refuses an expiry set before the start or past the Act's.
func checkExpiry(k PowerKind, start time.Time, senior bool, expires time.Time) error {
	if expires.IsZero() {
		return nil
	}
	if k.InHours() && !expires.After(start) || !k.InHours() && DateOf(expires).Before(DateOf(start)) {
		return Invalid("expires", "it expires (%s) before it took effect (%s)", whenOf(k, expires), whenOf(k, start))
	}
	if max := StatutoryEnd(k, start, senior); !max.IsZero() && laterThan(k, expires, max) {
		return Invalid("expires", "a %s taking effect %s may run until %s at the latest (%s)", strings.ToLower(k.Title()), whenOf(k, start), whenOf(k, max), limitWords(k, senior))
	}
	return nil
}

// laterThan compares two ends as the power's clock reads them: to the
// minute in hours, by the day otherwise.
func laterThan(k PowerKind, a, b time.Time) bool {
	if k.InHours() {
		return a.After(b)
	}
	return DateOf(a).After(DateOf(b))
}

// limitWords says the Act's limit.
func limitWords(k PowerKind, senior bool) string {
	switch k {
	case PowerDispersal:
		return fmt.Sprintf("no more than %d hours", DispersalMaxHours)
	case PowerClosureNotice:
		if senior {
			return fmt.Sprintf("%d hours on a superintendent's or chief executive's authority", ClosureNoticeSenior)
		}
		return fmt.Sprintf("%d hours, or %d on a superintendent's or chief executive's authority", ClosureNoticeHours, ClosureNoticeSenior)
	case PowerClosureOrder:
		return fmt.Sprintf("no more than %d months, %d with extensions", ClosureOrderMaxMonths, ClosureOrderTotalMonth)
	case PowerPSPO:
		return "no more than 3 years"
	}
	return "no limit"
}

// whenOf is an instant as the power's clock reads it: "Sat 24 Oct 2026
// 22:00" in hours, "24 Oct 2026" in days.
func whenOf(k PowerKind, t time.Time) string {
	if k.InHours() {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return DateOf(t).Format("2 Jan 2006")
}

// Recorded makes the stored power from n: private when what it is about is
// (PrivacyOf, made on its hotspot or action), or when it is directed at a
// person.
func (n NewPower) Recorded(id ID, where Made, by Actor, at time.Time) Power {
	p := Power{ID: id, Kind: n.Kind, HotspotID: n.HotspotID, ActionID: n.ActionID, AgencyID: n.AgencyID, Start: n.Start,
		Expires: n.Expires, Review: n.Review, AuthorisedBy: n.AuthorisedBy, Senior: n.Senior, Terms: n.Terms,
		CreatedAt: at, UpdatedAt: at, UpdatedBy: by.String(), Version: 1}
	where.Confidential = where.Confidential || n.Kind.AboutPeople()
	p.Privacy = PrivacyOf(where)
	return p
}

// End is when it stops: discharged early, else the expiry as extended or
// set, else the Act's; zero when it runs until discharged.
func (p Power) End() time.Time {
	switch {
	case !p.Ended.IsZero():
		return p.Ended
	case !p.Extended.IsZero():
		return p.Extended
	case !p.Expires.IsZero():
		return p.Expires
	}
	return StatutoryEnd(p.Kind, p.Start, p.Senior)
}

// InForce: it has taken effect and not ended by now. One that runs in
// days is in force through the day it expires.
func (p Power) InForce(now time.Time) bool {
	if p.Kind.InHours() && now.Before(p.Start) || !p.Kind.InHours() && DateOf(now).Before(DateOf(p.Start)) {
		return false
	}
	if !p.Ended.IsZero() {
		return now.Before(p.Ended)
	}
	end := p.End()
	switch {
	case end.IsZero():
		return true
	case p.Kind.InHours():
		return now.Before(end)
	}
	return !DateOf(now).After(DateOf(end))
}

// Extend extends a closure order to to: never past ClosureOrderTotalMonth
// months from when it was made, never before the expiry it has.
func (p *Power) Extend(to time.Time) error {
	if p.Kind != PowerClosureOrder {
		return Invalid("kind", "only a closure order is extended (%s is a %s)", p.Ref(), strings.ToLower(p.Kind.Title()))
	}
	if !p.Ended.IsZero() {
		return Invalid("ended", "%s was discharged on %s", p.Ref(), DateOf(p.Ended).Format("2 Jan 2006"))
	}
	if !laterThan(p.Kind, to, p.End()) {
		return Invalid("to", "%s already runs until %s", p.Ref(), whenOf(p.Kind, p.End()))
	}
	if max := addMonths(DateOf(p.Start), ClosureOrderTotalMonth); DateOf(to).After(max) {
		return Invalid("to", "a closure order made %s may be extended until %s at the latest (%d months in total)", whenOf(p.Kind, p.Start), max.Format("2 Jan 2006"), ClosureOrderTotalMonth)
	}
	p.Extended = to
	return nil
}

// Discharge ends the power early (discharged, revoked, withdrawn, or a
// court refused the order after a notice), with the reason.
func (p *Power) Discharge(at time.Time, reason string) error {
	if !p.Ended.IsZero() {
		return Invalid("ended", "%s already ended on %s", p.Ref(), whenOf(p.Kind, p.Ended))
	}
	if end := p.End(); !end.IsZero() && laterThan(p.Kind, at, end) {
		return Invalid("ended", "%s expired on %s: there is nothing to end", p.Ref(), whenOf(p.Kind, end))
	}
	p.Ended, p.EndReason = at, reason
	return nil
}

// PowerClock is one deadline a power runs to.
type PowerClock struct {
	What string // "expires", "court hearing by", "appeal window closes", "review due"
	At   time.Time
	// Hours: the deadline is to the minute (a dispersal, a closure notice).
	Hours bool
}

// Clocks are its deadlines, soonest first: its end, the court hearing a
// closure notice must have (48 hours from service), the 21 days a CPN
// may be appealed in, its next review. A power that ended has none.
func (p Power) Clocks() []PowerClock {
	if !p.Ended.IsZero() {
		return nil
	}
	var out []PowerClock
	if end := p.End(); !end.IsZero() {
		out = append(out, PowerClock{What: "expires", At: end, Hours: p.Kind.InHours()})
	}
	switch p.Kind {
	case PowerClosureNotice:
		out = append(out, PowerClock{What: "court hearing by", At: p.Start.Add(ClosureHearingHours * time.Hour), Hours: true})
	case PowerCPN:
		out = append(out, PowerClock{What: "appeal window closes", At: DateOf(p.Start).AddDays(CPNAppealDays).Time(p.Start.Location())})
	}
	if !p.Review.IsZero() {
		out = append(out, PowerClock{What: "review due", At: p.Review.Time(p.Start.Location())})
	}
	slices.SortStableFunc(out, func(a, b PowerClock) int { return a.At.Compare(b.At) })
	return out
}

// Current: it is in force, or yet to take effect — not ended, not expired.
func (p Power) Current(now time.Time) bool {
	return p.InForce(now) || p.Ended.IsZero() && (p.Kind.InHours() && now.Before(p.Start) || !p.Kind.InHours() && DateOf(now).Before(DateOf(p.Start)))
}

// Flag is the clock to warn of now, if any: for a power in force, the
// soonest deadline not yet passed that falls within PowerWarnDays — or,
// for one whose clock runs in hours, any; a review already overdue is
// flagged too. One yet to take effect is flagged as it will: within
// PowerWarnDays, or any whose clock runs in hours.
func (p Power) Flag(now time.Time) (PowerClock, bool) {
	if !p.Current(now) {
		return PowerClock{}, false
	}
	today := DateOf(now)
	if !p.InForce(now) {
		c := PowerClock{What: "takes effect", At: p.Start, Hours: p.Kind.InHours()}
		return c, c.Hours || today.DaysUntil(DateOf(p.Start)) <= PowerWarnDays
	}
	for _, c := range p.Clocks() {
		switch {
		case c.Hours && c.At.After(now):
			return c, true
		case c.Hours:
			continue
		case c.What == "review due" && DateOf(c.At).Before(today):
			return c, true // overdue
		case DateOf(c.At).Before(today):
			continue
		case today.DaysUntil(DateOf(c.At)) <= PowerWarnDays:
			return c, true
		}
	}
	return PowerClock{}, false
}

// Left says when a clock runs out, from now: "in 14 h", "today", "in 3
// days", "3 days overdue".
func (c PowerClock) Left(now time.Time) string {
	if c.Hours {
		left := c.At.Sub(now)
		if left < 0 {
			return "passed"
		}
		if left < time.Hour {
			return "in " + strconv.Itoa(int(left.Minutes())) + " min"
		}
		return "in " + strconv.Itoa(int(left.Round(time.Hour).Hours())) + " h"
	}
	switch n := DateOf(now).DaysUntil(DateOf(c.At)); {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n > 1:
		return "in " + strconv.Itoa(n) + " days"
	case n == -1:
		return "1 day overdue"
	default:
		return strconv.Itoa(-n) + " days overdue"
	}
}

// Line is the clock in words: "expires Sat 24 Oct 22:00 (in 14 h)",
// "review due 1 Dec 2026 (in 7 days)".
func (c PowerClock) Line(now time.Time) string {
	when := DateOf(c.At).Format("2 Jan 2006")
	if c.Hours {
		when = c.At.Format("Mon 2 Jan 15:04")
	}
	return c.What + " " + when + " (" + c.Left(now) + ")"
}

// Summary is the power in one line for lists and the minutes: "Dispersal
// authorisation (P-3), from Fri 27 Nov 18:00 to Sun 29 Nov 18:00, authorised
// by Insp Claire Dunn".
func (p Power) Summary() string {
	s := p.Kind.Title() + " (" + p.Ref() + "), from " + whenOf(p.Kind, p.Start)
	if end := p.End(); !end.IsZero() {
		s += " to " + whenOf(p.Kind, end)
	} else {
		s += ", until discharged"
	}
	if !p.Extended.IsZero() {
		s += " (extended)"
	}
	if p.AuthorisedBy != "" {
		s += ", authorised by " + CleanLine(p.AuthorisedBy)
	}
	return s
}

// ParseWithin reads how far ahead to look: "28d", "2w", "48h", or a bare
// number of days.
func ParseWithin(s string) (time.Duration, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	unit := time.Duration(24 * time.Hour)
	switch {
	case strings.HasSuffix(in, "d"):
		in = strings.TrimSuffix(in, "d")
	case strings.HasSuffix(in, "w"):
		in, unit = strings.TrimSuffix(in, "w"), 7*24*time.Hour
	case strings.HasSuffix(in, "h"):
		in, unit = strings.TrimSuffix(in, "h"), time.Hour
	}
	n, err := strconv.Atoi(in)
	if err != nil || n < 0 || n > 3660 {
		return 0, Invalid("expiring", "%q is not a span: use 28d, 2w or 48h", s)
	}
	return time.Duration(n) * unit, nil
}

// ExpiringWithin: the power is in force and ends, or another deadline of
// it falls, within d of now — to the minute for a clock in hours, by the
// day otherwise (28d: today and the 28 days after) — or its review is
// overdue.
func (p Power) ExpiringWithin(now time.Time, d time.Duration) bool {
	if !p.InForce(now) {
		// Yet to take effect: listed when it does within the span.
		return p.Current(now) && !p.Start.After(now.Add(d))
	}
	today := DateOf(now)
	for _, c := range p.Clocks() {
		if c.Hours {
			if c.At.After(now) && !c.At.After(now.Add(d)) {
				return true
			}
			continue
		}
		n := today.DaysUntil(DateOf(c.At))
		if n >= 0 && n <= int(d/(24*time.Hour)) || n < 0 && c.What == "review due" {
			return true
		}
	}
	return false
}

// Power: may the power appear in a public output? Not when it is private
// business (its own privacy: made on private business, or directed at a
// person), nor while its hotspot is taken in private.
func (p Disclosure) Power(pw Power) bool {
	if pw.Private {
		return false
	}
	return pw.HotspotID == 0 || !p.HotspotPrivate(pw.HotspotID)
}

// PublicPower is a public power as the public record gives it: without the
// officer who authorised it (officers are named in the restricted record
// only).
func (p Disclosure) PublicPower(pw Power) Power {
	pw.AuthorisedBy = ""
	return pw
}

// PowerFilter chooses powers to list.
type PowerFilter struct {
	HotspotID ID // 0: every hotspot and general action
	// CurrentAt keeps those current then: in force, or yet to take effect
	// (zero: every power recorded).
	CurrentAt time.Time
}

// Keep says whether f lets p through.
func (f PowerFilter) Keep(p Power) bool {
	if f.HotspotID != 0 && p.HotspotID != f.HotspotID {
		return false
	}
	return f.CurrentAt.IsZero() || p.Current(f.CurrentAt)
}

// PowersOf are those of ps on hotspot id current at now (in force, or yet
// to take effect), soonest ending first (those with no end last).
func PowersOf(ps []Power, id ID, now time.Time) []Power {
	var out []Power
	for _, p := range ps {
		if p.HotspotID == id && p.Current(now) {
			out = append(out, p)
		}
	}
	SortPowers(out)
	return out
}

// SortPowers orders powers soonest ending first, those with no end last,
// then by ref.
func SortPowers(ps []Power) {
	slices.SortStableFunc(ps, func(a, b Power) int {
		ea, eb := a.End(), b.End()
		switch {
		case ea.IsZero() != eb.IsZero():
			if ea.IsZero() {
				return 1
			}
			return -1
		case !ea.Equal(eb):
			return ea.Compare(eb)
		}
		return cmpInt(int(a.ID), int(b.ID))
	})
}

// ParseMoment reads when a power took effect or ends, as people type it: a
// WHEN date (2026-11-27, 27/11/2026, today, fri, +3d) with a clock time
// after it ("2026-11-27 18:00", "fri 18:00"), or now. A power whose clock
// runs in hours needs the time; for the others a bare date is the day.
func ParseMoment(s string, k PowerKind, now time.Time) (time.Time, error) {
	in := strings.TrimSpace(strings.ReplaceAll(s, "T", " "))
	if strings.EqualFold(in, "now") {
		return now, nil
	}
	day, clock := in, ""
	if i := strings.LastIndexByte(in, ' '); i > 0 {
		if _, err := ParseClock(in[i+1:]); err == nil {
			day, clock = strings.TrimSpace(in[:i]), in[i+1:]
		}
	} else if _, err := ParseClock(in); err == nil && strings.Contains(in, ":") {
		day, clock = "today", in
	}
	d, err := ParseWhen(day, DateOf(now), Date{})
	if err != nil {
		return time.Time{}, err
	}
	if clock == "" {
		if k.InHours() {
			return time.Time{}, Invalid("when", "a %s runs in hours: give the time too, e.g. '%s 18:00'", strings.ToLower(k.Title()), d)
		}
		return d.Time(now.Location()), nil
	}
	c, _ := ParseClock(clock)
	hh, mm, _ := strings.Cut(c, ":")
	h, _ := strconv.Atoi(hh)
	m, _ := strconv.Atoi(mm)
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, now.Location()), nil
}

// PowerFlagOf is the soonest flagged clock (Power.Flag) among ps's powers
// on hotspot id, and whether there is one: what marks the hotspot's item,
// or its line off the agenda, ⚑.
func PowerFlagOf(ps []Power, id ID, now time.Time) (PowerClock, bool) {
	var best PowerClock
	found := false
	for _, p := range ps {
		if p.HotspotID != id {
			continue
		}
		if c, ok := p.Flag(now); ok && (!found || c.At.Before(best.At)) {
			best, found = c, true
		}
	}
	return best, found
}

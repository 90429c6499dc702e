package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
)

// The machine output (--format csv|json) is an interface: these structs are
// its documentation. JSON is an array of objects with these keys; CSV has
// the same names, in this order, as its header. Every value is a string:
// dates ISO 8601 (2026-11-24), times RFC 3339, statuses lower-case with
// hyphens, "" for anything unset. Add fields at the end; never rename.

// hotspotRow: ref, title, location, ward, category, risk, status,
// lead_agency, opened, last_reviewed, private, version, likelihood, harm,
// risk_score, risk_flags, assessed_on.
type hotspotRow struct {
	Ref          string `json:"ref"` // HS-3
	Title        string `json:"title"`
	Location     string `json:"location"`
	Ward         string `json:"ward"`
	Category     string `json:"category"`      // personal, nuisance, environmental
	Risk         string `json:"risk"`          // low, medium, high
	Status       string `json:"status"`        // new, active, monitoring, closed
	LeadAgency   string `json:"lead_agency"`   // the agency's full name
	Opened       string `json:"opened"`        // 2026-01-12
	LastReviewed string `json:"last_reviewed"` // 2026-11-17, or "" if never
	Private      string `json:"private"`       // "yes" for a hotspot taken in private (only the restricted version has any)
	Version      string `json:"version"`       // restricted or public: which version the list is
	// The risk matrix behind risk (hotspot assess), all "" for a hotspot
	// not assessed since the matrix came in, and in the public version.
	Likelihood string `json:"likelihood"`  // 1 to 5
	Harm       string `json:"harm"`        // 1 to 5
	RiskScore  string `json:"risk_score"`  // likelihood × harm
	RiskFlags  string `json:"risk_flags"`  // vulnerable, repeat, hate: those set, comma-separated
	AssessedOn string `json:"assessed_on"` // 2026-11-24
	// The trend (hotspot link, hotspot counts): the places linked, by LSOA
	// alone in the public version; the last month of its series, that
	// month's count and its trend (the last month against the mean of
	// the three before); where the counts came from (police.uk or
	// entered). Empty where it has none.
	Areas          string `json:"areas"`           // "Chesterfield 001A (E01019432), Market Place (E01019433)"
	IncidentsMonth string `json:"incidents_month"` // 2026-10
	Incidents      string `json:"incidents"`       // 12
	Trend          string `json:"trend"`           // +20%, −5%, 0%, new
	IncidentsFrom  string `json:"incidents_from"`  // police.uk or entered
}

// actionRow: ref, hotspot, text, agency, officer, due, status, rag,
// created_meeting, updated_at, last_update, private.
type actionRow struct {
	Ref            string `json:"ref"`
	Hotspot        string `json:"hotspot"` // HS-3, or "" for a general action
	Text           string `json:"text"`
	Agency         string `json:"agency"`          // the owning agency's full name
	Officer        string `json:"officer"`         // named officer, or ""
	Due            string `json:"due"`             // 2026-11-27
	Status         string `json:"status"`          // open, in-progress, done, blocked, cancelled
	RAG            string `json:"rag"`             // red, amber, green, or "" when done/cancelled
	CreatedMeeting string `json:"created_meeting"` // M-5, or "" if made outside a meeting
	UpdatedAt      string `json:"updated_at"`      // RFC 3339
	LastUpdate     string `json:"last_update"`     // the owning agency's newest update between meetings (a note, a status or date change)
	Private        string `json:"private"`         // "yes" for private business (agreed in private or confidential), else ""
}

// agencyRow: name, short_name, retired.
type agencyRow struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Retired   string `json:"retired"` // "yes" when the agency has left, else ""
}

// memberRow: name, agency, role, job_title, email, phone, retired, reads.
type memberRow struct {
	Name     string `json:"name"`
	Agency   string `json:"agency"` // full name
	Role     string `json:"role"`   // chair, admin, member, viewer, circulation
	JobTitle string `json:"job_title"`
	Email    string `json:"email"`
	Phone    string `json:"phone"`
	Retired  string `json:"retired"` // the date they retired (2026-11-24), else ""
	Reads    string `json:"reads"`   // restricted (private business included) or public (the public record only)
}

func hotspotRowOf(h model.Hotspot, agencies model.AgencyIndex) hotspotRow {
	risk := ""
	if h.Risk != 0 {
		risk = h.Risk.String()
	}
	row := hotspotRow{
		Ref:          h.Ref(),
		Title:        model.CleanText(h.Title),
		Location:     model.CleanText(h.Location),
		Ward:         model.CleanText(h.Ward),
		Category:     string(h.Category),
		Risk:         risk,
		Status:       string(h.Status),
		LeadAgency:   agencyName(agencies, h.LeadAgencyID),
		Opened:       h.Opened.String(),
		LastReviewed: h.LastReviewed.String(),
		Private:      yes(h.Private()),
	}
	if a := h.Assessment; a != nil {
		row.Likelihood, row.Harm, row.RiskScore = strconv.Itoa(a.Likelihood), strconv.Itoa(a.Harm), strconv.Itoa(a.Score())
		row.RiskFlags, row.AssessedOn = strings.Join(a.FlagNames(), ","), a.On.String()
	}
	return row
}

// actionRowOf is a's row; shown is its privacy as restricted outputs show
// it (model.Disclosure.ActionPrivacy: an action on a hotspot taken in
// private is private business there, as the minutes' action log marks it).
func actionRowOf(a model.Action, shown model.Privacy, agencies model.AgencyIndex, today model.Date) actionRow {
	return actionRow{
		Ref:            a.Ref(),
		Hotspot:        model.HotspotRef(a.HotspotID),
		Text:           model.CleanText(a.Text),
		Agency:         agencyName(agencies, a.AgencyID),
		Officer:        model.CleanText(a.Officer),
		Due:            a.Due.String(),
		Status:         string(a.Status),
		RAG:            string(a.RAGFor(today)),
		CreatedMeeting: model.MeetingRef(a.CreatedMeetingID),
		UpdatedAt:      rfc3339(a.UpdatedAt),
		LastUpdate:     markedWords(a.LastUpdatePrivacy, model.CleanText(a.LastUpdate)),
		Private:        yes(shown.Private),
	}
}

// shownPrivacy is how restricted outputs outside a meeting show each
// action's privacy: model's disclosure rule over the hotspots (all those
// the actions are on; one missing is taken as private).
func shownPrivacy(hotspots []model.Hotspot) func(model.Action) model.Privacy {
	return model.PublicRules(model.Meeting{}, hotspotIndex(hotspots)).ActionPrivacy
}

// markedWords is words of private business with their mark before them, as
// every restricted output shows them ("" stays "").
func markedWords(p model.Privacy, words string) string {
	if words == "" || !p.Private {
		return words
	}
	return p.Mark() + " " + words
}

// yes is "yes" for true and "" for false, as machine output says flags.
func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func agencyRowOf(a model.Agency) agencyRow {
	r := agencyRow{Name: model.CleanText(a.Name), ShortName: model.CleanText(a.ShortName)}
	if a.Retired {
		r.Retired = "yes"
	}
	return r
}

func memberRowOf(m model.Member, agencies model.AgencyIndex) memberRow {
	r := memberRow{Name: model.CleanText(m.Name), Agency: agencyName(agencies, m.AgencyID), Role: string(m.Role),
		JobTitle: model.CleanText(m.Title), Email: model.CleanText(m.Email), Phone: model.CleanText(m.Phone)}
	if m.Retired {
		r.Retired = m.RetiredOn.String()
	}
	r.Reads = "public"
	if m.ReadRight() == model.ReadRestricted {
		r.Reads = "restricted"
	}
	return r
}

// agencyName is the full name, or "" when the ID names no agency (machine
// output says "unset" with an empty string, not a placeholder).
func agencyName(agencies model.AgencyIndex, id model.ID) string {
	if a, ok := agencies[id]; ok {
		return model.CleanText(a.Name)
	}
	return ""
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

package model

import (
	"strings"
	"time"
)

// Risk is the group's assessment of a hotspot: harm and impact on victims,
// vulnerability and repeat victimisation, not only how serious incidents are.
type Risk int

const (
	// RiskUnknown is no risk given: a record from before one was asked for.
	RiskUnknown Risk = 0
	RiskLow     Risk = 1
	RiskMedium  Risk = 2
	RiskHigh    Risk = 3
)

var Risks = []Risk{RiskHigh, RiskMedium, RiskLow}

func (r Risk) String() string {
	switch r {
	case RiskLow:
		return "low"
	case RiskMedium:
		return "medium"
	case RiskHigh:
		return "high"
	}
	return "unknown"
}

// Short is the risk as it appears in narrow columns.
func (r Risk) Short() string {
	switch r {
	case RiskLow:
		return "LOW"
	case RiskMedium:
		return "MED"
	case RiskHigh:
		return "HIGH"
	}
	return "?"
}

func ParseRisk(s string) (Risk, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low", "l":
		return RiskLow, nil
	case "medium", "med", "m":
		return RiskMedium, nil
	case "high", "h":
		return RiskHigh, nil
	}
	return 0, Invalid("risk", "%q is not a risk level: use low, medium or high", s)
}

func (r Risk) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
func (r *Risk) UnmarshalText(b []byte) error {
	// A hotspot stored without a risk (none given) is written back as
	// "unknown": it reads back as none, so saving never makes a record
	// unreadable (FuzzDecodeRecord found "{}" could not be saved twice).
	if s := string(b); s == "" || s == RiskUnknown.String() {
		*r = RiskUnknown
		return nil
	}
	v, err := ParseRisk(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// HotspotStatus is where the group is with a hotspot.
type HotspotStatus string

const (
	HotspotNew        HotspotStatus = "new"
	HotspotActive     HotspotStatus = "active"
	HotspotMonitoring HotspotStatus = "monitoring"
	HotspotClosed     HotspotStatus = "closed"
)

var HotspotStatuses = []HotspotStatus{HotspotNew, HotspotActive, HotspotMonitoring, HotspotClosed}

func ParseHotspotStatus(s string) (HotspotStatus, error) {
	for _, st := range HotspotStatuses {
		if strings.EqualFold(strings.TrimSpace(s), string(st)) {
			return st, nil
		}
	}
	return "", Invalid("status", "%q is not a hotspot status: use new, active, monitoring or closed", s)
}

// Category is the National Standard for Incident Recording ASB category.
type Category string

const (
	CategoryPersonal      Category = "personal"
	CategoryNuisance      Category = "nuisance"
	CategoryEnvironmental Category = "environmental"
)

var Categories = []Category{CategoryPersonal, CategoryNuisance, CategoryEnvironmental}

func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if strings.EqualFold(strings.TrimSpace(s), string(c)) || (len(strings.TrimSpace(s)) >= 1 && strings.HasPrefix(string(c), strings.ToLower(strings.TrimSpace(s)))) {
			return c, nil
		}
	}
	return "", Invalid("category", "%q is not an ASB category: use personal, nuisance or environmental", s)
}

// Themes are the subtypes and themes the group tracks alongside the category.
var Themes = []string{
	"youths congregating", "street drinking", "drug/substance misuse", "county lines", "begging",
	"vehicle nuisance", "off-road bikes", "noise", "rowdy/nuisance behaviour", "intimidation/harassment",
	"criminal damage", "arson (secondary)", "arson (primary)", "fly-tipping", "graffiti", "litter/rubbish",
	"dog fouling", "hate crime", "night-time economy", "hoax calls", "animal problems",
}

// SARAStage is where a hotspot is in the problem-solving cycle.
type SARAStage string

const (
	SARAScanning   SARAStage = "scanning"
	SARAAnalysis   SARAStage = "analysis"
	SARAResponse   SARAStage = "response"
	SARAAssessment SARAStage = "assessment"
)

var SARAStages = []SARAStage{SARAScanning, SARAAnalysis, SARAResponse, SARAAssessment}

// IncidentCount is incidents recorded at a hotspot in one period ("2026-10").
type IncidentCount struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// Hotspot is a location or problem the group is working on.
type Hotspot struct {
	ID         ID       `json:"id"`
	Title      string   `json:"title"`
	Location   string   `json:"location"`
	Ward       string   `json:"ward"`
	LSOA       string   `json:"lsoa,omitempty"`
	Lat        float64  `json:"lat,omitempty"`
	Lon        float64  `json:"lon,omitempty"`
	Category   Category `json:"category"`
	Theme      string   `json:"theme,omitempty"`
	Risk       Risk     `json:"risk"`
	RiskReason string   `json:"risk_reason,omitempty"`
	// Assessment is the risk matrix behind Risk (RiskAssessment.Level),
	// nil for a hotspot whose level was set before the matrix, or set by
	// hand: it keeps that level until it is assessed.
	Assessment    *RiskAssessment `json:"assessment,omitempty"`
	Status        HotspotStatus   `json:"status"`
	SARA          SARAStage       `json:"sara,omitempty"`
	LeadAgencyID  ID              `json:"lead_agency_id"`
	Opened        Date            `json:"opened"`
	Closed        Date            `json:"closed,omitempty"`
	CloseReason   string          `json:"close_reason,omitempty"`
	LastReviewed  Date            `json:"last_reviewed,omitempty"`
	TimesReviewed int             `json:"times_reviewed"`
	// Incidents are counts the chair entered by month ("2026-10"): the
	// hotspot's trend where no imported data is linked to it.
	Incidents []IncidentCount `json:"incidents,omitempty"`
	// Areas are the places in the imported police.uk data the hotspot
	// covers (hotspot_area.go): its trend, and what emerging suggestions
	// leave out.
	Areas []HotspotArea `json:"areas,omitempty"`
	// Evidence is why the hotspot was opened from a suggestion (the
	// counts that made it emerging), when it was.
	Evidence string `json:"evidence,omitempty"`
	// ConfidentialNotes may name victims, witnesses or perpetrators: it never
	// leaves through a public export.
	ConfidentialNotes string `json:"confidential_notes,omitempty"`
	// Part2: the group takes this hotspot in private (exempt business under
	// Paragraph). Set when the chair moves its item into Part 2, and from
	// creation for personal ASB; it stays until the chair moves it back, so
	// later agendas, matters arising, the action log and every export keep
	// it private.
	Part2             bool            `json:"part2,omitempty"`
	Paragraph         ExemptParagraph `json:"paragraph,omitempty"`
	ReferredInMeeting ID              `json:"referred_in_meeting,omitempty"`
	// Anonymised is the day retention erased the case's words (Erasure):
	// zero while they are kept.
	Anonymised Date `json:"anonymised,omitzero"`
	// Exempt: this is a public view's stand-in for a hotspot taken in
	// private (PublicView): its neutral heading and nothing else, not even
	// its ref in titles. Never stored.
	Exempt    bool      `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int       `json:"version"`
}

func (h Hotspot) Ref() string { return HotspotRef(h.ID) }

// Private: the hotspot is taken in private, so nothing about it (title,
// location, actions, decisions, notes, referral) may appear in a public
// output. Personal ASB is about named people and is always private.
func (h Hotspot) Private() bool { return h.Part2 || h.Category == CategoryPersonal }

// ExemptAs is the paragraph its items are exempt under.
func (h Hotspot) ExemptAs() ExemptParagraph {
	return h.Paragraph.Or(DefaultParagraph(h.Category == CategoryPersonal))
}

// OpenActions is what closing a hotspot does with its actions still open:
// nothing is closed while any are, unless the chair says.
type OpenActions string

const (
	OpenActionsRefuse  OpenActions = ""        // say which are open, close nothing
	OpenActionsClose   OpenActions = "close"   // cancel them, with the closing reason
	OpenActionsGeneral OpenActions = "general" // keep them, as general business
)

// ParseOpenActions reads close or general.
func ParseOpenActions(s string) (OpenActions, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "close", "cancel":
		return OpenActionsClose, nil
	case "general", "move", "general-business":
		return OpenActionsGeneral, nil
	}
	return "", Invalid("actions", "%q: use close (cancel them) or general (move them to general business)", s)
}

// IsOpen: the group is still working on it.
func (h Hotspot) IsOpen() bool { return h.Status != HotspotClosed }

// NewHotspot is what a person fills in to refer a new hotspot.
type NewHotspot struct {
	Title        string
	Location     string
	Ward         string
	Category     Category
	Theme        string
	Risk         Risk
	RiskReason   string
	LeadAgencyID ID
}

// Validate cleans the fields and says what is missing, field by field.
func (n NewHotspot) Validate() (NewHotspot, error) {
	var err error
	if n.Title, err = CheckLine("title", "hotspot title", n.Title, true, 120); err != nil {
		return n, err
	}
	if n.Location, err = CheckLine("location", "location", n.Location, false, 200); err != nil {
		return n, err
	}
	if n.Ward, err = CheckLine("ward", "ward", n.Ward, false, 80); err != nil {
		return n, err
	}
	if n.Category == "" {
		return n, Invalid("category", "choose a category: personal, nuisance or environmental")
	}
	if n.Risk < RiskLow || n.Risk > RiskHigh {
		return n, Invalid("risk", "choose a risk level: low, medium or high")
	}
	if n.LeadAgencyID == 0 {
		return n, Invalid("agency", "choose a lead agency")
	}
	if n.Theme, err = CheckLine("theme", "theme", n.Theme, false, 80); err != nil {
		return n, err
	}
	if n.RiskReason, err = CheckText("risk_reason", "risk reason", n.RiskReason, false); err != nil {
		return n, err
	}
	return n, nil
}

// HotspotRank orders hotspots for the home screen: open before closed, high
// risk first, then the longest since last reviewed (never reviewed first),
// then by ref so the order is stable.
func HotspotRank(a, b Hotspot) int {
	if a.IsOpen() != b.IsOpen() {
		if a.IsOpen() {
			return -1
		}
		return 1
	}
	if a.Risk != b.Risk {
		return cmpInt(int(b.Risk), int(a.Risk))
	}
	if c := a.LastReviewed.Compare(b.LastReviewed); c != 0 {
		return c
	}
	return cmpInt(int(a.ID), int(b.ID))
}

// ParseSARAStage reads scanning, analysis, response or assessment.
func ParseSARAStage(s string) (SARAStage, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	for _, st := range SARAStages {
		if in == string(st) || (len(in) >= 3 && strings.HasPrefix(string(st), in)) {
			return st, nil
		}
	}
	return "", Invalid("sara", "%q is not a SARA stage: use scanning, analysis, response or assessment", s)
}

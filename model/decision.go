package model

import (
	"strings"
	"time"
)

// Decision is something the group resolved. Part 2 decisions are exempt
// business (personal information) and never appear in public minutes.
type Decision struct {
	ID        ID        `json:"id"`
	MeetingID ID        `json:"meeting_id"`
	HotspotID ID        `json:"hotspot_id,omitempty"`
	Item      ItemKind  `json:"item,omitempty"`
	Text      string    `json:"text"`  // "that a dispersal authorisation be sought…"
	Part2     bool      `json:"part2"` // recorded as a Part 2 resolution
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	// UpdatedAt is when it was last changed after it was recorded
	// (amended, released, made private); zero until then.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	Version   int       `json:"version"`
	// Privacy is fixed when it is recorded (PrivacyOf): Part 2, or under
	// private business.
	Privacy
}

func (d Decision) Ref() string { return DecisionRef(d.ID) }

// Resolved is the decision as minuted: "RESOLVED – that …".
func (d Decision) Resolved() string { return "RESOLVED – " + d.Text }

// NormaliseResolution cleans a typed resolution: drops a leading "RESOLVED –"
// the chair may have typed (the minutes add it) and starts with a lower-case
// "that" as council minutes do — adding it when the wording completes
// "RESOLVED – that …" (as the meeting screen's field reads), unless the
// resolution is in numbered parts ("(1) that …").
func NormaliseResolution(s string) (string, error) {
	text, err := CheckText("text", "resolution text", s, true)
	if err != nil {
		return "", err
	}
	upper := strings.ToUpper(text)
	if strings.HasPrefix(upper, "RESOLVED") {
		text = strings.TrimLeft(text[len("RESOLVED"):], " :–—-\n")
	}
	switch {
	case text == "":
	case strings.HasPrefix(strings.ToLower(text), "that "):
		text = "that " + text[len("that "):]
	case !strings.HasPrefix(text, "("):
		text = "that " + text
	}
	if text == "" {
		return "", Invalid("text", "resolution text is empty: type what was resolved")
	}
	return text, nil
}

// Note is something said under an agenda item: an update, intelligence, a
// point of any other business. Confidential notes may name people and never
// leave through a public export.
type Note struct {
	ID           ID       `json:"id"`
	MeetingID    ID       `json:"meeting_id"`
	HotspotID    ID       `json:"hotspot_id,omitempty"`
	Item         ItemKind `json:"item"`
	Text         string   `json:"text"`
	Confidential bool     `json:"confidential"`
	// AgencyID is the agency that reported it, when one did: the minutes
	// say "Derbyshire Constabulary reported: …".
	AgencyID ID        `json:"agency_id,omitempty"`
	At       time.Time `json:"at"`
	By       string    `json:"by"`
	// UpdatedAt is when it was last changed after it was recorded
	// (amended, released, made private); zero until then.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	Version   int       `json:"version"`
	// Privacy is fixed when it is recorded (PrivacyOf): confidential, or
	// under private business.
	Privacy
}

// NewNote is what the chair types as a note under an item: the item (kind,
// or a hotspot), the words, whether it is confidential, and the agency that
// reported it (optional).
type NewNote struct {
	Item         ItemKind
	HotspotID    ID
	Text         string
	Confidential bool
	AgencyID     ID
}

// NewDecision is a resolution as the chair records it: the meeting and item
// (kind, or a hotspot), the words, and whether it is Part 2 business.
type NewDecision struct {
	MeetingID ID
	Item      ItemKind
	HotspotID ID
	Text      string
	Part2     bool
	// Paragraph is the paragraph a Part 2 resolution is exempt under, when
	// its item does not say (0: an individual's information).
	Paragraph ExemptParagraph
}

func (n Note) Ref() string { return NoteRef(n.ID) }

// NoteRef is "N-5": notes are referred to when they are amended.
func NoteRef(id ID) string { return formatRef(NotePrefix, id) }

// Amendment is a correction to a closed meeting's record (a note or a
// decision), made later: who, when, why. The record shows the corrected text
// marked as amended; the original stays in the amendment and the audit trail.
type Amendment struct {
	ID        ID        `json:"id"`
	MeetingID ID        `json:"meeting_id"`
	Target    string    `json:"target"` // "note" or "decision"
	TargetID  ID        `json:"target_id"`
	Before    string    `json:"before"`
	After     string    `json:"after"`
	Reason    string    `json:"reason"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
}

// Ref is what was amended: "D-12" or "N-5".
func (a Amendment) Ref() string {
	if a.Target == "note" {
		return NoteRef(a.TargetID)
	}
	return DecisionRef(a.TargetID)
}

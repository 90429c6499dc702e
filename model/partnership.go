package model

import "time"

// Partnership is the group itself: one per database.
type Partnership struct {
	Name         string      `json:"name"` // "Chesterfield Community Safety Partnership"
	MeetingTitle string      `json:"meeting_title"`
	Area         string      `json:"area,omitempty"`
	DefaultPlace string      `json:"default_place"`
	DefaultTime  string      `json:"default_time"` // "10:00"
	DefaultKind  MeetingKind `json:"default_kind"`
	// Cadence is how often the group meets: the next meeting's default
	// date is this long after the last.
	Cadence                  Cadence   `json:"cadence,omitempty"`
	ConfidentialityStatement string    `json:"confidentiality_statement"`
	ChairID                  ID        `json:"chair_id"`
	CreatedAt                time.Time `json:"created_at"`
	Version                  int       `json:"version"`
}

// DefaultMeetingTitle is what the weekly meeting is called in the minutes.
const DefaultMeetingTitle = "ASB Multi-Agency Tasking Meeting"

// DefaultConfidentialityStatement is read at the start of every meeting. It is
// editable per partnership; this wording follows the information sharing
// agreement language in the partnership's minimum standards.
const DefaultConfidentialityStatement = "Information shared at this meeting is confidential and is shared under the " +
	"partnership's information sharing agreement. It must be used only for the purpose of reducing anti-social " +
	"behaviour and protecting victims, and must not be disclosed outside the partner agencies that need it, " +
	"unless a crime, a safeguarding risk or the law requires it. Victims' and witnesses' details are never shared " +
	"with the person reported."

// DefaultAgencies is the editable starting list offered when a new partnership
// is set up: the agencies that typically sit on a district council's tasking group.
func DefaultAgencies() []Agency {
	return []Agency{
		{Name: "Borough Council Community Safety", ShortName: "Community Safety"},
		{Name: "Borough Council Housing", ShortName: "Housing"},
		{Name: "Borough Council Environmental Protection", ShortName: "Env Protection"},
		{Name: "Borough Council Licensing", ShortName: "Licensing"},
		{Name: "Borough Council Private Sector Housing", ShortName: "Private Sector Hsg"},
		{Name: "Police", ShortName: "Police"},
		{Name: "Fire and Rescue Service", ShortName: "Fire"},
		{Name: "County Council Children's Services", ShortName: "Children's Services"},
		{Name: "County Council Youth Services", ShortName: "Youth Services"},
		{Name: "Probation Service", ShortName: "Probation"},
		{Name: "Mediation Service", ShortName: "Mediation"},
		{Name: "Victim Support", ShortName: "Victim Support"},
	}
}

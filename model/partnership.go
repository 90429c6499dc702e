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
	Cadence                  Cadence `json:"cadence,omitempty"`
	ConfidentialityStatement string  `json:"confidentiality_statement"`
	ChairID                  ID      `json:"chair_id"`
	// KeepBackups is how many automatic backups to keep (0: the default,
	// DefaultBackupKeep); BackupDir where they go ("": a folder beside the
	// file).
	KeepBackups int    `json:"keep_backups,omitempty"`
	BackupDir   string `json:"backup_dir,omitempty"`
	// RetainCaseYears is how long a closed personal-ASB case keeps its
	// words before retention anonymises it (0: DefaultRetentionYears).
	RetainCaseYears int `json:"retain_case_years,omitempty"`
	// TriggerThreshold is the partnership's ASB case review threshold
	// (zero: the Act's, DefaultTrigger; see Trigger).
	TriggerThreshold TriggerThreshold `json:"trigger,omitzero"`
	CreatedAt        time.Time        `json:"created_at"`
	UpdatedAt        time.Time        `json:"updated_at,omitempty"` // who changed the details last, and when
	UpdatedBy        string           `json:"updated_by,omitempty"`
	Version          int              `json:"version"`
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

// ApplyDefaults fills what a partnership has not set with the defaults
// every meeting needs: the meeting's title, its usual time (10:00) and kind
// (operational), and the confidentiality statement read at each meeting.
func (p *Partnership) ApplyDefaults() {
	if p.MeetingTitle == "" {
		p.MeetingTitle = DefaultMeetingTitle
	}
	if p.DefaultTime == "" {
		p.DefaultTime = "10:00"
	}
	if p.DefaultKind == "" {
		p.DefaultKind = KindOperational
	}
	if p.ConfidentialityStatement == "" {
		p.ConfidentialityStatement = DefaultConfidentialityStatement
	}
}

// Clean cleans and checks the details a chair or admin edits (name,
// meeting title, usual place and time, confidentiality statement), field by
// field. The name is required; an empty time is left empty (Edit keeps the
// current one).
func (p Partnership) Clean() (Partnership, error) {
	var err error
	if p.Name, err = CheckLine("name", "partnership name", p.Name, true, 120); err != nil {
		return p, err
	}
	if p.MeetingTitle, err = CheckLine("meeting_title", "meeting title", p.MeetingTitle, false, 120); err != nil {
		return p, err
	}
	if p.DefaultPlace, err = CheckLine("place", "usual place", p.DefaultPlace, false, 120); err != nil {
		return p, err
	}
	if p.DefaultTime != "" {
		if p.DefaultTime, err = ParseClock(p.DefaultTime); err != nil {
			return p, err
		}
	}
	if p.ConfidentialityStatement, err = CheckText("statement", "confidentiality statement", p.ConfidentialityStatement, false); err != nil {
		return p, err
	}
	if p.KeepBackups != 0 {
		if err := CheckBackupKeep(p.KeepBackups); err != nil {
			return p, err
		}
	}
	if p.BackupDir, err = CheckBackupDir(p.BackupDir); err != nil {
		return p, err
	}
	if p.RetainCaseYears != 0 {
		if err := CheckRetentionYears(p.RetainCaseYears); err != nil {
			return p, err
		}
	}
	if p.TriggerThreshold != (TriggerThreshold{}) {
		if err := p.TriggerThreshold.Check(); err != nil {
			return p, err
		}
	}
	return p, nil
}

// Edit is the partnership p (as it is) with the details in n (Clean): its
// name, meeting title, usual place and confidentiality statement are n's;
// its usual time, kind of meeting and cadence change only when n gives
// one; what is then empty takes its default (ApplyDefaults). Its chair,
// creation and version are its own: Edit does not change who chairs.
func (p Partnership) Edit(n Partnership) Partnership {
	p.Name, p.MeetingTitle, p.DefaultPlace, p.ConfidentialityStatement = n.Name, n.MeetingTitle, n.DefaultPlace, n.ConfidentialityStatement
	if n.DefaultTime != "" {
		p.DefaultTime = n.DefaultTime
	}
	if n.DefaultKind != "" {
		p.DefaultKind = n.DefaultKind
	}
	if n.Cadence != "" {
		p.Cadence = n.Cadence
	}
	if n.KeepBackups != 0 {
		p.KeepBackups = n.KeepBackups
	}
	if n.RetainCaseYears != 0 {
		p.RetainCaseYears = n.RetainCaseYears
	}
	if n.TriggerThreshold != (TriggerThreshold{}) {
		p.TriggerThreshold = n.TriggerThreshold
	}
	switch n.BackupDir {
	case "":
	case BackupBeside:
		p.BackupDir = ""
	default:
		p.BackupDir = n.BackupDir
	}
	p.ApplyDefaults()
	return p
}

// SetupAgencies cleans the list of agencies a new partnership starts with:
// rows left blank are skipped, each name and short name must find one
// agency among the others (CheckAgencyName), and there is at least one,
// for the chair to belong to.
func SetupAgencies(in []Agency) ([]Agency, error) {
	var out []Agency
	for _, a := range in {
		var err error
		if a.Name, err = CheckLine("agencies", "agency name", a.Name, false, 100); err != nil {
			return nil, err
		}
		if a.ShortName, err = CheckLine("agencies", "agency short name", a.ShortName, false, 30); err != nil {
			return nil, err
		}
		if a.Name == "" {
			continue
		}
		if err := CheckAgencyName(out, 0, a.Name, a.ShortName); err != nil {
			return nil, Invalid("agencies", "the list of agencies: %s", err)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, Invalid("agencies", "list at least one agency")
	}
	return out, nil
}

// FoundingChair is the member whoever sets a partnership up becomes: its
// chair, so someone can run its meetings and manage its people from the
// start.
func FoundingChair(name, title string) Member {
	return Member{Name: name, Title: title, Role: RoleChair, Version: 1}
}

package model

import "time"

// The settings of incident data, trends, emerging hotspots, powers and
// case reviews, in one place: every limit and threshold those rules use is
// named here, and each has a test that crosses it.
const (
	// MaxPoliceFileBytes is the largest police.uk file an import reads.
	// A month of a big force (the Met) is about 100,000 rows, 30 MB.
	MaxPoliceFileBytes = 64 << 20
	// MaxPoliceFields is the most fields a police.uk row may have: the
	// twelve columns, with room for a column police.uk might add.
	MaxPoliceFields = 32
	// MaxPoliceFieldBytes is the longest field a police.uk row may have
	// (a Crime ID is 64 characters, a location rarely 80).
	MaxPoliceFieldBytes = 1024

	// TrendMonths is how many months a sparkline shows.
	TrendMonths = 12
	// TrendBaseMonths: the trend is the last month against the mean of
	// this many months before it.
	TrendBaseMonths = 3

	// MaxHotspotAreas is how many places a hotspot may be linked to: a
	// town centre is a handful of LSOAs and a dozen streets.
	MaxHotspotAreas = 20
	// MaxAreaCode is the longest LSOA code a link takes (ONS codes are 9
	// characters: E01019432).
	MaxAreaCode = 16
	// MaxAreaName is the longest LSOA or street name a link takes
	// (MaxPoliceFieldBytes would be absurd for a name).
	MaxAreaName = 200
	// MaxEnteredCount is the most incidents the chair may enter for one
	// month at one hotspot: more is a typing slip (a busy town centre
	// sees a few hundred).
	MaxEnteredCount = 100000

	// EmergingDecile: a place whose count in the latest month is at or
	// above this share of places (0.9: the top decile) is offered.
	EmergingDecile = 0.9
	// EmergingRisePercent: a place up by more than this on its mean over
	// the TrendBaseMonths before is offered.
	EmergingRisePercent = 50
	// EmergingMinCount: fewer incidents than this in the month is never
	// offered, however it compares (one incident where there were none
	// is not a hotspot).
	EmergingMinCount = 5
	// MaxSuggestions is how many suggestions the home screen and the new
	// referrals step offer (the command lists them all).
	MaxSuggestions = 10
	// DismissMonths is how long a dismissed suggestion stays dismissed.
	DismissMonths = 3

	// ClassMinMonths: a hotspot needs this many months of counts before
	// it is classed as emerging, persistent or cooling.
	ClassMinMonths = 6
	// ClassRecentMonths are the months a class compares with those before.
	ClassRecentMonths = 3
	// CoolingDropPercent: recent months this far below the months before
	// are cooling.
	CoolingDropPercent = 25
	// PersistentShare: a hotspot with incidents in at least this many of
	// its known months, neither rising nor falling, is persistent
	// (in twelfths).
	PersistentShare = 9

	// PowerAlertDays: the agenda and My actions flag a power whose
	// expiry, review, court hearing or appeal deadline is this close.
	PowerAlertDays = 28

	// DefaultTriggerComplaints and DefaultTriggerMonths are the ASB case
	// review threshold a partnership starts with: the statutory maximum,
	// 3 complaints in 6 months (a partnership may set a lower one).
	DefaultTriggerComplaints = 3
	DefaultTriggerMonths     = 6
)

// PowerAlertWindow is PowerAlertDays as a duration.
const PowerAlertWindow = PowerAlertDays * 24 * time.Hour

// The limits of ASB case reviews.
const (
	// MaxTriggerMonths is the longest window a local threshold may count
	// complaints over (a longer one is easier to meet, which the Act
	// allows; two years is further back than anyone sets it).
	MaxTriggerMonths = 24
	// MaxTriggerComplaints is the most complaints a case review may say
	// the applicant made: a sanity bound on what is typed.
	MaxTriggerComplaints = 999
	// MaxApplicantRef is the longest applicant's reference.
	MaxApplicantRef = 40
)

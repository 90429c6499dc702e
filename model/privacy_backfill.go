package model

import (
	"slices"
	"time"
)

// Records made before privacy was a fact of each record (files of schema 3
// and older, and datasets loaded whole, like the demo) are given it by the
// same rule, PrivacyOf, applied to where each was made as the history
// tells: the hotspot as it stood at the time (the audit trail keeps every
// image of it), the meeting's agenda (the frozen record of a closed
// meeting, or the meeting itself), the action an update was made on.
// Backfilling only ever makes a record private, never public.

// PrivacyHistory is, for each hotspot, its privacy over time: what was
// private when.
type PrivacyHistory struct {
	now   map[ID]Hotspot
	times map[ID][]hotspotAt
}

type hotspotAt struct {
	at      time.Time
	hotspot Hotspot
}

// NewPrivacyHistory starts from the hotspots as they are now: with nothing
// else known, each was always as it is.
func NewPrivacyHistory(hotspots []Hotspot) *PrivacyHistory {
	p := &PrivacyHistory{now: make(map[ID]Hotspot, len(hotspots)), times: map[ID][]hotspotAt{}}
	for _, h := range hotspots {
		p.now[h.ID] = h
	}
	return p
}

// Saw records an image of hotspot h as it stood from at: an audit event's
// after image at the event's time. Its before image is SawUntil.
func (p *PrivacyHistory) Saw(h Hotspot, at time.Time) {
	if h.ID != 0 {
		p.times[h.ID] = append(p.times[h.ID], hotspotAt{at, h})
	}
}

// SawUntil records an image of h as it stood until just before at: an
// audit event's before image.
func (p *PrivacyHistory) SawUntil(h Hotspot, at time.Time) { p.Saw(h, at.Add(-time.Nanosecond)) }

// At is hotspot id as it stood at t (nil for none, or one never seen): the
// last image at or before t, else the earliest image (what it was before
// it first changed), else as it is now.
func (p *PrivacyHistory) At(id ID, t time.Time) *Hotspot {
	if id == 0 {
		return nil
	}
	seen := p.times[id]
	if len(seen) == 0 {
		h, ok := p.now[id]
		if !ok {
			return nil
		}
		return &h
	}
	if !slices.IsSortedFunc(seen, byTime) {
		slices.SortStableFunc(seen, byTime)
		p.times[id] = seen
	}
	i, _ := slices.BinarySearchFunc(seen, t, func(e hotspotAt, t time.Time) int {
		if e.at.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		h := seen[0].hotspot
		return &h
	}
	h := seen[i-1].hotspot
	return &h
}

func byTime(a, b hotspotAt) int { return a.at.Compare(b.at) }

// Backfill gives records made before privacy was recorded the privacy
// PrivacyOf gives them where they were made.
type Backfill struct {
	Hotspots *PrivacyHistory
	Meetings map[ID]*Meeting
	// Moved: actions that have since left the hotspot they were made on
	// (closed with it, continuing as general business), with that hotspot
	// and when they left.
	Moved map[ID]MovedOff
}

// MovedOff is where an action was before it became general business.
type MovedOff struct {
	Hotspot ID
	At      time.Time
}

func (b Backfill) meeting(id ID) *Meeting {
	if id == 0 {
		return nil
	}
	return b.Meetings[id]
}

// hotspotOf is the hotspot action a was on at t.
func (b Backfill) hotspotOf(a Action, t time.Time) ID {
	if mv, ok := b.Moved[a.ID]; ok && a.HotspotID == 0 && t.Before(mv.At) {
		return mv.Hotspot
	}
	return a.HotspotID
}

// Action is a with its privacy as made: confidential, agreed on private
// business, or (legacyPart2) marked then as assigned under a private item;
// and, having since left a private hotspot, carried out of it (CarryOut).
func (b Backfill) Action(a Action, legacyPart2 bool) Action {
	p := PrivacyOf(Made{Meeting: b.meeting(a.CreatedMeetingID), Item: ItemAOB,
		Hotspot: b.Hotspots.At(b.hotspotOf(a, a.CreatedAt), a.CreatedAt), Confidential: a.Confidential})
	if legacyPart2 {
		p = p.Stricter(PrivateUnder(0))
	}
	if mv, ok := b.Moved[a.ID]; ok && a.HotspotID == 0 {
		if h := b.Hotspots.At(mv.Hotspot, mv.At); h != nil {
			p = CarryOut(p, *h)
		}
	}
	a.Privacy = a.Privacy.Stricter(p)
	return a
}

// Update is u, made on action a (as backfilled), with its privacy as made.
func (b Backfill) Update(u ActionUpdate, a Action) ActionUpdate {
	p := PrivacyOf(Made{Meeting: b.meeting(u.MeetingID), Item: ItemMatters,
		Hotspot: b.Hotspots.At(b.hotspotOf(a, u.At), u.At), On: &a})
	u.Privacy = u.Privacy.Stricter(p)
	return u
}

// Decision is d with its privacy as recorded.
func (b Backfill) Decision(d Decision) Decision {
	p := PrivacyOf(Made{Meeting: b.meeting(d.MeetingID), Item: d.Item, Hotspot: b.Hotspots.At(d.HotspotID, d.At), Part2: d.Part2})
	d.Privacy = d.Privacy.Stricter(p)
	return d
}

// Note is n with its privacy as said.
func (b Backfill) Note(n Note) Note {
	p := PrivacyOf(Made{Meeting: b.meeting(n.MeetingID), Item: n.Item, Hotspot: b.Hotspots.At(n.HotspotID, n.At), Confidential: n.Confidential})
	n.Privacy = n.Privacy.Stricter(p)
	return n
}

// Declarations gives m's declarations their privacy as declared (on a
// private item, or a hotspot private while the meeting sat).
func (b Backfill) Declarations(m *Meeting) {
	at := m.OpenedAt
	if at.IsZero() {
		at = m.Date.Time(time.UTC)
	}
	for i, d := range m.Declarations {
		if d.Item == "" {
			continue
		}
		p := PrivacyOf(Made{Meeting: m, Item: d.Item, Hotspot: b.Hotspots.At(d.HotspotID, at)})
		m.Declarations[i].Privacy = d.Privacy.Stricter(p)
	}
}

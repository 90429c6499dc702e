package record

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// IsEmpty: no partnership has been set up (a new file).
func (s *Store) IsEmpty() (bool, error) {
	empty := true
	err := s.view(context.TODO(), func(tx *txn) error {
		found, err := has(tx, store.KindPartnership, store.PartnershipID)
		empty = !found
		return err
	})
	return empty, err
}

func readPartnership(tx *txn) (model.Partnership, error) {
	var p model.Partnership
	err := get(tx, store.KindPartnership, store.PartnershipID, &p)
	if errors.Is(err, store.ErrNotFound) {
		return p, store.ErrNoPartnership
	}
	return p, err
}

// Partnership is the group's settings.
func (s *Store) Partnership() (p model.Partnership, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		p, err = readPartnership(tx)
		return err
	})
	return p, err
}

func (s *Store) Agencies() (out []model.Agency, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = all[model.Agency](tx, store.KindAgencies)
		return err
	})
	return out, err
}

func (s *Store) Members() (out []model.Member, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = all[model.Member](tx, store.KindMembers)
		return err
	})
	return out, err
}

// Hotspots, ranked as on the home screen (open, high risk first).
func (s *Store) Hotspots() (out []model.Hotspot, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = all[model.Hotspot](tx, store.KindHotspots)
		return err
	})
	slices.SortStableFunc(out, model.HotspotRank)
	return out, err
}

// HotspotsOf reads the hotspots with the given IDs (0 and repeats are
// ignored): the titles a list of actions shows.
func (s *Store) HotspotsOf(ids []model.ID) (out map[model.ID]model.Hotspot, err error) {
	out = map[model.ID]model.Hotspot{}
	err = s.view(context.TODO(), func(tx *txn) error {
		want := sortedIDs(slices.DeleteFunc(slices.Clone(ids), func(id model.ID) bool { return id == 0 }))
		hs, err := records[model.Hotspot](tx, store.KindHotspots, want)
		for _, h := range hs {
			out[h.ID] = h
		}
		return err
	})
	return out, err
}

func (s *Store) Hotspot(id model.ID) (h model.Hotspot, err error) {
	err = s.view(context.TODO(), func(tx *txn) error { return get(tx, store.KindHotspots, id, &h) })
	return h, notFound(err, model.HotspotRef(id))
}

func (s *Store) Action(id model.ID) (a model.Action, err error) {
	err = s.view(context.TODO(), func(tx *txn) error { return get(tx, store.KindActions, id, &a) })
	return a, notFound(err, model.ActionRef(id))
}

func (s *Store) Meeting(id model.ID) (m model.Meeting, err error) {
	err = s.view(context.TODO(), func(tx *txn) error { return get(tx, store.KindMeetings, id, &m) })
	return m, notFound(err, model.MeetingRef(id))
}

func notFound(err error, ref string) error {
	if errors.Is(err, store.ErrNotFound) {
		return &RefError{Ref: ref}
	}
	return err
}

// RefError: a ref that names nothing.
type RefError struct{ Ref string }

func (e *RefError) Error() string { return "there is no " + e.Ref }
func (e *RefError) Unwrap() error { return store.ErrNotFound }

// Actions matching the filter, overdue first then by due date, read
// through the index that holds just what the filter can match: a hotspot's
// actions, the open ones, the ones finished since FinishedFrom, one
// agency's. Only a filter that asks for every action reads them all.
func (s *Store) Actions(f model.ActionFilter) (out []model.Action, err error) {
	view := s.view
	if f.HotspotID == 0 && f.OpenWork() {
		view = s.viewOne // the open work of one agency or all: recordsUnder's one read
	}
	err = view(context.TODO(), func(tx *txn) error {
		acts, err := actionsFor(tx, f)
		if err != nil {
			return err
		}
		for _, a := range acts {
			if f.Match(a) {
				out = append(out, a)
			}
		}
		return nil
	})
	model.SortForReview(out, f.Today)
	return out, err
}

// actionsFor are the actions a filter can match, in order of ID: the open
// work of one agency (or all) in one go where the engine can (Joiner: the
// indexed query in one round trip on PostgreSQL), else by actionIDsFor.
func actionsFor(tx *txn, f model.ActionFilter) ([]model.Action, error) {
	if f.HotspotID == 0 && f.OpenWork() {
		var agency []byte
		if f.AgencyID != 0 {
			agency = store.IDKey(f.AgencyID)
		}
		return recordsUnder[model.Action](tx, store.IdxActionsOpen, agency, store.KindActions)
	}
	ids, err := actionIDsFor(tx, f)
	if err != nil {
		return nil, err
	}
	return records[model.Action](tx, store.KindActions, ids)
}

// actionIDsFor is the actions a filter can match, from the narrowest index.
func actionIDsFor(tx *txn, f model.ActionFilter) ([]model.ID, error) {
	var agency []byte
	if f.AgencyID != 0 {
		agency = store.IDKey(f.AgencyID)
	}
	agencies := []model.ID{f.AgencyID}
	if f.AgencyID == 0 {
		ags, err := all[model.Agency](tx, store.KindAgencies)
		if err != nil {
			return nil, err
		}
		agencies = agencyIDs(ags)
	}
	switch {
	case f.HotspotID != 0:
		return sortedIDs(idsUnder(tx, store.IdxActionsByHotspot, store.IDKey(f.HotspotID))), nil
	case f.OpenWork():
		return sortedIDs(idsUnder(tx, store.IdxActionsOpen, agency)), nil
	case f.Status.IsClosed():
		return sortedIDs(closedIDs(tx, agencies, f.FinishedFrom)), nil
	case !f.FinishedFrom.IsZero():
		return sortedIDs(append(idsUnder(tx, store.IdxActionsOpen, agency), closedIDs(tx, agencies, f.FinishedFrom)...)), nil
	}
	// Every action (of one agency, or all) is in the agency index, whose
	// keys are a twentieth of the records' pages.
	return sortedIDs(idsUnder(tx, store.IdxActionsByAgency, agency)), nil
}

// ActionHistory is every update to an action, oldest first.
func (s *Store) ActionHistory(id model.ID) (out []model.ActionUpdate, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = records[model.ActionUpdate](tx, store.KindUpdates, idsUnder(tx, store.IdxUpdatesByAction, store.IDKey(id)))
		return err
	})
	sortHistory(out)
	return out, err
}

// Meetings, oldest first.
func (s *Store) Meetings() (out []model.Meeting, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = all[model.Meeting](tx, store.KindMeetings)
		return err
	})
	model.SortMeetings(out)
	return out, err
}

// ResolveMeeting finds a meeting by "latest" (the most recent one that has
// started), a ref (M-3) or a date (2026-11-24), through the date index.
func (s *Store) ResolveMeeting(ref string) (m model.Meeting, err error) {
	in := strings.TrimSpace(ref)
	latest := in == "" || strings.EqualFold(in, "latest")
	var day model.Date
	if !latest {
		d, derr := model.ParseDate(in)
		if derr != nil {
			id, err := model.ParseRef(model.MeetingPrefix, in)
			if err != nil {
				return m, errors.New(`"` + model.CleanText(ref) + `" is not a meeting: use latest, a ref like M-3 or a date like 2026-11-24`)
			}
			return s.Meeting(id)
		}
		day = d
	}
	found := false
	var on []byte // the day's meetings, or every one
	if !latest {
		on = store.DateKey(day)
	}
	err = s.view(context.TODO(), func(tx *txn) error {
		// Newest first: the latest started, or the last made on the day.
		return tx.scan(store.IdxMeetingsByDate, on, nil, store.Backward, func(k, _ []byte) error {
			var x model.Meeting
			if err := get(tx, store.KindMeetings, store.KeyID(k), &x); err != nil {
				return err
			}
			if latest && !x.Started() {
				return nil
			}
			m, found = x, true
			return errStop
		})
	})
	switch {
	case err != nil:
		return m, err
	case found:
		return m, nil
	case latest:
		return m, errors.New("no meeting has been held yet")
	}
	return m, errors.New("there is no meeting on " + day.String())
}

// MeetingRecord reads one meeting and what its screen shows in one
// transaction, so the screen sees one consistent moment, as at today (see
// readRecord). A closed meeting is shown as it was: its record frozen at
// the close, with the corrections made since (what its minutes say).
func (s *Store) MeetingRecord(id model.ID) (rec model.MeetingRecord, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		if snap, ok, err := readSnapshot(tx, id); err != nil {
			return err
		} else if ok {
			c, err := corrections(tx, id)
			if err != nil {
				return err
			}
			rec = snap.Thaw(c)
			return nil
		}
		rec, err = readRecord(tx, id, today)
		return err
	})
	return rec, err
}

// Home is what the home screen shows, read through the indexes: the
// meetings that matter now, the open hotspots, the actions open or finished
// since the last meeting, and the closed-actions index for each agency's
// time to complete (keys only).
func (s *Store) Home() (h model.HomeSummary, err error) { return s.HomeSince(0) }

// HomeSince is Home for a reader that has been told of every change up to
// commit tx: a reading at least that new, shared with whoever else asked
// (home_cache.go). 0 is the newest.
func (s *Store) HomeSince(tx uint64) (h model.HomeSummary, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(t *txn) error {
		h, err = s.homes.read(t, today, tx, s.homeIn)
		return err
	})
	return h, err
}

// homeIn reads home as of tx: through the indexes, what the screen shows,
// taking from prev what was worked out before and is still so (the
// actions and hotspots whose stored bytes are the same; the trends and
// the places on offer while nothing they come from changed), and giving
// back what it read, for the next.
func (s *Store) homeIn(tx *txn, today model.Date, prev *homeDecoded) (model.HomeSummary, *homeDecoded, error) {
	if prev == nil {
		prev = &homeDecoded{}
	}
	next := &homeDecoded{actions: make(decoded[model.Action], len(prev.actions)), hotspots: make(decoded[model.Hotspot], len(prev.hotspots))}
	in, err := homeInputIn(tx, today, homeReads{
		actions: func(ids []model.ID) ([]model.Action, error) {
			return recordsAgain(tx, store.KindActions, ids, prev.actions, next.actions)
		},
		hotspots: func(ids []model.ID) ([]model.Hotspot, error) {
			return recordsAgain(tx, store.KindHotspots, ids, prev.hotspots, next.hotspots)
		},
		incidents: func(open []model.Hotspot) (incidentReading, error) {
			if p := prev.incidents; p != nil && p.today == today && sameRecords(prev.hotspots, next.hotspots) && s.commits.keysSame(p.tx, tx.seq()) {
				next.incidents = p
				return *p, nil
			}
			r, err := readIncidents(tx, today, open)
			if err == nil {
				next.incidents = &r
			}
			return r, err
		},
	})
	if err != nil {
		return model.HomeSummary{}, nil, err
	}
	return model.Summarise(in), next, nil
}

// homeReads reads the actions and the hotspots home is made from, by ID,
// and what the incident data says of the open hotspots.
type homeReads struct {
	actions   func([]model.ID) ([]model.Action, error)
	hotspots  func([]model.ID) ([]model.Hotspot, error)
	incidents func(open []model.Hotspot) (incidentReading, error)
}

// freshReads decodes every one and works everything out.
func freshReads(tx *txn, today model.Date) homeReads {
	return homeReads{
		actions: func(ids []model.ID) ([]model.Action, error) { return records[model.Action](tx, store.KindActions, ids) },
		hotspots: func(ids []model.ID) ([]model.Hotspot, error) {
			return records[model.Hotspot](tx, store.KindHotspots, ids)
		},
		incidents: func(open []model.Hotspot) (incidentReading, error) { return readIncidents(tx, today, open) },
	}
}

// PublicHome is home as someone who reads the public record only sees it
// (model.PublicHomeInput): its figures count public business only. It is
// read afresh, not shared: few read it.
func (s *Store) PublicHome() (h model.HomeSummary, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		in, err := homeInputIn(tx, today, freshReads(tx, today))
		if err != nil {
			return err
		}
		var ids []model.ID
		for _, a := range in.Actions {
			if a.HotspotID != 0 {
				ids = append(ids, a.HotspotID)
			}
		}
		hotspots, err := records[model.Hotspot](tx, store.KindHotspots, sortedIDs(ids))
		if err != nil {
			return err
		}
		h = model.Summarise(model.PublicHomeInput(in, hotspots))
		return nil
	})
	return h, err
}

// homeInputIn reads what home is made from, as of tx, the actions and the
// hotspots by read.
func homeInputIn(tx *txn, today model.Date, read homeReads) (in model.HomeInput, err error) {
	{ // a block, so the reads keep their shape
		in = model.HomeInput{Today: today}
		if in.Partnership, err = readPartnership(tx); err != nil {
			return in, err
		}
		if in.Open, in.Next, in.LastClosed, err = currentMeetings(tx); err != nil {
			return in, err
		}
		if in.Agencies, err = all[model.Agency](tx, store.KindAgencies); err != nil {
			return in, err
		}
		if in.Hotspots, err = read.hotspots(openHotspotIDs(tx)); err != nil {
			return in, err
		}
		// The open actions, then those finished since the last meeting,
		// read in one go (appending the second to the first copied them
		// all again, on every reading).
		ids := openActionIDs(tx, 0)
		ags := agencyIDs(in.Agencies)
		if since := model.SinceLastMeeting(in.LastClosed); !since.IsZero() {
			ids = append(ids, finishedIDs(tx, ags, since)...)
		}
		if in.Actions, err = read.actions(ids); err != nil {
			return in, err
		}
		if in.Open != nil {
			if in.Updates, err = updatesInMeeting(tx, in.Open.ID); err != nil {
				return in, err
			}
		}
		in.Completions = completionDays(tx, ags, model.CompletionsFrom(today))
		in.Held = heldDates(tx)
		if in.OpenCaseReviews, err = openCaseReviews(tx); err != nil {
			return in, err
		}
		r, err := read.incidents(in.Hotspots)
		in.Suggestions, in.Trends = r.suggestions, r.trends
		return in, err
	}
}

// HotspotRecord reads one hotspot with everything about it: what the
// hotspot page shows (its details, its actions and whole history), through
// the hotspot's indexes. The record's Meeting is zero, so its history is
// not cut at any meeting.
func (s *Store) HotspotRecord(id model.ID) (h model.Hotspot, rec model.MeetingRecord, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		if h, rec, err = hotspotRecord(tx, id, model.Meeting{}); err != nil {
			return err
		}
		rec.Trends, err = hotspotTrends(tx, rec.Hotspots, today)
		return err
	})
	rec.Today = today
	return h, rec, err
}

// HotspotHistory is what happened at a hotspot before meeting meetingID
// (0: ever), newest first, at most limit entries: what its item in the
// meeting shows, read when the item is.
func (s *Store) HotspotHistory(meetingID, hotspotID model.ID, limit int) (out []model.HistoryEntry, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		var m model.Meeting
		if meetingID != 0 {
			if err := get(tx, store.KindMeetings, meetingID, &m); err != nil {
				return notFound(err, model.MeetingRef(meetingID))
			}
		}
		_, rec, err := hotspotRecord(tx, hotspotID, m)
		if err != nil {
			return err
		}
		out = rec.HotspotHistory(hotspotID, limit)
		return nil
	})
	return out, err
}

// NextMeetingDate is what "next-meeting" means in a WHEN date, in a
// meeting or between meetings, for the command line and the app alike
// (model.NextMeetingDate): from the meeting under way, the planned one,
// the last held and the partnership's cadence, as at today.
func (s *Store) NextMeetingDate() (next model.Date, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		p, err := readPartnership(tx)
		if err != nil {
			return err
		}
		open, planned, last, err := currentMeetings(tx)
		next = model.NextMeetingDate(open, planned, last, p.Cadence, today)
		return err
	})
	return next, err
}

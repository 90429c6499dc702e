package record

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// seedHistory loads a whole history (the decade) into an empty database:
// the same records, indexes and snapshots Seed writes, and the audit trail
// the history would have left, change by change, with the record before and
// after each — written in batches, since one transaction of a decade holds
// more than memory should. A failure part way leaves a partial file: the
// caller loads into a new file and renames it into place only when done.
func (s *Store) seedHistory(w store.Watch, actor model.Actor, d store.Dataset) error {
	// A transaction holds what it writes until it commits: a few
	// megabytes a batch, beside the dataset itself.
	const batch = 5000
	// The work is counted in records written: the actions, their updates,
	// the closed meetings' frozen records and the audit trail (about one
	// event per action and update until seedAudit knows exactly).
	closed := 0
	for _, m := range d.Meetings {
		if m.State == model.MeetingClosed {
			closed++
		}
	}
	c := &seedCount{w: w, total: int64(2*(len(d.Actions)+len(d.Updates)) + closed)}
	if err := c.step("writing the partnership, its members and hotspots", 0); err != nil {
		return err
	}
	err := s.upkeep(func(tx *txn) error {
		if err := mustBeEmpty(tx); err != nil {
			return err
		}
		d.Partnership.ApplyDefaults()
		if err := putPartnership(tx, d.Partnership); err != nil {
			return err
		}
		for _, step := range []func() error{
			func() error {
				return seedAll(tx, store.KindAgencies, d.Agencies, func(a model.Agency) model.ID { return a.ID })
			},
			func() error {
				return seedAll(tx, store.KindMembers, d.Members, func(m model.Member) model.ID { return m.ID })
			},
			func() error {
				return seedAll(tx, store.KindHotspots, d.Hotspots, func(h model.Hotspot) model.ID { return h.ID })
			},
			func() error {
				return seedAll(tx, store.KindMeetings, d.Meetings, func(m model.Meeting) model.ID { return m.ID })
			},
			func() error {
				return seedAll(tx, store.KindDecisions, d.Decisions, func(x model.Decision) model.ID { return x.ID })
			},
			func() error {
				return seedAll(tx, store.KindNotes, d.Notes, func(n model.Note) model.ID { return n.ID })
			},
			func() error {
				return seedAll(tx, store.KindCaseReviews, d.CaseReviews, func(c model.CaseReview) model.ID { return c.ID })
			},
			func() error {
				return seedAll(tx, store.KindPowers, d.Powers, func(p model.Power) model.ID { return p.ID })
			},
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := inBatches(s, c.of("writing the actions"), d.Actions, batch, func(tx *txn, part []model.Action) error {
		return seedAll(tx, store.KindActions, part, func(a model.Action) model.ID { return a.ID })
	}); err != nil {
		return err
	}
	if err := inBatches(s, c.of("writing the actions' updates"), d.Updates, 2*batch, func(tx *txn, part []model.ActionUpdate) error {
		return seedAll(tx, store.KindUpdates, part, func(u model.ActionUpdate) model.ID { return u.ID })
	}); err != nil {
		return err
	}
	var snaps []model.Snapshot
	flush := func() error {
		if err := c.step("freezing each closed meeting's record", int64(len(snaps))); err != nil {
			return err
		}
		err := s.upkeep(func(tx *txn) error {
			for _, snap := range snaps {
				if err := putSnapshot(tx, snap); err != nil {
					return err
				}
			}
			return nil
		})
		snaps = snaps[:0]
		s.hooks.ReleaseMapped()
		return err
	}
	// The incident history goes in before the meetings are frozen (their
	// minutes show the months they saw); its audit event comes last, with
	// today's changes.
	var imported model.IncidentImport
	if len(d.IncidentBatches) > 0 {
		if err := s.upkeep(func(tx *txn) error {
			var err error
			imported, err = (&wtx{tx: tx, actor: actor, now: s.now()}).storeIncidents(d.IncidentBatches, d.Incidents)
			return err
		}); err != nil {
			return err
		}
		// Stored, the counts are read from the file from here on (a
		// decade's are 5 MB): let go of them, for the collector's room.
		d.Incidents = nil
	}
	trends := func(hs []model.Hotspot, day model.Date) (out map[model.ID]model.Series, err error) {
		err = s.view(context.TODO(), func(tx *txn) error {
			out, err = hotspotTrends(tx, hs, day)
			return err
		})
		return out, err
	}
	if err := datasetSnapshots(d, trends, func(snap model.Snapshot) error {
		if snaps = append(snaps, snap); len(snaps) == 2 {
			return flush()
		}
		return nil
	}); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if err := s.seedAudit(c, actor, d, batch/2); err != nil {
		return err
	}
	if len(imported.Batches) > 0 {
		if err := s.write(context.TODO(), actor, declare(model.OpIncidentsImport), func(w *wtx) error {
			return w.audit(model.OpIncidentsImport, "incidents", importRef(imported.Batches), nil, imported.Batches)
		}); err != nil {
			return err
		}
	}
	return c.step("written", 0)
}

// seedCount counts the records a history's load has written, for its
// Watch: each step adds what the one before it wrote.
type seedCount struct {
	w           store.Watch
	done, total int64
}

// step reports what is now being done, n more records having been
// written, and says whether to stop.
func (c *seedCount) step(what string, n int64) error {
	c.done += n
	c.total = max(c.total, c.done)
	return c.w.Step(store.Step{What: what, Done: c.done, Total: c.total, Unit: "records"})
}

// of is step for what as inBatches calls it.
func (c *seedCount) of(what string) func(n int64) error {
	return func(n int64) error { return c.step(what, n) }
}

// inBatches writes items in transactions of n, calling step before the
// first and after each with the number just written: its error (the work
// stopped) ends the load between transactions.
func inBatches[T any](s *Store, step func(n int64) error, items []T, n int, write func(tx *txn, part []T) error) error {
	return inBatchesFrom(s, step, n, func(n int) []T {
		part := items[:min(n, len(items))]
		items = items[len(part):]
		return part
	}, write)
}

// inBatchesFrom is inBatches of the items next gives, up to n at a time
// (none: done). A part is written before the next is asked for.
func inBatchesFrom[T any](s *Store, step func(n int64) error, n int, next func(n int) []T, write func(tx *txn, part []T) error) error {
	if err := step(0); err != nil {
		return err
	}
	for {
		part := next(n)
		if len(part) == 0 {
			return nil
		}
		if err := s.upkeep(func(tx *txn) error { return write(tx, part) }); err != nil {
			return err
		}
		s.hooks.ReleaseMapped()
		if err := step(int64(len(part))); err != nil {
			return err
		}
	}
}

// change is one change in a history, to be written as its audit events in
// the order things happened. A decade has 330,000: an action's assignment
// and updates (nine in ten) are places in the dataset (actionChange, 16
// bytes each), the rest a function that writes them, holding places in the
// dataset rather than copies of its records. At the same moment the rest
// come first, in the order they were listed, then the actions' in the
// order of the actions and, for one action, of its history.
type change struct {
	at     int64 // Unix nanoseconds
	action int32 // the action assigned or updated (an index into the dataset's actions), or -1
	update int32 // the update (an index into its updates), or -1 for the assignment
	write  func(a *auditor) error
}

// actionChange is an action's assignment or one of its updates.
type actionChange struct {
	at     int64 // Unix nanoseconds
	action int32 // an index into the dataset's actions
	update int32 // an index into its updates, or -1 for the assignment
}

// mergeChanges gives others (in time order, stable) and actions (in time
// order, then action, then update) as one sequence in time order, the
// others first at the same moment, up to n at a time (in a part it reuses).
func mergeChanges(others []change, actions []actionChange) func(n int) []change {
	i, j := 0, 0
	var part []change
	return func(n int) []change {
		part = part[:0]
		for len(part) < n && (i < len(others) || j < len(actions)) {
			if j == len(actions) || (i < len(others) && others[i].at <= actions[j].at) {
				part = append(part, others[i])
				i++
				continue
			}
			a := actions[j]
			part = append(part, change{at: a.at, action: a.action, update: a.update})
			j++
		}
		return part
	}
}

// auditor writes a history's audit events, keeping each record as it then
// stood so every event carries the before and after a real change would.
type auditor struct {
	tx       *txn
	actions  map[model.ID]model.Action // the actions with changes still to write
	hotspots map[model.ID]model.Hotspot
	members  map[model.ID]model.Member
}

func (a *auditor) event(at time.Time, by model.Actor, op model.Op, entity, ref string, before, after any) error {
	id, err := nextID(a.tx, store.KindAudit)
	if err != nil {
		return err
	}
	e := model.AuditEvent{ID: id, At: at, By: by.String(), ByID: by.MemberID, Op: op, Entity: entity, Ref: ref}
	if before != nil {
		if e.Before, err = json.Marshal(before); err != nil {
			return err
		}
	}
	if after != nil {
		if e.After, err = json.Marshal(after); err != nil {
			return err
		}
	}
	a.tx.log.addEvent(e) // chained and written as the transaction ends
	return nil
}

// seedAudit writes the audit trail of dataset d's history, in time order.
func (s *Store) seedAudit(c *seedCount, system model.Actor, d store.Dataset, batch int) error {
	members := map[model.ID]model.Member{}
	for _, m := range d.Members {
		members[m.ID] = m
	}
	actor := func(id model.ID, name string) model.Actor {
		if m, ok := members[id]; ok {
			return model.ActorFor(m)
		}
		return model.Actor{Name: name}
	}
	chair := actor(d.Partnership.ChairID, "")
	var changes []change
	add := func(at time.Time, write func(a *auditor) error) {
		changes = append(changes, change{at: at.UnixNano(), action: -1, update: -1, write: write})
	}
	p := d.Partnership
	add(p.CreatedAt, func(a *auditor) error {
		if err := a.event(p.CreatedAt, system, model.OpPartnershipSetup, "partnership", "", nil, p); err != nil {
			return err
		}
		for _, ag := range d.Agencies {
			if err := a.event(p.CreatedAt, system, model.OpAgencyAdd, "agency", ag.Name, nil, ag); err != nil {
				return err
			}
		}
		return nil
	})
	// Members join before the first meeting they sit at and retire on the
	// day they left.
	joined := map[model.ID]time.Time{}
	for _, m := range d.Meetings {
		for _, at := range m.Attendance {
			if t := m.OpenedAt.Add(-48 * time.Hour); joined[at.MemberID].IsZero() || t.Before(joined[at.MemberID]) {
				joined[at.MemberID] = t
			}
		}
	}
	for i := range d.Members {
		m := &d.Members[i]
		at := joined[m.ID]
		if at.IsZero() || at.Before(p.CreatedAt) {
			at = p.CreatedAt.Add(time.Duration(m.ID) * time.Minute)
		}
		add(at, func(a *auditor) error {
			as := *m
			as.Retired, as.RetiredOn, as.Version = false, model.Date{}, 1
			as.UpdatedAt, as.UpdatedBy = at, chair.String()
			a.members[m.ID] = as
			return a.event(at, chair, model.OpMemberAdd, "member", m.Name, nil, as)
		})
		if m.Retired {
			when := m.RetiredOn.Time(time.Local).Add(-3 * time.Hour) // 09:00 (a Date's time is noon)
			add(when, func(a *auditor) error {
				before := a.members[m.ID]
				return a.event(when, chair, model.OpMemberRetire, "member", m.Name, before, *m)
			})
		}
	}
	for i := range d.Hotspots {
		h := &d.Hotspots[i]
		add(h.CreatedAt, func(a *auditor) error {
			as := *h
			as.Status, as.Closed, as.CloseReason, as.LastReviewed, as.TimesReviewed, as.Version = model.HotspotActive, model.Date{}, "", model.Date{}, 0, 1
			as.UpdatedAt, as.UpdatedBy = h.CreatedAt, chair.String()
			a.hotspots[h.ID] = as
			return a.event(h.CreatedAt, chair, model.OpHotspotAdd, "hotspot", h.Ref(), nil, as)
		})
	}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		if m.State == model.MeetingPlanned {
			add(m.CreatedAt, func(a *auditor) error {
				return a.event(m.CreatedAt, chair, model.OpMeetingPlan, "meeting", m.Ref(), nil, *m)
			})
			continue
		}
		add(m.OpenedAt, func(a *auditor) error {
			if err := a.event(m.OpenedAt, chair, model.OpMeetingStart, "meeting", m.Ref(), nil, map[string]any{"date": m.Date, "agenda": len(m.Agenda)}); err != nil {
				return err
			}
			var rest []model.ID
			for _, at := range m.Attendance {
				if at.Status == model.Present {
					rest = append(rest, at.MemberID)
					continue
				}
				who := members[at.MemberID].Name
				if err := a.event(m.OpenedAt, chair, model.OpMeetingAttendance, "meeting", m.Ref(),
					map[string]any{"member": who, "status": model.Unmarked}, map[string]any{"member": who, "status": at.Status}); err != nil {
					return err
				}
			}
			if err := a.event(m.OpenedAt, chair, model.OpMeetingAttendance, "meeting", m.Ref(),
				map[string]any{"members": rest, "status": model.Unmarked}, map[string]any{"members": rest, "status": model.Present}); err != nil {
				return err
			}
			for i := range m.Agenda {
				if err := a.event(m.OpenedAt, chair, model.OpMeetingItem, "meeting", m.Ref(), map[string]any{"item": i}, map[string]any{"item": i + 1}); err != nil {
					return err
				}
			}
			return nil
		})
		add(m.ConfidentialityReadAt, func(a *auditor) error {
			return a.event(m.ConfidentialityReadAt, chair, model.OpMeetingConfidentiality, "meeting", m.Ref(), map[string]any{"read": false}, map[string]any{"read": true})
		})
		add(m.ClosedAt, func(a *auditor) error {
			// Closing marks every hotspot the meeting walked as reviewed
			// (and closes those it resolved to close).
			for _, it := range m.Agenda {
				if it.Kind != model.ItemHotspot {
					continue
				}
				h, ok := a.hotspots[it.HotspotID]
				if !ok {
					continue
				}
				before := h
				h.LastReviewed, h.TimesReviewed = m.Date, h.TimesReviewed+1
				h.UpdatedAt, h.UpdatedBy = m.ClosedAt, chair.String()
				h.Version++
				a.hotspots[h.ID] = h
				if err := a.event(m.ClosedAt, chair, model.OpHotspotReviewed, "hotspot", h.Ref(), before, h); err != nil {
					return err
				}
			}
			return a.event(m.ClosedAt, chair, model.OpMeetingClose, "meeting", m.Ref(), map[string]any{"state": model.MeetingOpen}, map[string]any{"state": model.MeetingClosed})
		})
	}
	for i := range d.Hotspots {
		h := &d.Hotspots[i]
		if h.Status != model.HotspotClosed {
			continue
		}
		at := h.Closed.Time(time.Local).Add(-30 * time.Minute) // 11:30, in the meeting that closed it
		add(at, func(a *auditor) error {
			before := a.hotspots[h.ID]
			after := before
			after.Status, after.Closed, after.CloseReason = model.HotspotClosed, h.Closed, h.CloseReason
			after.UpdatedAt, after.UpdatedBy, after.Version = at, chair.String(), before.Version+1
			a.hotspots[h.ID] = after
			return a.event(at, chair, model.OpHotspotClose, "hotspot", h.Ref(), before, after)
		})
	}
	for i := range d.Decisions {
		x := &d.Decisions[i]
		add(x.At, func(a *auditor) error {
			return a.event(x.At, chair, model.OpDecisionRecord, "decision", x.Ref(), nil, *x)
		})
	}
	for i := range d.Notes {
		n := &d.Notes[i]
		add(n.At, func(a *auditor) error {
			return a.event(n.At, actor(0, n.By), model.OpNoteAdd, "note", n.Ref(), nil, *n)
		})
	}
	slices.SortStableFunc(changes, func(x, y change) int { return cmp.Compare(x.at, y.at) })
	// Each action from its assignment, update by update: the record before
	// and after is replayed forward from how it was made, and forgotten
	// after its last change.
	updates := updatesByAction(d.Actions, d.Updates)
	acts := make([]actionChange, 0, len(d.Actions)+len(d.Updates))
	for i := range d.Actions {
		act := &d.Actions[i]
		us := updates.of(i)
		slices.SortStableFunc(us, func(x, y int32) int { return d.Updates[x].At.Compare(d.Updates[y].At) })
		acts = append(acts, actionChange{at: act.CreatedAt.UnixNano(), action: int32(i), update: -1})
		for _, u := range us {
			if d.Updates[u].Kind != model.UpdateCreated {
				acts = append(acts, actionChange{at: d.Updates[u].At.UnixNano(), action: int32(i), update: u})
			}
		}
	}
	// Within an action its history is sorted by time, stably (equal times
	// in the order of the updates' places): (time, action, update) is the
	// order they were listed in at the same moment.
	slices.SortFunc(acts, func(x, y actionChange) int {
		return cmp.Or(cmp.Compare(x.at, y.at), cmp.Compare(x.action, y.action), cmp.Compare(x.update, y.update))
	})
	// left is how many changes each action has still to write.
	left := make([]int32, len(d.Actions))
	for _, c := range acts {
		left[c.action]++
	}
	a := &auditor{actions: map[model.ID]model.Action{}, hotspots: map[model.ID]model.Hotspot{}, members: map[model.ID]model.Member{}}
	writeAction := func(c change) error {
		act := &d.Actions[c.action]
		defer func() {
			if left[c.action]--; left[c.action] == 0 {
				delete(a.actions, act.ID)
			}
		}()
		if c.update < 0 {
			var first *model.ActionUpdate
			if us := updates.of(int(c.action)); len(us) > 0 {
				first = &d.Updates[us[0]]
			}
			made := asMade(*act, first)
			a.actions[act.ID] = made
			return a.event(act.CreatedAt, actor(0, act.CreatedBy), model.OpActionAssign, "action", act.Ref(), nil, made)
		}
		u := &d.Updates[c.update]
		before := a.actions[act.ID]
		by := actor(u.ByID, u.By)
		after := replay(before, *u, by)
		a.actions[act.ID] = after
		return a.event(u.At, by, opFor(u.Kind), "action", act.Ref(), before, after)
	}
	// Now the number of changes is known: the total is made exact.
	c.total = c.done + int64(len(changes)+len(acts))
	return inBatchesFrom(s, c.of("writing the audit trail"), batch, mergeChanges(changes, acts), func(tx *txn, part []change) error {
		a.tx = tx
		for _, c := range part {
			var err error
			if c.action >= 0 {
				err = writeAction(c)
			} else {
				err = c.write(a)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// opFor names an action update's audit operation as the store does.
func opFor(k model.UpdateKind) model.Op {
	switch k {
	case model.UpdateStatus:
		return model.OpActionStatus
	case model.UpdateDue:
		return model.OpActionDue
	case model.UpdateReview:
		return model.OpActionReviewed
	case model.UpdateAccept:
		return model.OpActionAccepted
	case model.UpdateOfficer:
		return model.OpActionUpdate
	}
	return model.OpActionNote
}

// asMade is an action as it was assigned, from how it stands and the first
// entry of its history (its assignment; nil: it has none).
func asMade(a model.Action, first *model.ActionUpdate) model.Action {
	made := a
	made.Status, made.Version = model.StatusOpen, 1
	made.UpdatedAt, made.UpdatedBy = a.CreatedAt, a.CreatedBy
	made.CompletedOn, made.CompletedAt, made.CompletionNote = model.Date{}, time.Time{}, ""
	made.LastUpdate, made.LastUpdateAt, made.LastUpdateBy = "", time.Time{}, ""
	if first != nil && first.Kind == model.UpdateCreated && !first.ToDue.IsZero() {
		made.Due = first.ToDue
	}
	return made
}

// replay is a after update u by by, as the store's own changes make it.
func replay(a model.Action, u model.ActionUpdate, by model.Actor) model.Action {
	switch u.Kind {
	case model.UpdateStatus:
		a.Status = u.ToStatus
		switch u.ToStatus {
		case model.StatusDone:
			a.CompletedOn, a.CompletedAt = model.DateOf(u.At), u.At
			if u.Text != "" {
				a.CompletionNote = u.Text
			}
		case model.StatusOpen:
			a.CompletedOn, a.CompletedAt, a.CompletionNote = model.Date{}, time.Time{}, ""
		}
	case model.UpdateDue:
		a.Due = u.ToDue
	}
	if model.IsNews(u, by, a.AgencyID) {
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), u.At, by.String()
	}
	a.UpdatedAt, a.UpdatedBy = u.At, by.String()
	a.Version++
	return a
}

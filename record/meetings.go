package record

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// MeetingOpenError: a meeting is already under way (model.MeetingOpenError).
type MeetingOpenError = model.MeetingOpenError

// StartMeeting opens this week's meeting. If one is planned (the last
// meeting fixed a date), that one opens; otherwise a new one is made for
// date (zero: today). Its agenda is built from the open hotspots and its
// attendance list from the members.
func (s *Store) StartMeeting(actor model.Actor, date model.Date) (model.Meeting, error) {
	var started model.Meeting
	err := s.write(context.TODO(), actor, declare(model.OpMeetingStart), func(w *wtx) error {
		p, err := readPartnership(w.tx)
		if err != nil {
			return err
		}
		meetings, err := all[model.Meeting](w.tx, store.KindMeetings)
		if err != nil {
			return err
		}
		model.SortMeetings(meetings)
		planned, previous, err := model.MeetingToStart(meetings)
		if err != nil {
			return err
		}
		m := model.NewMeeting(p, w.now)
		if planned != nil {
			if err := w.stamp(planned.Ref(), planned.LastChanged()); err != nil {
				return err
			}
			m = *planned
		} else if m.ID, err = nextID(w.tx, store.KindMeetings); err != nil {
			return err
		}
		m.Date = model.StartDate(date, m.Date, model.DateOf(w.now))
		if err := model.CheckStartDate(previous, m.Date); err != nil {
			return err
		}
		if previous != nil {
			m.PreviousMeetingID = previous.ID
		}
		hotspots, err := all[model.Hotspot](w.tx, store.KindHotspots)
		if err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		reviews, err := openCaseReviews(w.tx)
		if err != nil {
			return err
		}
		m.Agenda = model.OpeningAgenda(previous, hotspots, heldDates(w.tx), reviews)
		m.Attendance = model.AttendanceList(members)
		m.ChairID = model.MeetingChair(p.ChairID, actor)
		m.Open(w.now)
		m.UpdatedAt = w.now
		m.Version++
		if err := put(w.tx, store.KindMeetings, m.ID, m); err != nil {
			return err
		}
		// Releases made since the last meeting are minuted in this one's
		// Part 2 (audited before the start: undo reads back to it).
		if err := w.adoptReleases(&m); err != nil {
			return err
		}
		started = m
		return w.audit(model.OpMeetingStart, "meeting", m.Ref(), nil, map[string]any{"date": m.Date, "agenda": len(m.Agenda)})
	})
	return started, err
}

// OpenMeeting is the meeting under way, if there is one.
func (s *Store) OpenMeeting() (model.Meeting, bool, error) {
	ms, err := s.Meetings()
	for _, m := range ms {
		if m.State == model.MeetingOpen {
			return m, true, err
		}
	}
	return model.Meeting{}, false, err
}

// changeMeeting is the shape of every in-meeting write, of kind op (the
// actor may run the meeting: asked before it runs): load, check it is
// under way, change, save, audit.
// change returns what the audit event records: the part of the meeting it
// changed, before and after (the whole record each time would bloat the
// trail for every attendance mark).
func (s *Store) changeMeeting(actor model.Actor, id model.ID, op model.Op, change func(w *wtx, m *model.Meeting) (before, after any, err error)) (model.Meeting, error) {
	return s.changeMeetingThen(actor, id, op, nil, change, nil)
}

// changeMeetingThen is changeMeeting with then run in the same transaction
// after the changed meeting is saved (closing freezes the saved record),
// and first (nil: none) asked before the clock is (model.CheckStamp): a
// refusal of its own that says more than the clock's would.
func (s *Store) changeMeetingThen(actor model.Actor, id model.ID, op model.Op, first func(m model.Meeting, now time.Time) error, change func(w *wtx, m *model.Meeting) (before, after any, err error), then func(w *wtx, m model.Meeting) error) (model.Meeting, error) {
	var out model.Meeting
	err := s.write(context.TODO(), actor, declare(op), func(w *wtx) error {
		var m model.Meeting
		if err := get(w.tx, store.KindMeetings, id, &m); err != nil {
			return notFound(err, model.MeetingRef(id))
		}
		if err := m.CheckEditable(); err != nil {
			return err
		}
		if first != nil {
			if err := first(m, w.now); err != nil {
				return err
			}
		}
		if err := w.stamp(m.Ref(), m.LastChanged()); err != nil {
			return err
		}
		before, after, err := change(w, &m)
		if err != nil {
			return err
		}
		m.UpdatedAt = w.now
		m.Version++
		out = m
		if err := put(w.tx, store.KindMeetings, m.ID, m); err != nil {
			return err
		}
		if err := w.audit(op, "meeting", m.Ref(), before, after); err != nil {
			return err
		}
		if then != nil {
			return then(w, m)
		}
		return nil
	})
	return out, err
}

// GoToItem moves the meeting to agenda item i and starts its clock. The
// position is saved so a resumed meeting opens where it was, and a hotspot
// gone to counts as reviewed when the meeting closes.
func (s *Store) GoToItem(actor model.Actor, id model.ID, i int) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingItem, func(w *wtx, m *model.Meeting) (any, any, error) {
		before := map[string]any{"item": m.Current + 1}
		if err := m.GoTo(i, w.now); err != nil {
			return nil, nil, err
		}
		return before, map[string]any{"item": i + 1, "kind": m.Agenda[i].Kind, "hotspot": model.HotspotRef(m.Agenda[i].HotspotID)}, nil
	})
}

// SetAttendance records present / apologies / absent for a member.
func (s *Store) SetAttendance(actor model.Actor, id, member model.ID, status model.AttendanceStatus) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingAttendance, func(w *wtx, m *model.Meeting) (any, any, error) {
		var mem model.Member
		if err := get(w.tx, store.KindMembers, member, &mem); err != nil {
			return nil, nil, model.Invalid("member", "no such member (#%d)", member)
		}
		before := m.AttendanceOf(member)
		m.SetAttendance(member, status)
		return map[string]any{"member": mem.Name, "status": before}, map[string]any{"member": mem.Name, "status": status}, nil
	})
}

// MarkRemainingPresent marks everyone not yet marked as present.
func (s *Store) MarkRemainingPresent(actor model.Actor, id model.ID) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingAttendance, func(w *wtx, m *model.Meeting) (any, any, error) {
		marked, err := m.MarkRemainingPresent()
		if err != nil {
			return nil, nil, err
		}
		return map[string]any{"members": marked, "status": model.Unmarked}, map[string]any{"members": marked, "status": model.Present}, nil
	})
}

// AddGuest records a guest at the meeting. shown, when given, is the guest
// list as the form showed it (model.Meeting.GuestsPart): a guest added or
// taken off meanwhile refuses the save (the same person recorded twice,
// most likely).
func (s *Store) AddGuest(actor model.Actor, id model.ID, shown *model.MeetingPart, g model.Guest) (model.Meeting, error) {
	var err error
	if g.Name, err = model.CheckLine("name", "guest's name", g.Name, true, 80); err != nil {
		return model.Meeting{}, err
	}
	if g.Agency, err = model.CheckLine("agency", "guest's organisation", g.Agency, true, 100); err != nil {
		return model.Meeting{}, err
	}
	return s.changeMeeting(actor, id, model.OpMeetingGuest, func(w *wtx, m *model.Meeting) (any, any, error) {
		if _, err := checkPart(w.tx, m, shown); err != nil {
			return nil, nil, err
		}
		before := len(m.Guests)
		m.Guests = append(m.Guests, g)
		return map[string]any{"guests": before}, g, nil
	})
}

// RemoveGuest takes a guest added by mistake off the meeting (i is their
// place in the guest list, from 0). The audit trail keeps that they were
// added and removed. shown, when given, is the guest as the screen showed
// them (model.Meeting.GuestPart): found where they are now, or the removal
// refused when someone took them off meanwhile — never the guest who
// moved up into their place.
func (s *Store) RemoveGuest(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingGuestRemove, func(w *wtx, m *model.Meeting) (any, any, error) {
		i, err := itemShown(w.tx, m, i, shown)
		if err != nil {
			return nil, nil, err
		}
		if i < 0 || i >= len(m.Guests) {
			return nil, nil, model.Invalid("guest", "there is no guest %d (the meeting has %d)", i+1, len(m.Guests))
		}
		g := m.Guests[i]
		m.Guests = slices.Delete(m.Guests, i, i+1)
		return map[string]any{"index": i, "guest": g}, map[string]any{"guests": len(m.Guests)}, nil
	})
}

// RecordConfidentiality records that the confidentiality statement was read.
func (s *Store) RecordConfidentiality(actor model.Actor, id model.ID) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingConfidentiality, func(w *wtx, m *model.Meeting) (any, any, error) {
		if err := m.ReadConfidentiality(w.now); err != nil {
			return nil, nil, err
		}
		return map[string]any{"read": false}, map[string]any{"read": true}, nil
	})
}

// AddDeclaration records a member's declaration of interest, on one item
// (kind and hotspot; an empty kind is the meeting's business generally).
// One on an item taken in private is public only as "a declaration was
// made on an item taken in private". shown, when given, is the member's
// declarations as the form showed them (model.Meeting.DeclarationsPart):
// one recorded or withdrawn meanwhile, or "none" recorded, refuses the save.
func (s *Store) AddDeclaration(actor model.Actor, id, member model.ID, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error) {
	text, err := model.CheckText("text", "declaration", text, true)
	if err != nil {
		return model.Meeting{}, err
	}
	return s.changeMeeting(actor, id, model.OpMeetingDeclaration, func(w *wtx, m *model.Meeting) (any, any, error) {
		var mem model.Member
		if err := get(w.tx, store.KindMembers, member, &mem); err != nil {
			return nil, nil, model.Invalid("member", "no such member (#%d)", member)
		}
		if _, err := checkPart(w.tx, m, shown); err != nil {
			return nil, nil, err
		}
		var h *model.Hotspot
		if hotspotID != 0 {
			h = new(model.Hotspot)
			if err := get(w.tx, store.KindHotspots, hotspotID, h); err != nil {
				return nil, nil, notFound(err, model.HotspotRef(hotspotID))
			}
		}
		before := map[string]any{"declarations": len(m.Declarations), "none": m.NoDeclarations}
		d, err := m.Declare(model.Declaration{MemberID: member, Name: mem.Name, Text: text, Item: item, HotspotID: hotspotID}, h)
		if err != nil {
			return nil, nil, err
		}
		return before, d, nil
	})
}

// AddGuestDeclaration records a declaration of interest by a guest at the
// meeting (named as on its guest list: model.Meeting.GuestDeclaration),
// on one item or the business generally, as AddDeclaration does a
// member's (shown too). Undo takes it back as it does any declaration.
func (s *Store) AddGuestDeclaration(actor model.Actor, id model.ID, guest string, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error) {
	text, err := model.CheckText("text", "declaration", text, true)
	if err != nil {
		return model.Meeting{}, err
	}
	return s.changeMeeting(actor, id, model.OpMeetingDeclaration, func(w *wtx, m *model.Meeting) (any, any, error) {
		if _, err := checkPart(w.tx, m, shown); err != nil {
			return nil, nil, err
		}
		d, err := m.GuestDeclaration(guest)
		if err != nil {
			return nil, nil, err
		}
		var h *model.Hotspot
		if hotspotID != 0 {
			h = new(model.Hotspot)
			if err := get(w.tx, store.KindHotspots, hotspotID, h); err != nil {
				return nil, nil, notFound(err, model.HotspotRef(hotspotID))
			}
		}
		before := map[string]any{"declarations": len(m.Declarations), "none": m.NoDeclarations}
		d.Text, d.Item, d.HotspotID = text, item, hotspotID
		if d, err = m.Declare(d, h); err != nil {
			return nil, nil, err
		}
		return before, d, nil
	})
}

// WithdrawDeclaration takes a declaration recorded by mistake off the
// meeting (i is its place in the list, from 0). The audit trail keeps it.
func (s *Store) WithdrawDeclaration(actor model.Actor, id model.ID, i int) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingDeclarationWithdraw, func(w *wtx, m *model.Meeting) (any, any, error) {
		if i < 0 || i >= len(m.Declarations) {
			return nil, nil, model.Invalid("declaration", "there is no declaration %d (the meeting has %d)", i+1, len(m.Declarations))
		}
		d := m.Declarations[i]
		m.Declarations = slices.Delete(m.Declarations, i, i+1)
		return map[string]any{"index": i, "declaration": d}, map[string]any{"declarations": len(m.Declarations)}, nil
	})
}

// SetNoDeclarations records that no interests were declared.
func (s *Store) SetNoDeclarations(actor model.Actor, id model.ID) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingDeclarationsNone, func(w *wtx, m *model.Meeting) (any, any, error) {
		if err := m.DeclareNone(); err != nil {
			return nil, nil, err
		}
		return map[string]any{"none": false}, map[string]any{"none": true}, nil
	})
}

// ApprovePreviousMinutes records the decision that the previous meeting's
// minutes are a correct record.
func (s *Store) ApprovePreviousMinutes(actor model.Actor, id model.ID) (model.Decision, error) {
	var dec model.Decision
	_, err := s.changeMeeting(actor, id, model.OpMeetingApproveMinutes, func(w *wtx, m *model.Meeting) (any, any, error) {
		if err := m.CheckApproval(); err != nil {
			return nil, nil, err
		}
		var prev model.Meeting
		if err := get(w.tx, store.KindMeetings, m.PreviousMeetingID, &prev); err != nil {
			return nil, nil, err
		}
		var err error
		if dec, err = w.addDecision(model.NewDecision{MeetingID: m.ID, Item: model.ItemMinutes, Text: model.MinutesApproval(prev)}); err != nil {
			return nil, nil, err
		}
		m.MinutesApprovedByDecID = dec.ID
		return map[string]any{"approved": false}, map[string]any{"approved": true, "decision": dec.Ref(), "meeting": prev.Ref()}, nil
	})
	return dec, err
}

func agendaRefs(m *model.Meeting) []string {
	out := make([]string, len(m.Agenda))
	for i, it := range m.Agenda {
		out[i] = string(it.Kind)
		if it.Kind == model.ItemHotspot {
			out[i] = model.HotspotRef(it.HotspotID)
		}
	}
	return out
}

// MoveAgendaItem moves hotspot item i up or down. shown, when given, is
// the item as the screen showed it (model.Meeting.ItemPart with
// model.PartAgendaItem): moved since, it is moved from where it is now;
// dropped since, the move is refused by name.
func (s *Store) MoveAgendaItem(actor model.Actor, id model.ID, i, delta int, shown *model.MeetingPart) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingAgendaMove, func(w *wtx, m *model.Meeting) (any, any, error) {
		i, err := itemShown(w.tx, m, i, shown)
		if err != nil {
			return nil, nil, err
		}
		before := agendaRefs(m)
		if err := m.MoveItem(i, delta); err != nil {
			return nil, nil, err
		}
		return before, agendaRefs(m), nil
	})
}

// DropAgendaItem takes hotspot item i off this meeting's agenda. An item
// with business recorded under it in this meeting stays: it was discussed,
// and its minute must exist. shown, when given, is the item as the screen
// showed it (model.Meeting.ItemPart with model.PartAgendaItem): the item
// is found where it is now, so a move meanwhile never drops the item that
// took its place; dropped already, the drop is refused by name.
func (s *Store) DropAgendaItem(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingAgendaDrop, func(w *wtx, m *model.Meeting) (any, any, error) {
		i, err := itemShown(w.tx, m, i, shown)
		if err != nil {
			return nil, nil, err
		}
		if err := m.CheckItem(i); err != nil {
			return nil, nil, err
		}
		if it := m.Agenda[i]; it.Kind == model.ItemHotspot {
			m.Unvisit(it.HotspotID)
			busy, err := businessIn(w.tx, m)
			if err != nil {
				return nil, nil, err
			}
			if err := model.CheckDropHotspot(it.HotspotID, busy); err != nil {
				return nil, nil, err
			}
		}
		before := agendaRefs(m)
		if err := m.DropItem(i); err != nil {
			return nil, nil, err
		}
		return before, agendaRefs(m), nil
	})
}

// SetItemPart2 moves agenda item i into Part 2 (taken in private, at the
// end of the agenda, exempt under para: 0 is the item's default) or back
// into Part 1. Part 2 belongs to the hotspot: it stays private in later
// agendas, matters arising, the action log and every export until the chair
// moves it back, and personal ASB cannot be moved back. What this meeting
// already recorded under the item follows it into Part 2, for good
// (followIntoPart2); moving it back frees nothing. shown, when given, is
// the item as the form (or the question before going back) showed it
// (model.Meeting.ItemPart): moved along the agenda since, it is found where
// it is; taken in private or back, or given another paragraph, meanwhile,
// the save is refused.
func (s *Store) SetItemPart2(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, part2 bool, para model.ExemptParagraph) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingItemPart2, func(w *wtx, m *model.Meeting) (any, any, error) {
		i, err := itemShown(w.tx, m, i, shown)
		if err != nil {
			return nil, nil, err
		}
		if err := m.CheckItem(i); err != nil {
			return nil, nil, err
		}
		it := m.Agenda[i]
		var h model.Hotspot
		if it.Kind == model.ItemHotspot {
			if err := get(w.tx, store.KindHotspots, it.HotspotID, &h); err != nil {
				return nil, nil, notFound(err, model.HotspotRef(it.HotspotID))
			}
			if err := w.stamp(h.Ref(), h.LastChanged()); err != nil {
				return nil, nil, err
			}
			var err error
			if para, err = h.Part2Paragraph(part2, para); err != nil {
				return nil, nil, err
			}
		}
		before := map[string]any{"item": i + 1, "part2": it.Part2, "paragraph": it.Paragraph}
		if err := m.SetPart2(i, part2, para); err != nil {
			return nil, nil, err
		}
		moved := slices.IndexFunc(m.Agenda, func(x model.AgendaItem) bool { return x.Kind == it.Kind && x.HotspotID == it.HotspotID })
		after := map[string]any{"item": moved + 1, "part2": part2, "paragraph": m.Agenda[moved].Paragraph}
		if part2 {
			if err := w.followIntoPart2(m, it.Kind, it.HotspotID, m.Agenda[moved].Paragraph); err != nil {
				return nil, nil, err
			}
		}
		if it.Kind == model.ItemHotspot {
			hb := h
			h.FollowItem(part2, m.Agenda[moved].Paragraph)
			h.UpdatedAt, h.UpdatedBy = w.now, w.actor.String()
			h.Version++
			if err := put(w.tx, store.KindHotspots, h.ID, h); err != nil {
				return nil, nil, err
			}
			return before, after, w.audit(model.OpHotspotPart2, "hotspot", h.Ref(), hb, h)
		}
		return before, after, nil
	})
}

// SetItemBudget gives agenda item i a time budget in minutes (0 clears it).
// shown, when given, is the item as the form showed it: its budget set
// meanwhile refuses the save (SetItemPart2 says more).
func (s *Store) SetItemBudget(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, minutes int) (model.Meeting, error) {
	if err := model.CheckBudget(minutes); err != nil {
		return model.Meeting{}, err
	}
	return s.changeMeeting(actor, id, model.OpMeetingItemBudget, func(w *wtx, m *model.Meeting) (any, any, error) {
		i, err := itemShown(w.tx, m, i, shown)
		if err != nil {
			return nil, nil, err
		}
		if err := m.CheckItem(i); err != nil {
			return nil, nil, err
		}
		before := m.Agenda[i].Budget
		m.Agenda[i].Budget = minutes
		return map[string]any{"item": i + 1, "budget": before}, map[string]any{"item": i + 1, "budget": minutes}, nil
	})
}

// AddAgendaHotspot puts an existing hotspot on the agenda.
func (s *Store) AddAgendaHotspot(actor model.Actor, id, hotspot model.ID) (model.Meeting, error) {
	return s.changeMeeting(actor, id, model.OpMeetingAgendaAdd, func(w *wtx, m *model.Meeting) (any, any, error) {
		var h model.Hotspot
		if err := get(w.tx, store.KindHotspots, hotspot, &h); err != nil {
			return nil, nil, model.Invalid("ref", "there is no %s", model.HotspotRef(hotspot))
		}
		if err := h.CheckOnAgenda(); err != nil {
			return nil, nil, err
		}
		before := agendaRefs(m)
		if _, err := m.AddHotspotItem(h); err != nil {
			return nil, nil, err
		}
		return before, agendaRefs(m), nil
	})
}

// takeUp puts hotspot hotspotID on the agenda of meeting meetingID when
// business is recorded under it there and the meeting under way does not
// hold it (model.Meeting.TakeUp), in the same transaction, audited as
// meeting.agenda_takeup: what is minuted under a hotspot is minuted under
// its item. Undo leaves the item where it is (the minutes lose nothing).
func (w *wtx) takeUp(meetingID, hotspotID model.ID) error {
	if meetingID == 0 || hotspotID == 0 {
		return nil
	}
	var m model.Meeting
	if err := get(w.tx, store.KindMeetings, meetingID, &m); err != nil {
		return notFound(err, model.MeetingRef(meetingID))
	}
	var h model.Hotspot
	if err := get(w.tx, store.KindHotspots, hotspotID, &h); err != nil {
		return notFound(err, model.HotspotRef(hotspotID))
	}
	before := agendaRefs(&m)
	if !m.TakeUp(h) {
		return nil
	}
	m.UpdatedAt = w.now
	m.Version++
	if err := put(w.tx, store.KindMeetings, m.ID, m); err != nil {
		return err
	}
	return w.audit(model.OpMeetingAgendaTakeUp, "meeting", m.Ref(), before, agendaRefs(&m))
}

// SetNextMeeting fixes the date (and time and place) of the next meeting.
//
// shown, when given, is the next meeting as the form showed it: changed
// since by someone else, the save is refused with who changed it and what
// it is now (a ConflictError whose Now is the model.NextMeeting).
func (s *Store) SetNextMeeting(actor model.Actor, id model.ID, shown *model.NextMeeting, date model.Date, clock, place string) (model.Meeting, error) {
	var err error
	if clock != "" {
		if clock, err = model.ParseClock(clock); err != nil {
			return model.Meeting{}, err
		}
	}
	if place, err = model.CheckLine("place", "place", place, false, 120); err != nil {
		return model.Meeting{}, err
	}
	return s.changeMeeting(actor, id, model.OpMeetingNextDate, func(w *wtx, m *model.Meeting) (any, any, error) {
		if shown != nil && m.Next() != *shown {
			by, at := lastChangeBy(w.tx, m.Ref(), func(op model.Op) bool { return op == model.OpMeetingNextDate })
			return nil, nil, &store.ConflictError{Ref: m.Ref(), By: by, At: at, Now: m.Next(), Version: m.Version}
		}
		before := map[string]any{"date": m.NextDate, "time": m.NextTime, "place": m.NextPlace}
		if err := m.SetNext(date, clock, place); err != nil {
			return nil, nil, err
		}
		return before, map[string]any{"date": date, "time": m.NextTime, "place": m.NextPlace}, nil
	})
}

// CloseMeeting freezes the meeting. Unmarked members become absent; the
// hotspots the meeting went to, or recorded business under, are marked
// reviewed, and those it never reached are deferred (first on the next
// agenda); the next meeting (if a date was fixed) is planned; and the
// record as it now stands is frozen as the meeting's snapshot, in the same
// transaction, so its minutes never drift. A close before the meeting
// started is refused first, naming its start (model.Meeting.CheckClose).
func (s *Store) CloseMeeting(actor model.Actor, id model.ID) (model.Meeting, error) {
	m, err := s.closeMeeting(actor, id)
	if err == nil {
		// After the close has committed: a backup that fails is said, and
		// the meeting stays closed.
		s.hooks.AutoBackupAfter("meeting-" + m.Ref())
	}
	return m, err
}

func (s *Store) closeMeeting(actor model.Actor, id model.ID) (model.Meeting, error) {
	return s.changeMeetingThen(actor, id, model.OpMeetingClose, model.Meeting.CheckClose, func(w *wtx, m *model.Meeting) (any, any, error) {
		reviewed, err := businessIn(w.tx, m)
		if err != nil {
			return nil, nil, err
		}
		if err := m.Close(reviewed, w.now); err != nil {
			return nil, nil, err
		}
		var refs []string
		for _, hid := range reviewed {
			var h model.Hotspot
			if err := get(w.tx, store.KindHotspots, hid, &h); err != nil {
				continue
			}
			before := h
			if !h.MarkReviewed(m.Date) {
				continue
			}
			if err := w.stamp(h.Ref(), h.LastChanged()); err != nil {
				return nil, nil, err
			}
			h.UpdatedAt, h.UpdatedBy = w.now, w.actor.String()
			h.Version++
			if err := put(w.tx, store.KindHotspots, h.ID, h); err != nil {
				return nil, nil, err
			}
			if err := w.audit(model.OpHotspotReviewed, "hotspot", h.Ref(), before, h); err != nil {
				return nil, nil, err
			}
			refs = append(refs, h.Ref())
		}
		next := model.ID(0)
		if m.PlansNext() {
			if next, err = planMeeting(w, *m); err != nil {
				return nil, nil, err
			}
		}
		return map[string]any{"state": model.MeetingOpen}, map[string]any{"state": model.MeetingClosed, "hotspots_reviewed": refs,
			"deferred": len(m.Deferred), "next_meeting": model.MeetingRef(next)}, nil
	}, func(w *wtx, m model.Meeting) error { return freeze(w, m.ID) })
}

// businessIn is model.HotspotBusiness of meeting m, read in this
// transaction: the hotspots it recorded business under.
func businessIn(tx *txn, m *model.Meeting) ([]model.ID, error) {
	updates, err := all[model.ActionUpdate](tx, store.KindUpdates)
	if err != nil {
		return nil, err
	}
	notes, err := all[model.Note](tx, store.KindNotes)
	if err != nil {
		return nil, err
	}
	decisions, err := all[model.Decision](tx, store.KindDecisions)
	if err != nil {
		return nil, err
	}
	actions, err := all[model.Action](tx, store.KindActions)
	if err != nil {
		return nil, err
	}
	return model.HotspotBusiness(*m, actions, updates, notes, decisions), nil
}

func planMeeting(w *wtx, closed model.Meeting) (model.ID, error) {
	existing, err := all[model.Meeting](w.tx, store.KindMeetings)
	if err != nil {
		return 0, err
	}
	var waiting *model.Meeting
	for i := range existing {
		if existing[i].State == model.MeetingPlanned {
			waiting = &existing[i]
			break
		}
	}
	if waiting != nil {
		if err := w.stamp(waiting.Ref(), waiting.LastChanged()); err != nil {
			return 0, err
		}
	}
	next := model.NextPlanned(closed, waiting)
	if waiting != nil {
		before := *waiting
		next.UpdatedAt = w.now
		next.Version++
		if err := put(w.tx, store.KindMeetings, next.ID, next); err != nil {
			return 0, err
		}
		return next.ID, w.audit(model.OpMeetingPlan, "meeting", next.Ref(), before, next)
	}
	if next.ID, err = nextID(w.tx, store.KindMeetings); err != nil {
		return 0, err
	}
	next.CreatedAt, next.UpdatedAt, next.Version = w.now, w.now, 1
	if err := put(w.tx, store.KindMeetings, next.ID, next); err != nil {
		return 0, err
	}
	return next.ID, w.audit(model.OpMeetingPlan, "meeting", next.Ref(), nil, next)
}

// meetingFor loads a meeting that must be under way, for writes that belong
// to one (decisions, notes, actions assigned in it). id 0 is "no meeting".
func meetingFor(tx *txn, id model.ID) (*model.Meeting, error) {
	if id == 0 {
		return nil, nil
	}
	var m model.Meeting
	if err := get(tx, store.KindMeetings, id, &m); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, &RefError{Ref: model.MeetingRef(id)}
		}
		return nil, err
	}
	return &m, m.CheckEditable()
}

// lastChangeBy is who made the newest change to ref by an op touched
// says yes to, and when, from the end of the audit trail (the last few
// hundred events: a meeting's own changes are recent); "" when not found
// there.
func lastChangeBy(tx *txn, ref string, touched func(model.Op) bool) (string, time.Time) {
	var by string
	var at time.Time
	n := 0
	_ = tx.each(store.KindAudit, 0, store.Backward, func(_ model.ID, d store.Doc) error {
		if n++; n > 500 {
			return errStop
		}
		var e model.AuditEvent
		if decodeDoc(d, &e) == nil && e.Ref == ref && touched(e.Op) {
			by, at = e.By, e.At
			return errStop
		}
		return nil
	})
	return by, at
}

// checkPart refuses a save against the part of m a form showed (shown;
// nil: no form, no check) when that part changed since, naming who changed
// it and when, with the part as it is now (model.Meeting.CheckPart). It
// returns the part now: an item saved against is where it is now.
func checkPart(tx *txn, m *model.Meeting, shown *model.MeetingPart) (model.MeetingPart, error) {
	if shown == nil {
		return model.MeetingPart{}, nil
	}
	now, changes := m.CheckPart(*shown)
	if len(changes) == 0 {
		return now, nil
	}
	by, at := lastChangeBy(tx, m.Ref(), shown.Kind.TouchedBy)
	return now, &store.ConflictError{Ref: m.Ref(), By: by, At: at, Now: now, Version: m.Version, Changes: changes}
}

// itemShown is the agenda item a save names: i, or, when a form showed it
// (shown), where that item is now, once checkPart has let the save through.
func itemShown(tx *txn, m *model.Meeting, i int, shown *model.MeetingPart) (int, error) {
	now, err := checkPart(tx, m, shown)
	if err != nil || shown == nil {
		return i, err
	}
	return now.Index, now.CheckItem()
}

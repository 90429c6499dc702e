package store

import (
	"io"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
)

// ReadAs is the record as actor may read it: the one point where the read
// right of model.Actor.Reads is enforced, for every read of every surface
// (the app, the command line, a session over SSH). Someone who reads the
// restricted record gets rec itself. Someone who reads the public record
// only gets publicReader: what every read returns is model's public view
// (model.PublicRecord and its parts: private business as markers without
// words, or refused by ref with a *model.PrivateError), and they may not
// change an action they may not read.
//
// publicReader spells out every method of Record rather than embedding
// it, so a method added to Record does not compile until someone has
// decided what a public-only reader gets from it.
func ReadAs(rec Record, actor model.Actor) Record {
	if actor.Reads() == model.ReadRestricted {
		return rec
	}
	if p, ok := rec.(publicReader); ok {
		rec = p.rec
	}
	return publicReader{rec: rec, who: actor}
}

// PublicOnly says whether rec is read as someone who reads the public
// record only (ReadAs).
func PublicOnly(rec Record) bool {
	_, ok := rec.(publicReader)
	return ok
}

type publicReader struct {
	rec Record
	who model.Actor
}

// rules are the disclosure rules outside any meeting, over the hotspots
// the given actions are on.
func (r publicReader) rules(actions ...model.Action) (model.Disclosure, error) {
	ids := make([]model.ID, 0, len(actions))
	for _, a := range actions {
		if a.HotspotID != 0 {
			ids = append(ids, a.HotspotID)
		}
	}
	slices.Sort(ids)
	hs, err := r.rec.HotspotsOf(slices.Compact(ids))
	if err != nil {
		return model.Disclosure{}, err
	}
	return model.PublicRules(model.Meeting{}, hs), nil
}

// authors names people as the public record does: by their agency
// (model.Authors).
func (r publicReader) authors() (model.Authors, error) {
	members, err := r.rec.Members()
	if err != nil {
		return model.Authors{}, err
	}
	agencies, err := r.rec.Agencies()
	if err != nil {
		return model.Authors{}, err
	}
	return model.AuthorsOf(members, model.IndexAgencies(agencies)), nil
}

// publicActions is actions as this reader reads them: without what the
// public record leaves out, everyone named by agency.
func (r publicReader) publicActions(rules model.Disclosure, actions ...model.Action) ([]model.Action, error) {
	who, err := r.authors()
	if err != nil {
		return nil, err
	}
	out := make([]model.Action, 0, len(actions))
	for _, a := range actions {
		out = append(out, who.Action(rules.PublicAction(a)))
	}
	return out, nil
}

// meetingRules are the disclosure rules of meeting m (its agenda's
// hotspots as they are).
func (r publicReader) meetingRules(m model.Meeting) (model.Disclosure, error) {
	var ids []model.ID
	for _, it := range m.Agenda {
		if it.HotspotID != 0 {
			ids = append(ids, it.HotspotID)
		}
	}
	for _, d := range m.Declarations {
		if d.HotspotID != 0 {
			ids = append(ids, d.HotspotID)
		}
	}
	slices.Sort(ids)
	hs, err := r.rec.HotspotsOf(slices.Compact(ids))
	if err != nil {
		return model.Disclosure{}, err
	}
	return model.PublicRules(m, hs), nil
}

func (r publicReader) publicMeeting(m model.Meeting) (model.Meeting, error) {
	rules, err := r.meetingRules(m)
	if err != nil {
		return m, err
	}
	return rules.PublicMeeting(m), nil
}

func (r publicReader) refuse(ref string) error { return model.RefusePrivate(r.who, ref) }

// readableAction is action id, if this reader may read it.
func (r publicReader) readableAction(id model.ID) (model.Action, error) {
	a, err := r.rec.Action(id)
	if err != nil {
		return a, err
	}
	rules, err := r.rules(a)
	if err != nil {
		return a, err
	}
	if !rules.Action(a) {
		return model.Action{}, r.refuse(a.Ref())
	}
	out, err := r.publicActions(rules, a)
	if err != nil {
		return model.Action{}, err
	}
	return out[0], nil
}

// publicAction is a saved change's action as this reader may see it.
func (r publicReader) publicAction(a model.Action, err error) (model.Action, error) {
	if err != nil {
		return a, err
	}
	rules, err := r.rules(a)
	if err != nil {
		return model.Action{}, err
	}
	out, err := r.publicActions(rules, a)
	if err != nil {
		return model.Action{}, err
	}
	return out[0], nil
}

func (r publicReader) Action(id model.ID) (model.Action, error) { return r.readableAction(id) }

func (r publicReader) ActionHistory(id model.ID) ([]model.ActionUpdate, error) {
	if _, err := r.readableAction(id); err != nil {
		return nil, err
	}
	h, err := r.rec.ActionHistory(id)
	if err != nil {
		return nil, err
	}
	who, err := r.authors()
	if err != nil {
		return nil, err
	}
	return model.PublicUpdates(h, who), nil
}

func (r publicReader) Actions(f model.ActionFilter) ([]model.Action, error) {
	all, err := r.rec.Actions(f)
	if err != nil {
		return nil, err
	}
	rules, err := r.rules(all...)
	if err != nil {
		return nil, err
	}
	var readable []model.Action
	for _, a := range all {
		if rules.Action(a) {
			readable = append(readable, a)
		}
	}
	return r.publicActions(rules, readable...)
}

// EachAction is Actions one at a time: the actions this reader may read,
// as they may read them, each with its history as ActionHistory gives it
// to them (the updates made on public business, without their words).
func (r publicReader) EachAction(f model.ActionFilter, withHistory bool, fn ActionFunc) error {
	hs, err := r.rec.Hotspots()
	if err != nil {
		return err
	}
	byID := make(map[model.ID]model.Hotspot, len(hs))
	for _, h := range hs {
		byID[h.ID] = h
	}
	rules := model.PublicRules(model.Meeting{}, byID)
	who, err := r.authors()
	if err != nil {
		return err
	}
	return r.rec.EachAction(f, withHistory, func(a model.Action, h []model.ActionUpdate) error {
		if !rules.Action(a) {
			return nil
		}
		return fn(who.Action(rules.PublicAction(a)), model.PublicUpdates(h, who))
	})
}

func (r publicReader) AuditEvents(int) ([]model.AuditEvent, error) {
	return nil, r.refuse("the audit trail")
}

func (r publicReader) AuditHistory(model.AuditQuery, func(model.AuditEvent) error) error {
	return r.refuse("the audit trail")
}

// VerifyChain is refused too: its report names the changes it finds broken.
func (r publicReader) VerifyChain(...ChainHead) (ChainReport, error) {
	return ChainReport{}, r.refuse("the audit trail")
}

func (r publicReader) UndoChoices(model.Actor, model.ID) ([]model.Undoable, error) {
	return nil, r.refuse("the changes made in this meeting")
}

func (r publicReader) UndoChange(actor model.Actor, meetingID model.ID, key uint64) (string, error) {
	return r.rec.UndoChange(actor, meetingID, key)
}

func (r publicReader) BackToPart1(meetingID model.ID, i int) (model.BackToPart1, error) {
	return model.BackToPart1{}, r.refuse("what a Part 2 item holds")
}

// publicHome is home with its figures counting public business only
// (Record.PublicHome) and its meetings as a public-only reader sees them.
func (r publicReader) publicHome() (model.HomeSummary, error) {
	h, err := r.rec.PublicHome()
	if err != nil {
		return h, err
	}
	for _, m := range []**model.Meeting{&h.Open, &h.Next, &h.LastClosed} {
		if *m != nil {
			pm, err := r.publicMeeting(**m)
			if err != nil {
				return h, err
			}
			*m = &pm
		}
	}
	return h, nil
}

func (r publicReader) Home() (model.HomeSummary, error)            { return r.publicHome() }
func (r publicReader) HomeSince(uint64) (model.HomeSummary, error) { return r.publicHome() }
func (r publicReader) PublicHome() (model.HomeSummary, error)      { return r.publicHome() }

// readableHotspot is hotspot id, if this reader may read it.
func (r publicReader) readableHotspot(id model.ID) (model.Hotspot, model.Disclosure, error) {
	h, err := r.rec.Hotspot(id)
	if err != nil {
		return h, model.Disclosure{}, err
	}
	rules := model.PublicRules(model.Meeting{}, map[model.ID]model.Hotspot{h.ID: h})
	if !rules.Hotspot(h) {
		return model.Hotspot{}, rules, r.refuse(h.Ref())
	}
	return rules.PublicHotspot(h), rules, nil
}

func (r publicReader) Hotspot(id model.ID) (model.Hotspot, error) {
	h, _, err := r.readableHotspot(id)
	return h, err
}

func (r publicReader) HotspotHistory(meetingID, hotspotID model.ID, limit int) ([]model.HistoryEntry, error) {
	if _, _, err := r.readableHotspot(hotspotID); err != nil {
		return nil, nil // an exempt item has no history to show this reader
	}
	h, err := r.rec.HotspotHistory(meetingID, hotspotID, limit)
	if err != nil {
		return nil, err
	}
	return model.PublicHistory(h), nil
}

func (r publicReader) HotspotRecord(id model.ID) (model.Hotspot, model.MeetingRecord, error) {
	if _, _, err := r.readableHotspot(id); err != nil {
		return model.Hotspot{}, model.MeetingRecord{}, err
	}
	h, rec, err := r.rec.HotspotRecord(id)
	if err != nil {
		return h, rec, err
	}
	rec = model.PublicView(rec)
	return model.PublicRules(rec.Meeting, map[model.ID]model.Hotspot{h.ID: h}).PublicHotspot(h), rec, nil
}

func (r publicReader) Hotspots() ([]model.Hotspot, error) {
	all, err := r.rec.Hotspots()
	if err != nil {
		return nil, err
	}
	rules := model.PublicRules(model.Meeting{}, nil)
	out := make([]model.Hotspot, 0, len(all))
	for _, h := range all {
		if rules.Hotspot(h) {
			out = append(out, rules.PublicHotspot(h))
		}
	}
	return out, nil
}

func (r publicReader) HotspotsOf(ids []model.ID) (map[model.ID]model.Hotspot, error) {
	hs, err := r.rec.HotspotsOf(ids)
	if err != nil {
		return nil, err
	}
	rules := model.PublicRules(model.Meeting{}, hs)
	out := make(map[model.ID]model.Hotspot, len(hs))
	for id, h := range hs {
		out[id] = rules.PublicHotspot(h)
	}
	return out, nil
}

func (r publicReader) Meeting(id model.ID) (model.Meeting, error) {
	m, err := r.rec.Meeting(id)
	if err != nil {
		return m, err
	}
	return r.publicMeeting(m)
}

func (r publicReader) Meetings() ([]model.Meeting, error) {
	ms, err := r.rec.Meetings()
	if err != nil {
		return nil, err
	}
	for i, m := range ms {
		if ms[i], err = r.publicMeeting(m); err != nil {
			return nil, err
		}
	}
	return ms, nil
}

func (r publicReader) OpenMeeting() (model.Meeting, bool, error) {
	m, ok, err := r.rec.OpenMeeting()
	if err != nil || !ok {
		return m, ok, err
	}
	m, err = r.publicMeeting(m)
	return m, ok, err
}

func (r publicReader) ResolveMeeting(ref string) (model.Meeting, error) {
	m, err := r.rec.ResolveMeeting(ref)
	if err != nil {
		return m, err
	}
	return r.publicMeeting(m)
}

// MeetingRecord is what the meeting screen lists: the public view, with
// nothing private in it at all (model.PublicView).
func (r publicReader) MeetingRecord(id model.ID) (model.MeetingRecord, error) {
	rec, err := r.rec.MeetingRecord(id)
	if err != nil {
		return rec, err
	}
	return model.PublicView(rec), nil
}

// MinutesRecord is what the minutes are made from: private business as
// markers without words (model.PublicRecord), so the public version's
// notice counts what it leaves out; every version made from it is public.
func (r publicReader) MinutesRecord(id model.ID) (model.MeetingRecord, error) {
	rec, err := r.rec.MinutesRecord(id)
	if err != nil {
		return rec, err
	}
	return model.PublicRecord(rec), nil
}

func (r publicReader) Members() ([]model.Member, error) {
	ms, err := r.rec.Members()
	if err != nil {
		return nil, err
	}
	return model.PublicMembers(ms), nil
}

// Changes to an action: only to one this reader may read (a member whose
// restricted record the chair withheld), and the saved action comes back
// as they may see it.

func (r publicReader) AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.AcceptUpdate(actor, id, version, meetingID))
}

func (r publicReader) AddActionNote(actor model.Actor, id model.ID, version int, text string, meetingID model.ID) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.AddActionNote(actor, id, version, text, meetingID))
}

func (r publicReader) ChangeDue(actor model.Actor, id model.ID, version int, due model.Date, reason string, meetingID model.ID) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.ChangeDue(actor, id, version, due, reason, meetingID))
}

func (r publicReader) CorrectUpdate(actor model.Actor, id model.ID, version int, text, reason string) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.CorrectUpdate(actor, id, version, text, reason))
}

func (r publicReader) WithdrawUpdate(actor model.Actor, id model.ID, version int, reason string) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.WithdrawUpdate(actor, id, version, reason))
}

func (r publicReader) MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.MarkReviewed(actor, id, meetingID))
}

func (r publicReader) SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.SetActionStatus(actor, id, version, to, note, meetingID))
}

func (r publicReader) UpdateAction(actor model.Actor, id model.ID, version int, c ActionChange) (model.Action, error) {
	if _, err := r.readableAction(id); err != nil {
		return model.Action{}, err
	}
	return r.publicAction(r.rec.UpdateAction(actor, id, version, c))
}

// The rest reveal no private business (the partnership, its agencies, the
// clock and the file), or are changes only the chair and admins may make,
// who read the restricted record (model.Permit refuses anyone else).

func (r publicReader) AddAgency(actor model.Actor, name, short string) (model.Agency, error) {
	return r.rec.AddAgency(actor, name, short)
}
func (r publicReader) AddAgendaHotspot(actor model.Actor, id, hotspot model.ID) (model.Meeting, error) {
	return r.rec.AddAgendaHotspot(actor, id, hotspot)
}
func (r publicReader) AddDeclaration(actor model.Actor, id, member model.ID, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error) {
	return r.rec.AddDeclaration(actor, id, member, shown, item, hotspotID, text)
}
func (r publicReader) AddGuest(actor model.Actor, id model.ID, shown *model.MeetingPart, g model.Guest) (model.Meeting, error) {
	return r.rec.AddGuest(actor, id, shown, g)
}
func (r publicReader) AddGuestDeclaration(actor model.Actor, id model.ID, guest string, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error) {
	return r.rec.AddGuestDeclaration(actor, id, guest, shown, item, hotspotID, text)
}
func (r publicReader) AddHotspot(actor model.Actor, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.AddHotspot(actor, n, meetingID)
}
func (r publicReader) AddMember(actor model.Actor, n model.NewMember) (model.Member, error) {
	return r.rec.AddMember(actor, n)
}
func (r publicReader) AddMemberKeys(actor model.Actor, memberID model.ID, keys []string) (model.Member, []string, error) {
	return r.rec.AddMemberKeys(actor, memberID, keys)
}
func (r publicReader) AddNote(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, confidential bool) (model.Note, error) {
	return r.rec.AddNote(actor, meetingID, item, hotspotID, text, confidential)
}
func (r publicReader) Agencies() ([]model.Agency, error) { return r.rec.Agencies() }
func (r publicReader) Amend(actor model.Actor, ref string, text, reason string) (model.Amendment, error) {
	return r.rec.Amend(actor, ref, text, reason)
}
func (r publicReader) ApplyMemberSync(actor model.Actor, plan model.MemberSync) (model.SyncApplied, error) {
	return r.rec.ApplyMemberSync(actor, plan)
}
func (r publicReader) ApprovePreviousMinutes(actor model.Actor, id model.ID) (model.Decision, error) {
	return r.rec.ApprovePreviousMinutes(actor, id)
}
func (r publicReader) AssignAction(actor model.Actor, n model.NewAction) (model.Action, error) {
	return r.rec.AssignAction(actor, n)
}
func (r publicReader) Close() error { return r.rec.Close() }
func (r publicReader) CloseHotspot(actor model.Actor, id model.ID, version int, reason string, meetingID model.ID, then model.OpenActions) (model.Hotspot, error) {
	return r.rec.CloseHotspot(actor, id, version, reason, meetingID, then)
}
func (r publicReader) CloseMeeting(actor model.Actor, id model.ID) (model.Meeting, error) {
	return r.rec.CloseMeeting(actor, id)
}
func (r publicReader) DropAgendaItem(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error) {
	return r.rec.DropAgendaItem(actor, id, i, shown)
}
func (r publicReader) EditMember(actor model.Actor, id model.ID, version int, n model.NewMember) (model.Member, error) {
	return r.rec.EditMember(actor, id, version, n)
}
func (r publicReader) GoToItem(actor model.Actor, id model.ID, i int) (model.Meeting, error) {
	return r.rec.GoToItem(actor, id, i)
}
func (r publicReader) IsEmpty() (bool, error) { return r.rec.IsEmpty() }
func (r publicReader) MarkRemainingPresent(actor model.Actor, id model.ID) (model.Meeting, error) {
	return r.rec.MarkRemainingPresent(actor, id)
}
func (r publicReader) MemberByKey(fingerprint string) (model.Member, bool, error) {
	return r.rec.MemberByKey(fingerprint)
}
func (r publicReader) MoveAgendaItem(actor model.Actor, id model.ID, i, delta int, shown *model.MeetingPart) (model.Meeting, error) {
	return r.rec.MoveAgendaItem(actor, id, i, delta, shown)
}
func (r publicReader) NextMeetingDate() (model.Date, error) { return r.rec.NextMeetingDate() }
func (r publicReader) Notices() []string                    { return r.rec.Notices() }
func (r publicReader) LastAutoBackup() (string, error)      { return r.rec.LastAutoBackup() }

// Backup is refused to anyone who reads the public record only: a backup
// is the whole record, private business and all.
func (r publicReader) Backup(actor model.Actor, _ io.Writer) (ChainHead, error) {
	if err := model.PermitBackup(r.who); err != nil {
		return ChainHead{}, err
	}
	return ChainHead{}, &model.PermissionError{Who: actor.String(), Right: model.RightBackup, Rule: "a backup holds the restricted record, which is not read here"}
}

// RetentionPlan and ApplyRetention are refused to anyone who reads the
// public record only: the cases are private business.
func (r publicReader) RetentionPlan(actor model.Actor) (model.RetentionPlan, error) {
	return model.RetentionPlan{}, retentionRefused(r.who)
}
func (r publicReader) ApplyRetention(actor model.Actor, _ Watch) (model.RetentionRun, error) {
	return model.RetentionRun{}, retentionRefused(r.who)
}

func retentionRefused(who model.Actor) error {
	if err := model.PermitRetention(who); err != nil {
		return err
	}
	return &model.PermissionError{Who: who.String(), Right: model.RightRetention, Rule: "the cases are private business, which is not read here"}
}

func (r publicReader) Now() time.Time                          { return r.rec.Now() }
func (r publicReader) Partnership() (model.Partnership, error) { return r.rec.Partnership() }
func (r publicReader) Path() string                            { return r.rec.Path() }
func (r publicReader) RecordConfidentiality(actor model.Actor, id model.ID) (model.Meeting, error) {
	return r.rec.RecordConfidentiality(actor, id)
}
func (r publicReader) RecordDecision(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error) {
	return r.rec.RecordDecision(actor, meetingID, item, hotspotID, text, part2)
}
func (r publicReader) RecordNote(actor model.Actor, meetingID model.ID, nn model.NewNote) (model.Note, error) {
	return r.rec.RecordNote(actor, meetingID, nn)
}
func (r publicReader) Release(actor model.Actor, ref, reason string) (model.Decision, error) {
	return r.rec.Release(actor, ref, reason)
}
func (r publicReader) RemoveGuest(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error) {
	return r.rec.RemoveGuest(actor, id, i, shown)
}
func (r publicReader) RemoveMemberKey(actor model.Actor, memberID model.ID, fingerprint string) (model.Member, error) {
	return r.rec.RemoveMemberKey(actor, memberID, fingerprint)
}
func (r publicReader) RenameAgency(actor model.Actor, id model.ID, version int, name, short string) (model.Agency, error) {
	return r.rec.RenameAgency(actor, id, version, name, short)
}
func (r publicReader) RetireAgency(actor model.Actor, id model.ID) (model.Agency, error) {
	return r.rec.RetireAgency(actor, id)
}
func (r publicReader) RetireMember(actor model.Actor, id model.ID) (model.Member, error) {
	return r.rec.RetireMember(actor, id)
}
func (r publicReader) Seed(actor model.Actor, d Dataset) error { return r.rec.Seed(actor, d) }
func (r publicReader) SetAttendance(actor model.Actor, id, member model.ID, status model.AttendanceStatus) (model.Meeting, error) {
	return r.rec.SetAttendance(actor, id, member, status)
}
func (r publicReader) SetHotspotRisk(actor model.Actor, id model.ID, version int, risk model.Risk, reason string, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.SetHotspotRisk(actor, id, version, risk, reason, meetingID)
}
func (r publicReader) SetHotspotSARA(actor model.Actor, id model.ID, version int, stage model.SARAStage, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.SetHotspotSARA(actor, id, version, stage, meetingID)
}
func (r publicReader) SetHotspotStatus(actor model.Actor, id model.ID, version int, status model.HotspotStatus, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.SetHotspotStatus(actor, id, version, status, meetingID)
}
func (r publicReader) SetItemBudget(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, minutes int) (model.Meeting, error) {
	return r.rec.SetItemBudget(actor, id, i, shown, minutes)
}
func (r publicReader) SetItemPart2(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, part2 bool, para model.ExemptParagraph) (model.Meeting, error) {
	return r.rec.SetItemPart2(actor, id, i, shown, part2, para)
}
func (r publicReader) SetNextMeeting(actor model.Actor, id model.ID, shown *model.NextMeeting, date model.Date, clock, place string) (model.Meeting, error) {
	return r.rec.SetNextMeeting(actor, id, shown, date, clock, place)
}
func (r publicReader) SetNoDeclarations(actor model.Actor, id model.ID) (model.Meeting, error) {
	return r.rec.SetNoDeclarations(actor, id)
}
func (r publicReader) SetPartnership(actor model.Actor, version int, p model.Partnership) (model.Partnership, error) {
	return r.rec.SetPartnership(actor, version, p)
}
func (r publicReader) Setup(in SetupInput) (model.Member, error) { return r.rec.Setup(in) }
func (r publicReader) StartMeeting(actor model.Actor, date model.Date) (model.Meeting, error) {
	return r.rec.StartMeeting(actor, date)
}
func (r publicReader) Subscribe() (<-chan Change, func()) { return r.rec.Subscribe() }
func (r publicReader) Today() model.Date                  { return r.rec.Today() }
func (r publicReader) Undo(actor model.Actor, meetingID model.ID) (string, error) {
	return r.rec.Undo(actor, meetingID)
}
func (r publicReader) WithdrawDeclaration(actor model.Actor, id model.ID, i int) (model.Meeting, error) {
	return r.rec.WithdrawDeclaration(actor, id, i)
}

var _ Record = publicReader{}

package record

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Retention (model/retention.go): the closed personal cases past the
// partnership's retention are listed, and anonymised in one write — the
// live records, every closed meeting's frozen record and every audit image
// that holds their words — then the file's free space is cleared of the
// old copies (scrub.go). The audit chain still holds: an anonymised event
// keeps the sums of the images it was written with, and the run's own
// event carries the sum of each event it rewrote (chain.go).

// RetentionPlan is what is past the partnership's retention today: read
// only, for the chair or an admin (model.PermitRetention).
func (s *Store) RetentionPlan(actor model.Actor) (model.RetentionPlan, error) {
	if err := model.PermitRetention(actor); err != nil {
		return model.RetentionPlan{}, err
	}
	var plan model.RetentionPlan
	today := s.Today()
	err := s.view(context.TODO(), func(tx *txn) error {
		cases, err := casesPast(tx, today)
		plan = cases.plan
		return err
	})
	return plan, err
}

// caseRecords are one case's records as the live record holds them.
type caseRecords struct {
	actions, updates, decisions, notes, powers []model.ID
}

// pastCases is the plan with each case's records.
type pastCases struct {
	plan    model.RetentionPlan
	records []caseRecords
}

// casesPast reads the cases past retention on day today, and their
// records through the indexes.
func casesPast(tx *txn, today model.Date) (pastCases, error) {
	var out pastCases
	p, err := readPartnership(tx)
	if err != nil {
		return out, err
	}
	years := p.RetentionYears()
	out.plan = model.RetentionPlan{Today: today, Years: years, Cutoff: model.RetentionCutoff(today, years)}
	hotspots, err := all[model.Hotspot](tx, store.KindHotspots)
	if err != nil {
		return out, err
	}
	powers, err := allPowers(tx)
	if err != nil {
		return out, err
	}
	for _, h := range hotspots {
		if !model.PastRetention(h, today, years) {
			continue
		}
		var r caseRecords
		r.actions = indexed(tx, store.IdxActionsByHotspot, h.ID)
		for _, a := range r.actions {
			r.updates = append(r.updates, indexed(tx, store.IdxUpdatesByAction, a)...)
		}
		r.decisions = indexed(tx, store.IdxDecisionsHotspot, h.ID)
		r.notes = indexed(tx, store.IdxNotesHotspot, h.ID)
		for _, pw := range powers {
			if pw.HotspotID == h.ID {
				r.powers = append(r.powers, pw.ID)
			}
		}
		out.plan.Cases = append(out.plan.Cases, model.RetentionCase{Hotspot: h, Actions: len(r.actions), Updates: len(r.updates),
			Decisions: len(r.decisions), Notes: len(r.notes), Powers: len(r.powers)})
		out.records = append(out.records, r)
	}
	return out, nil
}

// indexed are the IDs an index holds under id (keys id | record).
func indexed(tx *txn, ix store.Index, id model.ID) []model.ID {
	return idsUnder(tx, ix, store.IDKey(id))
}

// allPowers is every power (none in a file made before powers were kept).
func allPowers(tx *txn) ([]model.Power, error) { return all[model.Power](tx, store.KindPowers) }

// ApplyRetention anonymises every case past retention (RetentionPlan) in
// one write, audited, then clears the file's free space of the old
// copies. It may be stopped (w) until the write commits; the clearing
// after is let finish.
func (s *Store) ApplyRetention(actor model.Actor, w store.Watch) (model.RetentionRun, error) {
	var run model.RetentionRun
	if err := w.Step(store.Step{What: "finding the cases past retention"}); err != nil {
		return run, err
	}
	// A run with nothing past retention is audited too: the record shows
	// that retention was applied, and when.
	err := s.write(context.TODO(), actor, declare(model.OpRetentionRun), func(wt *wtx) error {
		// Beyond the chair's or an admin's right (asked before this runs),
		// the list names private cases: the restricted read right.
		if err := model.PermitRetention(actor); err != nil {
			return err
		}
		var err error
		run, err = anonymise(wt, w, pagesOf(wt.tx))
		return err
	})
	if err != nil {
		return model.RetentionRun{}, err
	}
	pages, err := s.hooks.ScrubFree(w.Unstopped())
	if err != nil {
		return run, fmt.Errorf("the cases were anonymised, but the old copies could not be cleared from the file's free space: %w", err)
	}
	run.Pages = pages
	w.Report(store.Step{What: "anonymised", Done: int64(len(run.Cases)), Total: int64(len(run.Cases)), Unit: "cases"})
	return run, nil
}

// anonymise is the write: the cases past retention as this transaction
// reads them, the trail and the frozen records read for their words, then
// everything rewritten and the run audited.
func anonymise(wt *wtx, w store.Watch, pages *pageCounter) (model.RetentionRun, error) {
	tx := wt.tx
	today := model.DateOf(wt.now)
	cases, err := casesPast(tx, today)
	if err != nil {
		return model.RetentionRun{}, err
	}
	hotspots := make([]model.Hotspot, len(cases.plan.Cases))
	for i, c := range cases.plan.Cases {
		hotspots[i] = c.Hotspot
	}
	er := model.NewErasure(hotspots, today, cases.plan.Years)
	live := func(id model.ID) *model.Action {
		var a model.Action
		if get(tx, store.KindActions, id, &a) != nil {
			return nil
		}
		return &a
	}
	for i, r := range cases.records {
		for _, id := range r.actions {
			er.Learn(model.Action{ID: id, HotspotID: hotspots[i].ID}, live(id))
		}
	}
	x := &rewrite{tx: tx, er: er, live: live, w: w, pages: pages}
	if err := x.trail(); err != nil {
		return model.RetentionRun{}, err
	}
	if err := x.frozen(); err != nil {
		return model.RetentionRun{}, err
	}
	run := model.RetentionRun{Years: cases.plan.Years}
	if err := x.liveRecords(hotspots, &run); err != nil {
		return model.RetentionRun{}, err
	}
	if err := w.Step(store.Step{What: "writing the anonymised record"}); err != nil {
		return run, err
	}
	for _, ev := range x.events {
		if err := putJSON(tx, store.KindAudit, ev.id, ev.payload); err != nil {
			return run, err
		}
	}
	for _, id := range x.snapshots {
		snap, _, err := readSnapshot(tx, id)
		if err != nil {
			return run, err
		}
		er.Record(&snap.Record, live)
		if err := putSnapshot(tx, snap); err != nil {
			return run, err
		}
		run.Frozen = append(run.Frozen, model.MeetingRef(id))
	}
	run.Events = len(x.events)
	for _, id := range er.Kept() {
		run.Kept = append(run.Kept, model.ActionRef(id))
	}
	for i, c := range cases.plan.Cases {
		r := cases.records[i]
		said := model.RetentionCaseAudit{Closed: c.Hotspot.Closed, Years: cases.plan.Years, Updates: len(r.updates),
			Actions: refs(r.actions, model.ActionRef), Decisions: refs(r.decisions, model.DecisionRef),
			Notes: refs(r.notes, model.NoteRef), Powers: refs(r.powers, model.PowerRef)}
		if err := wt.audit(model.OpRetentionCase, "hotspot", c.Hotspot.Ref(), nil, said); err != nil {
			return run, err
		}
		run.Cases = append(run.Cases, c.Hotspot.Ref())
	}
	// The run's event is the change's last: it carries the sums of every
	// record and event rewritten (txlog.go).
	return run, wt.audit(model.OpRetentionRun, "retention", "", nil, run)
}

func refs(ids []model.ID, ref func(model.ID) string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ref(id)
	}
	return out
}

// rewrite gathers what an anonymisation rewrites before any of it is
// written (a bucket is not written while it is walked).
type rewrite struct {
	tx        *txn
	er        *model.Erasure
	live      func(model.ID) *model.Action
	w         store.Watch
	events    []rewritten
	snapshots []model.ID // the meetings whose frozen records hold the cases'
	// pages hands back the map's pages as the walks go (pages.go): a
	// decade's trail is most of the file.
	pages *pageCounter
}

type rewritten struct {
	id      model.ID
	payload []byte
}

// trail reads every audit event, oldest first (so an action is learnt from
// its first image, before its updates), and gathers those whose images the
// erasure changes.
func (x *rewrite) trail() error {
	head, err := headOf(x.tx)
	if err != nil {
		return err
	}
	total := int64(head.Event) // events are numbered from 1, none skipped
	var done int64
	var failed error
	err = walkKind(x.tx, store.KindAudit, readImages, func(key model.ID, d eventImages) {
		if failed != nil {
			return
		}
		x.pages.read(1)
		if done++; done%2048 == 0 {
			if failed = x.w.Step(store.Step{What: "reading the audit trail", Done: done, Total: total, Unit: "events"}); failed != nil {
				return
			}
		}
		if d.err != nil {
			failed = fmt.Errorf("reading audit #%d: %w", key, d.err)
			return
		}
		before, bChanged, err := x.eraseImage(d.e, d.before, d.e.Before)
		if err != nil {
			failed = err
			return
		}
		after, aChanged, err := x.eraseImage(d.e, d.after, d.e.After)
		if err != nil {
			failed = err
			return
		}
		if !bChanged && !aChanged {
			return
		}
		e := d.e
		if !e.Erased {
			e.Erased, e.BeforeSum, e.AfterSum = true, imageSum(e.Before), imageSum(e.After)
		}
		e.Before, e.After = before, after
		payload, err := json.Marshal(e)
		if err != nil {
			failed = err
			return
		}
		x.events = append(x.events, rewritten{id: e.ID, payload: payload})
	})
	if err != nil {
		return err
	}
	return failed
}

// eraseImage is raw, an image of event e with ids, with the erasure's
// changes, and whether there were any.
func (x *rewrite) eraseImage(e model.AuditEvent, ids imageIDs, raw json.RawMessage) (json.RawMessage, bool, error) {
	if len(raw) == 0 || !mayHold(x.er, e.Entity, ids) {
		return raw, false, nil
	}
	v := imageOf(e.Entity, e.Op, raw)
	if v == nil {
		return raw, false, nil
	}
	was, err := json.Marshal(v)
	if err != nil {
		return raw, false, err
	}
	if !x.eraseRecord(v) {
		return raw, false, nil
	}
	now, err := json.Marshal(v)
	if err != nil || bytes.Equal(was, now) {
		return raw, false, err
	}
	return now, true, nil
}

// eraseRecord asks the erasure about one record as an image shows it.
func (x *rewrite) eraseRecord(v any) bool {
	er := x.er
	switch r := v.(type) {
	case *model.Hotspot:
		return er.Hotspot(r)
	case *model.Action:
		if er.Learns(*r) {
			er.Learn(*r, x.live(r.ID))
		}
		return er.Action(r)
	case *model.ActionUpdate:
		return er.Update(r)
	case *model.Decision:
		return er.Decision(r)
	case *model.Note:
		return er.Note(r)
	case *model.Power:
		return er.Power(r)
	case *model.Amendment:
		return er.Amendment(r)
	case *model.Declaration:
		return er.Declaration(r)
	case *withdrawnDeclaration:
		return er.Declaration(&r.Declaration)
	case *model.Meeting:
		return er.Meeting(r)
	}
	return false
}

// frozen finds the closed meetings' frozen records that hold the cases'
// records (read on every core): the erasure learns from them, and each is
// read again and rewritten, one at a time, once the walk is over.
func (x *rewrite) frozen() error {
	total := int64(len(heldDates(x.tx))) // a frozen record for each meeting held
	var done int64
	var failed error
	// A few at a time: each is a meeting's whole record.
	err := walkKindBy(x.tx, store.KindSnapshots, 4*runtime.GOMAXPROCS(0), func(_ model.ID, doc store.Doc) (d decodedSnapshot) {
		d.err = decodeDoc(doc, &d.snap)
		return d
	}, func(id model.ID, d decodedSnapshot) {
		if failed != nil {
			return
		}
		x.pages.read(releaseEvery / 16)
		if done++; done%16 == 0 {
			if failed = x.w.Step(store.Step{What: "reading the frozen meeting records", Done: done, Total: total, Unit: "meetings"}); failed != nil {
				return
			}
		}
		if d.err != nil {
			failed = fmt.Errorf("reading the frozen record of %s: %w", model.MeetingRef(id), d.err)
			return
		}
		if x.er.Record(&d.snap.Record, x.live) {
			x.snapshots = append(x.snapshots, id)
		}
	})
	if err != nil {
		return err
	}
	return failed
}

type decodedSnapshot struct {
	snap model.Snapshot
	err  error
}

// liveRecords anonymises the cases' records in the live record, counting
// them in run. Versions move on (a form still showing one is refused);
// the dates of each change stay as they were.
func (x *rewrite) liveRecords(hotspots []model.Hotspot, run *model.RetentionRun) error {
	tx, er := x.tx, x.er
	if err := x.w.Step(store.Step{What: "anonymising the live record"}); err != nil {
		return err
	}
	for _, h := range hotspots {
		er.Hotspot(&h)
		h.Version++
		if err := put(tx, store.KindHotspots, h.ID, h); err != nil {
			return err
		}
	}
	for _, id := range er.Actions() {
		var a model.Action
		if err := get(tx, store.KindActions, id, &a); err == store.ErrNotFound {
			continue // undone: only the trail knew it
		} else if err != nil {
			return err
		}
		if ours, err := x.putErased(store.KindActions, id, &a, func() bool { return er.Action(&a) }, func() { a.Version++ }); err != nil {
			return err
		} else if ours {
			run.Actions++
		}
		for _, uid := range indexed(tx, store.IdxUpdatesByAction, id) {
			var u model.ActionUpdate
			if err := get(tx, store.KindUpdates, uid, &u); err != nil {
				return err
			}
			if ours, err := x.putErased(store.KindUpdates, uid, &u, func() bool { return er.Update(&u) }, nil); err != nil {
				return err
			} else if ours {
				run.Updates++
			}
		}
	}
	for _, h := range hotspots {
		for _, id := range indexed(tx, store.IdxDecisionsHotspot, h.ID) {
			var d model.Decision
			if err := get(tx, store.KindDecisions, id, &d); err != nil {
				return err
			}
			if ours, err := x.putErased(store.KindDecisions, id, &d, func() bool { return er.Decision(&d) }, func() { d.Version++ }); err != nil {
				return err
			} else if ours {
				run.Decisions++
			}
		}
		for _, id := range indexed(tx, store.IdxNotesHotspot, h.ID) {
			var n model.Note
			if err := get(tx, store.KindNotes, id, &n); err != nil {
				return err
			}
			if ours, err := x.putErased(store.KindNotes, id, &n, func() bool { return er.Note(&n) }, func() { n.Version++ }); err != nil {
				return err
			} else if ours {
				run.Notes++
			}
		}
	}
	powers, err := allPowers(tx)
	if err != nil {
		return err
	}
	for _, p := range powers {
		if ours, err := x.putErased(store.KindPowers, p.ID, &p, func() bool { return er.Power(&p) }, func() { p.Version++ }); err != nil {
			return err
		} else if ours {
			run.Powers++
		}
	}
	amendments, err := all[model.Amendment](tx, store.KindAmendments)
	if err != nil {
		return err
	}
	for _, am := range amendments {
		if _, err := x.putErased(store.KindAmendments, am.ID, &am, func() bool { return er.Amendment(&am) }, nil); err != nil {
			return err
		}
	}
	meetings, err := all[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return err
	}
	for _, m := range meetings {
		if _, err := x.putErased(store.KindMeetings, m.ID, &m, func() bool { return er.Meeting(&m) }, func() { m.Version++ }); err != nil {
			return err
		}
	}
	return nil
}

// putErased asks erase of record v (id in bucket) and says whether it is
// the cases'; when that changes it, it is stored (bump, if given, moves
// its version on first).
func (x *rewrite) putErased(k store.Kind, id model.ID, v any, erase func() bool, bump func()) (bool, error) {
	was, err := json.Marshal(v)
	if err != nil {
		return false, err
	}
	if !erase() {
		return false, nil
	}
	if now, err := json.Marshal(v); err != nil || bytes.Equal(was, now) {
		return true, err
	}
	if bump != nil {
		bump()
	}
	return true, put(x.tx, k, id, v)
}

package record

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Streaming reads: what Actions returns, one action at a time, for the
// outputs that may hold a decade (exports, `actions --all`). Holding the
// whole list costs about 60 bytes an action (its place in the order and
// where its record lies), not the records: each is decoded when its turn
// comes, handed on and dropped.

// EachAction calls fn with every action the filter matches, in the order
// Actions returns them (overdue first, then by due date), and with its
// history when withHistory. It is one read transaction, so the list is one
// moment of the record; the histories come from one pass over their index,
// not a read per action. An error from fn stops the walk and is returned
// as it is.
func (s *Store) EachAction(f model.ActionFilter, withHistory bool, fn store.ActionFunc) error {
	var fnPanic any
	err := s.view(context.TODO(), func(tx *txn) error {
		rel := pagesOf(tx)
		order, err := placesInOrder(tx, f, rel)
		if err != nil {
			return err
		}
		var hist historyIndex
		if withHistory {
			if hist, err = readHistoryIndex(tx); err != nil {
				return err
			}
			rel.release()
		}
		for _, p := range order {
			var a model.Action
			if err := decodeDoc(p.doc, &a); err != nil {
				return fmt.Errorf("reading %s #%d: %w", store.KindActions, p.id, err)
			}
			var h []model.ActionUpdate
			if withHistory {
				if h, err = hist.of(tx, p.id); err != nil {
					return err
				}
			}
			if err := callAction(fn, a, h, &fnPanic); err != nil {
				return err
			}
			rel.read(1 + len(h))
		}
		return nil
	})
	if fnPanic != nil {
		panic(fnPanic) // the caller's, not a damaged page (guard.go)
	}
	return err
}

// errFnPanicked stops the walk when fn panics; the panic goes on after the
// transaction is closed.
var errFnPanicked = errors.New("panicked")

func callAction(fn store.ActionFunc, a model.Action, h []model.ActionUpdate, caught *any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			*caught, err = r, errFnPanicked
		}
	}()
	return fn(a, h)
}

// place is one action's place in the review order and its stored record.
type place struct {
	id      model.ID
	due     model.Date
	overdue bool
	doc     store.Doc // valid until the transaction ends
}

// placesInOrder is the actions the filter matches in model.ReviewOrder's
// order: each is decoded once here to match it and place it, then dropped.
func placesInOrder(tx *txn, f model.ActionFilter, rel *pageCounter) ([]place, error) {
	ids, err := actionIDsFor(tx, f)
	if err != nil {
		return nil, err
	}
	out := make([]place, 0, len(ids))
	for _, id := range ids {
		d, err := tx.tx.Get(tx.ctx, store.KindActions, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("%s #%d is indexed but missing: run `tasking check`", store.KindActions, id)
		} else if err != nil {
			return nil, err
		}
		var a model.Action
		if err := decodeDoc(d, &a); err != nil {
			return nil, fmt.Errorf("reading %s #%d: %w", store.KindActions, id, err)
		}
		if f.Match(a) {
			out = append(out, place{id: a.ID, due: a.Due, overdue: a.IsOverdue(f.Today), doc: d})
		}
		rel.read(1)
	}
	// model.ReviewOrder, on what it compares (TestEachActionIsActions
	// holds the two together): overdue first, then due, then ID.
	slices.SortFunc(out, func(x, y place) int {
		switch {
		case x.overdue != y.overdue:
			if x.overdue {
				return -1
			}
			return 1
		case x.due != y.due:
			return x.due.Compare(y.due)
		}
		return cmp.Compare(x.id, y.id)
	})
	return out, nil
}

// historyIndex is idx_updates_action read in one pass, keys only: every
// action's update IDs, in one slice, and where each action's run starts.
type historyIndex struct {
	actions []model.ID // in key order: ascending
	starts  []int      // actions[i]'s updates are updates[starts[i]:starts[i+1]]
	updates []model.ID
}

func readHistoryIndex(tx *txn) (historyIndex, error) {
	var h historyIndex
	err := tx.scan(store.IdxUpdatesByAction, nil, nil, store.Forward, func(k, _ []byte) error {
		if len(k) != 16 {
			return nil // not an entry this index makes: `tasking check` says so
		}
		action := store.KeyID(k[:8])
		if n := len(h.actions); n == 0 || h.actions[n-1] != action {
			h.actions = append(h.actions, action)
			h.starts = append(h.starts, len(h.updates))
		}
		h.updates = append(h.updates, store.KeyID(k))
		return nil
	})
	h.starts = append(h.starts, len(h.updates))
	return h, err
}

// of is one action's history, oldest first, as ActionHistory reads it.
func (h historyIndex) of(tx *txn, action model.ID) ([]model.ActionUpdate, error) {
	i, found := slices.BinarySearch(h.actions, action)
	if !found {
		return nil, nil
	}
	out, err := records[model.ActionUpdate](tx, store.KindUpdates, h.updates[h.starts[i]:h.starts[i+1]])
	if err != nil {
		return nil, err
	}
	sortHistory(out)
	return out, nil
}

// sortHistory puts updates in the order things happened (records loaded in
// bulk may not be in ID order).
func sortHistory(us []model.ActionUpdate) {
	slices.SortStableFunc(us, func(a, b model.ActionUpdate) int { return a.At.Compare(b.At) })
}

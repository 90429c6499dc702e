package server

import (
	"reflect"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// guarded runs an app or wall so that a panic in it — in Init, Update,
// View or a command it returns — is recovered here, where the session logs
// it by type and stack like any other, and ends that program only. Bubble
// Tea's own recovery would print the panic's value to the server's
// standard error, which is its journal, and the value can be text.
type guarded struct {
	m    tea.Model
	trip *tripwire
}

// tripwire is shared by a guarded model and every command it returns.
type tripwire struct {
	hit  atomic.Bool
	once sync.Once
	// caught hears the first panic (from inside the recover, so a stack
	// taken there shows where it happened); the session logs it and ends
	// the program. It must not block: View and Update run on the program's
	// own loop.
	caught func(r any)
}

// panickedMsg tells the model a command it returned panicked.
type panickedMsg struct{}

func guardModel(m tea.Model, caught func(r any)) guarded {
	return guarded{m: m, trip: &tripwire{caught: caught}}
}

func (t *tripwire) catch(r any) {
	t.hit.Store(true)
	t.once.Do(func() { t.caught(r) })
}

func (g guarded) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.trip.catch(r)
			cmd = tea.Quit
		}
	}()
	return g.trip.wrap(g.m.Init())
}

func (g guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	// After a panic the model is in no known state: it is told nothing
	// more, and the program ends.
	if _, ok := msg.(panickedMsg); ok || g.trip.hit.Load() {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.trip.catch(r)
			m, cmd = g, tea.Quit
		}
	}()
	inner, c := g.m.Update(msg)
	return guarded{m: inner, trip: g.trip}, g.trip.wrap(c)
}

func (g guarded) View() (v tea.View) {
	if g.trip.hit.Load() {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.trip.catch(r) // the session ends the program: View cannot
			v = tea.NewView("")
		}
	}()
	return g.m.View()
}

// wrap runs c with the same guard.
func (t *tripwire) wrap(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				t.catch(r)
				msg = panickedMsg{}
			}
		}()
		return t.wrapInside(c())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapInside guards the commands inside a batch or a sequence, which Bubble
// Tea runs on goroutines of its own. A sequence's type is unexported, so
// any slice of commands is copied, into its own type, with each command
// wrapped.
func (t *tripwire) wrapInside(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		if w := t.wrap(c); w != nil {
			out.Index(i).Set(reflect.ValueOf(w))
		}
	}
	return out.Interface()
}

package tui

import "testing"

// The app's draft is the typing in its topmost form that has any, not one
// being saved; offered back and armed with r, it fills the same form (by
// title) when that opens, and tells the keeper it is used.
func TestADraftGoesBackIntoItsForm(t *testing.T) {
	s := demoStore(t)
	a := New(Config{Store: s, Actor: chairOf(t, s), Now: fixedClock})
	defer a.Close()
	if _, ok := a.Draft(); ok {
		t.Fatal("an app with no form open has a draft")
	}
	form := func(title string) *form {
		f := newForm(title, formContext{}, nil)
		f.longText("text", "Progress", "", "")
		f.toggle("private", "Private", false, "")
		return f
	}
	under, top := form("Under"), form("Progress update · A-12")
	a.push(under)
	a.push(top)
	under.fields[0].input.SetValue("typed below")
	if d, ok := a.Draft(); !ok || d.Form != "Under" {
		t.Errorf("the only form with typing: %+v %v", d, ok)
	}
	top.fields[0].input.SetValue("Letters sent")
	top.fields[1].on = true
	d, ok := a.Draft()
	if !ok || d.Form != "Progress update · A-12" || d.Fields[0].Value != "Letters sent" || d.Fields[1].Value != "yes" {
		t.Errorf("the top form's typing: %+v %v", d, ok)
	}
	top.busy = true // being saved: Close finishes it
	if d, _ = a.Draft(); d.Form != "Under" {
		t.Errorf("a form being saved was taken as a draft: %+v", d)
	}

	used := false
	b := New(Config{Store: s, Actor: chairOf(t, s), Now: fixedClock, Draft: &d, DraftDone: func() { used = true }})
	defer b.Close()
	if _, ok := b.top().(*draftOffer); !ok {
		t.Fatal("the draft is not offered")
	}
	b.overlayKey(keyPress("r"))
	other := form("Add a guest")
	b.push(other)
	if other.fields[0].input.Value() != "" || used {
		t.Error("another form was filled with the draft")
	}
	same := form("Under")
	b.push(same)
	if same.fields[0].input.Value() != "typed below" || !used {
		t.Errorf("the same form opened again holds %q (used %v)", same.fields[0].input.Value(), used)
	}
	if _, ok := b.Draft(); !ok {
		t.Error("the refilled form's typing is a draft again")
	}
}

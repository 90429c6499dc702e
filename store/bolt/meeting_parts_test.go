package bolt

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Every form on a part of the meeting (an item's Part 2 and budget, the
// guests, a person's declarations) saves against the part it showed:
// someone else's change to that part meanwhile refuses the save, naming
// them and saying what it is now; a change elsewhere in the meeting lets
// it through; the deliberate second save, against the part as it is now,
// goes through.
func TestMeetingFormsSaveAgainstThePartTheyShowed(t *testing.T) {
	other := model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleAdmin, AgencyID: 2}
	type form struct {
		shown func(m model.Meeting) model.MeetingPart
		save  func(s *File, m model.Meeting, shown *model.MeetingPart) error
	}
	item := func(kind model.MeetingPartKind, ref string) func(m model.Meeting) model.MeetingPart {
		return func(m model.Meeting) model.MeetingPart {
			i, err := m.FindItem(ref)
			if err != nil {
				t.Fatal(err)
			}
			return m.ItemPart(kind, i)
		}
	}
	budget := form{item(model.PartItemBudget, "HS-1"), func(s *File, m model.Meeting, p *model.MeetingPart) error {
		_, err := s.SetItemBudget(chair, m.ID, p.Index, p, 20)
		return err
	}}
	part2 := form{item(model.PartItemPart2, "HS-1"), func(s *File, m model.Meeting, p *model.MeetingPart) error {
		_, err := s.SetItemPart2(chair, m.ID, p.Index, p, true, model.ParaIndividual)
		return err
	}}
	guest := form{model.Meeting.GuestsPart, func(s *File, m model.Meeting, p *model.MeetingPart) error {
		_, err := s.AddGuest(chair, m.ID, p, model.Guest{Name: "Dr Kim Reyes", Agency: "Testshire University"})
		return err
	}}
	declare := form{func(m model.Meeting) model.MeetingPart { return m.DeclarationsPart(other.Name) },
		func(s *File, m model.Meeting, p *model.MeetingPart) error {
			_, err := s.AddDeclaration(chair, m.ID, other.MemberID, p, model.ItemHotspot, 1, "lives on the estate")
			return err
		}}
	guestDeclares := form{func(m model.Meeting) model.MeetingPart { return m.DeclarationsPart("Sam Okafor") },
		func(s *File, m model.Meeting, p *model.MeetingPart) error {
			_, err := s.AddGuestDeclaration(chair, m.ID, "Sam Okafor", p, "", 0, "a tenant")
			return err
		}}
	drop := form{item(model.PartAgendaItem, "HS-1"), func(s *File, m model.Meeting, p *model.MeetingPart) error {
		_, err := s.DropAgendaItem(chair, m.ID, p.Index, p)
		return err
	}}
	takeOff := form{func(m model.Meeting) model.MeetingPart { return m.GuestPart(0) },
		func(s *File, m model.Meeting, p *model.MeetingPart) error {
			_, err := s.RemoveGuest(chair, m.ID, p.Index, p)
			return err
		}}
	attendance := func(s *File, m model.Meeting) error {
		_, err := s.SetAttendance(other, m.ID, 3, model.Apologies)
		return err
	}
	tests := []struct {
		name      string
		form      form
		meanwhile func(s *File, m model.Meeting) error
		want      string // the refusal's words; "" when the save goes through
	}{
		{"budget, set meanwhile", budget, func(s *File, m model.Meeting) error {
			_, err := s.SetItemBudget(other, m.ID, budget.shown(m).Index, nil, 15)
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: HS-1 now has 15 minutes — not saved."},
		{"budget, attendance meanwhile", budget, attendance, ""},
		{"budget, the item moved along (HS-2 taken in private, HS-1 after it)", form{item(model.PartItemBudget, "HS-2"), budget.save},
			func(s *File, m model.Meeting) error {
				_, err := s.SetItemPart2(other, m.ID, item(model.PartItemPart2, "HS-1")(m).Index, nil, true, 0)
				return err
			}, ""},
		{"part 2, taken in private meanwhile", part2, func(s *File, m model.Meeting) error {
			_, err := s.SetItemPart2(other, m.ID, part2.shown(m).Index, nil, true, model.ParaCrime)
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: HS-1 now taken in private (Part 2, paragraph 7) — not saved."},
		{"part 2, a budget meanwhile", part2, func(s *File, m model.Meeting) error {
			_, err := s.SetItemBudget(other, m.ID, part2.shown(m).Index, nil, 15)
			return err
		}, ""},
		{"guest, the same one added meanwhile", guest, func(s *File, m model.Meeting) error {
			_, err := s.AddGuest(other, m.ID, nil, model.Guest{Name: "Dr Kim Reyes", Agency: "Testshire University"})
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: guest added: Dr Kim Reyes (Testshire University) — not saved."},
		{"guest, a declaration meanwhile", guest, func(s *File, m model.Meeting) error {
			_, err := s.AddDeclaration(other, m.ID, 1, nil, "", 0, "a council tenant")
			return err
		}, ""},
		{"declaration, theirs recorded meanwhile", declare, func(s *File, m model.Meeting) error {
			_, err := s.AddDeclaration(other, m.ID, other.MemberID, nil, model.ItemHotspot, 1, "lives on the estate")
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: a declaration by Sgt Jas Patel recorded: lives on the estate — not saved."},
		{"declaration, someone else's meanwhile", declare, func(s *File, m model.Meeting) error {
			_, err := s.AddDeclaration(other, m.ID, 1, nil, "", 0, "a council tenant")
			return err
		}, ""},
		{"drop, the item dropped meanwhile", drop, func(s *File, m model.Meeting) error {
			_, err := s.DropAgendaItem(other, m.ID, drop.shown(m).Index, nil)
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: HS-1 is no longer on the agenda — not saved."},
		{"drop, the item taken in private meanwhile", drop, func(s *File, m model.Meeting) error {
			_, err := s.SetItemPart2(other, m.ID, drop.shown(m).Index, nil, true, model.ParaCrime)
			return err
		}, ""},
		{"taking a guest off, taken off meanwhile", takeOff, func(s *File, m model.Meeting) error {
			_, err := s.RemoveGuest(other, m.ID, 0, nil)
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: Sam Okafor (Royal Hospital) is no longer on the guest list — not saved."},
		{"a guest's declaration, withdrawn meanwhile", guestDeclares, func(s *File, m model.Meeting) error {
			_, err := s.WithdrawDeclaration(other, m.ID, 0)
			return err
		}, "M-1 was changed by Sgt Jas Patel at 10:00: a declaration by Sam Okafor (guest, Royal Hospital) withdrawn — not saved."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := openTiny(t)
			m, err := s.StartMeeting(chair, model.Date{})
			mustNoErr(t, err)
			_, err = s.AddGuest(chair, m.ID, nil, model.Guest{Name: "Sam Okafor", Agency: "Royal Hospital"})
			mustNoErr(t, err)
			m, err = s.AddGuestDeclaration(chair, m.ID, "Sam Okafor", nil, "", 0, "chairs the residents' association")
			mustNoErr(t, err)
			shown := tt.form.shown(m) // the form opens
			mustNoErr(t, tt.meanwhile(s, m))
			err = tt.form.save(s, m, &shown)
			if tt.want == "" {
				mustNoErr(t, err)
				return
			}
			var c *store.ConflictError
			if !errors.As(err, &c) || c.By != other.Name {
				t.Fatalf("a stale save: %v; want a conflict naming %s", err, other.Name)
			}
			if err.Error() != tt.want {
				t.Errorf("the refusal: %q\nwant %q", err.Error(), tt.want)
			}
			now, ok := c.Now.(model.MeetingPart)
			if !ok || now.Version != c.Version {
				t.Fatalf("the conflict's part now: %#v (version %d)", c.Now, c.Version)
			}
			if got := strings.Join(model.RecordChanges(shown, now), "; "); !strings.Contains(tt.want, got) || got == "" {
				t.Errorf("the form would say %q", got)
			}
			// The deliberate second save, against the part as it is now.
			if err := tt.form.save(s, m, &now); err != nil && errors.As(err, &c) {
				t.Errorf("the second save is refused again: %v", err)
			}
		})
	}
}

// A budget saved against an item that moved along the agenda meanwhile
// lands on that item, not on whichever now has its old number.
func TestABudgetFollowsItsItem(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	hs1, err := m.FindItem("HS-1")
	mustNoErr(t, err)
	hs2, err := m.FindItem("HS-2")
	mustNoErr(t, err)
	if hs2 < hs1 {
		t.Fatalf("the fixture's agenda: HS-1 at %d, HS-2 at %d", hs1, hs2)
	}
	shown := m.ItemPart(model.PartItemBudget, hs2)
	if _, err := s.SetItemPart2(chair, m.ID, hs1, nil, true, 0); err != nil {
		t.Fatal(err)
	}
	got, err := s.SetItemBudget(chair, m.ID, hs2, &shown, 12)
	mustNoErr(t, err)
	for _, it := range got.Agenda {
		want := 0
		if it.Kind == model.ItemHotspot && it.HotspotID == 2 {
			want = 12
		}
		if it.Budget != want {
			t.Errorf("%s %s: budget %d, want %d", it.Kind, model.HotspotRef(it.HotspotID), it.Budget, want)
		}
	}
}

// A drop, a move or a guest taken off names what the screen showed: when
// someone moved things meanwhile, it acts on that item or guest where it is
// now, never on whichever now has its old place.
func TestOneKeyChangesActOnWhatTheyShowed(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	hs1, err := m.FindItem("HS-1")
	mustNoErr(t, err)
	hs2, err := m.FindItem("HS-2")
	mustNoErr(t, err)
	if hs2 != hs1+1 {
		t.Fatalf("the fixture's agenda: HS-1 at %d, HS-2 at %d", hs1, hs2)
	}
	// The chair's screen shows HS-2 at hs2; meanwhile HS-1 is moved below it.
	dropShown := m.ItemPart(model.PartAgendaItem, hs2)
	if m, err = s.MoveAgendaItem(chair, m.ID, hs1, 1, nil); err != nil {
		t.Fatal(err)
	}
	if m, err = s.DropAgendaItem(chair, m.ID, hs2, &dropShown); err != nil {
		t.Fatal(err)
	}
	if _, err := m.FindItem("HS-2"); err == nil {
		t.Errorf("HS-2, shown and dropped, is still on the agenda")
	}
	if _, err := m.FindItem("HS-1"); err != nil {
		t.Errorf("HS-1, which had taken HS-2's old place, was dropped instead: %v", err)
	}

	for _, g := range []string{"Dr Kim Reyes", "Sam Okafor"} {
		if m, err = s.AddGuest(chair, m.ID, nil, model.Guest{Name: g, Agency: "Royal Hospital"}); err != nil {
			t.Fatal(err)
		}
	}
	takeOff := m.GuestPart(1) // Sam Okafor, as the screen shows the list
	if m, err = s.RemoveGuest(chair, m.ID, 0, nil); err != nil {
		t.Fatal(err)
	}
	if m, err = s.RemoveGuest(chair, m.ID, 1, &takeOff); err != nil {
		t.Fatal(err)
	}
	if len(m.Guests) != 0 {
		t.Errorf("the guests left: %v, want none", m.Guests)
	}
}

package minutes

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Accepting a rep's update and then changing the action's status in the
// same meeting are both minuted, in that order.
func TestMattersArisingMinutesEveryUpdate(t *testing.T) {
	s := openDemo(t)
	members, _ := s.Members()
	chairM, _ := model.FindMember(members, "Helen Marsh")
	chair := model.ActorFor(chairM)
	m, err := s.StartMeeting(chair, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := s.MeetingRecord(m.ID)
	var act model.Action
	for _, a := range rec.MattersArising() {
		if a.LastUpdate != "" && rec.Previous != nil && a.LastUpdateAt.After(rec.Previous.ClosedAt) && a.Status != model.StatusDone {
			act = a
			break
		}
	}
	if act.ID == 0 {
		t.Fatal("fixture: no action with news since the last meeting")
	}
	if _, err := s.AcceptUpdate(chair, act.ID, 0, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetActionStatus(chair, act.ID, 0, model.StatusDone, "", m.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ = s.MeetingRecord(m.ID)
	doc := Build(rec)
	for _, it := range doc.Items {
		for _, row := range it.Matters {
			if row.Ref != act.Ref() {
				continue
			}
			i, j := strings.Index(row.Update, "update accepted"), strings.Index(row.Update, "→ done")
			if i < 0 || j < 0 || j < i {
				t.Fatalf("the minutes row says %q", row.Update)
			}
			return
		}
	}
	t.Fatalf("%s is not in matters arising", act.Ref())
}

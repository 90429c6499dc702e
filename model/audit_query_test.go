package model

import (
	"encoding/json"
	"testing"
	"time"
)

func TestAuditQueryMatch(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	image := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	onHS3 := AuditEvent{Op: "action.assign", Entity: "action", Ref: "A-7", At: at, By: "Helen Marsh", ByID: 1,
		After: image(Action{ID: 7, HotspotID: 3})}
	hs3 := AuditEvent{Op: "hotspot.risk", Entity: "hotspot", Ref: "HS-3", At: at, By: "Tom Okafor", ByID: 2}
	general := AuditEvent{Op: "action.assign", Entity: "action", Ref: "A-8", At: at, By: "Helen Marsh", ByID: 1,
		After: image(Action{ID: 8})}
	noteOnHS3 := AuditEvent{Op: "note.amend", Entity: "note", Ref: "N-2", At: at, By: "Tom Okafor", ByID: 2,
		Before: image(Note{ID: 2, HotspotID: 3})}
	legacy := AuditEvent{Op: "action.words", Entity: "action", Ref: "A-8", At: at, By: "helen marsh"}
	seal := AuditEvent{Op: OpRecordSeal, At: at}
	yesterday := AuditEvent{Op: "action.words", Entity: "action", Ref: "A-7", At: at.AddDate(0, 0, -1), By: "Helen Marsh", ByID: 1}
	tests := []struct {
		name string
		q    AuditQuery
		e    AuditEvent
		want bool
	}{
		{"everything", AuditQuery{}, onHS3, true},
		{"never a seal event", AuditQuery{}, seal, false},
		{"the action", AuditQuery{Action: "A-7"}, onHS3, true},
		{"another action", AuditQuery{Action: "A-7"}, general, false},
		{"the hotspot itself", AuditQuery{Hotspot: 3}, hs3, true},
		{"an action on the hotspot", AuditQuery{Hotspot: 3}, onHS3, true},
		{"a note on it, from its before image", AuditQuery{Hotspot: 3}, noteOnHS3, true},
		{"a general action is on no hotspot", AuditQuery{Hotspot: 3}, general, false},
		{"the member by ID", AuditQuery{Member: 1, MemberName: "Helen Marsh"}, onHS3, true},
		{"another member", AuditQuery{Member: 1, MemberName: "Helen Marsh"}, hs3, false},
		{"an event from before IDs, by name", AuditQuery{Member: 1, MemberName: "Helen Marsh"}, legacy, true},
		{"since the day", AuditQuery{Since: DateOf(at)}, onHS3, true},
		{"before the day", AuditQuery{Since: DateOf(at)}, yesterday, false},
		{"both: action and member", AuditQuery{Action: "A-7", Member: 2, MemberName: "Tom Okafor"}, onHS3, false},
	}
	for _, tt := range tests {
		if got := tt.q.Match(tt.e); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

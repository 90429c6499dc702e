package model

import (
	"encoding/json"
	"testing"
)

// A stored date reads the same whether it is written plainly (the fast
// path) or with escapes (through the decoder).
func TestDateReadsFromJSON(t *testing.T) {
	want := NewDate(2026, 12, 7)
	for _, tc := range []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{`"2026-12-07"`, want, false},
		{`"\u0032026-12-07"`, want, false},
		{`""`, Date{}, false},
		{`"2026-02-30"`, Date{}, true},
		{`"not a date"`, Date{}, true},
		{`"2026-12-07\"`, Date{}, true},
		{`2026`, Date{}, true},
	} {
		var d Date
		err := json.Unmarshal([]byte(tc.in), &d)
		if (err != nil) != tc.wantErr || (err == nil && d != tc.want) {
			t.Errorf("%s: %+v, %v; want %+v (error %v)", tc.in, d, err, tc.want, tc.wantErr)
		}
	}
}

package model

import "testing"

func TestRefs(t *testing.T) {
	if HotspotRef(12) != "HS-12" || ActionRef(104) != "A-104" || MeetingRef(3) != "M-3" || HotspotRef(0) != "" {
		t.Fatal("format")
	}
	tests := []struct {
		prefix, in string
		want       ID
		wantErr    bool
	}{
		{HotspotPrefix, "HS-12", 12, false},
		{HotspotPrefix, "hs12", 12, false},
		{HotspotPrefix, " HS 7 ", 7, false},
		{HotspotPrefix, "12", 12, false},
		{ActionPrefix, "A-104", 104, false},
		{ActionPrefix, "a-104", 104, false},
		{HotspotPrefix, "A-3", 0, true},
		{ActionPrefix, "HS-3", 0, true},
		{ActionPrefix, "A-0", 0, true},
		{ActionPrefix, "A-", 0, true},
		{ActionPrefix, "A-1x", 0, true},
		{MeetingPrefix, "M-2", 2, false},
	}
	for _, tt := range tests {
		got, err := ParseRef(tt.prefix, tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRef(%s, %q) = %d, %v", tt.prefix, tt.in, got, err)
		}
	}
}

package minutes

import (
	"testing"

	"github.com/ccsp/tasking/model"
)

func TestFileName(t *testing.T) {
	dated := model.Meeting{ID: 6, Date: model.MustDate("2026-11-24")}
	tests := []struct {
		name string
		m    model.Meeting
		ext  string
		want string
	}{
		{"markdown", dated, "md", "minutes-2026-11-24.md"},
		{"other formats", dated, "html", "minutes-2026-11-24.html"},
		{"a leading dot is tolerated", dated, ".json", "minutes-2026-11-24.json"},
		{"no extension means markdown", dated, "", "minutes-2026-11-24.md"},
		{"an undated meeting is named by its ref", model.Meeting{ID: 6}, "md", "minutes-M-6.md"},
		{"nothing to go on", model.Meeting{}, "txt", "minutes.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FileName(tt.m, tt.ext); got != tt.want {
				t.Errorf("FileName(%v, %q) = %q, want %q", tt.m.Date, tt.ext, got, tt.want)
			}
		})
	}
}

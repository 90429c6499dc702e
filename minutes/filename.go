package minutes

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// FileName is the default file name for a meeting's minutes:
// "minutes-2026-11-24.md" for ext "md". ext is given without the dot (a
// leading one is tolerated); empty means "md". A meeting without a date (it
// should not happen) is named by its ref instead, so the name is never
// "minutes-.md".
func FileName(m model.Meeting, ext string) string {
	ext = strings.TrimPrefix(strings.TrimSpace(ext), ".")
	if ext == "" {
		ext = "md"
	}
	stem := "minutes"
	switch {
	case !m.Date.IsZero():
		stem += "-" + m.Date.String()
	case m.ID != 0:
		stem += "-" + m.Ref()
	}
	return stem + "." + ext
}

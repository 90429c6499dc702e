package minutes

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// The powers in force at a hotspot are listed under its facts, in every
// format: the restricted minutes give each, a person-directed one marked
// private; the public minutes give only the place-based ones, without the
// officer who authorised them. The JSON validates.
func TestPowersInForceAreMinuted(t *testing.T) {
	rec := fixtureRecord()
	start := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	rec.Powers = []model.Power{
		{ID: 2, Kind: model.PowerPSPO, HotspotID: 1, AgencyID: 1, Start: start, AuthorisedBy: "Cabinet, minute 112", Terms: "No drinking in the town centre."},
		{ID: 3, Kind: model.PowerCPN, HotspotID: 1, AgencyID: 3, Start: start.AddDate(0, 10, 0), AuthorisedBy: "ASB officer", Terms: "No music after 23:00",
			Privacy: model.PrivateUnder(model.ParaIndividual)},
		{ID: 4, Kind: model.PowerDispersal, HotspotID: 9, AgencyID: 2, Start: start, AuthorisedBy: "Insp Dunn"}, // not on the agenda
	}
	sch := compileSchema(t)
	for _, f := range Formats {
		for _, public := range []bool{false, true} {
			b, err := Render(rec, f, Options{Public: public})
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			switch f {
			case DOCX:
				got = docxText(t, b)
			case JSON:
				validate(t, sch, b)
			case TXT:
				got = strings.Join(strings.Fields(got), " ") // unwrapped
			}
			pspo := "Public Spaces Protection Order (P-2), from 10 Jan 2026 to 10 Jan 2029, authorised by Cabinet, minute 112: No drinking in the town centre"
			if public {
				pspo = "Public Spaces Protection Order (P-2), from 10 Jan 2026 to 10 Jan 2029: No drinking in the town centre"
			}
			if f != JSON && !strings.Contains(got, "Powers in force:") || !strings.Contains(got, pspo) {
				t.Errorf("%s public=%v: the PSPO is not minuted as %q:\n%s", f, public, pspo, got)
			}
			cpn := strings.Contains(got, "Community Protection Notice (P-3)")
			if public && (cpn || strings.Contains(got, "No music") || strings.Contains(got, "Cabinet")) {
				t.Errorf("%s public: a notice against a person, or an officer, is minuted", f)
			}
			if !public && (!cpn || !strings.Contains(got, "private, para 1")) {
				t.Errorf("%s restricted: the CPN is not minuted, marked", f)
			}
			if strings.Contains(got, "P-4") {
				t.Errorf("%s: a power at a hotspot not on the agenda is minuted", f)
			}
		}
	}
}

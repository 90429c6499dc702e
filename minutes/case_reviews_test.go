package minutes

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// The ASB case reviews item is minuted in Part 2: the restricted minutes
// list each case review in full, marked private, in every format; the
// public minutes keep its number under a neutral heading and nothing of
// it. The JSON validates.
func TestCaseReviewsAreMinutedInPart2Only(t *testing.T) {
	rec := fixtureRecord()
	rec.Meeting.Agenda = model.WithCaseReviews(rec.Meeting.Agenda, 1)
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	c := model.NewCaseReview{ApplicantRef: "CT-2026-014", Complaints: 4, Received: model.MustDate("2026-11-20"), Summary: "Noise from the flat above"}.
		Recorded(2, model.DefaultTrigger, 0, model.Actor{Name: "Helen Marsh"}, at)
	if err := c.Decide(model.MustDate("2026-11-23"), true, "Repeat victim"); err != nil {
		t.Fatal(err)
	}
	rec.CaseReviews = []model.CaseReview{c}
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
			words := []string{"CT-2026-014", "Noise from the flat above", "Repeat victim", "CR-2"}
			if public {
				for _, w := range words {
					if strings.Contains(got, w) {
						t.Errorf("%s public holds %q", f, w)
					}
				}
				if f != JSON && !strings.Contains(got, "Exempt item – information relating to an individual") {
					t.Errorf("%s public: no exempt heading for the case reviews", f)
				}
				continue
			}
			for _, w := range append(words, "ASB case reviews", "4 complaints (threshold 3 complaints in 6 months)", "threshold met 23 Nov 2026", "private, para 1") {
				if !strings.Contains(got, w) {
					t.Errorf("%s restricted does not hold %q:\n%s", f, w, got)
				}
			}
		}
	}
}

package model

import "testing"

func TestNewHotspotPart2(t *testing.T) {
	tests := []struct {
		c     Category
		part2 bool
		para  ExemptParagraph
	}{
		{CategoryPersonal, true, ParaIndividual},
		{CategoryNuisance, false, 0},
		{CategoryEnvironmental, false, 0},
	}
	for _, tt := range tests {
		if part2, para := NewHotspotPart2(tt.c); part2 != tt.part2 || para != tt.para {
			t.Errorf("NewHotspotPart2(%s) = %v, %d; want %v, %d", tt.c, part2, para, tt.part2, tt.para)
		}
	}
}

func TestHotspotPart2Paragraph(t *testing.T) {
	personal := Hotspot{ID: 4, Category: CategoryPersonal}
	nuisance := Hotspot{ID: 5, Category: CategoryNuisance}
	tests := []struct {
		name    string
		h       Hotspot
		part2   bool
		para    ExemptParagraph
		want    ExemptParagraph
		wantErr string
	}{
		{"the chair's choice", nuisance, true, ParaIdentity, ParaIdentity, ""},
		{"nuisance defaults to crime", nuisance, true, 0, ParaCrime, ""},
		{"personal defaults to an individual", personal, true, 0, ParaIndividual, ""},
		{"a paragraph it was given before", Hotspot{ID: 5, Category: CategoryNuisance, Paragraph: ParaIdentity}, true, 0, ParaIdentity, ""},
		{"nuisance back to Part 1", nuisance, false, 0, ParaCrime, ""},
		{"personal never back to Part 1", personal, false, 0, 0, "HS-4 is personal ASB (about named people): it is always taken in private"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.h.Part2Paragraph(tt.part2, tt.para)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("paragraph = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestHotspotFollowItem(t *testing.T) {
	tests := []struct {
		name      string
		from      Hotspot
		part2     bool
		para      ExemptParagraph
		wantPart2 bool
		wantPara  ExemptParagraph
	}{
		{"into Part 2", Hotspot{}, true, ParaCrime, true, ParaCrime},
		{"a new paragraph", Hotspot{Part2: true, Paragraph: ParaCrime}, true, ParaIdentity, true, ParaIdentity},
		{"back into Part 1 has no paragraph", Hotspot{Part2: true, Paragraph: ParaCrime}, false, ParaCrime, false, 0},
	}
	for _, tt := range tests {
		h := tt.from
		h.FollowItem(tt.part2, tt.para)
		if h.Part2 != tt.wantPart2 || h.Paragraph != tt.wantPara {
			t.Errorf("%s: Part2 %v para %d, want %v %d", tt.name, h.Part2, h.Paragraph, tt.wantPart2, tt.wantPara)
		}
	}
}

package demo

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
)

// Chesterfield's 2025 electoral wards (ONS, Open Government Licence v3.0),
// copied from ../shared/data/police-uk/. The demo's hotspots sit in these.
//
//go:embed data/chesterfield_wards_2025.csv
var wardsCSV string

// Ward is one row of the ONS ward file.
type Ward struct {
	Code, Name string
	Lon, Lat   float64
}

// Wards parses the embedded ward list.
func Wards() ([]Ward, error) {
	rows, err := csv.NewReader(strings.NewReader(wardsCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 || rows[0][0] != "WD25CD" || rows[0][1] != "WD25NM" {
		return nil, fmt.Errorf("unexpected ward file header %v", rows[0])
	}
	var out []Ward
	for _, r := range rows[1:] {
		var w Ward
		w.Code, w.Name = r[0], r[1]
		fmt.Sscan(r[4], &w.Lon)
		fmt.Sscan(r[5], &w.Lat)
		out = append(out, w)
	}
	return out, nil
}

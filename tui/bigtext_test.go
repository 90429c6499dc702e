package tui

import (
	"reflect"
	"testing"
)

// The wall's large letters are FIGlet's standard font laid side by side,
// blank rows dropped; a character the font does not have is a '?'.
func TestBigText(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []string
	}{
		{"Item 1", []string{
			"  ___   _                          _",
			" |_ _| | |_    ___   _ __ ___     / |",
			"  | |  | __|  / _ \\ | '_ ` _ \\    | |",
			"  | |  | |_  |  __/ | | | | | |   | |",
			" |___|  \\__|  \\___| |_| |_| |_|   |_|"}},
		{"Agenda", []string{
			"     _                                 _",
			"    / \\      __ _    ___   _ __     __| |   __ _",
			"   / _ \\    / _` |  / _ \\ | '_ \\   / _` |  / _` |",
			"  / ___ \\  | (_| | |  __/ | | | | | (_| | | (_| |",
			" /_/   \\_\\  \\__, |  \\___| |_| |_|  \\__,_|  \\__,_|",
			"            |___/"}},
		{"é", bigText("?")},
	} {
		if got := bigText(c.s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("bigText(%q) =\n%#v\nwant\n%#v", c.s, got, c.want)
		}
	}
	if q := bigText("?"); len(q) < 4 {
		t.Errorf("'?' in large letters is %q", q)
	}
}

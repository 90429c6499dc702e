package server

import (
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// counter is a model that shows how many keys it has had, and counts its
// drawings.
type counter struct {
	keys  int
	drawn *int
}

func (c counter) Init() tea.Cmd { return nil }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		c.keys++
	}
	return c, nil
}

func (c counter) View() tea.View {
	*c.drawn++
	return tea.NewView(strconv.Itoa(c.keys))
}

// A paced program draws once a frame however many keys come, asks for
// one redraw when it skips, and that redraw shows the last key.
func TestPacingDrawsOnceAFrameAndTheLastKey(t *testing.T) {
	clock := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	drawn := 0
	var m tea.Model = pace(counter{drawn: &drawn}, 50*time.Millisecond)
	m.(paced).st.now = func() time.Time { return clock }
	if v := m.View(); v.Content != "0" || drawn != 1 {
		t.Fatalf("the first drawing: %q, %d drawn", v.Content, drawn)
	}
	redraws := 0
	for range 1000 { // a paste's key presses, all within the frame
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
		if cmd != nil {
			redraws++
		}
		m.View()
	}
	if drawn != 1 || redraws != 1 {
		t.Errorf("1000 keys within a frame: drawn %d more times, %d redraws asked for; want 0 and 1", drawn-1, redraws)
	}
	clock = clock.Add(50 * time.Millisecond)
	m, _ = m.Update(redrawMsg{})
	if v := m.View(); v.Content != "1000" || drawn != 2 {
		t.Errorf("the redraw at the frame's end shows %q (%d drawings), want 1000", v.Content, drawn)
	}
	// Nothing new: nothing drawn.
	clock = clock.Add(time.Second)
	m.View()
	if drawn != 2 {
		t.Errorf("an unchanged screen was drawn again")
	}
}

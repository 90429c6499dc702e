package store

// Problem is one thing `tasking check` found wrong with the record.
type Problem struct {
	Where string // "actions #12", "idx_actions_open"
	What  string
}

func (p Problem) String() string { return p.Where + ": " + p.What }

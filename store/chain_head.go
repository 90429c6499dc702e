package store

import (
	"fmt"

	"github.com/ccsp/tasking/model"
)

// ChainHead is the head of the audit chain now: the newest event's ID and
// its Chain, as kept in frozen records, JSON minutes and backup manifests.
type ChainHead struct {
	Event model.ID
	Chain []byte
}

func (h ChainHead) String() string {
	if h.Event == 0 {
		return "empty"
	}
	return fmt.Sprintf("event %d, %x", h.Event, h.Chain)
}

// ChainReport is what walking the chain found.
type ChainReport struct {
	Events  int // events walked
	Erased  int // events whose content retention erased (links still checked)
	Records int // records checked against the sums the chain holds
	Head    ChainHead
	// Problems, in the order found; the first names the first broken
	// link.
	Problems []string
}

package main

import (
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// minutedWrite opens the record to write as the person at the keyboard
// and calls fn with the meeting under way (0: none): a change to a
// hotspot, a power or a case review made while a meeting is open is
// minuted under its item there.
func (a *app) minutedWrite(cmd *cobra.Command, fn func(s store.Record, actor model.Actor, meetingID model.ID) error) error {
	s, actor, err := a.openWriter(cmd)
	if err != nil {
		return err
	}
	defer s.Close()
	meetingID, err := openMeetingID(s)
	if err != nil {
		return err
	}
	return fn(s, actor, meetingID)
}

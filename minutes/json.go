package minutes

import (
	_ "embed"
	"encoding/json"
)

// Schema is the JSON Schema (draft 2020-12) of the minutes' JSON: every
// field of Doc, documented. It is the file minutes/schema.json.
//
//go:embed schema.json
var Schema []byte

// JSON is the whole Doc as indented JSON, with a trailing newline. Its shape
// is Schema; "version" is JSONVersion and "public" says which version it is
// (the public one holds only what the public minutes show).
func (d Doc) JSON() ([]byte, error) {
	d.Version = JSONVersion
	// Empty lists are [] rather than null, so readers need not check.
	if d.Present == nil {
		d.Present = []AgencyGroup{}
	}

	if d.Items == nil {
		d.Items = []Item{}
	}
	if d.ActionLog == nil {
		d.ActionLog = []ActionRow{}
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

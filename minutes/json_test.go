package minutes

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaURL = "https://github.com/ccsp/tasking/minutes/schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatalf("schema.json is not a valid JSON Schema: %v", err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, b []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not JSON: %v\n%.300s", err, b)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("the JSON does not validate against schema.json: %v", err)
	}
}

// Every record the tests know, in both versions, renders to JSON that
// validates against the documented schema.
func TestJSONValidatesAgainstSchema(t *testing.T) {
	sch := compileSchema(t)
	s := openDemo(t)
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	draft := fixtureRecord()
	draft.Meeting.State = model.MeetingOpen
	planned := fixtureRecord()
	planned.Meeting = model.Meeting{ID: 9, Date: model.MustDate("2026-12-01"), State: model.MeetingPlanned}
	recs := map[string]model.MeetingRecord{"fixture": fixtureRecord(), "draft": draft, "planned": planned,
		"rich": richRecord(), "hostile": hostileRecord(evil), "empty": {}, "marked (releases)": markedRecord(t)}
	for _, m := range ms {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		recs["demo "+m.Ref()] = rec
	}
	for name, rec := range recs {
		for _, public := range []bool{false, true} {
			t.Run(name+"/"+strconv.FormatBool(public), func(t *testing.T) {
				b, err := Render(rec, JSON, Options{Public: public})
				if err != nil {
					t.Fatal(err)
				}
				validate(t, sch, b)
				var head struct {
					Version *int  `json:"version"`
					Public  *bool `json:"public"`
				}
				if err := json.Unmarshal(b, &head); err != nil || head.Version == nil || *head.Version != JSONVersion || head.Public == nil || *head.Public != public {
					t.Errorf("version and public: %+v (%v)", head, err)
				}
			})
		}
	}
}

// The schema is strict (an undocumented field fails) and describes every
// field of the Doc: each one a property of the right definition, with a
// description, required exactly when it is never left out.
func TestSchemaDocumentsEveryField(t *testing.T) {
	sch := compileSchema(t)
	b, err := Build(fixtureRecord()).JSON()
	if err != nil {
		t.Fatal(err)
	}
	extra := bytes.Replace(b, []byte(`"version": 1,`), []byte(`"version": 1, "undocumented": true,`), 1)
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(extra))
	if sch.Validate(v) == nil {
		t.Error("the schema accepts an undocumented field")
	}

	var schema struct {
		Properties map[string]map[string]any `json:"properties"`
		Required   []string                  `json:"required"`
		Defs       map[string]struct {
			Properties map[string]map[string]any `json:"properties"`
			Required   []string                  `json:"required"`
			Ref        string                    `json:"$ref"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	type def struct {
		props    map[string]map[string]any
		required []string
	}
	defs := map[reflect.Type]def{reflect.TypeFor[Doc](): {schema.Properties, schema.Required}}
	for typ, name := range map[reflect.Type]string{
		reflect.TypeFor[Approval](): "approval", reflect.TypeFor[Person](): "person", reflect.TypeFor[AgencyGroup](): "agencyGroup",
		reflect.TypeFor[Item](): "item", reflect.TypeFor[Hotspot](): "hotspot", reflect.TypeFor[Declaration](): "declaration",
		reflect.TypeFor[Amended](): "amended", reflect.TypeFor[Note](): "note", reflect.TypeFor[Resolution](): "resolution",
		reflect.TypeFor[ActionRow](): "actionFields",
	} {
		d, ok := schema.Defs[name]
		if !ok {
			t.Fatalf("schema.json has no $defs/%s", name)
		}
		defs[typ] = def{d.Properties, d.Required}
	}
	// A MatterRow is an ActionRow's fields and its own.
	matter := schema.Defs["matterRow"]
	if matter.Ref != "#/$defs/actionFields" {
		t.Errorf("matterRow refers to %q", matter.Ref)
	}
	defs[reflect.TypeFor[MatterRow]()] = def{matter.Properties, nil}

	for typ, d := range defs {
		var names []string
		for _, f := range jsonFields(typ) {
			tag, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "" || tag == "-" {
				t.Errorf("%s.%s has no JSON name", typ.Name(), f.Name)
				continue
			}
			names = append(names, tag)
			p, ok := d.props[tag]
			if !ok {
				t.Errorf("schema.json does not document %s.%s (%q)", typ.Name(), f.Name, tag)
				continue
			}
			if desc, _ := p["description"].(string); desc == "" {
				t.Errorf("schema.json has no description for %q of %s", tag, typ.Name())
			}
			omitted := strings.Contains(opts, "omitempty")
			if typ != reflect.TypeFor[MatterRow]() && omitted == slices.Contains(d.required, tag) {
				t.Errorf("%s %q: omitempty %v but required %v", typ.Name(), tag, omitted, !omitted)
			}
		}
		for p := range d.props {
			if !slices.Contains(names, p) {
				t.Errorf("schema.json documents %q, which %s does not have", p, typ.Name())
			}
		}
	}
}

// jsonFields are the fields of typ that JSON writes as its own: an embedded
// Marking's are its own, MatterRow's embedded ActionRow's are checked as
// actionFields.
func jsonFields(typ reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch {
		case f.Anonymous && f.Type == reflect.TypeFor[Marking]():
			out = append(out, jsonFields(f.Type)...)
		case !f.Anonymous:
			out = append(out, f)
		}
	}
	return out
}

// JSON holds the text exactly as cleaned: it reads back into the same Doc.
func TestJSONRoundTrip(t *testing.T) {
	for name, rec := range map[string]model.MeetingRecord{"rich": richRecord(), "hostile": hostileRecord(evil)} {
		for _, public := range []bool{false, true} {
			t.Run(name+"/"+strconv.FormatBool(public), func(t *testing.T) {
				doc := BuildWith(rec, Options{Public: public})
				b, err := doc.JSON()
				if err != nil {
					t.Fatal(err)
				}
				var back Doc
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(back, doc) {
					t.Errorf("the JSON reads back differently:\n got %+v\nwant %+v", back, doc)
				}
			})
		}
	}
}

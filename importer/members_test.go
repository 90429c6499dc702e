package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

var testAgencies = []model.Agency{
	{ID: 1, Name: "Derbyshire Constabulary", ShortName: "Police"},
	{ID: 2, Name: "Amber Valley Borough Council", ShortName: "Council"},
	{ID: 3, Name: "Derbyshire Fire & Rescue Service", ShortName: "Fire"},
	{ID: 4, Name: "Youth Offending Service", ShortName: "YOS", Retired: true},
	{ID: 5, Name: "Amber Valley Housing", ShortName: "Housing"},
	{ID: 6, Name: "Probation Service (old)", ShortName: "Probation Old", Retired: true},
	{ID: 7, Name: "Probation Service", ShortName: "Probation"},
	{ID: 8, Name: "Youth Services", ShortName: "YS"},
	{ID: 9, Name: "Amber Valley CVS", ShortName: "CVS", Retired: true},
}

var testExisting = []model.Member{
	{ID: 1, Name: "Jane Smith", AgencyID: 1, Role: model.RoleChair},
	{ID: 2, Name: "Old Timer", AgencyID: 2, Role: model.RoleMember, Retired: true},
}

// row is a line to add: the line it is on, and the member.
type row struct {
	Line   int
	Member model.NewMember
}

var plainImport = Options{Sync: model.SyncOptions{ChairID: 1}}

func read(t *testing.T, csv string) (model.MemberSync, error) {
	t.Helper()
	return Plan(strings.NewReader(csv), testAgencies, testExisting, plainImport)
}

// added are the lines a plan adds.
func added(p model.MemberSync) []row {
	var out []row
	for _, a := range p.Add {
		out = append(out, row{a.Line, a.Member})
	}
	return out
}

func TestMembersGood(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []row
	}{
		{
			name: "comma",
			csv: "name,agency,role,job_title,email,phone\n" +
				"Amy Adams,Police,member,Neighbourhood Sergeant,amy@police.example,01773 000001\n" +
				"Bob Brown,council,admin,,bob@council.example,\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember, Title: "Neighbourhood Sergeant", Email: "amy@police.example", Phone: "01773 000001"}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 2, Role: model.RoleAdmin, Email: "bob@council.example"}},
			},
		},
		{
			name: "semicolon, with commas inside cells",
			csv: "name;agency;role;job_title\n" +
				"Amy Adams;Police;viewer;Sergeant, Ripley SNT\n" +
				"Bob Brown;Fire;chair;Watch Manager\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleViewer, Title: "Sergeant, Ripley SNT"}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 3, Role: model.RoleChair, Title: "Watch Manager"}},
			},
		},
		{
			name: "BOM and CRLF",
			csv:  "\ufeffName,Agency,Role\r\nAmy Adams,Police,member\r\nBob Brown,Housing,viewer\r\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 5, Role: model.RoleViewer}},
			},
		},
		{
			name: "BOM before a quoted header",
			csv:  "\ufeff\"Name\",\"Agency\",\"Role\"\nAmy Adams,Police,member\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}}},
		},
		{
			name: "BOM with semicolons",
			csv:  "\ufeffname;agency;role\nAmy Adams;Police;member\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}}},
		},
		{
			name: "quoted fields: delimiters, doubled quotes, newlines",
			csv: "name,agency,role,job_title\n" +
				"\"Amy Adams\",\"Police\",\"member\",\"Sergeant, \"\"B\"\" Shift\"\n" +
				"Bob Brown,Council,member,\"Community Safety\nOfficer\"\n" +
				"Cat Cole,Fire,member,\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember, Title: `Sergeant, "B" Shift`}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 2, Role: model.RoleMember, Title: "Community Safety Officer"}},
				{5, model.NewMember{Name: "Cat Cole", AgencyID: 3, Role: model.RoleMember}},
			},
		},
		{
			name: "semicolon file with quoted semicolons",
			csv:  "name;agency;role;job_title\n\"Amy Adams\";Police;member;\"Sergeant; Ripley\"\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember, Title: "Sergeant; Ripley"}}},
		},
		{
			name: "header variants in any order, unknown columns ignored",
			csv: "Notes, E-mail ,ROLE,Job Title,Telephone,Organisation,Full Name,Title\n" +
				"likes tea,amy@police.example,Member,PCSO,01773 000002,Police,Amy Adams,Ms\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember, Title: "PCSO", Email: "amy@police.example", Phone: "01773 000002"}}},
		},
		{
			name: "empty role is member; circulation only; role case",
			csv:  "name,agency,role\nAmy Adams,Police,\nBob Brown,Police,Circulation only\nCat Cole,Police, VIEWER \n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 1, Role: model.RoleCirculation}},
				{4, model.NewMember{Name: "Cat Cole", AgencyID: 1, Role: model.RoleViewer}},
			},
		},
		{
			name: "agency by part of name, short name, initials",
			csv:  "name,agency,role\nAmy Adams,constab,member\nBob Brown,FIRE,member\nCat Cole,avbc,member\nDan Dee,Probation,member\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 3, Role: model.RoleMember}},
				{4, model.NewMember{Name: "Cat Cole", AgencyID: 2, Role: model.RoleMember}},
				{5, model.NewMember{Name: "Dan Dee", AgencyID: 7, Role: model.RoleMember}},
			},
		},
		{
			name: "a retired agency does not make a match ambiguous",
			csv:  "name,agency,role\nAmy Adams,youth,member\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 8, Role: model.RoleMember}}},
		},
		{
			name: "blank lines and rows of empty cells skipped, line numbers physical",
			csv:  "\nname,agency,role\n,,\n\nAmy Adams,Police,member\n , \n",
			want: []row{{5, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}}},
		},
		{
			name: "short rows and extra cells",
			csv:  "name,agency,role,email\nAmy Adams,Police\nBob Brown,Police,member,bob@p.example,extra,more\n",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 1, Role: model.RoleMember, Email: "bob@p.example"}},
			},
		},
		{
			name: "control and escape sequences stripped, spaces folded",
			csv:  "name,agency,role,job_title\n\"\x1b[31mAmy\x1b[0m   Adams\",Police,member,\"PC\u200b \x1b]0;pwned\x07Officer\"\n",
			want: []row{{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember, Title: "PC Officer"}}},
		},
		{
			name: "old Mac line ends",
			csv:  "name,agency,role\rAmy Adams,Police,member\rBob Brown,Fire,member\r",
			want: []row{
				{2, model.NewMember{Name: "Amy Adams", AgencyID: 1, Role: model.RoleMember}},
				{3, model.NewMember{Name: "Bob Brown", AgencyID: 3, Role: model.RoleMember}},
			},
		},
		{
			name: "retired member's agency is fine for someone else; retired member name unlike",
			csv:  "name,agency,role\nNew Timer,Council,member\n",
			want: []row{{2, model.NewMember{Name: "New Timer", AgencyID: 2, Role: model.RoleMember}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := read(t, tt.csv)
			if err != nil || len(p.Refused) > 0 {
				t.Fatalf("unexpected error:\n%v %v", err, p.Refused)
			}
			got := added(p)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// want is one expected problem: its line and words its reason must hold.
type want struct {
	line  int
	words []string
}

func checkProblems(t *testing.T, p model.MemberSync, err error, wants []want) {
	t.Helper()
	if err != nil {
		t.Fatalf("a problem with the whole file: %v", err)
	}
	if len(p.Refused) != len(wants) {
		t.Fatalf("got %d problems, want %d:\n%v", len(p.Refused), len(wants), p.Refused)
	}
	for i, w := range wants {
		pr := p.Refused[i]
		if pr.Line != w.line {
			t.Errorf("problem %d: line %d, want %d (%s)", i, pr.Line, w.line, pr.Reason)
		}
		for _, word := range w.words {
			if !strings.Contains(pr.Reason, word) {
				t.Errorf("problem %d (line %d): %q does not say %q", i, pr.Line, pr.Reason, word)
			}
		}
		if strings.ContainsAny(pr.Reason, "\x1b\n\r") {
			t.Errorf("problem %d: reason holds control characters: %q", i, pr.Reason)
		}
	}
}

func TestMembersBadRows(t *testing.T) {
	const h = "name,agency,role,job_title,email,phone\n"
	long := strings.Repeat("x", 81)
	tests := []struct {
		name  string
		csv   string
		wants []want
	}{
		{"empty name", h + "Amy Adams,Police,member,,,\n ,Police,member,,,\n",
			[]want{{3, []string{"name is empty"}}}},
		{"name of only escape codes is empty", h + "\"\x1b[2J\",Police,member,,,\n",
			[]want{{2, []string{"name is empty"}}}},
		{"unknown agency", h + "Amy Adams,Polise,member,,,\n",
			[]want{{2, []string{"no agency matches", `"Polise"`}}}},
		{"empty agency", h + "Amy Adams,,member,,,\n",
			[]want{{2, []string{"no agency given"}}}},
		{"ambiguous agency names the candidates", h + "Amy Adams,Amber,member,,,\n",
			[]want{{2, []string{`"Amber" could be`, "Amber Valley Borough Council", "Amber Valley Housing"}}}},
		{"ambiguous agency: Derbyshire", h + "Amy Adams,derbyshire,member,,,\n",
			[]want{{2, []string{"could be", "Derbyshire Constabulary", "Derbyshire Fire & Rescue Service"}}}},
		{"retired agency by short name", h + "Amy Adams,YOS,member,,,\n",
			[]want{{2, []string{"Youth Offending Service", "retired"}}}},
		{"retired agency by part of name", h + "Amy Adams,youth offending,member,,,\n",
			[]want{{2, []string{"Youth Offending Service", "retired"}}}},
		{"retired agency named exactly beside an active one", h + "Amy Adams,Probation Old,member,,,\n",
			[]want{{2, []string{"Probation Service (old)", "retired"}}}},
		{"unknown role", h + "Amy Adams,Police,boss,,,\n",
			[]want{{2, []string{`"boss" is not a role`}}}},
		{"bad email", h + "Amy Adams,Police,member,,amy at police,\n",
			[]want{{2, []string{`"amy at police" is not an email address`}}}},
		{"email with a comma inside quotes", h + "Amy Adams,Police,member,,\"a@b.example,c@d.example\",\n",
			[]want{{2, []string{"is not an email address"}}}},
		{"name too long", h + long + ",Police,member,,,\n",
			[]want{{2, []string{"name is 81 characters; the most is 80"}}}},
		{"job title too long", h + "Amy Adams,Police,member," + long + ",,\n",
			[]want{{2, []string{"job title is 81 characters"}}}},
		{"phone too long", h + "Amy Adams,Police,member,,," + strings.Repeat("1", 41) + "\n",
			[]want{{2, []string{"phone is 41 characters"}}}},
		{"phone mangled by Excel", h + "Amy Adams,Police,member,,,7.7009E+09\n",
			[]want{{2, []string{"7.7009E+09", "Excel", "Text"}}}},
		{"already a member, with other details", h + "jane  SMITH,Police,member,,,\n",
			[]want{{2, []string{"Jane Smith is already a member", "changes their role", "--update"}}}},
		{"already a member, retired", h + "Old Timer,Council,member,,,\n",
			[]want{{2, []string{"already a member", "retired"}}}},
		{"duplicate in file names both lines", h + "Bob Brown,Police,member,,,\nAmy Adams,Police,member,,,\n bob   brown ,Fire,member,,,\n",
			[]want{{4, []string{"line 2", "line 4"}}}},
		{"three times in file", h + "Bob Brown,Police,member,,,\nBob Brown,Police,member,,,\nBob Brown,Police,member,,,\n",
			[]want{{3, []string{"line 2 and line 3"}}, {4, []string{"line 2 and line 4"}}}},
		{"every problem in one row", h + "Amy Adams,Polise,boss," + long + ",nope,\n",
			[]want{
				{2, []string{"no agency matches"}},
				{2, []string{"not a role"}},
				{2, []string{"job title is 81"}},
				{2, []string{"not an email address"}},
			}},
		{"empty name and bad email both reported", h + ",Police,member,,nope,\n",
			[]want{{2, []string{"name is empty"}}, {2, []string{"not an email address"}}}},
		{"escape codes do not reach messages", h + "Amy Adams,\"\x1b[31mPolise\x1b[0m\",\x1b]0;x\x07boss,,,\n",
			[]want{{2, []string{`"Polise"`}}, {2, []string{`"boss"`}}}},
		{"bare quote", h + "Amy \"Ace\" Adams,Police,member,,,\nBob Brown,Polise,member,,,\n",
			[]want{{2, []string{`"`, "quotes"}}, {3, []string{"no agency matches"}}}},
		{"unclosed quote", h + "Amy Adams,Police,member,,,\n\"Bob Brown,Police,member,,,\nCat Cole,Police,member,,,\n",
			[]want{{3, []string{"not closed"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := read(t, tt.csv)
			checkProblems(t, p, err, tt.wants)
		})
	}
}

func TestMembersAmbiguousNamesOnlyActiveAgencies(t *testing.T) {
	p, _ := read(t, "name,agency,role\nAmy Adams,Amber,member\n")
	if len(p.Refused) != 1 || strings.Contains(p.Refused[0].Reason, "CVS") {
		t.Fatalf("a retired agency is offered as a choice: %v", p.Refused)
	}
}

func TestMembersSeveralBadRows(t *testing.T) {
	csv := "name;agency;role;email\n" + // 1
		"Amy Adams;Police;member;amy@p.example\n" + // 2 good
		";Police;member;\n" + // 3 empty name
		"Bob Brown;Nowhere;member;\n" + // 4 unknown agency
		"Cat Cole;\"Council\";\"member\nextra\";\n" + // 5-6 bad role, multi-line
		"Dan Dee;Police;member;dan@p.example\n" + // 7 good
		"\n" + // 8 blank
		"Eve Evans;YOS;member;\n" + // 9 retired agency
		"Fay Fox;Police;\"viewer\";\"fay\n\nat example\"\n" + // 10-12 bad email
		"Jane Smith;Police;member;\n" + // 13 existing
		"amy adams;Fire;member;\n" // 14 duplicate of line 2
	p, err := read(t, csv)
	checkProblems(t, p, err, []want{
		{3, []string{"name is empty"}},
		{4, []string{`"Nowhere"`}},
		{5, []string{"not a role"}},
		{9, []string{"Youth Offending Service", "retired"}},
		{10, []string{"not an email address"}},
		{13, []string{"already a member"}},
		{14, []string{"line 2", "line 14"}},
	})
}

func TestMembersMultiLineNumbering(t *testing.T) {
	// A bad row after multi-line cells reports the line it starts on, and a
	// bad multi-line row reports its first line.
	csv := "name,agency,role,job_title\n" + // 1
		"Amy Adams,Police,member,\"one\ntwo\nthree\"\n" + // 2-4
		"Bob Brown,Polise,member,\n" + // 5
		"\"Cat\nCole\",Police,boss,\n" + // 6-7
		"Dan Dee,Police,member,\"a\r\nb\"\r\n" + // 8-9
		"Eve Evans,Police,boss,\n" // 10
	p, err := read(t, csv)
	checkProblems(t, p, err, []want{
		{5, []string{"Polise"}},
		{6, []string{"boss"}},
		{10, []string{"boss"}},
	})
}

func TestMembersFileErrors(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		words []string
	}{
		{"empty file", "", []string{"empty", "nothing to import"}},
		{"only whitespace", " \n\r\n\n", []string{"empty", "nothing to import"}},
		{"only a BOM", "\ufeff", []string{"empty", "nothing to import"}},
		{"header only", "name,agency,role\n", []string{"header row", "no members", "nothing to import"}},
		{"header and empty rows", "name;agency;role\n;;\n\n ; ; \n", []string{"no members", "nothing to import"}},
		{"missing agency column", "name,role,email,Notes\nAmy,member,a@b.example,x\n",
			[]string{"line 1", `has no "agency" column`, `"name", "role", "email", "Notes"`}},
		{"missing two columns", "Name;E-mail\nAmy;a@b.example\n",
			[]string{`no "agency" or "role" columns`, `"Name", "E-mail"`}},
		{"missing all three", "who,where\n", []string{`no "name", "agency" or "role" columns`, `"who", "where"`}},
		{"first name and surname", "First name,Surname,Agency,Role\n", []string{`"name"`, "first name and surname"}},
		{"tab separated", "name\tagency\trole\nAmy\tPolice\tmember\n", []string{`"agency"`, "commas or semicolons"}},
		{"two email columns", "name,agency,role,email,E-mail address\n", []string{"two email columns", `"email"`, `"E-mail address"`}},
		{"Windows-1252", "name,agency,role\nAm\xe9lie Adams,Police,member\n", []string{"not UTF-8", "line 2", `"CSV UTF-8`}},
		{"Windows-1252 in header", "nam\xe9,agency,role\n", []string{"not UTF-8", "line 1", "CSV UTF-8"}},
		{"UTF-16", "\xff\xfen\x00a\x00m\x00e\x00", []string{"UTF-16", "CSV UTF-8"}},
		{"UTF-16 without BOM", "n\x00a\x00m\x00e\x00,\x00", []string{"NUL", "CSV UTF-8"}},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00", []string{"Excel workbook", "CSV UTF-8"}},
		{"unreadable header", "\"name,agency,role\n", []string{"line 1", "header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := read(t, tt.data)
			if err == nil {
				t.Fatalf("no error; plan %+v", p)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err.Error(), w)
				}
			}
		})
	}
}

func TestMembersTooBig(t *testing.T) {
	big := "name,agency,role\n" + strings.Repeat("Amy Adams,Police,member\n", MaxFileSize/20)
	if _, err := read(t, big); err == nil || !strings.Contains(err.Error(), "bigger than") {
		t.Fatalf("want a too-big error, got %v", err)
	}
}

func TestMembersFixtures(t *testing.T) {
	tests := []struct {
		file  string
		names []string
		lines []int
	}{
		{"excel_uk.csv", []string{"Amy Adams", "Bob O'Brien", "Cat Cole"}, []int{2, 3, 5}},
		{"excel_de.csv", []string{"Amy Adams", "Bob Brown"}, []int{2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			p, err := Plan(f, testAgencies, testExisting, plainImport)
			if err != nil || len(p.Refused) > 0 {
				t.Fatal(err, p.Refused)
			}
			rows := added(p)
			if len(rows) != len(tt.names) {
				t.Fatalf("got %d rows: %+v", len(rows), rows)
			}
			for i, r := range rows {
				if r.Member.Name != tt.names[i] || r.Line != tt.lines[i] {
					t.Errorf("row %d: %q on line %d, want %q on line %d", i, r.Member.Name, r.Line, tt.names[i], tt.lines[i])
				}
				if _, err := r.Member.Validate(); err != nil {
					t.Errorf("row %d does not validate: %v", i, err)
				}
			}
		})
	}
}

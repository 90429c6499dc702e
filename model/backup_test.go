package model

import (
	"strings"
	"testing"
	"time"
)

func TestBackupRules(t *testing.T) {
	for _, tt := range []struct {
		who  Actor
		want bool
	}{
		{Actor{Role: RoleChair}, true}, {Actor{Role: RoleAdmin}, true}, {FileOwner(), true},
		{Actor{Role: RoleMember}, false}, {Actor{Role: RoleViewer}, false}, {Actor{}, false},
	} {
		if got := PermitBackup(tt.who) == nil; got != tt.want {
			t.Errorf("%+v may back up: %v, want %v", tt.who, got, tt.want)
		}
	}
	for n, ok := range map[int]bool{0: false, 1: true, 12: true, MaxBackupKeep: true, MaxBackupKeep + 1: false, -3: false} {
		if got := CheckBackupKeep(n) == nil; got != ok {
			t.Errorf("keep %d: %v", n, got)
		}
	}
	if (Partnership{}).BackupKeep() != DefaultBackupKeep || (Partnership{KeepBackups: 3}).BackupKeep() != 3 {
		t.Error("BackupKeep")
	}
}

func TestBackupNamesSortAndPrune(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	var names []string
	for i := 0; i < 15; i++ {
		names = append(names, AutoBackupName("tasking.db", "meeting-M-"+string(rune('a'+i)), at.Add(time.Duration(14-i)*24*time.Hour)))
	}
	if !strings.HasPrefix(names[0], AutoBackupPrefix("tasking.db")) || !strings.Contains(names[0], "20261208-100000") {
		t.Fatalf("name %q", names[0])
	}
	gone := PruneBackups(names, 12)
	if len(gone) != 3 {
		t.Fatalf("pruned %d, want 3", len(gone))
	}
	for _, g := range gone {
		if g != names[12] && g != names[13] && g != names[14] { // the three oldest
			t.Errorf("pruned %q, a newer one", g)
		}
	}
	if PruneBackups(names[:5], 12) != nil {
		t.Error("pruned with fewer than it keeps")
	}
}

func TestRestoreQuestion(t *testing.T) {
	b := BackupInfo{Path: "copy.db", Partnership: "Chesterfield CSP", Schema: 4, NewestChange: time.Date(2026, 11, 24, 11, 30, 0, 0, time.UTC), NewestChangeBy: "Helen Marsh", LatestMeeting: "M-7"}
	cur := BackupInfo{Partnership: "Chesterfield CSP", NewestChange: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	q := RestoreQuestion(b, cur, "tasking.db.before-restore-20261125-090000")
	for _, want := range []string{"The backup copy.db holds Chesterfield CSP", "newest change", "Helen Marsh", "latest meeting M-7", "goes from the record", "Restore it?", "kept as tasking.db.before-restore-20261125-090000"} {
		if !strings.Contains(q, want) {
			t.Errorf("%q lacks %q", q, want)
		}
	}
	other := cur
	other.Partnership = "Bolsover CSP"
	if q := RestoreQuestion(b, other, "x"); !strings.Contains(q, "another partnership's record") {
		t.Errorf("another partnership: %q", q)
	}
}

func TestRestoreRules(t *testing.T) {
	for _, tt := range []struct {
		b    BackupInfo
		fine bool
	}{
		{BackupInfo{Path: "a", Partnership: "Eastbrook", Schema: 4}, true},
		{BackupInfo{Path: "a", Partnership: "Eastbrook", Schema: 2}, true}, // upgraded when next opened
		{BackupInfo{Path: "a", Partnership: "Eastbrook", Schema: 5}, false},
		{BackupInfo{Path: "a", Schema: 4}, false},
		{BackupInfo{Path: "a", Partnership: "Eastbrook", Schema: 4, Problems: []string{"notes #86: a stored value fails its checksum"}}, false},
	} {
		if got := CheckRestore(tt.b, 4) == nil; got != tt.fine {
			t.Errorf("restore %+v: %v, want %v", tt.b, got, tt.fine)
		}
	}
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	b := BackupInfo{Path: "b.db", Partnership: "Eastbrook", Schema: 4, NewestChange: at, NewestChangeBy: "Helen Marsh", LatestMeeting: "M-7"}
	cur := BackupInfo{Path: "t.db", Partnership: "Eastbrook", Schema: 4, NewestChange: at.Add(48 * time.Hour)}
	q := RestoreQuestion(b, cur, "t.db.before-restore-x")
	for _, want := range []string{"b.db", "Helen Marsh", "latest meeting M-7", "goes from the record", "Restore it?", "t.db.before-restore-x"} {
		if !strings.Contains(q, want) {
			t.Errorf("question lacks %q: %s", want, q)
		}
	}
	other := cur
	other.Partnership = "Westbrook"
	if q := RestoreQuestion(b, other, "k"); !strings.Contains(q, "another partnership") {
		t.Errorf("another partnership's backup not said: %s", q)
	}
	if q := RestoreQuestion(b, BackupInfo{}, "k"); strings.Contains(q, "goes from") || strings.Contains(q, "another partnership") {
		t.Errorf("a damaged current file (nothing read) gets warnings it cannot back: %s", q)
	}
}

func TestBackupFolderSetting(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "beside": BackupBeside, "Default": BackupBeside, "/srv/tasking/backups/": "/srv/tasking/backups",
		"relative/dir": "!", "/" + strings.Repeat("a", 1100): "!",
	} {
		got, err := CheckBackupDir(in)
		if (err != nil) != (want == "!") || (err == nil && got != want) {
			t.Errorf("CheckBackupDir(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	p := Partnership{Name: "Eastbrook", BackupDir: "/srv/b", KeepBackups: 5}
	if e := p.Edit(Partnership{Name: "Eastbrook"}); e.BackupDir != "/srv/b" || e.KeepBackups != 5 {
		t.Errorf("an edit that names no backup setting changed it: %+v", e)
	}
	if e := p.Edit(Partnership{Name: "Eastbrook", BackupDir: BackupBeside}); e.BackupDir != "" {
		t.Errorf("beside did not clear the folder: %q", e.BackupDir)
	}
	if _, err := (Partnership{Name: "E", KeepBackups: MaxBackupKeep + 1}).Clean(); err == nil {
		t.Error("a keep past the limit was accepted")
	}
}

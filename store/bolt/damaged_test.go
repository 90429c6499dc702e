package bolt

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A truncated bbolt file makes bbolt fault with SIGSEGV inside Open, which
// recover cannot catch. So these cases run Open in a child process: if the
// header check ever lets one through, the child crashes and the test sees it,
// instead of the whole test binary dying.
const childEnv = "TASKING_STORE_OPEN_CHILD"

func TestOpenChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("helper for TestDamagedFilesReportedCleanly")
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("ERROR:", err)
		os.Exit(3)
	}
	// A file can pass the header check and still be damaged inside: read
	// everything a screen would.
	if _, err := s.Home(); err != nil {
		fmt.Println("ERROR:", err)
		os.Exit(3)
	}
	if ms, err := s.Meetings(); err == nil {
		for _, m := range ms {
			if _, err := s.MeetingRecord(m.ID); err != nil {
				fmt.Println("ERROR:", err)
				os.Exit(3)
			}
		}
	} else {
		fmt.Println("ERROR:", err)
		os.Exit(3)
	}
	s.Close()
	fmt.Println("OPENED")
	os.Exit(0)
}

func TestDamagedFilesReportedCleanly(t *testing.T) {
	s, _, good := openTiny(t)
	// Grow the file past its first pages so truncation bites.
	for i := 0; i < 200; i++ {
		if _, err := s.AddNote(chair, 0, "aob", 0, strings.Repeat("x", 1000), false); err == nil {
			t.Fatal("a note without a meeting was accepted")
		}
	}
	m, err := s.StartMeeting(chair, s.Today())
	mustNoErr(t, err)
	for i := 0; i < 300; i++ {
		_, err := s.AddNote(chair, m.ID, "aob", 0, strings.Repeat("note ", 300), false)
		mustNoErr(t, err)
	}
	mustNoErr(t, s.Close())
	s.db = nil
	raw, err := os.ReadFile(good)
	mustNoErr(t, err)
	if len(raw) < 64*1024 {
		t.Fatalf("fixture too small to truncate meaningfully: %d bytes", len(raw))
	}
	// bbolt grows files ahead of use: cut below the last page in use.
	meta, err := readMeta(bytes.NewReader(raw), 0)
	mustNoErr(t, err)
	inUse := int(meta.pgid) * int(meta.pageSize)
	if inUse > len(raw) || inUse < 8*4096 {
		t.Fatalf("implausible fixture: %d pages in use, %d bytes", meta.pgid, len(raw))
	}
	garbage := bytes.Repeat([]byte("not a database "), 5000)
	garbledPages := append([]byte(nil), raw...)
	for i := 5 * 4096; i < min(inUse, 25*4096); i++ {
		garbledPages[i] = 0xff
	}
	flippedMeta := append([]byte(nil), raw...)
	flippedMeta[16+60] ^= 0xff // checksum of meta page 0
	flippedMeta[4096+16+60] ^= 0xff

	cases := []struct {
		name string
		data []byte
		want string // in the child's output
	}{
		{"truncated below the last page", raw[:inUse-int(meta.pageSize)], "damaged or not a tasking database"},
		{"truncated to half of what is in use", raw[:inUse/2], "truncated"},
		{"truncated to 3 pages", raw[:3*4096], "truncated"},
		{"truncated inside the header", raw[:100], "damaged or not a tasking database"},
		{"garbage", garbage, "not a bbolt file"},
		{"both headers corrupt", flippedMeta, "damaged or not a tasking database"},
		{"pages garbled after a good header", garbledPages, "damaged or not a tasking database"},
		{"intact copy", raw, "OPENED"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copy.db")
			mustNoErr(t, os.WriteFile(path, tc.data, 0o600))
			before := tc.data
			cmd := exec.Command(os.Args[0], "-test.run=^TestOpenChild$")
			cmd.Env = append(os.Environ(), childEnv+"="+path)
			out, err := cmd.CombinedOutput()
			code := cmd.ProcessState.ExitCode()
			if strings.Contains(string(out), "SIGSEGV") || strings.Contains(string(out), "panic") {
				t.Fatalf("child crashed:\n%s", out)
			}
			if !strings.Contains(string(out), tc.want) {
				t.Fatalf("child output (exit %d, %v) lacks %q:\n%s", code, err, tc.want, out)
			}
			if tc.want != "OPENED" {
				if code != 3 {
					t.Fatalf("exit code %d, want 3 (a clean error)", code)
				}
				after, _ := os.ReadFile(path)
				if !bytes.Equal(after, before) {
					t.Fatal("the damaged file was modified")
				}
				if !strings.Contains(string(out), path) {
					t.Fatalf("message does not name the file:\n%s", out)
				}
			}
		})
	}
}

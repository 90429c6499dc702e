// Command twimport turns `tasking actions --format json` (every action) into
// Taskwarrior's import format, so bench/taskwarrior.sh can time both tools
// on the same actions: the agency becomes the project (its first word, as
// Taskwarrior projects have no spaces), the status a tag (open, inprogress,
// blocked) on a pending task, done a completed task and cancelled a deleted
// one; the description starts with the action's ref.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

type action struct {
	Ref, Text, Agency, Due, Status, UpdatedAt string
}

type task struct {
	UUID        string   `json:"uuid"`
	Description string   `json:"description"`
	Project     string   `json:"project"`
	Status      string   `json:"status"`
	Tags        []string `json:"tags,omitempty"`
	Due         string   `json:"due,omitempty"`
	Entry       string   `json:"entry"`
	End         string   `json:"end,omitempty"`
	Modified    string   `json:"modified"`
}

func main() {
	var in []action
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		log.Fatal(err)
	}
	out := make([]task, 0, len(in))
	for _, a := range in {
		sum := sha256.Sum256([]byte(a.Ref))
		when := tw(a.UpdatedAt)
		t := task{UUID: uuid(sum), Description: a.Ref + " " + a.Text, Project: project(a.Agency), Entry: when, Modified: when}
		if d, err := time.Parse("2006-01-02", a.Due); err == nil {
			t.Due = d.Format("20060102T150405Z")
		}
		switch a.Status {
		case "done":
			t.Status, t.End = "completed", when
		case "cancelled":
			t.Status, t.End = "deleted", when
		default:
			t.Status, t.Tags = "pending", []string{strings.ReplaceAll(a.Status, "-", "")}
		}
		out = append(out, t)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		log.Fatal(err)
	}
}

// project is the agency's name as a Taskwarrior project: one word.
func project(agency string) string {
	var b strings.Builder
	for _, r := range agency {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func uuid(sum [32]byte) string {
	sum[6] = sum[6]&0x0f | 0x40
	sum[8] = sum[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

func tw(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return time.Now().UTC().Format("20060102T150405Z")
	}
	return t.UTC().Format("20060102T150405Z")
}

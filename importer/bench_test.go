package importer

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ccsp/tasking/model"
)

// masterList is a council's master list of n people and the partnership as
// it was last kept in step with it: n members, of whom the first twentieth
// have left the list since, a twentieth of the rest have a new phone
// number, and a twentieth of the list are new. Names carry accents, as
// real ones do.
func masterList(n int) ([]byte, []model.Member) {
	forenames := []string{"Siân", "Karen", "Łukasz", "Zoë", "Øyvind", "Amy", "Núria", "Llŷr", "Tom", "Aoife"}
	surnames := []string{"Pritchard", "Whitworth", "Nowak", "Núñez", "O'Brien", "Smith-Jones", "Evans", "Patel", "Okafor", "Hughes"}
	agencies := []string{"Police", "Council", "Fire", "Housing", "Probation"}
	name := func(i int) string {
		return fmt.Sprintf("%s %s %d", forenames[i%len(forenames)], surnames[(i/len(forenames))%len(surnames)], i)
	}
	gone, fresh := n/20, n/20
	members := make([]model.Member, n)
	for i := range members {
		members[i] = model.Member{ID: model.ID(i + 1), Name: name(i), AgencyID: model.ID(1 + i%3), Role: model.RoleMember,
			Title: "Neighbourhood Officer", Email: fmt.Sprintf("person%06d@partners.example", i), Phone: fmt.Sprintf("01246 %06d", i), Version: 1}
	}
	members[gone].Role = model.RoleChair // on the list, as chair
	var b bytes.Buffer
	b.WriteString("\ufeffName,Agency,Role,Job title,E-mail,Phone\n")
	for i := gone; i < n+fresh; i++ {
		role, phone := "member", fmt.Sprintf("01246 %06d", i)
		if i == gone {
			role = "chair"
		}
		if i%20 == 7 {
			phone = fmt.Sprintf("07700 %06d", i)
		}
		fmt.Fprintf(&b, "%s,%s,%s,Neighbourhood Officer,person%06d@partners.example,%s\n", name(i), agencies[i%3], role, i, phone)
	}
	return b.Bytes(), members
}

// member import FILE --update --retire-missing --dry-run on a list of
// 100,000: read, checked line by line and planned, holding nothing.
//
//	go test ./importer -run '^$' -bench DryRun100k -benchtime 5x
func BenchmarkDryRun100k(b *testing.B) {
	data, members := masterList(100_000)
	o := Options{Sync: model.SyncOptions{Update: true, RetireMissing: true, ChairID: 5001, By: model.Actor{MemberID: 5001}}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		p, err := Plan(bytes.NewReader(data), testAgencies, members, o)
		if err != nil || len(p.Refused) != 0 || len(p.Add) != 5000 || len(p.Retire) != 5000 || len(p.Update) != 4750 {
			b.Fatalf("%v: %d refused (%v), %d added, %d updated, %d retired", err, len(p.Refused), p.Refused[:min(3, len(p.Refused))], len(p.Add), len(p.Update), len(p.Retire))
		}
	}
}

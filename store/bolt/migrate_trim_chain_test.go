package bolt

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	bolt "go.etcd.io/bbolt"
)

// Upgrading a file whose events store Prev and whole hashes (the golden
// schema-6 file) leaves each event only its Chain and a tag of
// its hash: the same heads, a chain that verifies with no event added, a
// trail that takes fewer bytes, and tampering still named.
func TestUpgradeTrimsTheChainFields(t *testing.T) {
	path := openGolden(t, "testdata/schema6/schema6.db.gz")
	refusesToRead(t, path, 6)
	before := bucketBytes(t, path)["audit"]
	old := auditEvents(t, path)

	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	mustNoErr(t, err)
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Events != len(old) {
		t.Fatalf("the chain after the upgrade: %d events (had %d), problems %q", r.Events, len(old), r.Problems)
	}
	hist, err := s.ActionHistory(10)
	mustNoErr(t, err)
	if !historyHas(hist, "Safeguarding visit made; letters sent") {
		t.Errorf("A-10's history after the upgrade: %+v", hist)
	}
	mustNoErr(t, s.Close())

	trimmed := auditEvents(t, path)
	for i, e := range trimmed {
		if e.Prev != nil || len(e.Hash) != record.HashTag {
			t.Fatalf("audit #%d after the upgrade: prev %x, hash %x (want no prev and a %d-byte tag)", e.ID, e.Prev, e.Hash, record.HashTag)
		}
		if string(e.Chain) != string(old[i].Chain) {
			t.Fatalf("audit #%d's chain changed in the upgrade: the heads kept outside no longer match", e.ID)
		}
	}
	if after := bucketBytes(t, path)["audit"]; after >= before {
		t.Errorf("the trail takes %d bytes after the upgrade, %d before", after, before)
	}
}

// A new event stores no Prev and only the tag of its hash; verify derives
// the rest, and still tells a changed event from a removed one (tamper_test).
func TestANewEventStoresOnlyWhatCannotBeDerived(t *testing.T) {
	fixture, _, _ := tamperFixture(t)
	for _, e := range auditEvents(t, fixture) {
		if e.Prev != nil || len(e.Hash) != record.HashTag || len(e.Chain) == 0 {
			t.Fatalf("audit #%d: prev %x, hash %x, chain %x", e.ID, e.Prev, e.Hash, e.Chain)
		}
	}
}

func auditEvents(t *testing.T, path string) []model.AuditEvent {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	mustNoErr(t, err)
	defer db.Close()
	var out []model.AuditEvent
	mustNoErr(t, db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bAudit).ForEach(func(_, v []byte) error {
			var e model.AuditEvent
			if err := decode(v, &e); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	}))
	return out
}

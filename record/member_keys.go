package record

import (
	"context"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Members' SSH public keys: who a key lets in once `tasking serve` runs.
// The rules are model's (sshkey.go); here they are kept atomic with the
// change and its audit event. Keys are few and members at most a few
// hundred, so a key is found by reading the members, with no index.

// keysAudit is what the audit trail keeps of a member's keys: their
// fingerprints, not the key material (the member record holds that).
type keysAudit struct {
	Fingerprints []string `json:"ssh_key_fingerprints"`
}

// AddMemberKeys gives a member SSH public keys, each one authorized_keys
// line (model.ParseSSHKey checks it), and returns the member and the
// fingerprints added. Keys the member holds already are skipped; a key
// another member holds is refused naming them; a retired member is given
// none. The chair or an admin may.
func (s *Store) AddMemberKeys(actor model.Actor, memberID model.ID, keys []string) (model.Member, []string, error) {
	parsed := make([]model.SSHKey, 0, len(keys))
	for i, line := range keys {
		k, err := model.ParseSSHKey(line)
		if err != nil {
			if len(keys) > 1 {
				return model.Member{}, nil, fmt.Errorf("key %d: %w", i+1, err)
			}
			return model.Member{}, nil, err
		}
		parsed = append(parsed, k)
	}
	var m model.Member
	var added []string
	err := s.write(context.TODO(), actor, declare(model.OpMemberKeyAdd), func(w *wtx) error {
		if err := get(w.tx, store.KindMembers, memberID, &m); err != nil {
			return model.Invalid("member", "no such member (#%d)", memberID)
		}
		if err := w.stamp(m.Name, m.LastChanged()); err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		next, keys, err := model.AddKeys(members, m, parsed)
		if err != nil {
			return err
		}
		before := keysAudit{model.KeyFingerprints(m)}
		m.SSHKeys, m.UpdatedAt = next, w.now
		m.Version++
		m.UpdatedAt, m.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindMembers, m.ID, m); err != nil {
			return err
		}
		added = added[:0]
		for _, k := range keys {
			added = append(added, k.Fingerprint)
		}
		return w.audit(model.OpMemberKeyAdd, "member", m.Name, before, keysAudit{model.KeyFingerprints(m)})
	})
	if err != nil {
		return model.Member{}, nil, err
	}
	return m, added, nil
}

// RemoveMemberKey takes the key with this fingerprint from a member (a
// retired one too: tidying up after someone has left). The chair or an
// admin may.
func (s *Store) RemoveMemberKey(actor model.Actor, memberID model.ID, fingerprint string) (model.Member, error) {
	var m model.Member
	err := s.write(context.TODO(), actor, declare(model.OpMemberKeyRemove), func(w *wtx) error {
		if err := get(w.tx, store.KindMembers, memberID, &m); err != nil {
			return model.Invalid("member", "no such member (#%d)", memberID)
		}
		if err := w.stamp(m.Name, m.LastChanged()); err != nil {
			return err
		}
		next, _, err := model.RemoveKey(m, fingerprint)
		if err != nil {
			return err
		}
		before := keysAudit{model.KeyFingerprints(m)}
		m.SSHKeys, m.UpdatedAt = next, w.now
		m.Version++
		m.UpdatedAt, m.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindMembers, m.ID, m); err != nil {
			return err
		}
		return w.audit(model.OpMemberKeyRemove, "member", m.Name, before, keysAudit{model.KeyFingerprints(m)})
	})
	if err != nil {
		return model.Member{}, err
	}
	return m, nil
}

// MemberByKey is the active member who holds the key with this fingerprint
// (SHA256:…, as ssh.FingerprintSHA256 gives it): who is knocking when the
// SSH server is offered that key. Retired members never match.
func (s *Store) MemberByKey(fingerprint string) (model.Member, bool, error) {
	members, err := s.Members()
	if err != nil {
		return model.Member{}, false, err
	}
	m, ok := model.MemberForKey(members, fingerprint)
	return m, ok, nil
}

package server

import (
	"fmt"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	gossh "golang.org/x/crypto/ssh"
)

// keyring answers "whose key is this?" for every authentication attempt
// without reading the database each time: it is rebuilt from the members
// when the store says a member or agency changed (a key added or removed,
// someone retired).
type keyring struct {
	rec store.Record

	mu      sync.Mutex
	stale   bool
	byFP    map[string]model.Member
	retired map[string]model.Member // keys of members who have retired: they open nothing
}

func newKeyring(rec store.Record) *keyring { return &keyring{rec: rec, stale: true} }

// changed marks the ring stale when a change could alter who holds a key.
func (k *keyring) changed(c store.Change) {
	if c.Missed || c.Entity == "member" || c.Entity == "agency" {
		k.mu.Lock()
		k.stale = true
		k.mu.Unlock()
	}
}

// member is the active member holding key, if any. Retired members hold
// no keys: theirs stop working the moment they retire.
func (k *keyring) member(key gossh.PublicKey) (model.Member, bool) {
	if key == nil {
		return model.Member{}, false
	}
	return k.byFingerprint(gossh.FingerprintSHA256(key))
}

// refresh rebuilds the ring now if it is stale, saying whether it could.
func (k *keyring) refresh() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.stale {
		return nil
	}
	return k.rebuild()
}

// byFingerprint is member for a key known by its fingerprint.
func (k *keyring) byFingerprint(fp string) (model.Member, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.stale {
		if err := k.rebuild(); err != nil {
			return model.Member{}, false
		}
	}
	m, ok := k.byFP[fp]
	return m, ok
}

func (k *keyring) rebuild() error {
	members, err := k.rec.Members()
	if err != nil {
		return err
	}
	// The map is model.MemberForKey's answer for every key at once (only
	// active members hold keys that work).
	// Keys that no longer open anything, kept only to say why (retired).
	retired := map[string]model.Member{}
	for _, m := range members {
		if m.Retired {
			for _, fp := range model.KeyFingerprints(m) {
				retired[fp] = m
			}
		}
	}
	by := model.KeyHolders(members)
	k.byFP, k.retired, k.stale = by, retired, false
	return nil
}

// CheckMemberKeys reads every active member's keys: a line that does not
// parse, or a key two members hold, is a problem (for serve --check-config).
func CheckMemberKeys(rec store.Record) (problems []string, withKeys int, err error) {
	members, err := rec.Members()
	if err != nil {
		return nil, 0, err
	}
	holder := map[string]string{}
	for _, m := range model.ActiveMembers(members) {
		if len(m.SSHKeys) > 0 {
			withKeys++
		}
		for i, k := range model.MemberKeys(m) {
			if _, err := model.ParseSSHKey(k.Line); err != nil {
				problems = append(problems, fmt.Sprintf("%s's key %d: %v", m.Name, i+1, err))
			}
			fp := k.Fingerprint
			if other, dup := holder[fp]; dup {
				problems = append(problems, fmt.Sprintf("%s and %s both hold key %s", other, m.Name, fp))
			}
			holder[fp] = m.Name
		}
	}
	return problems, withKeys, nil
}

// retiredHolder is the retired member whose key this was, if any: so the
// refusal can say why, rather than call the key unknown.
func (k *keyring) retiredHolder(key gossh.PublicKey) (model.Member, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	m, ok := k.retired[gossh.FingerprintSHA256(key)]
	return m, ok
}

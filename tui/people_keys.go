package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// SSH keys on the people screen: what `tasking member key add|remove`
// does, for the chair or an admin at the keyboard. A member's public key
// is how `tasking serve` knows them. The rules (what a key is, one member
// per key) are model's; the form only collects the line.

// addKeyForm asks for a public key line for m.
func (pp *peoplePage) addKeyForm(a *App, m model.Member) {
	if m.Retired {
		a.flash, a.flashErr = m.Name+" has retired: a retired member is given no keys", true
		return
	}
	actor, st, id := a.actor, a.st, m.ID
	f := newForm("SSH key for "+m.Name, formContext{}, func(f *form) tea.Cmd {
		line := strings.TrimSpace(f.value("key"))
		if _, err := model.ParseSSHKeys(line); err != nil {
			f.failWith(err)
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			_, added, err := st.AddMemberKeys(actor, id, []string{line})
			if err != nil {
				return nil, err
			}
			return fmt.Sprintf("key %s added for %s: they can now connect", strings.Join(added, ", "), m.Name), nil
		})
	})
	f.text("key", "Public key", "", "paste the line from their .pub file, e.g. ssh-ed25519 AAAA… jas@laptop")
	a.push(f)
}

// removeKeyForm takes one of m's keys away, chosen from the list.
func (pp *peoplePage) removeKeyForm(a *App, m model.Member) {
	keys := model.MemberKeys(m)
	if len(keys) == 0 {
		a.flash, a.flashErr = m.Name+" has no SSH keys", true
		return
	}
	choices := make([]string, len(keys))
	for i, k := range keys {
		// The comment first: it is what tells a person's keys apart.
		label := k.Kind()
		if k.Comment != "" {
			label = k.Comment + " (" + label + ")"
		}
		choices[i] = fmt.Sprintf("%d. %s %s", i+1, label, k.Fingerprint)
	}
	actor, st, id := a.actor, a.st, m.ID
	f := newForm("Take an SSH key from "+m.Name, formContext{}, func(f *form) tea.Cmd {
		k := keys[f.field("key").choice]
		return a.save(f.id, "key "+k.Fingerprint+" taken from "+m.Name+": it no longer opens a session", func() (any, error) {
			return st.RemoveMemberKey(actor, id, k.Fingerprint)
		})
	})
	f.choose("key", "Key", choices, 0)
	a.push(f)
}

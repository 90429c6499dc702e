package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// member key add | list | remove: members' SSH public keys, which let them
// in over SSH once `tasking serve` runs (the server asks which active
// member holds the key offered).

func newMemberKeyCmd(a *app) *cobra.Command {
	return newGroup("key", "SSH keys: what lets a member in over SSH once `tasking serve` runs (add, list, remove)",
		newMemberKeyAddCmd(a), newMemberKeyListCmd(a), newMemberKeyRemoveCmd(a))
}

func newMemberKeyAddCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "add NAME KEYFILE|-",
		Short: "Give a member an SSH public key (their .pub file)",
		Long: "add gives a member the SSH public keys in KEYFILE (- reads them from standard input): the one line " +
			"of their .pub file (e.g. ~/.ssh/id_ed25519.pub), or several, one per line, blank lines and # comments " +
			"skipped. Each key added is printed with its fingerprint. A key belongs to one member only. A private key, " +
			"a DSA key or an RSA key under 2048 bits is refused, and then nothing is added. The chair or an admin may.",
		Example: "  tasking --as 'Helen Marsh' member key add 'Sgt Jas Patel' jas.pub\n" +
			"  ssh-add -L | tasking --as 'Helen Marsh' member key add 'Sgt Jas Patel' -",
		Args: usageArgs(cobra.MinimumNArgs(2)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			name, src := strings.Join(args[:len(args)-1], " "), args[len(args)-1]
			text, err := a.readKeyFile(cmd, src)
			if err != nil {
				return err
			}
			keys, err := model.ParseSSHKeys(text)
			if err != nil {
				return fmt.Errorf("%s: %w", keySource(src), err)
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := findMember(s, name, false)
			if err != nil {
				return err
			}
			lines := make([]string, len(keys))
			for i, k := range keys {
				lines[i] = k.Line
			}
			m, added, err := s.AddMemberKeys(actor, m.ID, lines)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			for _, k := range keys {
				if slices.Contains(added, k.Fingerprint) {
					fmt.Fprintf(w, "Added key %s for %s.\n", k.Describe(), m.Name)
				} else {
					fmt.Fprintf(w, "%s already holds key %s.\n", m.Name, k.Describe())
				}
			}
			return nil
		}),
	}
}

// readKeyFile reads a key file, or standard input for "-": no more than a
// key file could be (model.ParseSSHKeys says so if there is more).
func (a *app) readKeyFile(cmd *cobra.Command, src string) (string, error) {
	if a.remote != nil && src != "-" {
		return "", usagef("over SSH tasking cannot read files on the server: give - and send the key on standard input (… member key add NAME - < %s)", src)
	}
	var r io.Reader
	if src == "-" {
		r = cmd.InOrStdin()
		if isTerminalIn(r) {
			fmt.Fprintln(cmd.ErrOrStderr(), "Paste the public key (the line in the .pub file), then press ctrl-d:")
		}
	} else {
		f, err := os.Open(a.at(src))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("%s: no such file: give the member's public key file (e.g. id_ed25519.pub), or - to read the key from standard input", src)
		case err != nil:
			return "", err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return "", fmt.Errorf("%s is a folder: give the member's public key file (e.g. id_ed25519.pub) in it", src)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, model.MaxSSHKeyFile+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", keySource(src), err)
	}
	return string(b), nil
}

func keySource(src string) string {
	if src == "-" {
		return "standard input"
	}
	return src
}

// keyRow: member, agency, number, type, bits, fingerprint, comment,
// public_key. number is the key's place in its member's list (what
// `member key remove NAME NUMBER` takes).
type keyRow struct {
	Member      string `json:"member"`
	Agency      string `json:"agency"` // full name
	Number      string `json:"number"` // 1, 2, … within the member
	Type        string `json:"type"`   // ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, …
	Bits        string `json:"bits"`   // 256, 3072, …
	Fingerprint string `json:"fingerprint"`
	Comment     string `json:"comment"`
	PublicKey   string `json:"public_key"` // the authorized_keys line
}

func newMemberKeyListCmd(a *app) *cobra.Command {
	var formatFlag string
	var all bool
	cmd := &cobra.Command{
		Use:   "list [NAME] [--all] [--format table|csv|json]",
		Short: "List members' SSH keys",
		Long: "list shows the SSH public keys of every member still on the group (--all: retired ones too, whose " +
			"keys let nobody in), or of the member NAME: the key's number, type, fingerprint and comment. The " +
			"number is what member key remove takes.\n\nCSV and JSON fields: member, agency, number, type, bits, " +
			"fingerprint, comment, public_key.",
		Example: "  tasking member key list\n  tasking member key list 'Sgt Jas Patel'\n  tasking member key list --all --format csv > keys.csv",
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			f, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			members, err := s.Members()
			if err != nil {
				return err
			}
			empty := "No member has an SSH key."
			if len(args) > 0 {
				// A leaver's keys can be listed by name, to tidy them away.
				m, err := model.FindMember(members, strings.Join(args, " "))
				if err != nil {
					return err
				}
				members = []model.Member{m}
				empty = fmt.Sprintf("%s has no SSH keys.", m.Name)
			} else if !all {
				members = model.ActiveMembers(members)
			}
			idx := model.IndexAgencies(agencies)
			out := list[keyRow]{empty: empty}
			var cells [][]string
			for _, m := range members {
				for i, k := range model.MemberKeys(m) {
					who := m.Name
					if m.Retired {
						who += " (retired)"
					}
					bits := ""
					if k.Bits > 0 {
						bits = strconv.Itoa(k.Bits)
					}
					out.rows = append(out.rows, keyRow{Member: model.CleanText(m.Name), Agency: agencyName(idx, m.AgencyID),
						Number: strconv.Itoa(i + 1), Type: k.Type, Bits: bits, Fingerprint: k.Fingerprint,
						Comment: k.Comment, PublicKey: k.Line})
					cells = append(cells, []string{strconv.Itoa(i + 1), cell(who), cell(idx.Label(m.AgencyID)),
						k.Kind(), k.Fingerprint, cell(k.Comment)})
				}
			}
			out.table = func() peopleTable {
				return peopleTable{headers: []string{"#", "MEMBER", "AGENCY", "TYPE", "FINGERPRINT", "COMMENT"}, rows: cells, flex: 5,
					widths: []int{1: maxName, 2: maxName, 5: maxTitle}}
			}
			return out.write(cmd.OutOrStdout(), f)
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, "include retired members")
	addFormatFlag(cmd, &formatFlag, listFormats...)
	return cmd
}

func newMemberKeyRemoveCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME FINGERPRINT|NUMBER",
		Short: "Take an SSH key from a member",
		Long: "remove takes a key from a member: give its fingerprint (SHA256:…, with or without SHA256:) or its " +
			"number in member key list NAME. A retired member's keys can be removed too. The chair or an admin may.",
		Example: "  tasking --as 'Helen Marsh' member key remove 'Sgt Jas Patel' 2\n" +
			"  tasking --as 'Helen Marsh' member key remove 'Sgt Jas Patel' SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
		Args: usageArgs(cobra.MinimumNArgs(2)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			name, which := strings.Join(args[:len(args)-1], " "), args[len(args)-1]
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := findMember(s, name, true)
			if err != nil {
				return err
			}
			keys := model.MemberKeys(m)
			var key model.SSHKey
			if n, err := strconv.Atoi(which); err == nil {
				switch {
				case len(keys) == 0:
					return model.Invalid("fingerprint", "%s has no SSH keys", m.Name)
				case n < 1 || n > len(keys):
					numbers := "1"
					if len(keys) > 1 {
						numbers = fmt.Sprintf("a number from 1 to %d", len(keys))
					}
					return model.Invalid("fingerprint", "%s has %s: give %s (as member key list %q numbers them), or a fingerprint", m.Name, model.Plural(len(keys), "SSH key"), numbers, m.Name)
				}
				key = keys[n-1]
			} else {
				fp, err := model.ParseFingerprint(which)
				if err != nil {
					return err
				}
				key.Fingerprint = fp
				for _, k := range keys {
					if k.Fingerprint == fp {
						key = k
					}
				}
			}
			m, err = s.RemoveMemberKey(actor, m.ID, key.Fingerprint)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Removed key %s from %s.\n", key.Describe(), m.Name)
			return err
		}),
	}
}

package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// errNotAnswered: a question needed an answer and there was no terminal to
// ask on, nor --yes.
var errNotAnswered = errors.New("not done")

// confirm says question on stderr and asks for y/n on the terminal; yes
// (the command's --yes) answers it already. Without a terminal and without
// --yes nothing is done: the refusal says how to go ahead.
func confirm(cmd *cobra.Command, question string, yes bool) (bool, error) {
	w := cmd.ErrOrStderr()
	fmt.Fprintln(w, question)
	if yes {
		return true, nil
	}
	in := cmd.InOrStdin()
	if !isTerminalIn(in) {
		return false, &usageError{fmt.Errorf("%w: nothing was changed; add --yes to go ahead", errNotAnswered)}
	}
	fmt.Fprint(w, "[y/N] ")
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && line == "" {
		return false, fmt.Errorf("%w: nothing was changed", errNotAnswered)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	fmt.Fprintln(w, "Nothing was changed.")
	return false, nil
}

package bolt

import (
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// recordBucket says whether a bucket holds records (not the file's meta,
// the audit trail itself, an index derived from records, or incident
// counts: those are keyed by force, month and place, not by ID, and each
// import's audit event says what it loaded).
func recordBucket(name []byte) bool {
	n := string(name)
	if n == string(bMeta) || n == string(store.KindAudit) || store.IsIndexBucket(name) {
		return false
	}
	for _, b := range incidentBuckets {
		if n == string(b) {
			return false
		}
	}
	return true
}

// headSuffix is how an automatic backup's name carries the chain's head:
// ".e1234-" and the first 16 hex digits of its Chain.
func headSuffix(h store.ChainHead) string {
	if h.Event == 0 {
		return ""
	}
	return fmt.Sprintf(".e%d-%x", h.Event, h.Chain[:8])
}

// headInName and headGiven are compiled when first used, not as every
// command starts (compiling them was most of the package's start-up).
var headInName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\.e([0-9]+)-([0-9a-f]{16})$`) })

// KnownHeads are the chain heads the automatic backups of the record at
// path carry in their names: kept outside the file, for VerifyChain.
func KnownHeads(path string) []store.ChainHead {
	var out []store.ChainHead
	base := filepath.Base(path)
	for _, dir := range backupFolders(path) {
		for _, name := range autoBackupsIn(dir, base) {
			if h, err := parseHead(headInName(), name); err == nil {
				out = append(out, h)
			}
		}
	}
	return out
}

var headGiven = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]+):([0-9a-f]{16,64})$`) })

// ParseHead reads a head as `tasking audit verify --head` takes it
// (EVENT:HEX, as the JSON minutes' audit_head gives it; 16 hex digits or
// more).
func ParseHead(s string) (store.ChainHead, error) {
	h, err := parseHead(headGiven(), strings.ToLower(strings.TrimSpace(s)))
	if err != nil {
		return h, model.Invalid("head", "%q: give the head as EVENT:CHAIN, e.g. 1234:9f86d081884c7d65 (from the JSON minutes' audit_head or a backup's name)", s)
	}
	return h, nil
}

func parseHead(re *regexp.Regexp, s string) (store.ChainHead, error) {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return store.ChainHead{}, fmt.Errorf("no head in %q", s)
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	if err != nil || n == 0 {
		return store.ChainHead{}, fmt.Errorf("no head in %q", s)
	}
	c, err := hex.DecodeString(m[2])
	if err != nil {
		return store.ChainHead{}, err
	}
	return store.ChainHead{Event: n, Chain: c}, nil
}

package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this binary writes. Bump it with a migration.
//
//	1  the first release
//	2  closed meetings keep their record as at close (bucket snapshots)
//	3  indexes for every screen's reads (indexes.go): open and closed
//	   actions, updates by meeting, open hotspots, meetings by date and
//	   state, decisions, notes and amendments by meeting and hotspot
//	4  privacy is a fact of each record (model.Privacy): what was made in
//	   private keeps it, whatever later happens around it
//	5  every record sealed with a checksum (value.go), the audit images and
//	   frozen records compressed (compress.go), the audit trail a hash
//	   chain committing to every record (chain.go)
//	6  actions and updates compressed too, all with a trained dictionary
//	   (compress.go): a value written now does not read without it
//	7  audit events no longer store what the chain derives (chain.go):
//	   no Prev, and only the first bytes of the content hash
const SchemaVersion = 7

// schemaSealed is the first schema whose every value is sealed.
const schemaSealed = 5

// formatMarker tells a tasking file from any other bbolt file.
const formatMarker = "tasking"

// The buckets: one per kind of record (store/engine.go), named as it is, and
// meta, which holds the file's format, schema and the partnership.
var (
	bMeta        = []byte("meta")
	bAgencies    = []byte(store.KindAgencies)
	bMembers     = []byte(store.KindMembers)
	bHotspots    = []byte(store.KindHotspots)
	bActions     = []byte(store.KindActions)
	bUpdates     = []byte(store.KindUpdates)
	bDecisions   = []byte(store.KindDecisions)
	bNotes       = []byte(store.KindNotes)
	bMeetings    = []byte(store.KindMeetings)
	bAudit       = []byte(store.KindAudit)
	bAmends      = []byte(store.KindAmendments)
	bSnapshots   = []byte(store.KindSnapshots)
	bPowers      = []byte(store.KindPowers)
	bCaseReviews = []byte(store.KindCaseReviews)
	// The indexes are declared in indexes.go.
	allBuckets = append(append([][]byte{bMeta, bAgencies, bMembers, bHotspots, bActions, bUpdates, bDecisions, bNotes,
		bMeetings, bAudit, bAmends, bSnapshots}, store.IndexBuckets()...), laterBuckets...)
	// laterBuckets came after schema 4 without a schema change (incident
	// data, powers, case reviews): new empty buckets need no migration.
	// Opening a file to write makes any that are missing (prepare: a file
	// is not ready until it has every bucket); a reader of a file made
	// before them reads them as empty (checkReadable lets them be missing).
	laterBuckets = slices.Concat(incidentBuckets, [][]byte{bPowers, bCaseReviews})

	kFormat      = []byte("format")
	kSchema      = []byte("schema_version")
	kPartnership = []byte("partnership")
)

// migrations[i] upgrades schema i+1 to i+2, inside the one transaction that
// also bumps the version; the file is backed up before it starts.
var migrations = []func(s *File, tx *record.Txn) error{
	freezeClosedMeetings, // 1 → 2
	func(_ *File, tx *record.Txn) error { return rebuildIndexes(fileTx(tx)) }, // 2 → 3
	recordPrivacy,   // 3 → 4
	sealRecords,     // 4 → 5
	compressRecords, // 5 → 6
	trimChainFields, // 6 → 7
}

// prepare makes a new file a tasking database, or checks an existing one and
// migrates it.
func (s *File) prepare() error {
	if err := s.checkFormat(); err != nil {
		return err
	}
	if ready, err := s.ready(); err != nil || ready {
		return err // a current file is opened without a write
	}
	if v, err := s.Schema(); err != nil {
		return err
	} else if v > 0 && v < SchemaVersion {
		// Before schema 5 no value had its seal: this process reads them
		// as they are while it upgrades the file (and seals them).
		if v < schemaSealed {
			s.bolt.plainOK.Store(true)
		}
		// An upgrade rewrites the record: keep the file as it was first.
		p, _ := s.Partnership() // an old file may not read as one: the default folder then
		if _, err := autoBackup(s, p, fmt.Sprintf("schema%d", v)); err != nil {
			return fmt.Errorf("upgrading %s from schema %d: cannot back it up first (%w); nothing was changed", s.path, v, err)
		}
	}
	return s.Upkeep(func(t *record.Txn) error {
		tx := fileTx(t)
		meta := tx.Bucket(bMeta)
		if meta == nil {
			if err := refuseForeign(tx, s.path); err != nil {
				return err
			}
			for _, name := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			meta = tx.Bucket(bMeta)
			if err := meta.Put(kFormat, []byte(formatMarker)); err != nil {
				return err
			}
			return meta.Put(kSchema, binary.BigEndian.AppendUint64(nil, SchemaVersion))
		}
		v := schemaOf(meta)
		if v > SchemaVersion {
			s.bolt.fileSchema = v
			return nil
		}
		if v < SchemaVersion {
			// Every write keeps the indexes, the upgrades' included: their
			// buckets exist before the first step (the last rebuilds them).
			for _, name := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
		}
		for ; v < SchemaVersion; v++ {
			if err := migrations[v-1](s, t); err != nil {
				return fmt.Errorf("upgrading %s from schema %d: %w", s.path, v, err)
			}
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return meta.Put(kSchema, binary.BigEndian.AppendUint64(nil, SchemaVersion))
	})
}

// ready: the file is a tasking database of this schema with every bucket:
// nothing to make or upgrade, so opening it writes nothing.
func (s *File) ready() (bool, error) {
	ready := false
	err := s.boltView(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		if meta == nil {
			return nil
		}
		if v := schemaOf(meta); v > SchemaVersion {
			s.bolt.fileSchema = v
			ready = true
			return nil
		} else if v < SchemaVersion {
			return nil
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return nil
			}
		}
		ready = true
		return nil
	})
	return ready, err
}

// checkReadable is prepare for a reader: the file must already be a
// tasking database of this schema, since a reader changes nothing (an older
// one is upgraded by the first command that writes, or `tasking upgrade`).
func (s *File) checkReadable() error {
	if err := s.checkFormat(); err != nil {
		return err
	}
	ready, err := s.ready()
	if err != nil || ready {
		return err
	}
	v, err := s.Schema()
	if err != nil {
		return err
	}
	if v == 0 {
		return &DamagedError{Path: s.path, Reason: "it holds no tasking record", Backup: latestBackup(s.path)}
	}
	if v == SchemaVersion && s.onlyLaterMissing() {
		return nil
	}
	return &TooOldError{Path: s.path, File: v, Wants: SchemaVersion}
}

// onlyLaterMissing: every bucket but some of laterBuckets is there.
func (s *File) onlyLaterMissing() bool {
	ok := true
	_ = s.boltView(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil && !slices.ContainsFunc(laterBuckets, func(b []byte) bool { return bytes.Equal(b, name) }) {
				ok = false
			}
		}
		return nil
	})
	return ok
}

// checkFormat refuses a bbolt file that some other program wrote.
func (s *File) checkFormat() error {
	return s.boltView(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		if meta == nil {
			return refuseForeign(tx, s.path)
		}
		if string(meta.Get(kFormat)) != formatMarker {
			return &DamagedError{Path: s.path, Reason: "a bbolt file from another program", Backup: latestBackup(s.path)}
		}
		return nil
	})
}

func refuseForeign(tx *bolt.Tx, path string) error {
	foreign := false
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		foreign = true
		return nil
	})
	if foreign {
		return &DamagedError{Path: path, Reason: "a bbolt file from another program", Backup: latestBackup(path)}
	}
	return nil
}

func schemaOf(meta *bolt.Bucket) int {
	b := meta.Get(kSchema)
	if len(b) != 8 {
		return 1
	}
	return int(binary.BigEndian.Uint64(b))
}

// Schema is the file's schema version.
func (s *File) Schema() (int, error) {
	v := 0
	err := s.boltView(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bMeta); meta != nil {
			v = schemaOf(meta)
		}
		return nil
	})
	return v, err
}

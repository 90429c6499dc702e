-- The record: a table per kind of record (its JSON byte for byte as the
-- store gave it: the audit chain sums those bytes), the ordered keys of
-- the declared indexes and the data kept by key, and the counters (each
-- kind's last ID, and the commits made).

CREATE TABLE counters (
    name  text PRIMARY KEY, -- 'commit', or 'id:' and a kind
    value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('commit', 0);

CREATE TABLE keyed (
    ix    text  NOT NULL, -- the index's name (store.Index)
    key   bytea NOT NULL,
    value bytea NOT NULL,
    PRIMARY KEY (ix, key)
);

CREATE TABLE rec_partnership  (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_agencies     (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_members      (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_hotspots     (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_actions      (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_updates      (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_decisions    (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_notes        (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_meetings     (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_amendments   (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_snapshots    (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_powers       (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_case_reviews (id bigint PRIMARY KEY, body bytea NOT NULL);
CREATE TABLE rec_audit        (id bigint PRIMARY KEY, body bytea NOT NULL);

-- Schema version 2: the hash of a file as the user gave it (when the stored copy differs, e.g. an
-- unlocked copy of a password-protected PDF), and the release log of exported bundles.
ALTER TABLE document ADD COLUMN source_sha256 VARCHAR(64);
CREATE INDEX ix_document_source_sha256 ON document(source_sha256);
CREATE TABLE release (
    id INTEGER PRIMARY KEY,
    created_at DATETIME NOT NULL,
    recipient_name TEXT NOT NULL DEFAULT '',
    recipient_institution TEXT NOT NULL DEFAULT '',
    packet_filename TEXT NOT NULL DEFAULT '',
    packet_sha256 VARCHAR(64) NOT NULL DEFAULT '',
    page_count INTEGER NOT NULL DEFAULT 0,
    archive_filename TEXT NOT NULL DEFAULT '',
    archive_sha256 VARCHAR(64) NOT NULL DEFAULT '',
    options TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE release_record (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES release(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL DEFAULT 0,
    record_id INTEGER REFERENCES record(id) ON DELETE SET NULL,
    kind VARCHAR(32) NOT NULL DEFAULT 'other',
    title TEXT NOT NULL DEFAULT '',
    date_of_service DATE,
    institution TEXT NOT NULL DEFAULT '',
    start_page INTEGER,
    page_count INTEGER NOT NULL DEFAULT 0,
    included BOOLEAN NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_release_record_release_id ON release_record(release_id);
CREATE INDEX ix_release_record_record_id ON release_record(record_id);

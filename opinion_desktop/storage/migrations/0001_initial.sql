-- Schema version 1: patient, records, documents (bytes stored once by SHA-256), pages,
-- full-text index, opinions.
CREATE TABLE patient (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    date_of_birth DATE,
    diagnosis_summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE patient_identifier (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
    institution TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT ''
);
CREATE TABLE blob (
    sha256 VARCHAR(64) PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE record (
    id INTEGER PRIMARY KEY,
    kind VARCHAR(32) NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    date_of_service DATE,
    institution TEXT NOT NULL DEFAULT '',
    clinician TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_record_kind ON record(kind);
CREATE INDEX ix_record_date_of_service ON record(date_of_service);
CREATE TABLE record_tag (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (record_id, tag)
);
CREATE INDEX ix_record_tag_record_id ON record_tag(record_id);
CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    blob_sha256 VARCHAR(64) NOT NULL REFERENCES blob(sha256),
    ordinal INTEGER NOT NULL DEFAULT 0,
    filename TEXT NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    page_count INTEGER NOT NULL DEFAULT 1,
    has_text_layer BOOLEAN NOT NULL DEFAULT 1
);
CREATE INDEX ix_document_record_id ON document(record_id);
CREATE INDEX ix_document_blob_sha256 ON document(blob_sha256);
CREATE TABLE document_page (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    page_number INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    ocr_confidence FLOAT,
    UNIQUE (document_id, page_number)
);
-- One row per record (rowid = record.id); kept up to date by the record repository.
CREATE VIRTUAL TABLE record_fts USING fts5(
    title, kind, institution, clinician, notes, tags, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TABLE opinion (
    id INTEGER PRIMARY KEY,
    clinician TEXT NOT NULL DEFAULT '',
    specialty TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    date DATE,
    opinion_type VARCHAR(32) NOT NULL DEFAULT 'other',
    diagnosis TEXT NOT NULL DEFAULT '',
    primary_site TEXT NOT NULL DEFAULT '',
    laterality TEXT NOT NULL DEFAULT '',
    histologic_type TEXT NOT NULL DEFAULT '',
    grade TEXT NOT NULL DEFAULT '',
    clinical_t TEXT NOT NULL DEFAULT '',
    clinical_n TEXT NOT NULL DEFAULT '',
    clinical_m TEXT NOT NULL DEFAULT '',
    clinical_group TEXT NOT NULL DEFAULT '',
    pathologic_t TEXT NOT NULL DEFAULT '',
    pathologic_n TEXT NOT NULL DEFAULT '',
    pathologic_m TEXT NOT NULL DEFAULT '',
    pathologic_group TEXT NOT NULL DEFAULT '',
    rationale TEXT NOT NULL DEFAULT '',
    tests_ordered TEXT NOT NULL DEFAULT '',
    uncertainty TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE TABLE opinion_biomarker (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinion(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_opinion_biomarker_opinion_id ON opinion_biomarker(opinion_id);
CREATE TABLE opinion_treatment (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinion(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL DEFAULT 0,
    modality VARCHAR(32) NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_opinion_treatment_opinion_id ON opinion_treatment(opinion_id);
CREATE TABLE opinion_record (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinion(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    UNIQUE (opinion_id, record_id)
);
CREATE INDEX ix_opinion_record_opinion_id ON opinion_record(opinion_id);
CREATE INDEX ix_opinion_record_record_id ON opinion_record(record_id);
CREATE TABLE opinion_question (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinion(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL DEFAULT 0,
    question TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_opinion_question_opinion_id ON opinion_question(opinion_id);
CREATE TABLE opinion_field_source (
    id INTEGER PRIMARY KEY,
    opinion_id INTEGER NOT NULL REFERENCES opinion(id) ON DELETE CASCADE,
    field VARCHAR(64) NOT NULL,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    sentence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_opinion_field_source_opinion_id ON opinion_field_source(opinion_id);
CREATE INDEX ix_opinion_field_source_record_id ON opinion_field_source(record_id);

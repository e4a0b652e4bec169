-- Schema version 3: lab results as data (from FHIR, C-CDA and CSV files), one row per value,
-- linked to the record and the document they were read from.
CREATE TABLE lab_value (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES document(id) ON DELETE SET NULL,
    ordinal INTEGER NOT NULL DEFAULT 0,
    analyte TEXT NOT NULL,
    name_key TEXT NOT NULL DEFAULT '',
    loinc VARCHAR(32) NOT NULL DEFAULT '',
    value_number FLOAT,
    value_text TEXT NOT NULL DEFAULT '',
    comparator VARCHAR(2) NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    ref_low FLOAT,
    ref_high FLOAT,
    ref_text TEXT NOT NULL DEFAULT '',
    flag VARCHAR(16) NOT NULL DEFAULT 'unknown',
    collected_at VARCHAR(32),
    performing_lab TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_lab_value_record_id ON lab_value(record_id);
CREATE INDEX ix_lab_value_document_id ON lab_value(document_id);
CREATE INDEX ix_lab_value_loinc ON lab_value(loinc);
CREATE INDEX ix_lab_value_name_key ON lab_value(name_key);
CREATE INDEX ix_lab_value_collected_at ON lab_value(collected_at);

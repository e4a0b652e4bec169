-- Schema version 4: the history of every change to records and opinions, one row per field.
-- No foreign key on entity_id: the history of a deleted record or opinion is kept.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    changed_at DATETIME NOT NULL,
    entity VARCHAR(16) NOT NULL,
    entity_id INTEGER NOT NULL,
    action VARCHAR(16) NOT NULL,
    field VARCHAR(64) NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_change_log_entity ON change_log(entity, entity_id);

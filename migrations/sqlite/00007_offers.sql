-- Offers as records: the terms an organisation offers on an application,
-- every revision kept, and the candidate's answer to the latest one.

-- +goose Up
CREATE TABLE offers (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id       INTEGER     NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    revision             INTEGER     NOT NULL CHECK (revision >= 1),
    kind                 TEXT        NOT NULL,
    annual_salary_jpy    INTEGER     NOT NULL CHECK (annual_salary_jpy >= 0),
    start_date           DATE        NOT NULL,
    term_months          INTEGER     NOT NULL DEFAULT 0 CHECK (term_months >= 0),
    planned_status       TEXT        NOT NULL,
    respond_by           DATE        NOT NULL,
    text_en              TEXT        NOT NULL DEFAULT '',
    text_ja              TEXT        NOT NULL DEFAULT '',
    university_agreement BOOLEAN     NOT NULL DEFAULT 0,
    created_by           INTEGER     NOT NULL REFERENCES users (id),
    created_at           DATETIME    NOT NULL,
    answer               TEXT        NOT NULL DEFAULT '' CHECK (answer IN ('', 'accepted', 'declined')),
    answered_at          DATETIME,
    UNIQUE (application_id, revision)
);

-- +goose Down
DROP TABLE offers;

-- Notifications and saved searches. A notification row is both the
-- in-app message and the outbox of its e-mail: it is written in the same
-- transaction as the change that causes it, together with the job that
-- delivers it (River's tables are migrated by River's own migrator).

-- +goose Up
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL,
    object_type TEXT        NOT NULL,
    object_id   INTEGER     NOT NULL,
    params      TEXT        NOT NULL,
    -- Set for events that must reach a person once however often they are
    -- raised (a round closing, a saved search's run).
    dedupe_key  TEXT,
    -- How the e-mail goes: now, in the daily digest, or not at all (in_app),
    -- as the recipient's preference said when the notification was written.
    delivery    TEXT        NOT NULL CHECK (delivery IN ('now', 'digest', 'in_app')),
    emailed_at  DATETIME,
    read_at     DATETIME,
    created_at  DATETIME    NOT NULL,
    UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest_idx ON notifications (user_id, id) WHERE delivery = 'digest' AND emailed_at IS NULL;

-- Per person and kind of event: e-mail now, in a daily digest, or in-app
-- only. No row means the default (now).
CREATE TABLE notification_preferences (
    user_id    INTEGER     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL,
    delivery   TEXT        NOT NULL CHECK (delivery IN ('now', 'digest', 'in_app')),
    updated_at DATETIME    NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- A candidate's role search (the filters of GET /api/v1/roles, as JSON),
-- run daily or weekly for roles published since it was saved.
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL,
    filters     TEXT        NOT NULL,
    frequency   TEXT        NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    created_at  DATETIME    NOT NULL,
    last_run_at DATETIME   
);
CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, id);

-- Every role a saved search has announced: the primary key is what makes
-- "never announced twice" hold across runs and restarts.
CREATE TABLE saved_search_hits (
    saved_search_id INTEGER     NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    role_id         INTEGER     NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    created_at      DATETIME    NOT NULL,
    PRIMARY KEY (saved_search_id, role_id)
);

-- Secrets the server generates for itself on first use (the key that signs
-- unsubscribe links).
CREATE TABLE server_secrets (
    name       TEXT        PRIMARY KEY,
    secret     BLOB        NOT NULL,
    created_at DATETIME    NOT NULL
);

-- +goose Down
DROP TABLE server_secrets;
DROP TABLE saved_search_hits;
DROP TABLE saved_searches;
DROP TABLE notification_preferences;
DROP TABLE notifications;

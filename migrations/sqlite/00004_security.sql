-- Security: sessions with idle and absolute timeouts and a
-- second-factor mark, sign-ins waiting for a second factor, TOTP
-- authenticators and recovery codes, failed-attempt back-off and trusted
-- devices, and the append-only audit log.

-- +goose Up
-- Sessions get their last-seen time, client and second-factor mark. The old
-- sessions end: everyone signs in again (the staff with a second factor).
DROP TABLE sessions;
CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash       BLOB       NOT NULL UNIQUE,
    created_at       DATETIME NOT NULL,
    last_seen_at     DATETIME NOT NULL,
    expires_at       DATETIME NOT NULL,
    second_factor_at DATETIME,
    ip               TEXT        NOT NULL DEFAULT '',
    user_agent       TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id, id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- A sign-in whose password was right, waiting for the second factor.
CREATE TABLE pending_sign_ins (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB       NOT NULL UNIQUE,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL,
    ip         TEXT        NOT NULL DEFAULT '',
    user_agent TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX pending_sign_ins_user_idx ON pending_sign_ins (user_id);

-- RFC 6238 authenticators: unconfirmed until the first code; last_step is the
-- time step of the last accepted code (no code is accepted twice).
CREATE TABLE totp_authenticators (
    user_id      INTEGER      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret       TEXT        NOT NULL,
    confirmed_at DATETIME,
    last_step    INTEGER      NOT NULL DEFAULT 0,
    created_at   DATETIME NOT NULL
);

-- Single-use recovery codes, argon2id-hashed.
CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT        NOT NULL,
    used_at    DATETIME,
    created_at DATETIME NOT NULL
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Failed-attempt back-off per key (SHA-256 of an e-mail address, of an
-- account and a trusted device, or of an account's second factor).
CREATE TABLE login_throttles (
    throttle_key  BLOB       PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    blocked_until DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX login_throttles_updated_idx ON login_throttles (updated_at);

-- Browsers that proved an account's password (by the SHA-256 of their
-- device token): they have a back-off of their own.
CREATE TABLE trusted_devices (
    user_id      INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_hash  BLOB       NOT NULL,
    created_at   DATETIME NOT NULL,
    last_used_at DATETIME NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);

-- The audit log: append-only. actor_id has no foreign key on purpose: the log
-- outlives the accounts it names.
CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         DATETIME NOT NULL,
    actor_id   INTEGER,
    actor_role TEXT        NOT NULL DEFAULT '',
    method     TEXT        NOT NULL,
    route      TEXT        NOT NULL,
    path       TEXT        NOT NULL,
    object_id  INTEGER,
    status     INTEGER     NOT NULL,
    ip         TEXT        NOT NULL DEFAULT '',
    user_agent TEXT        NOT NULL DEFAULT '',
    request_id TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id);

-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER audit_events_no_delete;
DROP TRIGGER audit_events_no_update;
DROP TABLE audit_events;
DROP TABLE trusted_devices;
DROP TABLE login_throttles;
DROP TABLE recovery_codes;
DROP TABLE totp_authenticators;
DROP TABLE pending_sign_ins;
DROP TABLE sessions;
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB       NOT NULL UNIQUE,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Personal data and reliability: the consent ledger, profile views,
-- erasure tombstones, idempotency records, and versions for optimistic
-- concurrency on roles and applications.

-- +goose Up
-- Every grant and withdrawal of consent, append-only. The profile's
-- consent_share_applied / consent_discoverable flags are kept in step with it
-- in the same transaction (see talent.EffectiveConsent).
CREATE TABLE consent_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT        NOT NULL CHECK (purpose IN ('share_with_applied', 'discoverable', 'transfer_to_japan')),
    granted         BOOLEAN     NOT NULL,
    wording_version TEXT        NOT NULL,
    language        TEXT        NOT NULL,
    source          TEXT        NOT NULL CHECK (source IN ('consents', 'profile', 'seed', 'erasure')),
    created_at      DATETIME NOT NULL
);
CREATE INDEX consent_events_user_idx ON consent_events (user_id, purpose, id);

-- Which organisation saw a candidate's profile, at most one row per day.
CREATE TABLE profile_views (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id    INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id INTEGER      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    viewed_on       DATE        NOT NULL,
    source          TEXT        NOT NULL CHECK (source IN ('application', 'recommendation', 'round')),
    created_at      DATETIME NOT NULL,
    UNIQUE (candidate_id, organization_id, viewed_on)
);
CREATE INDEX profile_views_candidate_idx ON profile_views (candidate_id, id);

-- The first answer to a request sent with an Idempotency-Key, per caller.
-- The row is inserted before the request runs (the primary key is the lock),
-- marked with the created object's id in the same transaction as the change,
-- and completed with the answer afterwards.
CREATE TABLE idempotency_keys (
    user_id          INTEGER      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idem_key         TEXT        NOT NULL,
    fingerprint      BLOB       NOT NULL,
    resource_id      INTEGER,
    status           INTEGER     NOT NULL DEFAULT 0,
    response_headers TEXT        NOT NULL DEFAULT '{}',
    response_body    BLOB,
    locked_until     DATETIME NOT NULL,
    created_at       DATETIME NOT NULL,
    expires_at       DATETIME NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);

ALTER TABLE users ADD COLUMN erased_at DATETIME;
ALTER TABLE roles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE applications ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Profiles saved before the ledger existed: their consent flags become
-- ledger entries (wording v1, as the profile form showed it).
INSERT INTO consent_events (user_id, purpose, granted, wording_version, language, source, created_at)
SELECT p.user_id, 'share_with_applied', 1, 'v1', u.locale, 'profile', p.updated_at
FROM profiles p JOIN users u ON u.id = p.user_id WHERE p.consent_share_applied;
INSERT INTO consent_events (user_id, purpose, granted, wording_version, language, source, created_at)
SELECT p.user_id, 'transfer_to_japan', 1, 'v1', u.locale, 'profile', p.updated_at
FROM profiles p JOIN users u ON u.id = p.user_id WHERE (p.consent_share_applied OR p.consent_discoverable);
INSERT INTO consent_events (user_id, purpose, granted, wording_version, language, source, created_at)
SELECT p.user_id, 'discoverable', 1, 'v1', u.locale, 'profile', p.updated_at
FROM profiles p JOIN users u ON u.id = p.user_id WHERE p.consent_discoverable;

-- +goose Down
ALTER TABLE applications DROP COLUMN version;
ALTER TABLE roles DROP COLUMN version;
ALTER TABLE users DROP COLUMN erased_at;
DROP TABLE idempotency_keys;
DROP TABLE profile_views;
DROP TABLE consent_events;

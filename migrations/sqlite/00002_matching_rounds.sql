-- Matching rounds: the roles taking part, both sides' rank lists, and the
-- stable matching a round produced.

-- +goose Up
CREATE TABLE matching_rounds (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('draft', 'open', 'completed')),
    ranking_deadline DATETIME NOT NULL,
    created_by       INTEGER      NOT NULL REFERENCES users (id),
    created_at       DATETIME NOT NULL,
    opened_at        DATETIME,
    ran_at           DATETIME,
    matched          INTEGER     NOT NULL DEFAULT 0,
    proposals        INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX matching_rounds_status_idx ON matching_rounds (status, id);

CREATE TABLE matching_round_roles (
    round_id INTEGER NOT NULL REFERENCES matching_rounds (id) ON DELETE CASCADE,
    role_id  INTEGER NOT NULL REFERENCES roles (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (round_id, role_id)
);

CREATE TABLE round_rankings (
    round_id  INTEGER  NOT NULL REFERENCES matching_rounds (id) ON DELETE CASCADE,
    side      TEXT    NOT NULL CHECK (side IN ('candidate', 'role')),
    owner_id  INTEGER  NOT NULL,
    ranked_id INTEGER  NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (round_id, side, owner_id, ranked_id)
);
CREATE INDEX round_rankings_ranked_idx ON round_rankings (round_id, side, ranked_id);

CREATE TABLE round_matches (
    round_id       INTEGER NOT NULL REFERENCES matching_rounds (id) ON DELETE CASCADE,
    candidate_id   INTEGER NOT NULL REFERENCES users (id),
    role_id        INTEGER NOT NULL REFERENCES roles (id),
    application_id INTEGER NOT NULL REFERENCES applications (id),
    PRIMARY KEY (round_id, candidate_id)
);
CREATE INDEX round_matches_role_idx ON round_matches (round_id, role_id);

-- +goose Down
DROP TABLE round_matches;
DROP TABLE round_rankings;
DROP TABLE matching_round_roles;
DROP TABLE matching_rounds;

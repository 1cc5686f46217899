-- The platform spine: accounts and sessions, candidate profiles, organisations,
-- roles, applications with their timelines, and placements.

-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('candidate', 'org_member', 'ministry', 'admin')),
    locale        TEXT        NOT NULL DEFAULT 'en',
    password_hash TEXT        NOT NULL,
    disabled      BOOLEAN     NOT NULL DEFAULT 0,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB       NOT NULL UNIQUE,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE profiles (
    user_id                INTEGER     PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name                   TEXT        NOT NULL,
    indian_state           TEXT        NOT NULL DEFAULT '',
    city                   TEXT        NOT NULL DEFAULT '',
    experience_years       INTEGER     NOT NULL DEFAULT 0,
    papers                 INTEGER     NOT NULL DEFAULT 0,
    patents                INTEGER     NOT NULL DEFAULT 0,
    jlpt_level             TEXT        NOT NULL DEFAULT 'none',
    english_level          TEXT        NOT NULL DEFAULT 'none',
    wanted_role_types      TEXT        NOT NULL DEFAULT '[]',
    earliest_start         DATE,
    salary_expectation_jpy INTEGER,
    preferred_prefectures  TEXT        NOT NULL DEFAULT '[]',
    remote_ok              BOOLEAN     NOT NULL DEFAULT 0,
    date_of_birth          DATE,
    consent_share_applied  BOOLEAN     NOT NULL DEFAULT 0,
    consent_discoverable   BOOLEAN     NOT NULL DEFAULT 0,
    updated_at             DATETIME NOT NULL
);
CREATE INDEX profiles_indian_state_idx ON profiles (indian_state);

CREATE TABLE educations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER  NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    level       TEXT    NOT NULL,
    institution TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    year        INTEGER NOT NULL
);
CREATE INDEX educations_user_idx ON educations (user_id);

CREATE TABLE candidate_skills (
    user_id     INTEGER  NOT NULL REFERENCES profiles (user_id) ON DELETE CASCADE,
    skill       TEXT    NOT NULL,
    proficiency INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (user_id, skill)
);
CREATE INDEX candidate_skills_skill_idx ON candidate_skills (skill);

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name_ja     TEXT        NOT NULL,
    name_en     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    prefecture  TEXT        NOT NULL,
    website     TEXT        NOT NULL DEFAULT '',
    verified    BOOLEAN     NOT NULL DEFAULT 0,
    verified_at DATETIME,
    created_by  INTEGER     NOT NULL REFERENCES users (id),
    created_at  DATETIME NOT NULL
);
CREATE INDEX organizations_verified_idx ON organizations (verified, id);

CREATE TABLE organization_members (
    organization_id INTEGER     NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         INTEGER     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      DATETIME NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user_idx ON organization_members (user_id);

CREATE TABLE roles (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id      INTEGER     NOT NULL REFERENCES organizations (id),
    type                 TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    title_en             TEXT        NOT NULL DEFAULT '',
    title_ja             TEXT        NOT NULL DEFAULT '',
    title_hi             TEXT        NOT NULL DEFAULT '',
    description_en       TEXT        NOT NULL DEFAULT '',
    description_ja       TEXT        NOT NULL DEFAULT '',
    description_hi       TEXT        NOT NULL DEFAULT '',
    min_education        TEXT        NOT NULL DEFAULT 'none',
    min_experience_years INTEGER     NOT NULL DEFAULT 0,
    japanese_level       TEXT        NOT NULL DEFAULT 'none',
    japanese_mode        TEXT        NOT NULL DEFAULT 'preferred',
    japanese_rank        INTEGER     NOT NULL DEFAULT 0,
    english_level        TEXT        NOT NULL DEFAULT 'none',
    prefecture           TEXT        NOT NULL,
    remote               TEXT        NOT NULL DEFAULT 'onsite',
    salary_min_jpy       INTEGER,
    salary_max_jpy       INTEGER,
    stipend_monthly_jpy  INTEGER,
    yearly_pay_top_jpy   INTEGER,
    duration_months      INTEGER,
    start_date           DATE,
    openings             INTEGER     NOT NULL DEFAULT 1,
    deadline             DATE,
    visa_support         BOOLEAN     NOT NULL DEFAULT 0,
    published_at         DATETIME,
    created_at           DATETIME NOT NULL,
    updated_at           DATETIME NOT NULL
);
CREATE INDEX roles_status_idx ON roles (status, id);
CREATE INDEX roles_organization_idx ON roles (organization_id, id);
CREATE INDEX roles_prefecture_idx ON roles (prefecture);

CREATE TABLE role_skills (
    role_id         INTEGER  NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    skill           TEXT    NOT NULL,
    min_proficiency INTEGER NOT NULL,
    required        BOOLEAN NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (role_id, skill)
);
CREATE INDEX role_skills_skill_idx ON role_skills (skill, role_id);

CREATE TABLE applications (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    role_id      INTEGER     NOT NULL REFERENCES roles (id),
    candidate_id INTEGER     NOT NULL REFERENCES users (id),
    stage        TEXT        NOT NULL,
    cover_note   TEXT        NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL,
    UNIQUE (role_id, candidate_id)
);
CREATE INDEX applications_candidate_idx ON applications (candidate_id, id);
CREATE INDEX applications_role_stage_idx ON applications (role_id, stage, id);

CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER     NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_stage     TEXT        NOT NULL DEFAULT '',
    to_stage       TEXT        NOT NULL,
    reason         TEXT        NOT NULL DEFAULT '',
    actor_id       INTEGER     NOT NULL REFERENCES users (id),
    created_at     DATETIME NOT NULL
);
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

CREATE TABLE placements (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id  INTEGER     NOT NULL UNIQUE REFERENCES applications (id),
    candidate_id    INTEGER     NOT NULL REFERENCES users (id),
    role_id         INTEGER     NOT NULL REFERENCES roles (id),
    organization_id INTEGER     NOT NULL REFERENCES organizations (id),
    visa_status     TEXT        NOT NULL,
    start_date      DATE        NOT NULL,
    arrived_on      DATE,
    created_at      DATETIME NOT NULL
);
CREATE INDEX placements_candidate_idx ON placements (candidate_id);
CREATE INDEX placements_arrived_idx ON placements (arrived_on);

-- +goose Down
DROP TABLE placements;
DROP TABLE application_events;
DROP TABLE applications;
DROP TABLE role_skills;
DROP TABLE roles;
DROP TABLE organization_members;
DROP TABLE organizations;
DROP TABLE candidate_skills;
DROP TABLE educations;
DROP TABLE profiles;
DROP TABLE sessions;
DROP TABLE users;

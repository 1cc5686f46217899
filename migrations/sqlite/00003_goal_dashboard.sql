-- The goal dashboard: the goal definition administrators edit,
-- the log of exports, and the indexes the dashboard's aggregates read.

-- +goose Up
-- One row (id 1) once an administrator saves a definition; without it the
-- default applies (500 people, 2026-07-02 to 2030-12-31, jobs and research).
CREATE TABLE goal_definitions (
    id            INTEGER     PRIMARY KEY CHECK (id = 1),
    target        INTEGER     NOT NULL CHECK (target > 0),
    window_start  DATE        NOT NULL,
    deadline      DATE        NOT NULL,
    counted_types TEXT        NOT NULL,
    updated_by    INTEGER     REFERENCES users (id) ON DELETE SET NULL,
    updated_at    DATETIME    NOT NULL,
    CHECK (deadline > window_start)
);

-- Who exported which tables of the dashboard, and when.
CREATE TABLE dashboard_exports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER     NOT NULL REFERENCES users (id),
    format      TEXT        NOT NULL CHECK (format IN ('csv', 'xlsx')),
    tables      TEXT        NOT NULL,
    period_from DATE,
    period_to   DATE,
    created_at  DATETIME    NOT NULL
);
CREATE INDEX dashboard_exports_user_idx ON dashboard_exports (user_id, id);
CREATE INDEX dashboard_exports_created_idx ON dashboard_exports (created_at);

-- Breakdowns filter applications by submission time, and offers by when
-- they were made; the funnel counts applications by stage and the stage
-- they ended from.
CREATE INDEX applications_created_idx ON applications (created_at);
CREATE INDEX applications_stage_idx ON applications (stage);
CREATE INDEX application_events_stage_idx ON application_events (to_stage, from_stage, created_at);
-- Placements by the role they fill (the goal counts by role type) and by
-- when they were recorded.
CREATE INDEX placements_role_idx ON placements (role_id);
CREATE INDEX placements_created_idx ON placements (created_at);
-- Breakdowns join applications and placements to the few columns of roles
-- and profiles they group by; these let them read an index instead of the
-- wide tables.
CREATE INDEX roles_dashboard_idx ON roles (id, prefecture, type, organization_id);
CREATE INDEX profiles_dashboard_idx ON profiles (user_id, indian_state, jlpt_level);
-- The data version the dashboard's cache checks reads the latest changes.
CREATE INDEX profiles_updated_idx ON profiles (updated_at);
CREATE INDEX roles_updated_idx ON roles (updated_at);

-- +goose Down
DROP INDEX profiles_dashboard_idx;
DROP INDEX roles_dashboard_idx;
DROP INDEX roles_updated_idx;
DROP INDEX profiles_updated_idx;
DROP INDEX placements_created_idx;
DROP INDEX placements_role_idx;
DROP INDEX application_events_stage_idx;
DROP INDEX applications_stage_idx;
DROP INDEX applications_created_idx;
DROP TABLE dashboard_exports;
DROP TABLE goal_definitions;

-- FaceGate schema, version 6: liveness (issue 15). Check-ins say whether their face was checked
-- for liveness and may be refused as LIVENESS_FAILED; the liveness bounds are one settings row
-- with per-site overrides (like recognition_settings); each kiosk switches its head-turn challenge
-- on or off (null = on). Portable SQL (PostgreSQL, H2 2.x).

ALTER TABLE check_in DROP CONSTRAINT ck_check_in_outcome;
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_outcome
    CHECK (outcome IN ('MATCH', 'UNKNOWN', 'NO_FACE', 'MULTIPLE_FACES', 'LIVENESS_FAILED'));
-- NULL on check-ins recorded before this version: nobody knows whether they were checked.
ALTER TABLE check_in ADD COLUMN liveness VARCHAR(12);
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_liveness
    CHECK (liveness IN ('NOT_CHECKED', 'PASSED', 'FAILED'));
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_liveness_failed
    CHECK ((outcome = 'LIVENESS_FAILED') = (liveness IS NOT NULL AND liveness = 'FAILED'));
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_liveness_failed_names_nobody
    CHECK (outcome <> 'LIVENESS_FAILED' OR (employee_id IS NULL AND NOT door_opened));

ALTER TABLE device ADD COLUMN liveness_challenge BOOLEAN;

CREATE TABLE liveness_settings (
    id                   BIGINT PRIMARY KEY,
    frontal_yaw_degrees  DOUBLE PRECISION NOT NULL,
    turn_yaw_degrees     DOUBLE PRECISION NOT NULL,
    time_limit_ms        INTEGER NOT NULL,
    min_residual         DOUBLE PRECISION NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64) NOT NULL,
    version              BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE site_liveness (
    settings_id          BIGINT NOT NULL REFERENCES liveness_settings (id),
    site                 VARCHAR(100) NOT NULL,
    frontal_yaw_degrees  DOUBLE PRECISION NOT NULL,
    turn_yaw_degrees     DOUBLE PRECISION NOT NULL,
    time_limit_ms        INTEGER NOT NULL,
    min_residual         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (settings_id, site)
);

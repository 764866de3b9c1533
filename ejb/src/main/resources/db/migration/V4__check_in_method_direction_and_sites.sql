-- FaceGate schema, version 4: how and in which direction a check-in was made, and the sites with
-- their time zones (attendance days are local days of the site). Portable SQL (PostgreSQL, H2 2.x).

-- Every check-in so far came from a door.
ALTER TABLE check_in ADD COLUMN method VARCHAR(8) DEFAULT 'DOOR' NOT NULL;
ALTER TABLE check_in ADD COLUMN direction VARCHAR(3);
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_method CHECK (method IN ('FACE', 'BADGE', 'DOOR'));
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_direction CHECK (direction IN ('IN', 'OUT'));
-- A kiosk check-in that names its employee says whether they came or went.
ALTER TABLE check_in ADD CONSTRAINT ck_check_in_kiosk_direction
    CHECK (method = 'DOOR' OR outcome <> 'MATCH' OR direction IS NOT NULL);

-- A site without a row here uses facegate.attendance.default-zone.
CREATE TABLE site (
    name       VARCHAR(100) PRIMARY KEY,
    time_zone  VARCHAR(64)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0
);

-- FaceGate schema, version 15: the guards every node must share (issue 17). Until now the door
-- replay cache, the rate limits and the login throttle were per JVM: two portal nodes accepted a
-- signed request twice and doubled every limit. They live here now, so that the database decides
-- once for the whole cluster. Portable SQL (PostgreSQL, H2 2.x). Times are epoch milliseconds of
-- the node that wrote them (rows are only compared with each other and purged by age).

-- Door request signatures seen inside the signature window (replay protection): the primary key
-- refuses the second use on any node; rows older than twice the window are purged.
CREATE TABLE seen_signature (
    digest          CHAR(64) PRIMARY KEY,  -- hex SHA-256 of the signature, not the signature
    seen_at_millis  BIGINT NOT NULL
);
CREATE INDEX ix_seen_signature_seen_at ON seen_signature (seen_at_millis);

-- Token buckets (a device's request rate, a client address's pairing attempts): one row per key,
-- taken from by one conditional UPDATE, so concurrent requests on any node never overdraw it.
CREATE TABLE rate_bucket (
    bucket_key          VARCHAR(120) PRIMARY KEY,
    tokens              DOUBLE PRECISION NOT NULL,
    refilled_at_millis  BIGINT NOT NULL
);
CREATE INDEX ix_rate_bucket_refilled_at ON rate_bucket (refilled_at_millis);

-- Failed logins in a row per account name or client address (the login throttle and lockout).
CREATE TABLE login_failure (
    scope                VARCHAR(16)  NOT NULL,  -- 'account' or 'address'
    key_name             VARCHAR(320) NOT NULL,  -- stripped, lower case
    failures             INTEGER NOT NULL,
    last_failure_millis  BIGINT  NOT NULL,
    locked_until_millis  BIGINT,
    PRIMARY KEY (scope, key_name)
);

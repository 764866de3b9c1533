-- FaceGate schema, version 3: door devices sign with their own Ed25519 key (the server keeps only
-- the public key); the old token scheme stays for existing devices behind the legacy flag.
-- Optimistic locks on devices and console accounts (employees and settings already have one).
-- Portable SQL: runs on PostgreSQL and H2 2.x.

ALTER TABLE device ADD COLUMN public_key VARCHAR(200);
ALTER TABLE device ADD COLUMN legacy BOOLEAN DEFAULT FALSE NOT NULL;
-- Every device registered so far holds a token: it keeps working until a key is registered for it.
UPDATE device SET legacy = TRUE;
ALTER TABLE device ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE device ADD CONSTRAINT ck_device_credential
    CHECK ((legacy AND token_hash IS NOT NULL) OR (NOT legacy AND public_key IS NOT NULL));
ALTER TABLE device ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE portal_account ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

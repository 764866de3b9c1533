-- FaceGate schema, version 5: browser kiosks. A kiosk is paired with a one-time code shown in the
-- console; the browser then holds a random secret in a cookie, of which the server keeps only a
-- SHA-256 hash. Per-kiosk multi-frame agreement (k of n frames within a timeout; null = the
-- defaults). Portable SQL (PostgreSQL, H2 2.x).

-- A browser kiosk has neither a public key nor a token: its credential is the paired secret.
ALTER TABLE device DROP CONSTRAINT ck_device_credential;
ALTER TABLE device ADD CONSTRAINT ck_device_credential
    CHECK ((legacy AND token_hash IS NOT NULL)
        OR (NOT legacy AND (public_key IS NOT NULL OR kind = 'KIOSK')));
ALTER TABLE device ADD COLUMN pairing_code_hash VARCHAR(64);
ALTER TABLE device ADD COLUMN pairing_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD COLUMN kiosk_secret_hash VARCHAR(64);
ALTER TABLE device ADD COLUMN paired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE device ADD CONSTRAINT uq_device_pairing_code UNIQUE (pairing_code_hash);
ALTER TABLE device ADD COLUMN frames_required INTEGER;
ALTER TABLE device ADD COLUMN frames_window INTEGER;
ALTER TABLE device ADD COLUMN attempt_timeout_ms INTEGER;

-- Wrong badge PINs are counted from the audit trail, per employee and per kiosk.
CREATE INDEX ix_audit_event_action_subject_time ON audit_event (action, subject, occurred_at);
CREATE INDEX ix_audit_event_action_actor_time ON audit_event (action, actor, occurred_at);

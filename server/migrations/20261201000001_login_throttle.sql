-- Sign-in throttling (app/src/server/login_throttle.rs): one counter per client address, per
-- account and address, and per account name. It replaces the per-account lockout, with which
-- anyone could keep an account locked out for good.
CREATE TABLE login_throttle (
    key        TEXT PRIMARY KEY,
    attempts   INTEGER NOT NULL,
    next_at    TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE accounts DROP COLUMN failed_logins, DROP COLUMN locked_until;

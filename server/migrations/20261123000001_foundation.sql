-- Accounts, the unit tree and import runs. Names are NFC; `search_key` is the folded form.

-- Vietnamese order with numbers compared as numbers ("Phường 2" before "Phường 10").
CREATE COLLATION IF NOT EXISTS vi_natural (provider = icu, locale = 'vi-u-kn-true');

CREATE TABLE accounts (
    id              BIGSERIAL PRIMARY KEY,
    username        TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'evaluator')),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT accounts_username_key UNIQUE (username)
);

CREATE TABLE units (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL COLLATE vi_natural,
    search_key  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('province', 'district', 'ward', 'department',
                    'mass_organization', 'public_service_unit', 'party_organization', 'other')),
    parent_id   BIGINT REFERENCES units (id),
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT units_code_key UNIQUE (code),
    CONSTRAINT units_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE unit_imports (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    file_name   TEXT NOT NULL,
    applied     BOOLEAN NOT NULL,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    problems    JSONB NOT NULL DEFAULT '[]',
    elapsed_ms  INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Marks one-time work such as loading the demo data.
CREATE TABLE app_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

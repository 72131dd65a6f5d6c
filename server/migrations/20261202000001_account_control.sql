-- An admin can disable an account (it can no longer sign in, and its open sessions end at their
-- next request); a changed password ends the account's other sessions: a session remembers the
-- generation it signed in under and counts only while the account still has it.
ALTER TABLE accounts
    ADD COLUMN disabled_at        TIMESTAMPTZ,
    ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;

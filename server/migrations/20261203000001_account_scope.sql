-- Organizers with a scope (issue 15). An account belongs to a unit: an organizer manages that
-- unit's subtree, an evaluator works there (its đơn vị công tác). A system admin manages
-- everything and needs no unit. The admins that existed before scopes become system admins.
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
UPDATE accounts SET role = 'system_admin' WHERE role = 'admin';
ALTER TABLE accounts
    ADD CONSTRAINT accounts_role_check CHECK (role IN ('system_admin', 'organizer', 'evaluator')),
    ADD COLUMN unit_id BIGINT REFERENCES units (id),
    -- Evaluators made before accounts had units may have none; the app gives every new one a unit.
    ADD CONSTRAINT accounts_organizer_has_unit CHECK (role <> 'organizer' OR unit_id IS NOT NULL);
CREATE INDEX accounts_unit_idx ON accounts (unit_id);

-- A draft campaign that was never opened may be deleted; its audit trail stays, with the
-- campaign's id, and gains the deletion itself (who, when, what the draft was called).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_campaign_id_fkey;

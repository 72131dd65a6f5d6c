-- Files chosen in a refused plain form post (scripts off) are held with the form's draft, so the
-- unit does not choose them again: the save that succeeds moves them to the initiative or the
-- report, and discarding the draft drops them. A file still has exactly one owner.
ALTER TABLE attachments ADD COLUMN draft_campaign BIGINT;
ALTER TABLE attachments ADD COLUMN draft_unit BIGINT;
ALTER TABLE attachments ADD COLUMN draft_form TEXT;
ALTER TABLE attachments ADD CONSTRAINT attachments_draft_fkey
    FOREIGN KEY (draft_campaign, draft_unit, draft_form)
    REFERENCES drafts (campaign_id, unit_id, form) ON DELETE CASCADE;
ALTER TABLE attachments DROP CONSTRAINT attachments_one_owner;
ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner
    CHECK (num_nonnulls(initiative_id, report_campaign, replication_id, draft_campaign) = 1);
ALTER TABLE attachments ADD CONSTRAINT attachments_draft_whole
    CHECK (num_nulls(draft_campaign, draft_unit, draft_form) IN (0, 3));
CREATE INDEX attachments_by_draft ON attachments (draft_campaign, draft_unit, draft_form)
    WHERE draft_campaign IS NOT NULL;

-- Results may wait for the tổng kết conference: a published campaign shows its results to the
-- organizer and the council at once, and to the public (board, screens, event streams, public
-- pages) only from `results_released_at` on: at once, at the ceremony's last step, or when the
-- organizer releases them. Closing a campaign releases them.
ALTER TABLE campaigns ADD COLUMN results_released_at TIMESTAMPTZ;
UPDATE campaigns SET results_released_at = updated_at WHERE state IN ('published', 'closed');
ALTER TABLE campaigns ADD CONSTRAINT campaigns_release_after_publication
    CHECK (results_released_at IS NULL OR state IN ('published', 'closed'));

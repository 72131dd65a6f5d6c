-- The desk's "next initiative" walks a campaign's results in order of how many members have
-- scored them, and stops at the first one the member may take: no sort of the whole campaign.
-- Initiatives no member may score (expected = 0) are never anyone's next: left out.
CREATE INDEX initiative_results_queue_idx ON initiative_results (campaign_id, scored, initiative_id)
    WHERE expected > 0;

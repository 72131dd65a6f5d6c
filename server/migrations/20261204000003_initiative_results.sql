-- Each initiative's final score as the council's rules make it from the submitted sheets, kept
-- when a sheet, a conflict or the council changes (never recomputed for each board): its
-- coverage, the quorum and disagreement flags, and the rating level from the thresholds. The
-- chair may override the score or the level with a reason (the computed values stay beside it)
-- and mark the initiative exemplary (điển hình, for nhân rộng).
CREATE TABLE initiative_results (
    initiative_id  BIGINT PRIMARY KEY REFERENCES initiatives (id) ON DELETE CASCADE,
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    -- In points; NULL while nobody has scored.
    score          DOUBLE PRECISION,
    scored         INTEGER NOT NULL,
    expected       INTEGER NOT NULL,
    below_quorum   BOOLEAN NOT NULL,
    disagreement   BOOLEAN NOT NULL,
    level          TEXT CHECK (level IN ('fail', 'pass', 'good', 'excellent')),
    override_score DOUBLE PRECISION CHECK (override_score >= 0),
    override_level TEXT CHECK (override_level IN ('fail', 'pass', 'good', 'excellent')),
    override_reason TEXT NOT NULL DEFAULT '',
    exemplary      BOOLEAN NOT NULL DEFAULT false,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX initiative_results_campaign_idx ON initiative_results (campaign_id);
-- An override always says why.
ALTER TABLE initiative_results ADD CONSTRAINT initiative_results_override_reason
    CHECK ((override_score IS NULL AND override_level IS NULL) OR override_reason <> '');

-- Final scores feed the standings' evaluation part: a change notifies the boards.
CREATE TRIGGER initiative_results_added_notify AFTER INSERT ON initiative_results
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER initiative_results_changed_notify AFTER UPDATE ON initiative_results
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER initiative_results_removed_notify AFTER DELETE ON initiative_results
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();

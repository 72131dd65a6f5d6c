-- How the council's totals become an initiative's final score (DESIGN part 5): the combination
-- (apart from evaluation_mode, which combines a unit's initiatives), the quorum as a share of the
-- expected members, and the disagreement threshold in percent of the maximum total.
ALTER TABLE campaigns
    ADD COLUMN final_combine TEXT NOT NULL DEFAULT 'mean'
        CHECK (final_combine IN ('mean', 'median', 'trimmed_mean')),
    ADD COLUMN quorum TEXT NOT NULL DEFAULT 'two_thirds'
        CHECK (quorum IN ('two_thirds', 'half', 'all')),
    ADD COLUMN disagreement_percent INTEGER NOT NULL DEFAULT 30
        CHECK (disagreement_percent BETWEEN 1 AND 100);

-- Awards (khen thưởng). Each award form gets a rule that proposes recipients and the decision
-- that grants them (số quyết định, ngày, người ký; số left blank until the văn thư gives it).
-- An award goes to a participating unit (collective) or to a named author of one initiative
-- (individual, named with position and unit as typed when it was given). One achievement is
-- rewarded once: a unit receives at most one award per campaign, a person at most one for the
-- same initiative. Forms keep their ids when the campaign's list is saved again (by position),
-- and a form that has awards cannot be removed.
ALTER TABLE campaign_award_forms
    ADD COLUMN rule TEXT NOT NULL DEFAULT 'none'
        CHECK (rule IN ('none', 'first_units', 'excellent_units', 'exemplary_authors', 'recognised_authors')),
    ADD COLUMN rule_count INTEGER CHECK (rule_count BETWEEN 1 AND 1000),
    ADD COLUMN decision_number TEXT NOT NULL DEFAULT '',
    ADD COLUMN decision_date DATE,
    ADD COLUMN decision_signer TEXT NOT NULL DEFAULT '',
    ADD CONSTRAINT award_forms_rule_count CHECK ((rule = 'first_units') = (rule_count IS NOT NULL));

CREATE TABLE awards (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT NOT NULL,
    form_id         BIGINT NOT NULL REFERENCES campaign_award_forms (id) ON DELETE RESTRICT,
    unit_id         BIGINT NOT NULL,
    -- Individuals: the initiative they are rewarded for, and who they are.
    initiative_id   BIGINT REFERENCES initiatives (id) ON DELETE RESTRICT,
    person_name     TEXT,
    person_position TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    added_by        BIGINT NOT NULL REFERENCES accounts (id),
    added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (campaign_id, unit_id) REFERENCES campaign_units (campaign_id, unit_id),
    CONSTRAINT awards_person_whole CHECK ((person_name IS NULL) = (initiative_id IS NULL)
                                          AND (person_name IS NULL) = (person_position IS NULL))
);
CREATE UNIQUE INDEX awards_once_per_unit ON awards (campaign_id, unit_id) WHERE person_name IS NULL;
CREATE UNIQUE INDEX awards_once_per_person_and_initiative ON awards (initiative_id, lower(person_name))
    WHERE person_name IS NOT NULL;
CREATE INDEX awards_by_form ON awards (form_id);

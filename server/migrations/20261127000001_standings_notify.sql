-- Live standings: every commit that changes a campaign's standings notifies channel `standings`
-- with the campaign id; each app server listens and pushes the new board to its open screens.
-- Statement-level triggers: a batch of registrations notifies once per campaign, and
-- PostgreSQL folds equal notifications of one transaction into one.

CREATE FUNCTION notify_standings_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('standings', campaign_id::text) FROM (SELECT DISTINCT campaign_id FROM changed_rows) c;
    RETURN NULL;
END $$;

CREATE FUNCTION notify_standings_of_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('standings', NEW.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER initiatives_added_notify AFTER INSERT ON initiatives
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER initiatives_changed_notify AFTER UPDATE ON initiatives
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER initiatives_removed_notify AFTER DELETE ON initiatives
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER commitments_added_notify AFTER INSERT ON commitments
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER reports_added_notify AFTER INSERT ON reports
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER reports_changed_notify AFTER UPDATE ON reports
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER campaign_units_added_notify AFTER INSERT ON campaign_units
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
CREATE TRIGGER campaign_units_removed_notify AFTER DELETE ON campaign_units
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_standings_of_rows();
-- State (publication), title, deadlines and the scoring formula all show on the board.
CREATE TRIGGER campaigns_changed_notify AFTER UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION notify_standings_of_campaign();

-- The reveal ceremony of a campaign's results at the tổng kết conference. The organizer chooses
-- the order and which awards stop the reveal with a citation card; starting (a rehearsal, or the
-- ceremony itself) freezes the script made from the final standings and awards. Only a `live`
-- ceremony reaches the screens; `rehearsal` moves the console alone. Every change notifies
-- channel `ceremony` with the campaign id, so every app server's screens move at once.
CREATE TABLE ceremonies (
    campaign_id   BIGINT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    sequence      TEXT NOT NULL DEFAULT 'last_to_first'
                  CHECK (sequence IN ('last_to_first', 'by_award_form')),
    stop_awards   BIGINT[] NOT NULL DEFAULT '{}',
    mode          TEXT NOT NULL DEFAULT 'prepared'
                  CHECK (mode IN ('prepared', 'rehearsal', 'live', 'finished')),
    script        JSONB,
    step          INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ceremonies_started_have_script CHECK (mode = 'prepared' OR script IS NOT NULL)
);

CREATE FUNCTION notify_ceremony() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ceremony', NEW.campaign_id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER ceremonies_notify AFTER INSERT OR UPDATE ON ceremonies
    FOR EACH ROW EXECUTE FUNCTION notify_ceremony();

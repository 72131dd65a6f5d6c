-- The statement behind `db::registration::register` (its module doc says what it does).
WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::date[], $13::bool[])
        AS x(link_id, campaign_id, submit_key, receipt_code, kind, field_id, title, situation, solution,
             benefit, scope, first_applied, collective)
), linked AS MATERIALIZED (
    -- Submits whose link is still live, with its unit: the key lookup below then has all three
    -- columns of the unique index from one row, whatever plan PostgreSQL picks.
    SELECT x.*, l.unit_id FROM input x
    JOIN unit_links l ON l.id = x.link_id AND l.campaign_id = x.campaign_id AND l.revoked_at IS NULL
), camp AS (
    SELECT id, state = 'open' AND registration_deadline >= now() AS open, period_end
    FROM campaigns WHERE id IN (SELECT campaign_id FROM linked) FOR SHARE
), checked AS (
    SELECT x.*, coalesce(c.open, false) AS open,
           EXISTS (SELECT 1 FROM campaign_fields f WHERE f.id = x.field_id AND f.campaign_id = x.campaign_id)
               AND (c.period_end IS NULL OR x.first_applied <= c.period_end)
               -- Files held with the draft go with the submit: the careful path moves them.
               AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.draft_campaign = x.campaign_id
                               AND a.draft_unit = x.unit_id AND a.draft_form = 'new') AS decidable,
           e.id AS earlier_id, e.receipt_code AS earlier_code
    FROM linked x
    LEFT JOIN camp c ON c.id = x.campaign_id
    LEFT JOIN initiatives e
        ON e.campaign_id = x.campaign_id AND e.unit_id = x.unit_id AND e.submit_key = x.submit_key
), ins AS (
    INSERT INTO initiatives (campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title,
                             situation, solution, benefit, scope, first_applied, collective_author)
    SELECT campaign_id, unit_id, submit_key, receipt_code, kind, field_id, title, situation, solution,
           benefit, scope, first_applied, collective
    FROM checked WHERE open AND decidable AND earlier_id IS NULL
    ORDER BY unit_id, submit_key
    ON CONFLICT DO NOTHING
    RETURNING id, receipt_code, campaign_id, unit_id
), authors AS (
    INSERT INTO initiative_authors (initiative_id, position, name, job_title, share_percent)
    SELECT ins.id, a.position, a.name, a.job_title, a.share
    FROM unnest($14::text[], $15::int[], $16::text[], $17::text[], $18::int[])
        AS a(receipt_code, position, name, job_title, share)
    JOIN ins USING (receipt_code)
), files AS (
    INSERT INTO attachments (initiative_id, file_name, media_type, size_bytes, bytes)
    SELECT ins.id, f.name, f.media_type, f.size, f.bytes
    FROM unnest($19::text[], $20::text[], $21::text[], $22::int[], $23::bytea[])
        AS f(receipt_code, name, media_type, size, bytes)
    JOIN ins USING (receipt_code)
), draft AS (
    DELETE FROM drafts d USING ins
    WHERE d.campaign_id = ins.campaign_id AND d.unit_id = ins.unit_id AND d.form = 'new'
)
SELECT x.receipt_code AS "sent_code!", c.unit_id AS "unit_id?", coalesce(c.open, false) AS "open!",
       ins.id AS "new_id?", c.earlier_id AS "earlier_id?", c.earlier_code AS "earlier_code?"
FROM input x LEFT JOIN checked c USING (receipt_code) LEFT JOIN ins USING (receipt_code)

-- The export an analyst would write in SQL for bosman's 17 columns, over a
-- transfermarkt-datasets players.csv: the day after expiry, six calendar
-- months before it, England's day after the third Saturday in May, the
-- status and the days to go as of the as-of date. It skips what SQL makes
-- hard (holiday calendars, registration periods, every association's own
-- rule) so it is a generous lower bound for a database doing bosman's job.
-- $FILE and $ASOF are replaced by export.mjs.
COPY (
  WITH p AS (
    SELECT
      player_id, name, current_club_name AS club, url AS source,
      CAST(date_of_birth AS DATE) AS dob,
      CAST(contract_expiration_date AS DATE) AS expires,
      CASE current_club_domestic_competition_id
        WHEN 'GB1' THEN 'ENG' WHEN 'ES1' THEN 'ESP' WHEN 'L1' THEN 'GER' WHEN 'IT1' THEN 'ITA'
        WHEN 'FR1' THEN 'FRA' WHEN 'NL1' THEN 'NED' WHEN 'PO1' THEN 'POR' WHEN 'BE1' THEN 'BEL'
        WHEN 'TR1' THEN 'TUR' WHEN 'SC1' THEN 'SCO' WHEN 'GR1' THEN 'GRE' WHEN 'RU1' THEN 'RUS'
        WHEN 'UKR1' THEN 'UKR' WHEN 'DK1' THEN 'DEN' ELSE NULL END AS association
    FROM read_csv('$FILE', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
  ), w AS (
    SELECT *, expires + INTERVAL 1 DAY AS free FROM p
  ), x AS (
    SELECT *,
      CAST(free - INTERVAL 6 MONTH AS DATE) AS foreign_from,
      CASE WHEN association = 'ENG' AND month(free) = 7 AND day(free) = 1 THEN
        -- the day after the third Saturday in May of the expiry year
        CAST(make_date(year(expires), 5, 1)
          + INTERVAL ((6 - dayofweek(make_date(year(expires), 5, 1)) + 7) % 7 + 14 + 1) DAY AS DATE)
      WHEN association = 'ENG' THEN NULL
      ELSE CAST(free - INTERVAL 6 MONTH AS DATE) END AS domestic_from
    FROM w
  )
  SELECT
    player_id, name AS player, dob AS date_of_birth, club, association,
    NULL AS contract_signed, expires AS contract_expires, NULL AS option_until,
    CAST(free AS DATE) AS free_agent_from, foreign_from AS foreign_precontract_from,
    domestic_from AS domestic_precontract_from,
    CASE WHEN expires IS NULL THEN 'unknown-expiry'
      WHEN DATE '$ASOF' >= free THEN 'free-agent'
      WHEN domestic_from IS NOT NULL AND DATE '$ASOF' >= domestic_from THEN 'precontract-open'
      WHEN DATE '$ASOF' >= foreign_from THEN 'foreign-precontract-open'
      ELSE 'under-contract' END AS status,
    CASE WHEN free > DATE '$ASOF' THEN datediff('day', DATE '$ASOF', CAST(free AS DATE)) END AS days_to_free_agency,
    NULL AS workdays_to_free_agency, NULL AS registration_from,
    CASE WHEN expires IS NULL THEN NULL ELSE 'high' END AS confidence, source
  FROM x
) TO '/dev/stdout' (HEADER, DELIMITER ',');

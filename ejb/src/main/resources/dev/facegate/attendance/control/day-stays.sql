-- Pairs a chunk of employees' accepted check-ins into stays and sums the stays per employee and
-- local date of arrival (PostgreSQL). Same stays as Pairing (domain) for kiosk check-ins; why is
-- in DayStaysQuery's javadoc. Parameters: 1 employee ids (bigint[]), 2 their zones (text[]),
-- 3 longest stay (seconds), 4 check-ins from, 5 check-ins to (timestamptz), 6 first date,
-- 7 last date.
WITH person AS (
    SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS p (employee_id, zone)
),
settings AS (
    SELECT make_interval(secs => CAST(? AS double precision)) AS longest
),
passage AS (
    -- accepted check-ins (MATCH, not flagged duplicate) in Pairing's order: time, IN, OUT, door.
    -- An IN opens a stay unless it follows an IN (a double IN), or follows one by more than the
    -- longest stay (the open stay can no longer close).
    SELECT c.employee_id, p.zone, c.occurred_at AS at, c.direction,
           CASE WHEN c.direction = 'IN'
                     AND (lag(c.direction) OVER w IS DISTINCT FROM 'IN'
                          OR c.occurred_at - lag(c.occurred_at) OVER w
                             > (SELECT longest FROM settings))
                THEN c.occurred_at END AS opens
    FROM check_in c
    JOIN person p ON p.employee_id = c.employee_id
    WHERE c.outcome = 'MATCH' AND NOT c.duplicate
      AND c.occurred_at >= CAST(? AS timestamptz) AND c.occurred_at < CAST(? AS timestamptz)
    WINDOW w AS (PARTITION BY c.employee_id ORDER BY c.occurred_at, c.direction NULLS LAST)
),
arrived AS (
    -- every check-in with the arrival of the stay it belongs to (null before the first IN)
    SELECT employee_id, zone, at, direction,
           max(opens) OVER (PARTITION BY employee_id ORDER BY at, direction NULLS LAST
                            ROWS UNBOUNDED PRECEDING) AS arrival
    FROM passage
),
stay AS (
    -- the departure is the last OUT within the longest stay of the arrival: the first closes
    -- the stay, later ones are double OUTs, one beyond leaves the stay open. Employees with door
    -- passages, or with double INs spread over more than the longest stay, are paired in Java.
    SELECT employee_id, zone, arrival,
           max(at) FILTER (WHERE direction = 'OUT'
                           AND at - arrival <= (SELECT longest FROM settings)) AS departure,
           bool_or(bool_or(direction IS NULL)
                   OR coalesce(max(at) FILTER (WHERE direction = 'IN') - arrival
                               > (SELECT longest FROM settings), FALSE))
               OVER (PARTITION BY employee_id) AS in_java
    FROM arrived
    GROUP BY employee_id, zone, arrival
),
dated AS (
    SELECT employee_id, in_java, arrival, departure,
           CAST(arrival AT TIME ZONE zone AS date) AS work_date
    FROM stay
    WHERE arrival IS NOT NULL OR in_java
)
-- stays do not overlap, so the gaps between the closed stays of a date are their span minus
-- their summed length
SELECT employee_id, work_date,
       count(*) AS stays,
       min(arrival) AS first_in,
       max(departure) AS last_out,
       coalesce(sum(extract(epoch FROM departure) - extract(epoch FROM arrival)), 0)
           * 1000000 AS closed_micros,
       coalesce(extract(epoch FROM max(departure))
                - extract(epoch FROM min(arrival) FILTER (WHERE departure IS NOT NULL))
                - sum(extract(epoch FROM departure) - extract(epoch FROM arrival)), 0)
           * 1000000 AS gap_micros,
       min(arrival) FILTER (WHERE departure IS NULL) AS earliest_open_in,
       max(arrival) FILTER (WHERE departure IS NULL) AS latest_open_in
FROM dated
WHERE NOT in_java AND work_date BETWEEN CAST(? AS date) AND CAST(? AS date)
GROUP BY employee_id, work_date
UNION ALL
-- employees to pair in Java: one row each, without a date
SELECT employee_id, NULL, 0, NULL, NULL, 0, 0, NULL, NULL
FROM (SELECT DISTINCT employee_id FROM dated WHERE in_java) handed_back

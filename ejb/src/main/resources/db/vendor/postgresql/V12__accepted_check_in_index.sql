-- The reports read one employee's accepted check-ins of a period (MATCH, not a duplicate) with
-- their direction: a partial covering index lets PostgreSQL answer from the index alone
-- (index-only scan) instead of visiting a heap page per check-in, which matters once the table
-- holds years of check-ins stored in time order. PostgreSQL only (partial index, INCLUDE); H2's
-- V12 in db/vendor/h2 is the nearest it has.
CREATE INDEX ix_check_in_accepted ON check_in (employee_id, occurred_at) INCLUDE (direction)
    WHERE outcome = 'MATCH' AND NOT duplicate;

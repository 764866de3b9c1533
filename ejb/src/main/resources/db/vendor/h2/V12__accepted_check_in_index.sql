-- H2 has neither partial indexes nor INCLUDE (PostgreSQL's V12 is in db/vendor/postgresql): the
-- nearest index for the reports' read of an employee's accepted check-ins of a period.
CREATE INDEX ix_check_in_accepted ON check_in (employee_id, outcome, duplicate, occurred_at);

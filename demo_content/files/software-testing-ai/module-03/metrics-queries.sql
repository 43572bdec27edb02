-- Test metrics from an exported test run, with SQLite (https://www.sqlite.org/cli.html).
--
-- 1. Put this file and staynest-test-results.csv in one folder, then run:
--      sqlite3 metrics.db
--      .import --csv staynest-test-results.csv results
--      .headers on
--      .mode column
--      .read metrics-queries.sql
--    (.import creates the table from the CSV header on the first run; delete metrics.db to start again.)
-- 2. SQLite counts a true comparison as 1, so SUM(status = 'Passed') counts passed tests.
--    In PostgreSQL write COUNT(*) FILTER (WHERE status = 'Passed') instead.

-- Q1. Overall progress and pass rate (pass rate = passed / executed, never / planned).
SELECT COUNT(*)                                     AS planned,
       SUM(status IN ('Passed', 'Failed'))          AS executed,
       SUM(status = 'Passed')                       AS passed,
       SUM(status = 'Failed')                       AS failed,
       SUM(status = 'Blocked')                      AS blocked,
       SUM(status = 'Not run')                      AS not_run,
       ROUND(100.0 * SUM(status IN ('Passed', 'Failed')) / COUNT(*), 1) AS executed_pct,
       ROUND(100.0 * SUM(status = 'Passed')
             / NULLIF(SUM(status IN ('Passed', 'Failed')), 0), 1)      AS pass_rate_pct
FROM results;

-- Q2. Progress by priority: the exit criterion is about High, so look at High first.
SELECT priority,
       COUNT(*)                                AS planned,
       SUM(status IN ('Passed', 'Failed'))     AS executed,
       SUM(status = 'Failed')                  AS failed,
       SUM(status IN ('Blocked', 'Not run'))   AS still_open,
       ROUND(100.0 * SUM(status IN ('Passed', 'Failed')) / COUNT(*), 0) AS executed_pct
FROM results
GROUP BY priority
ORDER BY CASE priority WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END;

-- Q3. Where the problems are: failures and blocks by area.
SELECT area,
       COUNT(*)                  AS planned,
       SUM(status = 'Failed')    AS failed,
       SUM(status = 'Blocked')   AS blocked,
       SUM(status = 'Not run')   AS not_run
FROM results
GROUP BY area
ORDER BY failed DESC, blocked DESC, area;

-- Q4. Each defect and how many tests it fails or blocks (the ones to fix first).
SELECT defect_id,
       COUNT(*)                          AS tests_affected,
       GROUP_CONCAT(test_id, ', ')       AS tests,
       MAX(priority = 'High')            AS hits_high_priority
FROM results
WHERE defect_id <> ''
GROUP BY defect_id
ORDER BY tests_affected DESC, defect_id;

-- Q5. Residual risk: risks whose tests are not all passed yet.
SELECT risk_id,
       COUNT(*)                                AS tests,
       SUM(status = 'Passed')                  AS passed,
       SUM(status = 'Failed')                  AS failed,
       SUM(status IN ('Blocked', 'Not run'))   AS not_done
FROM results
WHERE risk_id <> ''
GROUP BY risk_id
HAVING SUM(status = 'Passed') < COUNT(*)
ORDER BY failed DESC, not_done DESC, risk_id;

-- Q6. Results per build: passed tests on an older build may need a rerun on the release candidate.
SELECT CASE WHEN build = '' THEN '(not run)' ELSE build END AS build,
       COUNT(*)               AS results,
       SUM(status = 'Passed') AS passed
FROM results
GROUP BY 1
ORDER BY 1;

-- FreshBasket defect hot spots. Table "bugs" is created from freshbasket-bug-export.csv by
-- defect_hotspots.py (or import the CSV in DB Browser for SQLite and name the table "bugs").
-- Works in SQLite 3.25 or later, and the same queries run in PostgreSQL with minor changes.

-- 1. Escaped defects: bugs found in production, per component, worst first
SELECT component,
       COUNT(*)                                             AS bugs,
       SUM(found_in = 'production')                         AS escaped,
       ROUND(100.0 * SUM(found_in = 'production') / COUNT(*), 0) AS escaped_pct
FROM bugs
GROUP BY component
ORDER BY escaped DESC, bugs DESC;

-- 2. Severity of escaped defects: where production bugs hurt most
SELECT component,
       SUM(severity = 'critical') AS critical,
       SUM(severity = 'major')    AS major,
       SUM(severity IN ('minor', 'trivial')) AS minor_or_trivial
FROM bugs
WHERE found_in = 'production'
GROUP BY component
ORDER BY critical DESC, major DESC;

-- 3. Rework: reopened bugs and average fix time of closed bugs
SELECT component,
       SUM(reopened_count > 0)                        AS reopened_bugs,
       ROUND(AVG(CASE WHEN status = 'closed' THEN hours_to_fix END), 1) AS avg_hours_to_fix
FROM bugs
GROUP BY component
ORDER BY reopened_bugs DESC;

-- 4. Defect detection percentage (DDP) for the whole period:
--    bugs found before release / all bugs found. Higher is better.
SELECT ROUND(100.0 * SUM(found_in = 'testing') / COUNT(*), 0) AS ddp_pct
FROM bugs;

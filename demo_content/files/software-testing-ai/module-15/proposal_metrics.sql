-- PayFlow process metrics for the quality improvement proposal.
-- Table "sprints" is created from payflow-sprint-metrics.csv by sprint_metrics.py.

-- 1. Defect detection percentage (DDP) per sprint: share of bugs caught before release
SELECT sprint,
       bugs_found_before_release AS before_release,
       bugs_found_in_production  AS in_production,
       ROUND(100.0 * bugs_found_before_release
             / (bugs_found_before_release + bugs_found_in_production), 0) AS ddp_pct
FROM sprints
ORDER BY sprint;

-- 2. Does refining stories with a tester go with fewer escaped bugs?
--    "refined" means at least 70% of the sprint's stories were refined with a tester.
SELECT CASE WHEN 1.0 * stories_refined_with_tester / stories_done >= 0.7
            THEN 'refined with tester' ELSE 'not refined' END  AS sprint_type,
       COUNT(*)                                                AS sprints,
       ROUND(AVG(bugs_found_in_production), 1)                 AS avg_production_bugs,
       ROUND(AVG(hours_fixing_production_bugs), 1)             AS avg_hours_fixing,
       ROUND(AVG(support_tickets_from_bugs), 1)                AS avg_support_tickets
FROM sprints
GROUP BY sprint_type;

-- 3. Pipeline health trend: first three sprints against the last three
SELECT CASE WHEN sprint <= 3 THEN 'sprints 1-3' ELSE 'sprints 10-12' END AS period,
       ROUND(AVG(pipeline_minutes_p50), 1) AS avg_pipeline_minutes,
       ROUND(AVG(flaky_failures), 1)       AS avg_flaky_failures,
       ROUND(AVG(automated_tests), 0)      AS avg_automated_tests
FROM sprints
WHERE sprint <= 3 OR sprint >= 10
GROUP BY period
ORDER BY period;

-- 4. Cost of production bugs over the 12 sprints, at a blended rate of 85 per hour
--    and 12 per support ticket (change the numbers to your organisation's)
SELECT SUM(hours_fixing_production_bugs)             AS hours_fixing,
       SUM(support_tickets_from_bugs)                AS support_tickets,
       SUM(hours_fixing_production_bugs) * 85
         + SUM(support_tickets_from_bugs) * 12       AS cost_of_production_bugs
FROM sprints;

-- Mask the personal data in a copy of the Harbour Shop customers table.
-- Run it ONLY on a copy that has not yet left the secure environment, never on production.
-- Works in SQLite and PostgreSQL. Everything happens in one transaction: all or nothing.
--
--   SQLite:      sqlite3 shop_copy.db < mask-customers.sql
--   PostgreSQL:  psql -d shop_copy -v ON_ERROR_STOP=1 -f mask-customers.sql

BEGIN;

-- 0. Remember the counts, to prove masking did not add or lose rows.
CREATE TABLE mask_audit AS
SELECT 'before' AS stage, (SELECT COUNT(*) FROM customers) AS customers,
       (SELECT COUNT(*) FROM orders) AS orders;

-- 1. Substitution: names and emails become neutral values derived from the id.
--    Deterministic (same id -> same value) keeps joins and repeated loads consistent;
--    the id keeps every email unique; example.com can never reach a real inbox.
UPDATE customers
SET full_name = 'Customer ' || customer_id,
    email     = 'customer' || customer_id || '@example.com';

-- 2. Generalisation: keep the month of registration, drop the exact day.
--    (Uncomment the line for your database.)
-- SQLite:     UPDATE customers SET created_at = substr(created_at, 1, 8) || '01';
-- PostgreSQL: UPDATE customers SET created_at = date_trunc('month', created_at)::date;

-- 3. Record the counts afterwards.
INSERT INTO mask_audit
SELECT 'after', (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM orders);

COMMIT;

-- 4. Verification: each of these must return zero rows.
SELECT 'unmasked_email' AS check_name, customer_id, email
FROM customers
WHERE email NOT LIKE 'customer%@example.com';

SELECT 'unmasked_name' AS check_name, customer_id, full_name
FROM customers
WHERE full_name NOT LIKE 'Customer %';

SELECT 'duplicate_email_after_masking' AS check_name, LOWER(email) AS email_key, COUNT(*) AS customers
FROM customers
GROUP BY LOWER(email)
HAVING COUNT(*) > 1;

SELECT 'orders_lost_their_customer' AS check_name, o.order_id
FROM orders o
LEFT JOIN customers c ON c.customer_id = o.customer_id
WHERE c.customer_id IS NULL;

-- 5. Counts before and after must be identical.
SELECT * FROM mask_audit;

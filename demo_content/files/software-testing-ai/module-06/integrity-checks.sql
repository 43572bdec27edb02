-- Integrity pack for Harbour Shop (Module 6, Lesson: Testing Data Integrity)
--
-- Eleven zero-row checks. Each query returns NOTHING when its rule holds. Every row it returns is a
-- defect, with the ids you need for the bug report. Runs unchanged in SQLite and PostgreSQL.
--
--   SQLite:      sqlite3 -header -column harbour_shop.db < integrity-checks.sql
--   PostgreSQL:  psql -d harbour_shop -f integrity-checks.sql
--
-- Money comparisons use a tolerance of half a cent (0.005) because SQLite stores decimals as
-- floating point. In PostgreSQL (exact NUMERIC) the tolerance changes nothing.

-- 1. Referential: every order belongs to an existing customer
SELECT 'orders_without_customer' AS check_name, o.order_id, o.customer_id
FROM orders o
LEFT JOIN customers c ON c.customer_id = o.customer_id
WHERE c.customer_id IS NULL;

-- 2. Referential: every order item belongs to an existing order
SELECT 'items_without_order' AS check_name, i.order_id, i.product_id
FROM order_items i
LEFT JOIN orders o ON o.order_id = i.order_id
WHERE o.order_id IS NULL;

-- 3. Referential: every order item is for an existing product
SELECT 'items_without_product' AS check_name, i.order_id, i.product_id
FROM order_items i
LEFT JOIN products p ON p.product_id = i.product_id
WHERE p.product_id IS NULL;

-- 4. Referential: every payment belongs to an existing order
SELECT 'payments_without_order' AS check_name, p.payment_id, p.order_id
FROM payments p
LEFT JOIN orders o ON o.order_id = p.order_id
WHERE o.order_id IS NULL;

-- 5. Business: email addresses are unique ignoring case and surrounding spaces
SELECT 'duplicate_customer_email' AS check_name, LOWER(TRIM(email)) AS email_key,
       COUNT(*) AS customers, MIN(customer_id) AS first_id, MAX(customer_id) AS last_id
FROM customers
GROUP BY LOWER(TRIM(email))
HAVING COUNT(*) > 1;

-- 6. Business: every order has at least one item
SELECT 'order_without_items' AS check_name, o.order_id, o.status
FROM orders o
WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id);

-- 7. Business: the stored order total equals the sum of its lines
SELECT 'order_total_mismatch' AS check_name, o.order_id, o.total,
       ROUND(SUM(i.quantity * i.unit_price), 2) AS items_total
FROM orders o
JOIN order_items i ON i.order_id = o.order_id
GROUP BY o.order_id, o.total
HAVING ABS(o.total - SUM(i.quantity * i.unit_price)) > 0.005;

-- 8. Business: paid and shipped orders have exactly one payment, for exactly the total
SELECT 'paid_order_payment_mismatch' AS check_name, o.order_id, o.status, o.total,
       COUNT(p.payment_id) AS payments, ROUND(COALESCE(SUM(p.amount), 0), 2) AS paid
FROM orders o
LEFT JOIN payments p ON p.order_id = o.order_id
WHERE o.status IN ('paid', 'shipped')
GROUP BY o.order_id, o.status, o.total
HAVING COUNT(p.payment_id) <> 1
    OR ABS(o.total - COALESCE(SUM(p.amount), 0)) > 0.005;

-- 9. Business: placed and cancelled orders have no payment (no refunds table in this shop)
SELECT 'unpaid_order_has_payment' AS check_name, o.order_id, o.status, p.payment_id, p.amount
FROM orders o
JOIN payments p ON p.order_id = o.order_id
WHERE o.status IN ('placed', 'cancelled');

-- 10. Domain: stock and prices are never negative (the legacy copy has no CHECK constraints)
SELECT 'negative_stock_or_price' AS check_name, product_id, sku, price, stock_qty
FROM products
WHERE stock_qty < 0 OR price < 0;

-- 11. Business: no order is dated before its customer registered
SELECT 'order_before_registration' AS check_name, o.order_id, o.order_date, c.customer_id, c.created_at
FROM orders o
JOIN customers c ON c.customer_id = o.customer_id
WHERE o.order_date < c.created_at;

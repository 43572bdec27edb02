-- Harbour Shop LAB copy (Module 6 lab: Investigate an Online Shop's Database).
-- A copy of the shop's legacy database, taken before the constraints were tightened.
-- 20 customers, 15 products, 30 orders, March and early April 2026. All people are invented.
-- Five data defects are hidden in it. Do not read the INSERT statements looking for them:
-- find them with queries, as you would on a real system with thousands of rows.
--
--     sqlite3 harbour_lab.db < harbour-shop-lab.sql
-- or  createdb harbour_lab && psql -d harbour_lab -f harbour-shop-lab.sql

DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS customers;

CREATE TABLE customers (
    customer_id  INTEGER      PRIMARY KEY,
    email        VARCHAR(255) NOT NULL UNIQUE,
    full_name    VARCHAR(100) NOT NULL,
    country      CHAR(2)      NOT NULL,
    created_at   DATE         NOT NULL
);

CREATE TABLE products (
    product_id  INTEGER       PRIMARY KEY,
    sku         VARCHAR(20)   NOT NULL UNIQUE,
    name        VARCHAR(100)  NOT NULL,
    category    VARCHAR(30)   NOT NULL,
    price       NUMERIC(10,2) NOT NULL CHECK (price >= 0),
    stock_qty   INTEGER       NOT NULL
);

CREATE TABLE orders (
    order_id     INTEGER       PRIMARY KEY,
    customer_id  INTEGER       NOT NULL REFERENCES customers (customer_id),
    order_date   DATE          NOT NULL,
    status       VARCHAR(10)   NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'cancelled')),
    total        NUMERIC(10,2) NOT NULL CHECK (total >= 0)
);

CREATE TABLE order_items (
    order_id    INTEGER       NOT NULL REFERENCES orders (order_id),
    product_id  INTEGER       NOT NULL,
    quantity    INTEGER       NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    unit_price  NUMERIC(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE payments (
    payment_id  INTEGER       PRIMARY KEY,
    order_id    INTEGER       NOT NULL REFERENCES orders (order_id),
    amount      NUMERIC(10,2) NOT NULL,
    method      VARCHAR(10)   NOT NULL CHECK (method IN ('card', 'paypal')),
    paid_at     TIMESTAMP     NOT NULL
);

INSERT INTO customers (customer_id, email, full_name, country, created_at) VALUES
    (1, 'amelia.hart@example.com', 'Amelia Hart', 'GB', '2025-11-03'),
    (2, 'jonas.weber@example.com', 'Jonas Weber', 'DE', '2025-11-17'),
    (3, 'priya.nair@example.com', 'Priya Nair', 'GB', '2025-12-01'),
    (4, 'liam.oconnor@example.com', 'Liam O''Connor', 'IE', '2025-12-09'),
    (5, 'sofia.rossi@example.com', 'Sofia Rossi', 'IT', '2026-01-05'),
    (6, 'noah.martin@example.com', 'Noah Martin', 'CA', '2026-01-12'),
    (7, 'chloe.dubois@example.com', 'Chloe Dubois', 'FR', '2026-01-20'),
    (8, 'ethan.brooks@example.com', 'Ethan Brooks', 'US', '2026-02-02'),
    (9, 'mia.schmidt@example.com', 'Mia Schmidt', 'DE', '2026-02-10'),
    (10, 'oliver.grant@example.com', 'Oliver Grant', 'US', '2026-02-14'),
    (11, 'hana.sato@example.com', 'Hana Sato', 'JP', '2026-02-21'),
    (12, 'lucas.silva@example.com', 'Lucas Silva', 'PT', '2026-03-01'),
    (13, 'grace.kim@example.com', 'Grace Kim', 'US', '2026-03-04'),
    (14, 'tom.evans@example.com', 'Tom Evans', 'GB', '2026-03-18'),
    (15, 'zara.ahmed@example.com', 'Zara Ahmed', 'GB', '2026-03-29'),
    (16, 'daniel.moreau@example.com', 'Daniel Moreau', 'FR', '2026-01-08'),
    (17, 'isla.mackay@example.com', 'Isla Mackay', 'GB', '2026-01-25'),
    (18, 'ravi.patel@example.com', 'Ravi Patel', 'US', '2026-02-05'),
    (19, 'emma.larsen@example.com', 'Emma Larsen', 'DK', '2026-02-27'),
    (20, 'Priya.Nair@example.com', 'Priya Nair', 'GB', '2026-03-12');

INSERT INTO products (product_id, sku, name, category, price, stock_qty) VALUES
    (1, 'KIT-001', 'Cast iron skillet 26 cm', 'Kitchen', 34.99, 40),
    (2, 'KIT-002', 'Chef''s knife 20 cm', 'Kitchen', 49.00, 25),
    (3, 'KIT-003', 'Bamboo chopping board', 'Kitchen', 18.50, 60),
    (4, 'KIT-004', 'Espresso cups, set of 4', 'Kitchen', 22.00, 0),
    (5, 'GAR-001', 'Stainless garden trowel', 'Garden', 12.99, 80),
    (6, 'GAR-002', 'Hose reel with 20 m hose', 'Garden', 59.90, 12),
    (7, 'GAR-003', 'Solar path lights, pack of 6', 'Garden', 27.45, 35),
    (8, 'BED-001', 'Linen duvet cover, double', 'Bedroom', 79.00, 18),
    (9, 'BED-002', 'Feather pillow', 'Bedroom', 24.99, 50),
    (10, 'BED-003', 'Blackout curtains 140x240', 'Bedroom', 64.50, -3),
    (11, 'BAT-001', 'Cotton bath towel', 'Bathroom', 15.00, 100),
    (12, 'BAT-002', 'Bamboo bath mat', 'Bathroom', 21.75, 0),
    (13, 'GAR-004', 'Bird feeder, hanging', 'Garden', 16.80, 22),
    (14, 'KIT-005', 'Glass storage jars, set of 3', 'Kitchen', 26.40, 30),
    (15, 'BED-004', 'Wool throw blanket', 'Bedroom', 45.00, 14);

INSERT INTO orders (order_id, customer_id, order_date, status, total) VALUES
    (1001, 16, '2026-03-01', 'shipped', 82.35),
    (1002, 12, '2026-03-02', 'paid', 86.98),
    (1003, 12, '2026-03-03', 'shipped', 59.90),
    (1004, 17, '2026-03-05', 'placed', 207.00),
    (1005, 3, '2026-03-06', 'shipped', 141.99),
    (1006, 5, '2026-03-07', 'cancelled', 319.35),
    (1007, 5, '2026-03-09', 'paid', 49.99),
    (1008, 4, '2026-03-10', 'shipped', 76.45),
    (1009, 12, '2026-03-11', 'shipped', 40.44),
    (1010, 7, '2026-03-13', 'paid', 196.98),
    (1011, 1, '2026-03-14', 'shipped', 34.99),
    (1012, 6, '2026-03-15', 'paid', 15.00),
    (1013, 12, '2026-03-17', 'shipped', 117.99),
    (1014, 5, '2026-03-18', 'placed', 63.96),
    (1015, 1, '2026-03-19', 'shipped', 84.90),
    (1016, 14, '2026-03-21', 'cancelled', 79.00),
    (1017, 19, '2026-03-22', 'paid', 263.50),
    (1018, 20, '2026-03-23', 'shipped', 301.50),
    (1019, 12, '2026-03-25', 'shipped', 34.99),
    (1020, 1, '2026-03-26', 'paid', 155.99),
    (1021, 7, '2026-03-27', 'shipped', 291.00),
    (1022, 2, '2026-03-29', 'paid', 84.90),
    (1023, 14, '2026-03-30', 'shipped', 30.00),
    (1024, 8, '2026-03-31', 'placed', 37.00),
    (1025, 7, '2026-04-02', 'shipped', 134.48),
    (1026, 1, '2026-04-03', 'cancelled', 69.98),
    (1027, 10, '2026-04-04', 'paid', 77.43),
    (1028, 14, '2026-04-06', 'shipped', 213.42),
    (1029, 3, '2026-04-07', 'shipped', 47.98),
    (1030, 17, '2026-04-08', 'paid', 287.00);

INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (1001, 7, 3, 27.45),
    (1002, 3, 2, 18.50),
    (1002, 9, 2, 24.99),
    (1003, 6, 1, 59.90),
    (1004, 2, 1, 49.00),
    (1004, 8, 2, 79.00),
    (1005, 5, 1, 12.99),
    (1005, 10, 2, 64.50),
    (1006, 7, 3, 27.45),
    (1006, 8, 3, 79.00),
    (1007, 1, 1, 34.99),
    (1007, 11, 1, 15.00),
    (1008, 2, 1, 49.00),
    (1008, 7, 1, 27.45),
    (1009, 5, 1, 12.99),
    (1009, 7, 1, 27.45),
    (1010, 2, 3, 49.00),
    (1010, 9, 2, 24.99),
    (1011, 1, 1, 34.99),
    (1012, 11, 1, 15.00),
    (1013, 2, 2, 49.00),
    (1013, 99, 1, 19.99),
    (1014, 5, 3, 12.99),
    (1014, 9, 1, 24.99),
    (1015, 7, 2, 27.45),
    (1015, 11, 2, 15.00),
    (1016, 8, 1, 79.00),
    (1017, 3, 3, 18.50),
    (1017, 8, 1, 79.00),
    (1017, 10, 2, 64.50),
    (1018, 8, 3, 79.00),
    (1018, 10, 1, 64.50),
    (1019, 1, 1, 34.99),
    (1020, 2, 2, 49.00),
    (1020, 5, 1, 12.99),
    (1020, 11, 3, 15.00),
    (1021, 2, 1, 49.00),
    (1021, 8, 3, 79.00),
    (1021, 11, 1, 15.00),
    (1022, 7, 2, 27.45),
    (1022, 11, 2, 15.00),
    (1023, 11, 2, 15.00),
    (1024, 3, 2, 18.50),
    (1025, 1, 2, 34.99),
    (1025, 10, 1, 64.50),
    (1026, 1, 2, 34.99),
    (1027, 7, 1, 27.45),
    (1027, 9, 2, 24.99),
    (1028, 2, 3, 49.00),
    (1028, 5, 3, 12.99),
    (1028, 7, 1, 27.45),
    (1029, 1, 1, 34.99),
    (1029, 5, 1, 12.99),
    (1030, 8, 2, 79.00),
    (1030, 10, 2, 64.50);

INSERT INTO payments (payment_id, order_id, amount, method, paid_at) VALUES
    (1, 1001, 82.35, 'paypal', '2026-03-01 13:47:00'),
    (2, 1002, 86.98, 'card', '2026-03-02 14:54:00'),
    (3, 1003, 59.90, 'card', '2026-03-03 15:01:00'),
    (4, 1005, 141.99, 'card', '2026-03-06 17:15:00'),
    (5, 1007, 49.99, 'paypal', '2026-03-09 19:29:00'),
    (6, 1008, 76.45, 'card', '2026-03-10 08:36:00'),
    (7, 1009, 40.44, 'paypal', '2026-03-11 09:43:00'),
    (8, 1010, 196.98, 'paypal', '2026-03-13 10:50:00'),
    (9, 1011, 34.99, 'paypal', '2026-03-14 11:57:00'),
    (10, 1012, 15.00, 'card', '2026-03-15 12:04:00'),
    (11, 1013, 117.99, 'card', '2026-03-17 13:11:00'),
    (12, 1015, 84.90, 'paypal', '2026-03-19 15:25:00'),
    (13, 1017, 263.50, 'card', '2026-03-22 17:39:00'),
    (14, 1018, 301.50, 'card', '2026-03-23 18:46:00'),
    (15, 1019, 34.99, 'card', '2026-03-25 19:53:00'),
    (16, 1020, 155.99, 'paypal', '2026-03-26 08:00:00'),
    (17, 1021, 291.00, 'paypal', '2026-03-27 09:07:00'),
    (18, 1022, 84.90, 'paypal', '2026-03-29 10:14:00'),
    (19, 1023, 30.00, 'paypal', '2026-03-30 11:21:00'),
    (20, 1025, 134.48, 'paypal', '2026-04-02 13:35:00'),
    (21, 1028, 213.42, 'paypal', '2026-04-06 16:56:00'),
    (22, 1029, 47.98, 'card', '2026-04-07 17:03:00'),
    (23, 1030, 287.00, 'card', '2026-04-08 18:10:00');

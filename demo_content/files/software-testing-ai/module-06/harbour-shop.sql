-- Harbour Shop: the teaching database for Module 6 (Database Testing Essentials).
-- Five tables, 15 customers, 12 products, 24 orders from March and early April 2026.
-- All people are invented; every email uses the reserved example.com domain.
--
-- Load it into SQLite (the sqlite3 tool is preinstalled on macOS; on Ubuntu run
-- sudo apt install sqlite3; on Windows download it from sqlite.org or use DB Browser for SQLite):
--     sqlite3 harbour_shop.db < harbour-shop.sql
--     sqlite3 harbour_shop.db            then type  .tables  and  .schema orders
-- Or into PostgreSQL:
--     createdb harbour_shop
--     psql -d harbour_shop -f harbour-shop.sql
--
-- Running the file again drops the tables and starts from scratch, so you can always reset.

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
    stock_qty   INTEGER       NOT NULL CHECK (stock_qty >= 0)
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
    product_id  INTEGER       NOT NULL REFERENCES products (product_id),
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
    (15, 'zara.ahmed@example.com', 'Zara Ahmed', 'GB', '2026-03-29');

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
    (10, 'BED-003', 'Blackout curtains 140x240', 'Bedroom', 64.50, 9),
    (11, 'BAT-001', 'Cotton bath towel', 'Bathroom', 15.00, 100),
    (12, 'BAT-002', 'Bamboo bath mat', 'Bathroom', 21.75, 0);

INSERT INTO orders (order_id, customer_id, order_date, status, total) VALUES
    (1001, 8, '2026-03-02', 'shipped', 64.50),
    (1002, 5, '2026-03-03', 'paid', 59.98),
    (1003, 7, '2026-03-05', 'shipped', 82.95),
    (1004, 9, '2026-03-06', 'placed', 18.50),
    (1005, 1, '2026-03-08', 'shipped', 85.50),
    (1006, 5, '2026-03-09', 'cancelled', 77.43),
    (1007, 12, '2026-03-11', 'paid', 15.00),
    (1008, 7, '2026-03-12', 'shipped', 18.50),
    (1009, 9, '2026-03-14', 'shipped', 119.96),
    (1010, 5, '2026-03-15', 'paid', 79.00),
    (1011, 8, '2026-03-17', 'shipped', 128.00),
    (1012, 10, '2026-03-18', 'placed', 84.97),
    (1013, 7, '2026-03-20', 'shipped', 18.50),
    (1014, 8, '2026-03-21', 'cancelled', 179.70),
    (1015, 8, '2026-03-23', 'paid', 132.42),
    (1016, 3, '2026-03-24', 'shipped', 118.99),
    (1017, 2, '2026-03-26', 'shipped', 196.96),
    (1018, 7, '2026-03-27', 'paid', 73.99),
    (1019, 2, '2026-03-29', 'shipped', 158.00),
    (1020, 6, '2026-03-30', 'placed', 15.00),
    (1021, 2, '2026-04-01', 'shipped', 60.95),
    (1022, 2, '2026-04-02', 'cancelled', 217.90),
    (1023, 8, '2026-04-04', 'paid', 241.50),
    (1024, 14, '2026-04-05', 'shipped', 206.49);

INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (1001, 10, 1, 64.50),
    (1002, 1, 1, 34.99),
    (1002, 9, 1, 24.99),
    (1003, 7, 1, 27.45),
    (1003, 3, 3, 18.50),
    (1004, 3, 1, 18.50),
    (1005, 3, 3, 18.50),
    (1005, 11, 2, 15.00),
    (1006, 9, 2, 24.99),
    (1006, 7, 1, 27.45),
    (1007, 11, 1, 15.00),
    (1008, 3, 1, 18.50),
    (1009, 9, 2, 24.99),
    (1009, 1, 2, 34.99),
    (1010, 8, 1, 79.00),
    (1011, 2, 1, 49.00),
    (1011, 8, 1, 79.00),
    (1012, 1, 1, 34.99),
    (1012, 9, 2, 24.99),
    (1013, 3, 1, 18.50),
    (1014, 6, 3, 59.90),
    (1015, 1, 3, 34.99),
    (1015, 7, 1, 27.45),
    (1016, 9, 1, 24.99),
    (1016, 11, 3, 15.00),
    (1016, 2, 1, 49.00),
    (1017, 1, 3, 34.99),
    (1017, 8, 1, 79.00),
    (1017, 5, 1, 12.99),
    (1018, 9, 1, 24.99),
    (1018, 2, 1, 49.00),
    (1019, 8, 2, 79.00),
    (1020, 11, 1, 15.00),
    (1021, 3, 1, 18.50),
    (1021, 11, 1, 15.00),
    (1021, 7, 1, 27.45),
    (1022, 6, 1, 59.90),
    (1022, 8, 2, 79.00),
    (1023, 8, 1, 79.00),
    (1023, 10, 1, 64.50),
    (1023, 2, 2, 49.00),
    (1024, 5, 1, 12.99),
    (1024, 10, 3, 64.50);

INSERT INTO payments (payment_id, order_id, amount, method, paid_at) VALUES
    (1, 1001, 64.50, 'card', '2026-03-02 13:47:00'),
    (2, 1002, 59.98, 'card', '2026-03-03 14:54:00'),
    (3, 1003, 82.95, 'card', '2026-03-05 15:01:00'),
    (4, 1005, 85.50, 'card', '2026-03-08 17:15:00'),
    (5, 1007, 15.00, 'paypal', '2026-03-11 19:29:00'),
    (6, 1008, 18.50, 'card', '2026-03-12 08:36:00'),
    (7, 1009, 119.96, 'card', '2026-03-14 09:43:00'),
    (8, 1010, 79.00, 'card', '2026-03-15 10:50:00'),
    (9, 1011, 128.00, 'card', '2026-03-17 11:57:00'),
    (10, 1013, 18.50, 'paypal', '2026-03-20 13:11:00'),
    (11, 1015, 132.42, 'card', '2026-03-23 15:25:00'),
    (12, 1016, 118.99, 'card', '2026-03-24 16:32:00'),
    (13, 1017, 196.96, 'paypal', '2026-03-26 17:39:00'),
    (14, 1018, 73.99, 'card', '2026-03-27 18:46:00'),
    (15, 1019, 158.00, 'card', '2026-03-29 19:53:00'),
    (16, 1021, 60.95, 'paypal', '2026-04-01 09:07:00'),
    (17, 1023, 241.50, 'card', '2026-04-04 11:21:00'),
    (18, 1024, 206.49, 'card', '2026-04-05 12:28:00');

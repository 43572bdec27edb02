-- StayWell Hotels: "production extract" for the Module 6 lab (Seed, Mask and Reset Test Data).
-- Pretend this file arrived from production: it holds personal data of 30 guests, so it must be
-- masked before anyone outside the secure area sees it. (In reality every person here is invented,
-- every email uses the reserved .test top-level domain, and every phone number comes from Ofcom's
-- 020 7946 0xxx drama range, so nothing can reach a real person.)
--
--   sqlite3 staywell_original.db < staywell-extract.sql
--   or: createdb staywell_original && psql -d staywell_original -f staywell-extract.sql

DROP TABLE IF EXISTS bookings;
DROP TABLE IF EXISTS rooms;
DROP TABLE IF EXISTS guests;

CREATE TABLE guests (
    guest_id       INTEGER      PRIMARY KEY,
    email          VARCHAR(255) NOT NULL UNIQUE,
    full_name      VARCHAR(100) NOT NULL,
    phone          VARCHAR(20),
    date_of_birth  DATE         NOT NULL,
    country        CHAR(2)      NOT NULL
);

CREATE TABLE rooms (
    room_id       INTEGER       PRIMARY KEY,
    room_number   VARCHAR(5)    NOT NULL UNIQUE,
    room_type     VARCHAR(10)   NOT NULL CHECK (room_type IN ('Single', 'Double', 'Suite')),
    nightly_rate  NUMERIC(8,2)  NOT NULL CHECK (nightly_rate > 0)
);

CREATE TABLE bookings (
    booking_id  INTEGER       PRIMARY KEY,
    guest_id    INTEGER       NOT NULL REFERENCES guests (guest_id),
    room_id     INTEGER       NOT NULL REFERENCES rooms (room_id),
    check_in    DATE          NOT NULL,
    check_out   DATE          NOT NULL,
    status      VARCHAR(12)   NOT NULL CHECK (status IN ('confirmed', 'checked_out', 'cancelled')),
    total       NUMERIC(10,2) NOT NULL,
    notes       VARCHAR(500),
    CHECK (check_out > check_in)
);

INSERT INTO guests (guest_id, email, full_name, phone, date_of_birth, country) VALUES
    (1, 'terence.newton@inbox.test', 'Terence Newton', '020 7946 0327', '1995-01-31', 'GB'),
    (2, 'sally.miah@inbox.test', 'Sally Miah', '020 7946 0905', '1970-01-12', 'GB'),
    (3, 'timothy.young@corpmail.test', 'Timothy Young', '020 7946 0802', '1999-02-23', 'GB'),
    (4, 'grace.johnson@corpmail.test', 'Grace Johnson', '020 7946 0769', '1989-07-28', 'GB'),
    (5, 'emily.gill@mailbox.test', 'Emily Gill', '020 7946 0002', '1957-03-30', 'GB'),
    (6, 'lorraine.gray@inbox.test', 'Lorraine Gray', '020 7946 0294', '1958-10-18', 'GB'),
    (7, 'amyers2@corpmail.test', 'Abigail Myers', '020 7946 0695', '1978-03-11', 'GB'),
    (8, 'kate.williams@mailbox.test', 'Kate Williams', '020 7946 0406', '1972-07-25', 'GB'),
    (9, 'paul.flynn@post.test', 'Paul Flynn', NULL, '1981-12-30', 'GB'),
    (10, 'jamie.hussain@corpmail.test', 'Jamie Hussain', '020 7946 0763', '1996-01-29', 'GB'),
    (11, 'nigel.power@inbox.test', 'Nigel Power', '020 7946 0740', '1980-07-16', 'GB'),
    (12, 'lydia.jones@inbox.test', 'Lydia Jones', '020 7946 0570', '1998-04-10', 'GB'),
    (13, 'vincent.hanly@post.test', 'Vincent Hanly', '020 7946 0468', '1962-08-22', 'IE'),
    (14, 'ckeally4@post.test', 'Caroline Keally', '020 7946 0372', '1991-05-14', 'IE'),
    (15, 'amie.mccourt@corpmail.test', 'Amie McCourt', '020 7946 0092', '1985-10-11', 'IE'),
    (16, 'blanaid.scullion@corpmail.test', 'Blanaid Scullion', '020 7946 0888', '1960-06-12', 'IE'),
    (17, 'fatima.buchholz@corpmail.test', 'Fatima Buchholz', '020 7946 0518', '1994-01-20', 'DE'),
    (18, 'isa.karge@corpmail.test', 'Isa Karge', '020 7946 0938', '1997-01-25', 'DE'),
    (19, 'dietrich.roht@post.test', 'Dietrich Roht', '020 7946 0864', '1987-09-05', 'DE'),
    (20, 'asta.hornich@corpmail.test', 'Asta Hornich', '020 7946 0525', '1996-06-21', 'DE'),
    (21, 'kmielcarek74@mailbox.test', 'Kenneth Mielcarek', '020 7946 0784', '1961-07-29', 'DE'),
    (22, 'donald.newman@inbox.test', 'Donald Newman', NULL, '1996-12-09', 'US'),
    (23, 'jennifer.parker@inbox.test', 'Jennifer Parker', '020 7946 0734', '1988-07-10', 'US'),
    (24, 'melanie.wood@corpmail.test', 'Melanie Wood', '020 7946 0145', '1993-04-02', 'US'),
    (25, 'steven.davis@mailbox.test', 'Steven Davis', '020 7946 0870', '1960-12-12', 'US'),
    (26, 'patricia.spencer@corpmail.test', 'Patricia Spencer', '020 7946 0690', '1992-02-11', 'US'),
    (27, 'rufina.carnero@post.test', 'Rufina Carnero', '020 7946 0573', '1986-01-27', 'ES'),
    (28, 'tvelazquez71@corpmail.test', 'Teodoro Velázquez', '020 7946 0824', '1986-01-23', 'ES'),
    (29, 'nidia.tudela@corpmail.test', 'Nidia Tudela', '020 7946 0207', '1976-05-30', 'ES'),
    (30, 'romulo.zamorano@post.test', 'Rómulo Zamorano', '020 7946 0009', '1952-12-20', 'ES');

INSERT INTO rooms (room_id, room_number, room_type, nightly_rate) VALUES
    (1, '101', 'Single', 79.00),
    (2, '102', 'Single', 79.00),
    (3, '103', 'Single', 79.00),
    (4, '104', 'Single', 79.00),
    (5, '201', 'Double', 119.00),
    (6, '202', 'Double', 119.00),
    (7, '203', 'Double', 119.00),
    (8, '204', 'Double', 119.00),
    (9, '205', 'Double', 119.00),
    (10, '301', 'Suite', 189.00),
    (11, '302', 'Suite', 189.00),
    (12, '303', 'Suite', 189.00);

INSERT INTO bookings (booking_id, guest_id, room_id, check_in, check_out, status, total, notes) VALUES
    (5001, 5, 11, '2026-04-26', '2026-04-29', 'checked_out', 567.00, 'Ground floor if possible'),
    (5002, 12, 4, '2026-03-17', '2026-03-21', 'checked_out', 316.00, 'Ground floor if possible'),
    (5003, 17, 8, '2026-04-21', '2026-04-23', 'cancelled', 238.00, NULL),
    (5004, 27, 5, '2026-03-21', '2026-03-23', 'confirmed', 238.00, 'Rufina arriving after 22:00, call 020 7946 0573'),
    (5005, 23, 12, '2026-04-20', '2026-04-23', 'checked_out', 567.00, 'Ground floor if possible'),
    (5006, 30, 3, '2026-03-28', '2026-04-04', 'checked_out', 553.00, NULL),
    (5007, 21, 5, '2026-04-27', '2026-04-29', 'checked_out', 238.00, NULL),
    (5008, 7, 12, '2026-04-24', '2026-04-26', 'confirmed', 378.00, 'Booked by Abigail Myers for a colleague, invoice to amyers2@corpmail.test'),
    (5009, 30, 1, '2026-03-06', '2026-03-07', 'checked_out', 79.00, NULL),
    (5010, 20, 4, '2026-03-16', '2026-03-17', 'cancelled', 79.00, NULL),
    (5011, 25, 9, '2026-03-18', '2026-03-22', 'checked_out', 476.00, NULL),
    (5012, 1, 6, '2026-04-12', '2026-04-15', 'cancelled', 357.00, 'Terence arriving after 22:00, call 020 7946 0327'),
    (5013, 23, 12, '2026-04-30', '2026-05-01', 'cancelled', 189.00, 'Extra pillow please'),
    (5014, 16, 10, '2026-03-09', '2026-03-12', 'cancelled', 567.00, 'Late check-in'),
    (5015, 3, 7, '2026-04-12', '2026-04-13', 'confirmed', 119.00, 'Late check-in'),
    (5016, 17, 7, '2026-03-25', '2026-04-01', 'confirmed', 833.00, 'Extra pillow please'),
    (5017, 13, 1, '2026-03-07', '2026-03-09', 'confirmed', 158.00, NULL),
    (5018, 27, 6, '2026-04-11', '2026-04-13', 'confirmed', 238.00, NULL),
    (5019, 17, 8, '2026-03-21', '2026-03-25', 'checked_out', 476.00, 'Ground floor if possible'),
    (5020, 11, 2, '2026-04-01', '2026-04-03', 'cancelled', 158.00, 'Nigel arriving after 22:00, call 020 7946 0740'),
    (5021, 5, 10, '2026-04-03', '2026-04-04', 'checked_out', 189.00, 'Cot needed for baby'),
    (5022, 15, 10, '2026-03-15', '2026-03-19', 'confirmed', 756.00, 'Allergic to feathers'),
    (5023, 2, 4, '2026-04-11', '2026-04-12', 'confirmed', 79.00, NULL),
    (5024, 15, 11, '2026-03-13', '2026-03-15', 'confirmed', 378.00, 'Booked by Amie McCourt for a colleague, invoice to amie.mccourt@corpmail.test'),
    (5025, 21, 9, '2026-03-14', '2026-03-21', 'cancelled', 833.00, NULL),
    (5026, 6, 11, '2026-04-24', '2026-04-25', 'checked_out', 189.00, 'Late check-in'),
    (5027, 14, 9, '2026-03-27', '2026-04-03', 'confirmed', 833.00, 'Allergic to feathers'),
    (5028, 10, 3, '2026-03-23', '2026-03-24', 'checked_out', 79.00, 'Jamie arriving after 22:00, call 020 7946 0763'),
    (5029, 16, 7, '2026-03-19', '2026-03-21', 'confirmed', 238.00, 'Cot needed for baby'),
    (5030, 17, 8, '2026-03-29', '2026-03-30', 'cancelled', 119.00, 'Late check-in'),
    (5031, 27, 2, '2026-04-24', '2026-04-25', 'confirmed', 79.00, NULL),
    (5032, 3, 8, '2026-04-11', '2026-04-13', 'checked_out', 238.00, NULL),
    (5033, 1, 6, '2026-04-24', '2026-04-25', 'checked_out', 119.00, 'Extra pillow please'),
    (5034, 4, 10, '2026-04-15', '2026-04-17', 'cancelled', 378.00, 'Extra pillow please'),
    (5035, 19, 5, '2026-04-06', '2026-04-08', 'cancelled', 238.00, 'Dietrich arriving after 22:00, call 020 7946 0864'),
    (5036, 4, 5, '2026-03-07', '2026-03-09', 'confirmed', 238.00, NULL),
    (5037, 22, 1, '2026-04-18', '2026-04-20', 'confirmed', 158.00, NULL),
    (5038, 17, 6, '2026-03-18', '2026-03-21', 'confirmed', 357.00, 'Late check-in'),
    (5039, 30, 6, '2026-03-11', '2026-03-13', 'checked_out', 238.00, NULL),
    (5040, 1, 7, '2026-04-25', '2026-05-02', 'checked_out', 833.00, 'Allergic to feathers');

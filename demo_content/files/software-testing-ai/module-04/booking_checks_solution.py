"""booking_checks_solution.py - Module 4, Lesson 3: worked solution.

Expected output:
    Bookings per status: {'CONFIRMED': 7, 'PENDING': 2, 'CANCELLED': 2, 'confirmed': 1}
    Total counted: 12
    6 problems found
     - BK-1003: 5 guests in a family room (sleeps 4)
     - BK-1004: 0 nights
     - BK-1006: 3 guests in a double room (sleeps 2)
     - BK-1003: duplicate booking id
     - BK-1009: invalid status 'confirmed'
     - BK-1010: -1 nights

BK-1008 (4 guests in a family room) is exactly at capacity and must NOT be
reported. If your script reports it, your condition uses >= instead of >.
"""

CAPACITY = {"single": 1, "double": 2, "family": 4}
VALID_STATUSES = {"CONFIRMED", "PENDING", "CANCELLED"}

bookings = [
    {"id": "BK-1001", "guest": "Ana Costa", "room_type": "double", "guests": 2, "nights": 3, "status": "CONFIRMED"},
    {"id": "BK-1002", "guest": "Ben Okafor", "room_type": "single", "guests": 1, "nights": 1, "status": "CONFIRMED"},
    {"id": "BK-1003", "guest": "Chloe Martin", "room_type": "family", "guests": 5, "nights": 2, "status": "PENDING"},
    {"id": "BK-1004", "guest": "Dev Patel", "room_type": "double", "guests": 2, "nights": 0, "status": "CONFIRMED"},
    {"id": "BK-1005", "guest": "Eva Novak", "room_type": "single", "guests": 1, "nights": 4, "status": "CANCELLED"},
    {"id": "BK-1006", "guest": "Femi Adeyemi", "room_type": "double", "guests": 3, "nights": 2, "status": "CONFIRMED"},
    {"id": "BK-1003", "guest": "Gus Larsen", "room_type": "double", "guests": 2, "nights": 5, "status": "CONFIRMED"},
    {"id": "BK-1008", "guest": "Hana Sato", "room_type": "family", "guests": 4, "nights": 7, "status": "CONFIRMED"},
    {"id": "BK-1009", "guest": "Ivan Petrov", "room_type": "single", "guests": 1, "nights": 2, "status": "confirmed"},
    {"id": "BK-1010", "guest": "Jo Walsh", "room_type": "double", "guests": 1, "nights": -1, "status": "PENDING"},
    {"id": "BK-1011", "guest": "Kai Mendes", "room_type": "family", "guests": 2, "nights": 3, "status": "CANCELLED"},
    {"id": "BK-1012", "guest": "Lea Fischer", "room_type": "double", "guests": 2, "nights": 1, "status": "CONFIRMED"},
]

status_counts = {}
problems = []
seen_ids = set()

for booking in bookings:
    ref = booking["id"]
    status_counts[booking["status"]] = status_counts.get(booking["status"], 0) + 1

    if booking["nights"] < 1:
        problems.append(f"{ref}: {booking['nights']} nights")

    sleeps = CAPACITY.get(booking["room_type"])
    if sleeps is None:
        problems.append(f"{ref}: unknown room type {booking['room_type']!r}")
    elif booking["guests"] > sleeps:
        problems.append(f"{ref}: {booking['guests']} guests in a {booking['room_type']} room (sleeps {sleeps})")

    if ref in seen_ids:
        problems.append(f"{ref}: duplicate booking id")
    seen_ids.add(ref)

    if booking["status"] not in VALID_STATUSES:
        problems.append(f"{ref}: invalid status {booking['status']!r}")

print("Bookings per status:", status_counts)
print("Total counted:", sum(status_counts.values()))
print(f"{len(problems)} problems found")
for problem in problems:
    print(" -", problem)

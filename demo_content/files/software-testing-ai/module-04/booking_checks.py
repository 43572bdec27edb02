"""booking_checks.py - Module 4, Lesson 3 exercise: audit a hotel's bookings.

Rules from the booking site's specification:
  * every booking id is unique
  * a booking has at least 1 night
  * a room never has more guests than it sleeps (see CAPACITY)
  * the status is one of CONFIRMED, PENDING, CANCELLED (in capitals)

Complete the four TODOs, then run:  python booking_checks.py
Success: the status counts add up to 12, and exactly six problems are
reported, each with the booking id and the offending value.
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

    # TODO 1: add 1 to status_counts for this booking's status, exactly as written.

    # TODO 2: if the booking has fewer than 1 night, append a message to problems.

    # TODO 3: if there are more guests than CAPACITY allows for the room type, append a message.

    # TODO 4: report a duplicate id (use seen_ids) and a status not in VALID_STATUSES.

print("Bookings per status:", status_counts)
print("Total counted:", sum(status_counts.values()))
print(f"{len(problems)} problems found")
for problem in problems:
    print(" -", problem)

from django.core.management.base import BaseCommand

from analytics.rollups import recount


class Command(BaseCommand):
    help = "Recount each course's students, starters and completers into today's analytics rows."

    def handle(self, *args, **options):
        rows = recount()
        self.stdout.write(f"Counted {len(rows)} course{'s' if len(rows) != 1 else ''}.")

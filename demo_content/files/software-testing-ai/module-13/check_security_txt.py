"""Read and check a site's security.txt (RFC 9116) before you test or report (Module 13, Lesson 1).

security.txt tells researchers and testers where to report security problems and under which policy.
Reading it is a single ordinary GET request, the same as opening the page in a browser.

    python check_security_txt.py http://localhost:3000          # OWASP Juice Shop on your laptop
    python check_security_txt.py https://www.example.com

Standard library only. Exit code 0 if the file exists and has the two required fields
(Contact and an Expires date in the future), 1 otherwise.
"""

import sys
import urllib.error
import urllib.request
from datetime import datetime, timezone

KNOWN_FIELDS = {
    "contact", "expires", "encryption", "acknowledgments", "acknowledgements", "preferred-languages",
    "canonical", "policy", "hiring", "csaf",
}


def fetch(base_url):
    """Body and final URL of /.well-known/security.txt, falling back to /security.txt as RFC 9116 allows."""
    for path in ("/.well-known/security.txt", "/security.txt"):
        url = base_url.rstrip("/") + path
        request = urllib.request.Request(url, headers={"User-Agent": "qa-course-security-txt-check/1.0"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                # A redirect to a login or home page is not a security.txt, even if it answers 200.
                if response.status == 200 and response.geturl().endswith("security.txt"):
                    return response.read().decode("utf-8", errors="replace"), response.geturl()
        except urllib.error.URLError:
            continue
    return None, None


def parse(text):
    fields = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        name, value = line.split(":", 1)
        fields.append((name.strip().lower(), value.strip()))
    return fields


def main(base_url):
    text, url = fetch(base_url)
    if text is None:
        print(f"No security.txt at {base_url}. Look for a 'security' or 'responsible disclosure' page,")
        print("or ask the owner how they want security findings reported before you test.")
        return 1
    print(f"Found {url}\n")
    fields = parse(text)
    for name, value in fields:
        marker = "" if name in KNOWN_FIELDS else "   (not an RFC 9116 field)"
        print(f"  {name:<20} {value}{marker}")
    problems = []
    contacts = [value for name, value in fields if name == "contact"]
    if not contacts:
        problems.append("no Contact field: the RFC requires at least one")
    expires = [value for name, value in fields if name == "expires"]
    if not expires:
        problems.append("no Expires field: the RFC requires exactly one")
    else:
        try:
            when = datetime.fromisoformat(expires[0].replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            if when < datetime.now(timezone.utc):
                problems.append(f"Expires {expires[0]} is in the past: treat the contents as stale")
        except ValueError:
            problems.append(f"Expires {expires[0]!r} is not an ISO 8601 date")
    if url and url.startswith("http://") and "localhost" not in url and "127.0.0.1" not in url:
        problems.append("served over plain HTTP: the RFC asks for HTTPS")
    policy = [value for name, value in fields if name == "policy"]
    print()
    print("Report findings to: " + (", ".join(contacts) if contacts else "(unknown)"))
    print("Disclosure policy:  " + (policy[0] if policy else "(none given: ask before you test)"))
    for problem in problems:
        print("PROBLEM: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))

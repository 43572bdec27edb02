"""Inspect a JSON Web Token (JWT) the way a tester does: header, claims, times, warnings.

Standard library only. Decoding is NOT verifying: anyone can read a JWT, only the server can tell
whether its signature is genuine. Use this on tokens from test environments, never on a colleague's
or a customer's live token (a token is a password while it is valid).

    python jwt_inspect.py eyJhbGciOi...            # print what is inside
    python jwt_inspect.py TOKEN --set role=admin   # also print an UNSIGNED copy with a changed claim,
                                                   # to check that YOUR test server refuses it
    python jwt_inspect.py TOKEN --set role=admin --keep-signature
                                                   # a tampered copy: changed claims, the old signature

Both copies are well-known negative tests (see OWASP's JSON Web Token cheat sheet): a server that
accepts either one trusts whatever a client writes into a token, which is a critical security bug.
Use them only against systems you are allowed to test, such as the Mini Shop practice API.
"""

import argparse
import base64
import json
import sys
from datetime import datetime, timezone


def b64url_decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def decode(token):
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise ValueError(f"a JWT has 3 parts separated by dots; this one has {len(parts)}")
    header = json.loads(b64url_decode(parts[0]))
    claims = json.loads(b64url_decode(parts[1]))
    return header, claims, parts[2]


def when(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def report(token):
    header, claims, signature = decode(token)
    print("Header:", json.dumps(header, indent=2))
    print("Claims:", json.dumps(claims, indent=2))
    now = datetime.now(tz=timezone.utc).timestamp()
    for name in ("iat", "nbf", "exp"):
        if name in claims:
            print(f"{name}: {when(claims[name])}")
    warnings = []
    if header.get("alg", "").lower() == "none" or not signature:
        warnings.append("unsigned token (alg none or empty signature): a server must refuse it")
    if "exp" not in claims:
        warnings.append("no exp claim: this token never expires")
    elif claims["exp"] < now:
        warnings.append(f"expired {int(now - claims['exp'])} seconds ago: a server must answer 401")
    else:
        minutes = (claims["exp"] - claims.get("iat", now)) / 60
        print(f"lifetime: {minutes:.0f} minutes; {int(claims['exp'] - now)} seconds left")
    sensitive = {"password", "pwd", "card", "ssn", "secret"} & {key.lower() for key in claims}
    if sensitive:
        warnings.append(f"claims that look sensitive: {', '.join(sorted(sensitive))} (anyone can read them)")
    for warning in warnings:
        print("WARNING:", warning)
    return header, claims


def changed_copy(token, claims, changes, keep_signature):
    changed = dict(claims)
    for change in changes:
        key, _, value = change.partition("=")
        changed[key] = int(value) if value.isdigit() else value
    payload = b64url_encode(json.dumps(changed, separators=(",", ":")).encode())
    if keep_signature:  # original header and signature, new claims: the signature no longer matches
        header_part, _payload_part, signature = token.strip().split(".")
        return f"{header_part}.{payload}.{signature}"
    header = b64url_encode(json.dumps({"alg": "none", "typ": "JWT"}, separators=(",", ":")).encode())
    return f"{header}.{payload}."


def main():
    parser = argparse.ArgumentParser(description="Inspect a JWT (decode only, no verification).")
    parser.add_argument("token")
    parser.add_argument("--set", action="append", default=[], metavar="CLAIM=VALUE")
    parser.add_argument("--keep-signature", action="store_true", help="tamper: keep the old header and signature")
    args = parser.parse_args()
    try:
        _header, claims = report(args.token)
    except (ValueError, json.JSONDecodeError) as problem:
        sys.exit(f"Not a readable JWT: {problem}")
    if args.set:
        kind = "Tampered copy (old signature)" if args.keep_signature else "Unsigned copy (alg none)"
        print(f"\n{kind} for a negative test (expect 401 from a correct server):")
        print(changed_copy(args.token, claims, args.set, args.keep_signature))


if __name__ == "__main__":
    main()

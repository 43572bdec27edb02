"""Turn analytics numbers into load test settings with Little's Law (Module 11).

  python workload_calculator.py --sessions-per-hour 7200 --session-minutes 8 --pages-per-session 7.4
  python workload_calculator.py --sessions-per-hour 7200 --session-minutes 8 --pages-per-session 7.4 \
        --requests-per-page 3 --growth 1.5 --response-s 0.5

Little's Law: users in the system = arrival rate x time each one stays.
  concurrent users   = sessions per second x session length in seconds
  requests per second = page views per second x API requests per page
  think time per page = session length / pages per session - response time
Standard library only.
"""

import argparse


def main():
    parser = argparse.ArgumentParser(description="Workload numbers from analytics, with Little's Law.")
    parser.add_argument("--sessions-per-hour", type=float, required=True, help="sessions in the busiest hour")
    parser.add_argument("--session-minutes", type=float, required=True, help="average session length")
    parser.add_argument("--pages-per-session", type=float, required=True, help="average page views per session")
    parser.add_argument("--requests-per-page", type=float, default=1.0, help="API calls per page view (default 1)")
    parser.add_argument("--growth", type=float, default=1.0, help="safety or growth factor, e.g. 1.5 (default 1)")
    parser.add_argument("--response-s", type=float, default=0.5, help="expected response time per page (default 0.5 s)")
    args = parser.parse_args()

    arrivals_per_s = args.sessions_per_hour * args.growth / 3600
    session_s = args.session_minutes * 60
    users = arrivals_per_s * session_s
    pages_per_s = arrivals_per_s * args.pages_per_session
    requests_per_s = pages_per_s * args.requests_per_page
    think_s = max(0.0, session_s / args.pages_per_session - args.response_s)

    print(f"growth factor applied:        x{args.growth:g}")
    print(f"new sessions per second:      {arrivals_per_s:8.2f}")
    print(f"concurrent users (Little):    {users:8.0f}")
    print(f"page views per second:        {pages_per_s:8.1f}")
    print(f"API requests per second:      {requests_per_s:8.1f}")
    print(f"think time between pages:     {think_s:8.1f} s")
    print("\nCheck: page views per second = users / (think time + response time)")
    print(f"  {users:.0f} users / ({think_s:.1f} s + {args.response_s:g} s) = {users / (think_s + args.response_s):.1f} page views/s")
    print("If you shorten think time to save load generators, lower the number of users by the same factor,")
    print("so the requests per second stay right, and write down that concurrency (open sessions) is now lower.")


if __name__ == "__main__":
    main()

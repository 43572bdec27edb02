#!/usr/bin/env python3
"""Measure an Android app's cold start time several times and report median and p90 (Module 14, Lesson 7).

Uses `adb shell am start -S -W`, which force-stops the app, starts it and waits until its first
screen is drawn, then prints TotalTime in milliseconds (the "time to initial display").

Examples:
    python startup_timer.py --component com.saucelabs.mydemoapp.android/.view.activities.SplashActivity
    python startup_timer.py --component com.rideloop.app/.MainActivity --runs 20 --target-ms 2500 \
        --serial R58N12ABCDE --csv rideloop-a20.csv

Notes:
- Measure on a real device for numbers you report; emulator timings reflect your computer.
- Keep the device on the same charge state, screen brightness and network for every run.
- If the app opens a separate splash activity first, TotalTime covers that activity only. Ask the
  developers to call reportFullyDrawn() and read the "Fully drawn" line in logcat for the full start.
Standard library only; needs adb on PATH.
"""
import argparse
import csv
import math
import re
import statistics
import subprocess
import sys
import time


def adb(serial: str, *args: str) -> str:
    result = subprocess.run(["adb", "-s", serial, *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"adb {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def cold_start(serial: str, component: str) -> tuple[int, str]:
    out = adb(serial, "shell", "am", "start", "-S", "-W", "-n", component)
    total = re.search(r"TotalTime:\s+(\d+)", out)
    state = re.search(r"LaunchState:\s+(\w+)", out)
    if not total:
        raise RuntimeError(f"no TotalTime in output:\n{out}")
    return int(total.group(1)), state.group(1) if state else "UNKNOWN"


def nearest_rank(values: list[int], pct: float) -> int:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--component", required=True, help="package/activity, e.g. com.example/.MainActivity")
    parser.add_argument("--serial", default="emulator-5554", help="device serial from `adb devices`")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=1, help="runs to discard first (caches, JIT)")
    parser.add_argument("--pause", type=float, default=3.0, help="seconds to wait between runs")
    parser.add_argument("--target-ms", type=int, default=0, help="p90 target; exit code 1 if exceeded")
    parser.add_argument("--csv", help="write every run to this CSV file")
    args = parser.parse_args()

    model = adb(args.serial, "shell", "getprop", "ro.product.model").strip()
    release = adb(args.serial, "shell", "getprop", "ro.build.version.release").strip()
    print(f"Device: {model}, Android {release} ({args.serial})")

    times, rows = [], []
    for run in range(1, args.warmup + args.runs + 1):
        ms, state = cold_start(args.serial, args.component)
        kept = run > args.warmup
        if kept:
            times.append(ms)
        rows.append({"run": run, "device": model, "android": release, "launch_state": state,
                     "total_time_ms": ms, "kept": kept})
        print(f"run {run:>2}: {ms:>5} ms {state}{'' if kept else '  (warm-up, discarded)'}")
        time.sleep(args.pause)

    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)

    median, p90 = statistics.median(times), nearest_rank(times, 90)
    print(f"\n{len(times)} runs  min {min(times)}  median {median:.0f}  p90 {p90}  max {max(times)} ms")
    if args.target_ms:
        verdict = "PASS" if p90 <= args.target_ms else "FAIL"
        print(f"{verdict}: p90 {p90} ms against a target of {args.target_ms} ms")
        return 0 if verdict == "PASS" else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

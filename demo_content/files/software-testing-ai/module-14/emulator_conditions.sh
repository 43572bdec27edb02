#!/usr/bin/env bash
# Apply a named test condition to a running Android emulator (Module 14, Lesson 3).
#
# Usage:  ./emulator_conditions.sh <condition> [serial]
#   conditions: slow | lossy | offline | online | call | hangup | sms | lowbattery | charging |
#               berlin | newyork | darkmode | bigfont | reset
#   serial:     emulator serial from `adb devices` (default: emulator-5554)
#
# Every condition is undone by `reset`. The script prints what it did so you can paste it into the
# session log.

set -euo pipefail

CONDITION="${1:-}"
SERIAL="${2:-emulator-5554}"
ADB=(adb -s "$SERIAL")
CALLER="5551234"

say() { printf '%s  %-10s %s\n' "$(date +%H:%M:%S)" "$CONDITION" "$1"; }

if ! "${ADB[@]}" get-state >/dev/null 2>&1; then
  echo "No device $SERIAL. Start an emulator and check 'adb devices'." >&2
  exit 1
fi

case "$CONDITION" in
  slow)
    "${ADB[@]}" emu network speed edge >/dev/null
    "${ADB[@]}" emu network delay gprs >/dev/null
    say "EDGE bandwidth, GPRS latency (35-200 ms)" ;;
  lossy)
    "${ADB[@]}" emu network speed gsm >/dev/null
    "${ADB[@]}" emu network delay gsm >/dev/null
    say "GSM bandwidth, GSM latency (150-550 ms): the worst common case" ;;
  offline)
    "${ADB[@]}" shell svc wifi disable
    "${ADB[@]}" shell svc data disable
    say "Wi-Fi and mobile data off" ;;
  online)
    "${ADB[@]}" shell svc wifi enable
    "${ADB[@]}" shell svc data enable
    say "Wi-Fi and mobile data on" ;;
  call)
    "${ADB[@]}" emu gsm call "$CALLER" >/dev/null
    say "Incoming call from $CALLER (run 'hangup' to end it)" ;;
  hangup)
    "${ADB[@]}" emu gsm cancel "$CALLER" >/dev/null
    say "Call from $CALLER ended" ;;
  sms)
    "${ADB[@]}" emu sms send "$CALLER" "Your verification code is 482913" >/dev/null
    say "SMS with a one-time code sent" ;;
  lowbattery)
    "${ADB[@]}" emu power ac off >/dev/null
    "${ADB[@]}" emu power status discharging >/dev/null
    "${ADB[@]}" emu power capacity 5 >/dev/null
    say "Battery 5%, discharging, charger unplugged" ;;
  charging)
    "${ADB[@]}" emu power ac on >/dev/null
    "${ADB[@]}" emu power status charging >/dev/null
    "${ADB[@]}" emu power capacity 100 >/dev/null
    say "Battery 100%, charging" ;;
  berlin)
    "${ADB[@]}" emu geo fix 13.4050 52.5200 >/dev/null
    say "GPS fix Berlin (lon 13.4050, lat 52.5200)" ;;
  newyork)
    "${ADB[@]}" emu geo fix -74.0060 40.7128 >/dev/null
    say "GPS fix New York (lon -74.0060, lat 40.7128)" ;;
  darkmode)
    "${ADB[@]}" shell cmd uimode night yes >/dev/null
    say "Dark mode on" ;;
  bigfont)
    "${ADB[@]}" shell settings put system font_scale 1.3
    say "Font scale 1.3" ;;
  reset)
    "${ADB[@]}" emu network speed full >/dev/null
    "${ADB[@]}" emu network delay none >/dev/null
    "${ADB[@]}" shell svc wifi enable
    "${ADB[@]}" shell svc data enable
    "${ADB[@]}" emu gsm cancel "$CALLER" >/dev/null || true
    "${ADB[@]}" emu power ac on >/dev/null
    "${ADB[@]}" emu power capacity 100 >/dev/null
    "${ADB[@]}" shell cmd uimode night no >/dev/null
    "${ADB[@]}" shell settings put system font_scale 1.0
    "${ADB[@]}" shell settings put global always_finish_activities 0
    say "Network, call, battery, dark mode, font and 'Don't keep activities' restored" ;;
  *)
    sed -n '2,11p' "$0"
    exit 2 ;;
esac

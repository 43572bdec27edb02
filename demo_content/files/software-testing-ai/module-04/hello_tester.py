"""hello_tester.py - Module 4, Lesson 1: prove that your Python setup works.

Run it from the project folder with the virtual environment active:
    python hello_tester.py
Every line should end in OK. Anything else tells you what to fix.
"""

import platform
import sys
from pathlib import Path

MINIMUM = (3, 12)


def report(label, ok, detail):
    status = "OK" if ok else "FIX ME"
    print(f"{label:<32} {detail:<50} {status}")
    return ok


results = []

version_ok = sys.version_info[:2] >= MINIMUM
results.append(report("Python version", version_ok, platform.python_version()))

in_venv = sys.prefix != sys.base_prefix
results.append(report("Virtual environment active", in_venv, sys.prefix))

interpreter = Path(sys.executable)
results.append(report("Interpreter inside .venv", ".venv" in interpreter.parts, str(interpreter)))

try:
    import requests

    results.append(report("requests installed", True, requests.__version__))
except ModuleNotFoundError:
    results.append(report("requests installed", False, "run: python -m pip install requests"))

requirements = Path(__file__).with_name("requirements.txt")
has_file = requirements.is_file() and "requests" in requirements.read_text(encoding="utf-8").lower()
results.append(report("requirements.txt lists requests", has_file, str(requirements.name)))

print()
if all(results):
    print(f"All {len(results)} checks passed. Your workshop is ready.")
else:
    print(f"{results.count(False)} of {len(results)} checks need attention. See the setup checklist.")
    sys.exit(1)

#!/usr/bin/env python3
"""Summarises wlcs runs for scripts/conformance.

usage: report.py EXPECTED_FAILURES SKIP_REASONS LOG...

Reads the gtest output of every shard, prints a table per suite, why tests were skipped, and
the tests whose result differs from EXPECTED_FAILURES; ends with the line
    conformance: P passed, F failed, S skipped, of T
Exits 1 when a test outside the expected failures failed, or an expected failure passed (so
the list only shrinks), or a shard did not finish.
"""
import collections
import fnmatch
import re
import sys

RESULT = re.compile(r"^\[ +(OK|FAILED|SKIP) +\] (\S+?)(?:,| \()")
RUN = re.compile(r"^\[ RUN +\] (\S+)")
MISSING = re.compile(r"Missing extension: (\S+?)>= ?\d+")
FINISHED = re.compile(r"^\[=+\] \d+ tests? from \d+ test (?:suites?|cases?) (?:ran|run)")


def read_list(path):
    """Lines 'NAME  reason', '#' comments; NAME may hold gtest-style '*' and '?'."""
    entries = collections.OrderedDict()
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                sys.exit(f"{path}:{n}: '{parts[0]}' needs a reason after it")
            entries[parts[0]] = parts[1]
    return entries


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    expected = read_list(sys.argv[1])
    skip_reasons = read_list(sys.argv[2])
    results = {}
    skipped_for = collections.Counter()
    unfinished = []
    for log in sys.argv[3:]:
        current, missing, finished = None, None, False
        with open(log, errors="replace") as f:
            for line in f:
                m = RUN.match(line)
                if m:
                    current, missing = m.group(1), None
                    continue
                m = MISSING.search(line)
                if m and current:
                    missing = m.group(1)
                m = RESULT.match(line)
                if m and m.group(2) == current:
                    results[current] = {"OK": "passed", "FAILED": "failed", "SKIP": "skipped"}[m.group(1)]
                    if m.group(1) == "SKIP":
                        skipped_for[missing or "(no extension named)"] += 1
                    current = None
                if FINISHED.match(line):
                    finished = True
        if current:
            results[current] = "failed"  # the run died inside this test
            print(f"{log}: the run stopped inside {current}")
        if not finished:
            unfinished.append(log)

    suites = collections.OrderedDict()
    for name in sorted(results):
        suite = name.rsplit(".", 1)[0]
        suites.setdefault(suite, collections.Counter())[results[name]] += 1
    width = max([len(s) for s in suites] + [5])
    print(f"{'suite':<{width}}  passed  failed  skipped")
    for suite, c in suites.items():
        print(f"{suite:<{width}}  {c['passed']:>6}  {c['failed']:>6}  {c['skipped']:>7}")
    if skipped_for:
        print("\nskipped, by the extension the test needs:")
        for ext, count in sorted(skipped_for.items()):
            print(f"  {count:>4}  {ext}: {skip_reasons.get(ext, 'not offered (no reason recorded)')}")

    def expected_reason(name):
        for pattern, reason in expected.items():
            if fnmatch.fnmatchcase(name, pattern):
                return reason
        return None

    unexpected_failures = [n for n, r in sorted(results.items()) if r == "failed" and expected_reason(n) is None]
    unexpected_passes = [n for n, r in sorted(results.items()) if r == "passed" and expected_reason(n) is not None]
    expected_failures = [n for n, r in sorted(results.items()) if r == "failed" and expected_reason(n) is not None]
    if expected_failures:
        print(f"\nexpected failures ({len(expected_failures)}), listed in {sys.argv[1]}:")
        for n in expected_failures:
            print(f"  {n}: {expected_reason(n)}")
    if unexpected_failures:
        print(f"\nFAILED, and not listed as expected ({len(unexpected_failures)}):")
        for n in unexpected_failures:
            print(f"  {n}")
    if unexpected_passes:
        print(f"\nPASSED, but listed as expected to fail ({len(unexpected_passes)}): take them off the list")
        for n in unexpected_passes:
            print(f"  {n}")
    for log in unfinished:
        print(f"\n{log}: wlcs did not finish (crashed or timed out); see the log")

    counts = collections.Counter(results.values())
    print(f"\nconformance: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped, of {len(results)}")
    return 1 if unexpected_failures or unexpected_passes or unfinished else 0


if __name__ == "__main__":
    sys.exit(main())

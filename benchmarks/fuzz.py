"""Fuzzing at scale: the property checks of ``tests/unit/test_fuzz_*.py`` run with hypothesis at 10,000 cases
per surface (protocol frames, audio decoding, config loading; plus frame sequences into a live session and PCM
streams through the converter). A crash is any exception other than the surface's own clear error
(``ProtocolError``, ``InputError``, ``ConfigError``) or a failed invariant; crashes are counted, not raised,
so one run reports them all. (atheris was not used: hypothesis drives the same checks without a native build.)

    python benchmarks/fuzz.py [--cases 10000] [--session-cases 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.unit import test_fuzz_audio as fa  # noqa: E402
from tests.unit import test_fuzz_config as fc  # noqa: E402
from tests.unit import test_fuzz_protocol as fp  # noqa: E402


def run(name: str, strategy: Any, body: Callable[..., None], cases: int) -> dict[str, Any]:
    count = 0
    crashes = 0
    examples: list[str] = []

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def prop(args: Any) -> None:
        nonlocal count, crashes
        count += 1
        try:
            body(*args)
        except Exception:  # noqa: BLE001 - a crash to count, whatever it is
            crashes += 1
            if len(examples) < 3:
                examples.append(f"{args!r:.300}\n{traceback.format_exc(limit=4)}")

    t0 = time.monotonic()
    prop()
    return {
        "surface": name,
        "cases": count,
        "crashes": crashes,
        "seconds": round(time.monotonic() - t0, 1),
        "examples": examples,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=10_000, help="cases per surface (default 10,000)")
    ap.add_argument("--session-cases", type=int, default=1000, help="frame sequences into a live session")
    ap.add_argument("--only", help="comma-separated surfaces to run")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tenor-fuzz-"))
    surfaces: list[tuple[str, Any, Callable[..., None], int]] = [
        ("protocol", st.tuples(fp.text_frames), fp.check_parse, args.cases),
        ("protocol_session", st.tuples(st.lists(fp.frames, max_size=8)), fp.check_session, args.session_cases),
        ("audio_decode", st.tuples(fa.files), lambda d: fa.check_decode(d, tmp), args.cases),
        (
            "audio_convert",
            st.tuples(st.integers(-10, 400_000), st.integers(-1, 10), st.lists(st.binary(max_size=999), max_size=5)),
            fa.check_convert,
            args.cases,
        ),
        ("config", st.tuples(fc.toml_files(), fc.envs), lambda t, e: fc.check_config(t, e, tmp), args.cases),
    ]
    only = set(args.only.split(",")) if args.only else None
    results = []
    for name, strategy, body, n in surfaces:
        if only and name not in only:
            continue
        r = run(name, strategy, body, n)
        results.append(r)
        if not args.json:
            print(f"{name}: {r['cases']:,} cases, crashes = {r['crashes']} ({r['seconds']} s)", flush=True)
            for ex in r["examples"]:
                print(ex, file=sys.stderr)
    total = sum(r["crashes"] for r in results)
    if args.json:
        print(json.dumps({"surfaces": results, "crashes": total}, indent=2))
    else:
        print(f"crashes = {total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

"""``tenor eval``: measure tenor's components on data, printing figures (and JSON with ``--json``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("eval", help="measure tenor's components on data", description=__doc__)
    kinds = p.add_subparsers(dest="kind", metavar="WHAT", required=True)
    mt = kinds.add_parser("mood-text", help="text mood: trained model vs lexicon baseline")
    mt.add_argument("--data", type=Path, required=True, help="GoEmotions .tsv, or .csv with text,label")
    mt.add_argument("--labels", type=Path, help="label names for a .tsv (default: labels.txt beside it)")
    mt.add_argument("--json", action="store_true", help="print JSON")
    mt.set_defaults(run=_mood_text)


def _mood_text(args: argparse.Namespace) -> int:
    from tenor.evals import mood_text

    result = mood_text.evaluate(mood_text.load(args.data, args.labels))
    result["data"] = str(args.data)
    print(json.dumps(result, indent=2) if args.json else mood_text.format_report(result))
    return 0

"""``tenor eval``: measure tenor's components on data, printing figures (and JSON with ``--json``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args
from tenor.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("eval", help="measure tenor's components on data", description=__doc__)
    kinds = p.add_subparsers(dest="kind", metavar="WHAT", required=True)
    mt = kinds.add_parser("mood-text", help="text mood: trained model vs lexicon baseline")
    mt.add_argument("--data", type=Path, required=True, help="GoEmotions .tsv, or .csv with text,label")
    mt.add_argument("--labels", type=Path, help="label names for a .tsv (default: labels.txt beside it)")
    mt.add_argument("--json", action="store_true", help="print JSON")
    mt.set_defaults(run=_mood_text)
    st = kinds.add_parser("stt", help="word error rate of listening over a CSV of path,transcript")
    st.add_argument("--data", type=Path, required=True, help="CSV with path and transcript (or statement) columns")
    st.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="COLUMN=V1,V2",
        help="keep rows whose COLUMN is one of the values (repeatable)",
    )
    st.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(st)
    st.set_defaults(run=_stt)
    vo = kinds.add_parser("voice-out", help="does each tone sound as planned, and is it understood")
    vo.add_argument("--repeats", type=int, default=1, help="speak every sentence this many times per tone")
    vo.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(vo)
    vo.set_defaults(run=_voice_out)


def _voice_out(args: argparse.Namespace) -> int:
    from tenor import registry
    from tenor.evals import voice_out
    from tenor.listen.stt import shared_stt
    from tenor.voice.tone import load_table
    from tenor.voice.tts import Speaker

    config = config_from_args(args)
    speaker = Speaker(registry.create("tts", config.voice.tts, config))
    result = voice_out.evaluate(
        speaker,
        load_table(config.tone.table_path or None),
        shared_stt(config.stt_options()),
        repeats=max(1, args.repeats),
    )
    print(json.dumps(result, indent=2) if args.json else voice_out.format_report(result))
    return 0


def _stt(args: argparse.Namespace) -> int:
    from tenor.evals import stt
    from tenor.listen.stt import shared_stt

    only: dict[str, set[str]] = {}
    for item in args.only:
        col, sep, vals = item.partition("=")
        if not sep:
            raise InputError(f"--only expects COLUMN=V1,V2, got {item!r}")
        only[col.strip()] = {v.strip() for v in vals.split(",")}
    rows, groups = stt.load(args.data, only)
    result = stt.evaluate(rows, groups, shared_stt(config_from_args(args).stt_options()))
    result["data"] = str(args.data)
    print(json.dumps(result, indent=2) if args.json else stt.format_report(result))
    return 0


def _mood_text(args: argparse.Namespace) -> int:
    from tenor.evals import mood_text

    result = mood_text.evaluate(mood_text.load(args.data, args.labels))
    result["data"] = str(args.data)
    print(json.dumps(result, indent=2) if args.json else mood_text.format_report(result))
    return 0

"""``tenor eval``: measure tenor's components on data, printing figures (and JSON with ``--json``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, positive_int, writable_file
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
    mv = kinds.add_parser("mood-voice", help="voice mood: trained model vs eGeMAPS + logistic regression")
    mv.add_argument("--data", type=Path, required=True, help="CSV with path,emotion (+ grouping columns)")
    mv.add_argument(
        "--actors",
        help="actors to read when the CSV has an actor column: 'all', '17-24' or '1,3,5' (default: 17-24, the "
        "held-out RAVDESS actors)",
    )
    mv.add_argument("--no-baseline", action="store_true", help="skip the eGeMAPS baseline (needs opensmile)")
    mv.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(mv)
    mv.set_defaults(run=_mood_voice)
    vo = kinds.add_parser("voice-out", help="does each tone sound as planned, and is it understood")
    vo.add_argument("--repeats", type=positive_int, default=1, help="speak every sentence this many times per tone")
    vo.add_argument("--sentences", type=Path, help="a text file of sentences, one per line (default: the built-in set)")
    vo.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(vo)
    vo.set_defaults(run=_voice_out)
    sf = kinds.add_parser("safety", help="refusals, over-refusals, moderation figures and screen latency")
    sf.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    sf.add_argument("--no-reply", action="store_true", help="input screen only: allowed prompts count as answered")
    sf.add_argument("--limit", type=positive_int, help="first N rows of each set (a quick look, not a report)")
    sf.add_argument(
        "--every", type=positive_int, default=1, help="every K-th XSTest/HarmBench prompt (a systematic sample)"
    )
    sf.add_argument(
        "--turns", type=writable_file, help="write every turn (prompt, action, refusal, reply) to this JSONL file"
    )
    sf.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(sf)
    sf.set_defaults(run=_safety)


def _safety(args: argparse.Namespace) -> int:
    import dataclasses
    import sys

    from tenor.evals import safety

    def progress(i: int, n: int) -> None:
        if i % 10 == 0:
            print(f"  turn {i}/{n}", file=sys.stderr, flush=True)

    report, records = safety.evaluate(
        config_from_args(args),
        args.data,
        reply=not args.no_reply,
        limit=args.limit,
        every=args.every,
        progress=progress,
    )
    # The figures first: a full disk while the turns are written must not lose an hour's run.
    print(json.dumps(report, indent=2) if args.json else safety.format_report(report), flush=True)
    if args.turns:
        try:
            with args.turns.open("w", encoding="utf-8") as f:
                for rec in records:
                    f.write(json.dumps(dataclasses.asdict(rec), ensure_ascii=False) + "\n")
        except OSError as e:
            raise InputError(f"cannot write the turns to {args.turns}: {e.strerror or e}") from None
    return 0


def _voice_out(args: argparse.Namespace) -> int:
    from tenor import registry
    from tenor.evals import voice_out
    from tenor.listen.stt import shared_stt
    from tenor.voice.tone import load_table
    from tenor.voice.tts import Speaker

    config = config_from_args(args)
    texts = voice_out.sentences(args.sentences)
    speaker = Speaker(registry.create("tts", config.voice.tts, config))
    result = voice_out.evaluate(
        speaker,
        load_table(config.tone.table_path or None),
        shared_stt(config.stt_options()),
        repeats=max(1, args.repeats),
        listener=registry.create("mood_voice", config.mood.voice_backend, config) if config.mood.voice else None,
        texts=texts,
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


def _mood_voice(args: argparse.Namespace) -> int:
    import sys

    from tenor import registry
    from tenor.evals import mood_voice
    from tenor.listen.stt import shared_stt

    config = config_from_args(args)
    data = mood_voice.load(args.data, args.actors)
    model = registry.create("mood_voice", config.mood.voice_backend, config)

    def progress(i: int, n: int) -> None:
        if i % 100 == 0:
            print(f"  clip {i}/{n}", file=sys.stderr, flush=True)

    result = mood_voice.evaluate(
        data, shared_stt(config.stt_options()), model, baseline=not args.no_baseline, progress=progress
    )
    print(json.dumps(result, indent=2) if args.json else mood_voice.format_report(result))
    return 0


def _mood_text(args: argparse.Namespace) -> int:
    from tenor.evals import mood_text

    result = mood_text.evaluate(mood_text.load(args.data, args.labels))
    result["data"] = str(args.data)
    print(json.dumps(result, indent=2) if args.json else mood_text.format_report(result))
    return 0

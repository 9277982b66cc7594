"""``tenor transcribe FILE``: what tenor hears in an audio file (any format, rate and channel count)."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, err


def register(sub: Any) -> None:
    p = sub.add_parser("transcribe", help="transcribe an audio file", description=__doc__)
    p.add_argument("file", type=Path, help="WAV, FLAC, OGG, MP3, ... file")
    p.add_argument("--json", action="store_true", help="print JSON with utterances and word timings")
    add_config_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tenor.listen.files import listen_file
    from tenor.listen.stt import shared_stt

    config = config_from_args(args)
    heard = asyncio.run(listen_file(args.file, shared_stt(config.stt_options())))
    if heard.report.damaged:
        err(f"warning: {heard.report.damaged}; transcribed what could be read")
    if args.json:
        print(json.dumps(heard.to_json(str(args.file)), indent=2, ensure_ascii=False))
    else:
        for t, u in zip(heard.transcripts, heard.utterances, strict=False):
            print(f"[{u.start_s:7.2f} - {u.end_s:7.2f}] {t.text}")
        if not heard.transcripts:
            print("(no speech heard)")
    return 1 if heard.errors else 0

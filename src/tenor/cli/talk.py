"""``tenor talk --in FILE``: one spoken turn through the whole pipeline (hear, estimate mood, screen, choose a
tone, reply)."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, err, open_store
from tenor.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("talk", help="one spoken turn from an audio file", description=__doc__)
    p.add_argument("--in", dest="infile", type=Path, required=True, help="what the person says (audio file)")
    p.add_argument("--session", metavar="NAME", help="resume (or start) the session NAME")
    p.add_argument("--no-store", action="store_true", help="keep nothing on disk")
    p.add_argument("--json", action="store_true", help="print the turn as JSON")
    add_config_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tenor.listen.files import listen_file
    from tenor.listen.stt import shared_stt
    from tenor.pipeline import Components, Conversation

    config = config_from_args(args)
    heard = asyncio.run(listen_file(args.infile, shared_stt(config.stt_options())))
    if heard.report.damaged:
        err(f"warning: {heard.report.damaged}; used what could be read")
    if not heard.text:
        raise InputError(f"no speech heard in {args.infile}")
    store = None if args.no_store else open_store(config)
    components = Components.from_config(config)

    async def turn() -> dict[str, Any]:
        conv = Conversation(config, components, store=store, session=args.session)
        try:
            result = await conv.run(heard.text, source="voice")
        finally:
            await conv.aclose()
        data = result.to_json()
        data["speech"] = heard.to_json(str(args.infile))
        return data

    try:
        data = asyncio.run(turn())
    finally:
        if store is not None:
            store.close()
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(f"heard: {data['transcript']}")
        mood = data["mood"]
        if mood:
            print(f"mood: {'uncertain' if mood['uncertain'] else mood['label']} ({mood['confidence']:.0%})")
        print(f"safety: {data['safety']['action']}  tone: {data['tone']['name']}")
        print(f"tenor: {data['reply']}")
    if data["status"] == "failed":
        err(data["errors"][-1] if data["errors"] else "the turn failed")
        return 4
    return 0

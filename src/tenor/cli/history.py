"""``tenor history``: the kept sessions, or the turns of one session."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, open_store
from tenor.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("history", help="list sessions, or show one with --session", description=__doc__)
    p.add_argument("--session", metavar="NAME", help="show the turns of this session")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_config_flags(p)
    p.set_defaults(run=run)


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def run(args: argparse.Namespace) -> int:
    store = open_store(config_from_args(args), reading=True)
    try:
        if args.session is None:
            sessions = store.sessions()
            if args.json:
                print(json.dumps([s.__dict__ for s in sessions], indent=2))
            elif not sessions:
                print("no sessions yet")
            for s in sessions if not args.json else []:
                print(f"{s.name:32}  {s.turns:4d} turns  last {_when(s.updated_at)}")
            return 0
        row = store.find_session(args.session)
        if row is None:
            raise InputError(f"no session named {args.session!r} (see: tenor history)")
        turns = store.turns(row.id)
        if args.json:
            print(
                json.dumps(
                    {
                        "session": row.name,
                        "turns": [t.__dict__ for t in turns],
                        "moods": store.moods(row.id),
                        "safety_audit": store.audit(row.id),
                    },
                    indent=2,
                    ensure_ascii=False,
                )
            )
            return 0
        for t in turns:
            flag = "" if t.status == "complete" else f" [{t.status}{': ' + t.error if t.error else ''}]"
            print(f"{_when(t.started_at)}  you:   {t.user_text}")
            print(f"{'':16}  tenor: {t.reply_text}{flag}")
        return 0
    finally:
        store.close()

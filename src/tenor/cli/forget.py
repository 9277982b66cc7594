"""``tenor forget --session NAME``: delete a session and everything of it (turns, moods, safety audit)."""

from __future__ import annotations

import argparse
from typing import Any

from tenor.cli.common import add_config_flags, config_from_args, open_store
from tenor.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("forget", help="delete a session and everything of it", description=__doc__)
    p.add_argument("--session", metavar="NAME", required=True, help="the session to delete")
    add_config_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(config_from_args(args))
    try:
        n = store.forget(args.session)
    finally:
        store.close()
    if n < 0:
        raise InputError(f"no session named {args.session!r} (see: tenor history)")
    print(f"forgot session {args.session} ({n} turns, with their moods and safety records)")
    return 0

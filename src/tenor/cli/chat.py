"""``tenor chat``: talk by typing. Interactive, or one turn with ``--once TEXT [--json]``."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from typing import Any, TextIO

from tenor.cli.common import add_config_flags, config_from_args, err, open_parts
from tenor.config import notices
from tenor.errors import InputError, TenorError
from tenor.events import Event, Interrupted, MoodEstimate, ReplySentence, SafetyVerdict, StageError, TonePlan
from tenor.pipeline import Conversation, TurnResult

PROMPT = "you> "
REPLY_PREFIX = "tenor> "
# Longest line read from stdin, in bytes; longer input is refused before it is decoded.
MAX_LINE_BYTES = 4 * 1024 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser("chat", help="talk with tenor by typing", description=__doc__)
    p.add_argument("--session", metavar="NAME", help="resume (or start) the session NAME")
    p.add_argument("--once", metavar="TEXT", help="one turn on TEXT ('-' reads it from stdin), then exit")
    p.add_argument("--json", action="store_true", help="with --once: print the turn as JSON")
    p.add_argument("--no-store", action="store_true", help="keep nothing on disk")
    add_config_flags(p)
    p.set_defaults(run=run)


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_LINE_BYTES:
        raise InputError(f"the message is too long: {len(raw):,} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the input is not UTF-8 text (binary data?)") from None


def describe(ev: Event) -> str | None:
    """One status line for the events a person should see besides the reply."""
    if isinstance(ev, MoodEstimate):
        if ev.uncertain:
            return f"mood: uncertain (leaning {ev.label}, {ev.confidence:.0%})"
        return f"mood: {ev.label} ({ev.confidence:.0%}, valence {ev.valence:+.2f}, arousal {ev.arousal:+.2f})"
    if isinstance(ev, TonePlan):
        return f"tone: {ev.name} ({ev.reason})"
    if isinstance(ev, SafetyVerdict) and ev.action != "allow":
        cats = ", ".join(ev.categories) or "-"
        return f"safety ({ev.stage}): {ev.action} [{cats}]"
    if isinstance(ev, StageError):
        return f"error: {ev.message}"
    if isinstance(ev, Interrupted):
        return "(interrupted)"
    return None


async def _render_turn(conv: Conversation, text: str, out: TextIO) -> TurnResult:
    result = TurnResult()
    started_reply = False
    async for ev in conv.turn(text):
        result.add(ev)
        if isinstance(ev, ReplySentence):
            out.write((REPLY_PREFIX if not started_reply else " ") + ev.text)
            out.flush()
            started_reply = True
            continue
        line = describe(ev)
        if line:
            if started_reply:
                out.write("\n")
                started_reply = False
            print(f"  [{line}]", file=sys.stderr, flush=True)
    if started_reply:
        out.write("\n")
        out.flush()
    return result


def run(args: argparse.Namespace) -> int:
    if args.json and args.once is None:
        raise InputError("--json needs --once TEXT")
    config = config_from_args(args)
    text: str | None = None
    if args.once is not None:
        text = _decode(sys.stdin.buffer.read(MAX_LINE_BYTES + 1)) if args.once == "-" else args.once
        if "\x00" in text or not text.strip():
            from tenor.pipeline import check_text

            check_text(text, config.safety.max_input_chars)
    store, components = open_parts(config, text, REPLY_PREFIX, no_store=args.no_store)
    loop = asyncio.new_event_loop()
    conv: Conversation | None = None
    try:
        conv = Conversation(config, components, store=store, session=args.session)
        if text is not None:
            return _once(loop, conv, text, args.json)
        return _interactive(loop, conv)
    finally:
        # Through the conversation when there is one: it lets a read-ahead still under way finish first.
        loop.run_until_complete(conv.aclose() if conv is not None else components.reply.aclose())
        loop.close()
        if store is not None:
            store.close()


def _once(loop: asyncio.AbstractEventLoop, conv: Conversation, text: str, as_json: bool) -> int:
    if as_json:
        result = loop.run_until_complete(conv.run(text))
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        result = loop.run_until_complete(_render_turn(conv, text, sys.stdout))
    if result.status == "failed":
        err(result.errors[-1].message if result.errors else "the turn failed")
        return 4
    return 0


async def _begin_read_ahead(conv: Conversation) -> None:
    """Start the model reading the next prompt's start; it goes on in its own thread while the next line is
    typed (the one yield lets the read-ahead start before the loop stops)."""
    conv.read_ahead()
    await asyncio.sleep(0)


def _interactive(loop: asyncio.AbstractEventLoop, conv: Conversation) -> int:
    tty = sys.stdin.isatty()
    print(f"tenor · session {conv.session.name} · Ctrl-C stops a reply, Ctrl-D or /quit leaves", file=sys.stderr)
    for notice in notices(conv.config):
        print(f"  [note: {notice}]", file=sys.stderr)
    rejected = 0
    while True:
        if tty:
            sys.stdout.write(PROMPT)
            sys.stdout.flush()
        raw = sys.stdin.buffer.readline(MAX_LINE_BYTES + 1)
        if not raw:
            break
        try:
            line = _decode(raw).strip()
            if not line:
                continue
            if line in ("/quit", "/exit"):
                break
            loop.add_signal_handler(signal.SIGINT, conv.cancel, "ctrl-c")
            try:
                loop.run_until_complete(_render_turn(conv, line, sys.stdout))
                loop.run_until_complete(_begin_read_ahead(conv))
            finally:
                loop.remove_signal_handler(signal.SIGINT)
        except InputError as e:
            rejected += 1
            err(str(e))
        except TenorError as e:
            err(str(e))
    if conv.store is not None:
        name = conv.session.name
        print(f"(session {name} saved; resume with: tenor chat --session {name})", file=sys.stderr)
    else:
        print("(nothing was saved: --no-store)", file=sys.stderr)
    return 2 if rejected and not tty else 0

"""``tenor talk --in FILE``: one spoken turn through the whole pipeline (hear, estimate mood, screen, choose a
tone, reply)."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from tenor.cli.common import add_config_flags, config_from_args, err, open_parts, wav_out
from tenor.errors import InputError
from tenor.events import Utterance

# Before what tenor says, as the spoken reply is printed.
REPLY_PREFIX = "tenor: "


def register(sub: Any) -> None:
    p = sub.add_parser("talk", help="one spoken turn from an audio file", description=__doc__)
    p.add_argument("--in", dest="infile", type=Path, required=True, help="what the person says (audio file)")
    p.add_argument("--session", metavar="NAME", help="resume (or start) the session NAME")
    p.add_argument("--no-store", action="store_true", help="keep nothing on disk")
    p.add_argument("--json", action="store_true", help="print the turn as JSON")
    p.add_argument("--out", type=wav_out, help="write tenor's spoken reply to this WAV file")
    add_config_flags(p)
    p.set_defaults(run=run)


def merge_utterances(parts: Sequence[Utterance]) -> Utterance | None:
    """One utterance for a turn heard in several pieces (a pause long enough to split it, too short to end
    the turn): audio and encoder states joined, so the voice is read over everything that was said."""
    if len(parts) <= 1:
        return parts[0] if parts else None
    states = [p.encoder_states for p in parts]
    joined = None if any(s is None for s in states) else np.concatenate(states, axis=0)
    return replace(parts[0], pcm=b"".join(p.pcm for p in parts), end_s=parts[-1].end_s, encoder_states=joined)


def run(args: argparse.Namespace) -> int:
    from tenor.audio.io import write_wav
    from tenor.events import SpeechAudio
    from tenor.listen.files import listen_file
    from tenor.listen.stt import shared_stt
    from tenor.pipeline import Conversation, TurnResult

    config = config_from_args(args)
    heard = asyncio.run(listen_file(args.infile, shared_stt(config.stt_options()), keep_audio=True))
    if heard.report.damaged:
        err(f"warning: {heard.report.damaged}; used what could be read")
    if not heard.text:
        raise InputError(f"no speech heard in {args.infile}")
    store, components = open_parts(
        config, heard.text, REPLY_PREFIX, no_store=args.no_store, speak=args.out is not None, listen=True
    )
    utterance = merge_utterances(heard.utterances)
    words = tuple(w for t in heard.transcripts for w in t.words)

    async def turn() -> tuple[dict[str, Any], str | None]:
        """The turn as JSON, and why its reply audio could not be written (None if it was, or none was asked)."""
        conv = Conversation(config, components, store=store, session=args.session)
        audio: list[bytes] = []
        rate = 0
        result = TurnResult()
        try:
            async for ev in conv.turn(heard.text, "voice", utterance=utterance, words=words):
                result.add(ev)
                if isinstance(ev, SpeechAudio):
                    audio.append(ev.pcm)
                    rate = ev.sample_rate_hz
        finally:
            await conv.aclose()
        data = result.to_json()
        data["speech"] = heard.to_json(str(args.infile))
        if args.out is not None and audio:
            try:
                write_wav(args.out, np.frombuffer(b"".join(audio), dtype="<i2"), rate)
                data["reply_audio"] = str(args.out)
            except InputError as e:
                # The reply is still shown (and was saved): a full disk loses the audio only.
                return data, str(e)
        return data, None

    try:
        data, unwritten = asyncio.run(turn())
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
        print(f"{REPLY_PREFIX}{data['reply']}")
    if data["status"] == "failed":
        err(data["errors"][-1] if data["errors"] else "the turn failed")
        return 4
    if unwritten is not None:
        err(unwritten)
        return InputError.exit_code
    return 0

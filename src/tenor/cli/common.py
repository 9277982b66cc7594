"""What every command shares: the configuration flags, building a conversation, and printing errors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenor.config import Config, load_config
from tenor.errors import ConfigError, StoreError, TenorError
from tenor.store.sqlite import Store

if TYPE_CHECKING:
    from tenor.pipeline import Components


def add_config_flags(parser: argparse.ArgumentParser) -> None:
    """Flags that override the configuration file and the environment."""
    g = parser.add_argument_group("configuration (overrides tenor.toml and TENOR_* variables)")
    g.add_argument("--config", metavar="FILE", help="configuration file (default: ./tenor.toml if present)")
    g.add_argument("--backend", metavar="NAME", help="reply backend: embedded or openai")
    g.add_argument("--model-path", metavar="GGUF", help="GGUF model file for the embedded backend")
    g.add_argument("--base-url", metavar="URL", help="OpenAI-compatible API base URL (with /v1)")
    g.add_argument("--model", metavar="NAME", help="model name for the openai backend")
    g.add_argument("--store", metavar="FILE", help="SQLite file for sessions")
    g.add_argument("--locale", metavar="CC", help="country code for crisis resources (US, GB, FR, ...)")
    g.add_argument("--no-mood", action="store_true", help="do not estimate, show or store mood")
    g.add_argument("--preset", choices=["eu"], help="privacy preset: eu turns off emotion inference from the voice")
    g.add_argument(
        "--set", action="append", default=[], metavar="SECTION.KEY=VALUE", help="any other setting; may be repeated"
    )


def config_from_args(args: argparse.Namespace) -> Config:
    flags: dict[str, Any] = {
        "reply.backend": args.backend,
        "reply.model_path": args.model_path,
        "reply.base_url": args.base_url,
        "reply.model": args.model,
        "store.path": args.store,
        "safety.locale": args.locale,
        "mood.enabled": False if args.no_mood else None,
        "privacy.preset": args.preset,
    }
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set expects SECTION.KEY=VALUE, got {item!r}")
        flags[key.strip()] = value
    return load_config(args.config, flags=flags)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (``--limit 0`` ran nothing and then failed)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def writable_file(value: str) -> Path:
    """An argparse type for an output file: checked before any work is done (a turn takes half a minute, a
    safety evaluation hours), so a typo in the folder does not lose the work at its end."""
    path = Path(value).expanduser()  # as --store and --config are
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{value!r} is a folder: name a file in it")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise argparse.ArgumentTypeError(f"cannot write {value!r}: permission denied")
        return path
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {value!r}: there is no folder {str(folder)!r}")
    if not os.access(folder, os.W_OK):
        raise argparse.ArgumentTypeError(f"cannot write {value!r}: permission denied")
    return path


def wav_out(value: str) -> Path:
    """An argparse type for ``--out`` audio, checked as ``writable_file``. tenor writes WAV only, so another
    audio name (``x.mp3``) would be a WAV under a lying name; a device or link (``/dev/stdout``) has none."""
    from tenor.audio.io import writes_in_place

    path = writable_file(value)
    if not writes_in_place(path) and path.suffix.lower() not in (".wav", ".wave"):
        raise argparse.ArgumentTypeError(f"tenor writes WAV audio: name the file .wav (got {value!r})")
    return path


def open_store(config: Config, *, reading: bool = False) -> Store:
    """The session store, with the retention setting applied. ``reading``: a command that only reads (history)
    goes on with a warning where the purge cannot be written (a full disk), rather than showing nothing."""
    store = Store(config.store_path(), reading=reading)
    if config.store.retention_days > 0:
        try:
            store.purge_older_than(config.store.retention_days)
        except StoreError as e:
            if not reading:
                store.close()
                raise
            err(f"warning: {e}; older turns are still there")
    return store


def open_parts(
    config: Config, text: str | None, prefix: str, *, no_store: bool, speak: bool = False, listen: bool = False
) -> tuple[Store | None, Components]:
    """The store (None with ``no_store``) and the conversation's components. Where either cannot open, a
    message already in hand (``text``) that is a crisis gets the vetted answer first, then the error."""
    from tenor.pipeline import Components

    store: Store | None = None
    try:
        if not no_store:
            store = open_store(config)
        return store, Components.from_config(config, speak=speak, listen=listen)
    except TenorError:
        if store is not None:
            store.close()
        if text is not None:
            crisis_answer_alone(config, text, prefix)
        raise


def crisis_answer_alone(config: Config, text: str, prefix: str) -> None:
    """Where tenor cannot start (its store, a model), a message in crisis still gets the vetted answer and its
    resources, before the error: the crisis path depends on neither. Nothing is stored."""
    from tenor import registry
    from tenor.safety import crisis
    from tenor.safety.screen import RuleScreen

    try:
        screen = registry.create("screen", config.safety.screen, config)
    except TenorError:
        screen = RuleScreen()
    verdict = screen.screen_input(text)
    if verdict.action == "crisis":
        print(prefix + " ".join(crisis.crisis_answer(text, verdict.reasons, config.safety.locale)), flush=True)


def err(message: str) -> None:
    """One line on stderr."""
    print(f"tenor: error: {message}", file=sys.stderr, flush=True)

"""``tenor``: the command line, a thin layer over the library with one module per command."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from tenor.cli import chat, eval, forget, history, say, serve, talk, transcribe
from tenor.cli.common import err
from tenor.errors import TenorError

COMMANDS = (chat, talk, say, serve, transcribe, history, forget, eval)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tenor",
        description="A self-hosted, safety-first voice assistant that hears how you feel.",
    )
    parser.add_argument("--debug", action="store_true", help="log details and show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(name)s: %(message)s")
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    single_threaded_blas()
    try:
        code: int = args.run(args)
        return code
    except TenorError as e:
        err(str(e))
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader left (``tenor transcribe ... | head``): nothing more to say, and nowhere to say it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as e:
        if args.debug:
            raise
        err(f"internal error: {type(e).__name__}: {e} (run with --debug for details)")
        return 70


def single_threaded_blas() -> None:
    """numpy's BLAS on one thread. tenor's own matrices are small (the voice mood networks, the safety head),
    and OpenBLAS's idle worker spins for about 100 ms after every call: in a live session that took a core
    from llama.cpp just as it read the prompt, and the first sentence came ~80 ms later
    (``benchmarks/latency.py``). The environment variable would have to be set before numpy is imported."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()

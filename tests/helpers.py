"""Helpers for the tests: running the CLI, starting llama.cpp's OpenAI-compatible server, reading a rows file's half,
a layered screen whose classifier gives fixed scores (and whose emergency reader is the rules alone)."""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tenor.safety import emergency, normalize
from tenor.safety.classifier import LayeredScreen, Reading
from tenor.safety.rule import Rule, fires
from tenor.vocab import SafetyCategory


def tenor(
    args: Sequence[str],
    *,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
    max_file_bytes: int | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m tenor ARGS`` as a user would. ``max_file_bytes``: no file may grow past this size, as on a
    full disk (writes fail with EFBIG, which SQLite and Python report as they would ENOSPC)."""
    full_env = {**os.environ, **(env or {})}

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return subprocess.run(
        [sys.executable, "-m", "tenor", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=timeout,
        check=False,
        preexec_fn=full_disk if max_file_bytes is not None else None,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def llama_server(model: Path, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """llama.cpp's own OpenAI-compatible server on loopback, serving ``model``; yields (base URL, process)."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "2048",
                "--n_threads",
                "2",
                "--verbose",
                "False",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("llama.cpp server did not start within 120 s")
            time.sleep(0.3)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def half_texts(path: Path, half: str, kind: str, topic: str = "") -> list[str]:
    """The texts of a rows file's ``[[row]]`` tables of one half ("dev" or "check") and kind ("harm", "safe", or the
    file's own: "threat", "figure", "ownrisk"), and of one topic where given."""
    rows = tomllib.loads(path.read_text("utf-8"))["row"]
    return [r["text"] for r in rows if r["half"] == half and r["kind"] == kind and (not topic or r["topic"] == topic)]


@dataclass
class FakeClassifier:
    """Gives fixed scores to texts containing a trigger word; records what it read."""

    # trigger word -> (category scores, top class, harm probability)
    table: dict[str, tuple[dict[SafetyCategory, float], str, float]] = field(default_factory=dict)
    seen: list[list[str]] = field(default_factory=list)

    def read(self, texts: list[str], lined: str | None = None) -> Reading:
        self.seen.append(list(texts))
        for word, (scores, top, harm) in self.table.items():
            if any(word in t for t in texts):
                return Reading(dict(scores), top, harm)
        return Reading({}, "benign", 0.01)


class RulesOnlyReader:
    """An emergency reader with no model: it reads an emergency exactly where ``rules_emergency``'s rules do, so a
    logic test of the layered screen needs no model (the real reader's tests are in tests/models)."""

    def read(self, text: str, view: str, rules: Callable[[], emergency.Who]) -> emergency.Reading:
        who = rules()
        return emergency.Reading(who, 1.0 if who else 0.0)


def layered(table: dict[str, tuple[dict[SafetyCategory, float], str, float]]) -> LayeredScreen:
    return LayeredScreen(
        classifier=FakeClassifier(table),  # type: ignore[arg-type]
        emergency_reader=RulesOnlyReader(),  # type: ignore[arg-type]
    )


def fired(rules: Sequence[Rule], text: str) -> list[str]:
    """The names of ``rules`` that fire on ``text``'s most literal view (``normalize.first_view``), as a rule module's
    tests read them alone."""
    view = normalize.first_view(text)
    return [r.name for r in rules if fires(r, view)]

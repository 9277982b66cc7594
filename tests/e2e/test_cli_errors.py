"""Bad input at the command line: one clear line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.helpers import tenor


def _one_clear_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert lines[0].startswith("tenor: error: ")
    return lines[0]


def test_empty_message() -> None:
    r = tenor(["chat", "--once", "   ", "--json", "--no-store"])
    assert r.returncode == 2
    assert "empty" in _one_clear_line(r.stderr)


def test_one_megabyte_message() -> None:
    r = tenor(["chat", "--once", "-", "--json", "--no-store"], stdin=b"a" * 1_048_576)
    assert r.returncode == 2
    assert "too long" in _one_clear_line(r.stderr)


def test_binary_garbage_on_stdin_once() -> None:
    r = tenor(["chat", "--once", "-", "--no-store"], stdin=bytes(range(256)) * 10)
    assert r.returncode == 2
    assert "not UTF-8" in _one_clear_line(r.stderr)


def test_binary_garbage_on_stdin_interactive(tmp_path: Path) -> None:
    r = tenor(
        ["chat", "--no-store", "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"],
        stdin=b"\xff\xfe\x00\x01garbage\n",
    )
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "Traceback" not in err and "tenor: error: the input is not UTF-8 text" in err
    # With --no-store nothing is on disk, and the goodbye line does not offer to resume the session.
    assert "nothing was saved" in err and "resume with" not in err


def test_unknown_config_key_in_file_and_flag(tmp_path: Path) -> None:
    (tmp_path / "tenor.toml").write_text("[reply]\nbakend = 'openai'\n")
    r = tenor(["chat", "--once", "hi", "--no-store"])
    assert r.returncode == 2
    assert "unknown config key 'reply.bakend'" in _one_clear_line(r.stderr)
    (tmp_path / "tenor.toml").unlink()
    r = tenor(["chat", "--once", "hi", "--no-store", "--set", "mood.colour=blue"])
    assert r.returncode == 2
    assert "unknown config key 'mood.colour'" in _one_clear_line(r.stderr)


def test_missing_gguf_path(tmp_path: Path) -> None:
    r = tenor(["chat", "--once", "hi", "--no-store", "--model-path", str(tmp_path / "nope.gguf")])
    assert r.returncode == 2
    assert "GGUF model file not found" in _one_clear_line(r.stderr)
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"not a model")
    r = tenor(["chat", "--once", "hi", "--no-store", "--model-path", str(fake)])
    assert r.returncode == 2
    assert "not a GGUF model file" in _one_clear_line(r.stderr)


def test_dead_language_model_server() -> None:
    r = tenor(
        [
            "chat",
            "--once",
            "hello there",
            "--json",
            "--no-store",
            "--backend",
            "openai",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--set",
            "reply.retries=1",
        ]
    )
    assert r.returncode == 4
    assert "cannot reach the language model server" in _one_clear_line(r.stderr)
    assert b'"status": "failed"' in r.stdout


def test_crisis_needs_no_language_model() -> None:
    """The crisis path answers even when the model's server is dead."""
    r = tenor(
        [
            "chat",
            "--once",
            "I want to end my life",
            "--json",
            "--no-store",
            "--backend",
            "openai",
            "--base-url",
            "http://127.0.0.1:9/v1",
        ]
    )
    assert r.returncode == 0, r.stderr
    assert b"988" in r.stdout and b'"action": "crisis"' in r.stdout


@pytest.mark.parametrize("args", [["history", "--session", "nobody"], ["forget", "--session", "nobody"]])
def test_unknown_session(args: list[str]) -> None:
    r = tenor(args)
    assert r.returncode == 2
    assert "no session named 'nobody'" in _one_clear_line(r.stderr)


def test_voice_out_sentence_file_missing_or_empty(tmp_path: Path) -> None:
    r = tenor(["eval", "voice-out", "--sentences", str(tmp_path / "nope.txt")])
    assert r.returncode == 2
    assert "not found" in _one_clear_line(r.stderr)
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    r = tenor(["eval", "voice-out", "--sentences", str(empty)])
    assert r.returncode == 2
    assert "no sentences" in _one_clear_line(r.stderr)


def test_a_message_in_crisis_gets_the_resources_even_where_the_store_cannot_open(tmp_path: Path) -> None:
    # The crisis path depends on neither the store nor the model: a store that cannot open still fails the
    # command, after the vetted answer with the helpline, never instead of it.
    bad_store = ["--store", str(tmp_path / "a-folder")]
    (tmp_path / "a-folder").mkdir()
    r = tenor(["chat", "--once", "I don't see the point of going on anymore", *bad_store])
    assert r.returncode != 0
    assert "session store" in _one_clear_line(r.stderr)
    assert "988" in r.stdout.decode()
    # An everyday message gets only the error: nothing is answered without the store.
    r = tenor(["chat", "--once", "what a lovely morning", *bad_store])
    assert r.returncode != 0 and not r.stdout.strip()


def test_counts_that_must_be_positive_are_checked_before_the_run(tmp_path: Path) -> None:
    # --limit 0 ran nothing and failed formatting the empty figures; --limit -1 first ran for 83 s.
    r = tenor(["eval", "safety", "--no-reply", "--limit", "0"])
    assert r.returncode == 2 and b"must be at least 1" in r.stderr and b"Traceback" not in r.stderr


def test_a_turns_file_that_cannot_be_written_fails_before_the_run_or_keeps_the_figures(tmp_path: Path) -> None:
    r = tenor(["eval", "safety", "--no-reply", "--limit", "1", "--turns", str(tmp_path / "no" / "t.jsonl")])
    assert r.returncode == 2 and b"there is no folder" in r.stderr and b"turn 0/" not in r.stderr
    # A disk that fills by the end of an hour's run (/dev/full answers every write so): the figures stay.
    data = ["--data", str(SHARED / "data")]
    r = tenor(["eval", "safety", "--no-reply", "--limit", "3", "--json", "--turns", "/dev/full", *data])
    assert r.returncode == 2, r.stderr.decode()
    assert "xstest_safe_refusal_rate" in json.loads(r.stdout)
    assert b"cannot write the turns" in r.stderr and b"Traceback" not in r.stderr


def test_a_short_row_in_a_mood_voice_csv_is_skipped_not_a_crash(tmp_path: Path) -> None:
    csv_path = tmp_path / "f.csv"
    csv_path.write_text("path,emotion\nfoo.wav\n", encoding="utf-8")
    r = tenor(["eval", "mood-voice", "--data", str(csv_path)])
    assert r.returncode != 0
    assert "incomplete row" in _one_clear_line(r.stderr)


def test_history_reads_a_full_disk_and_forget_says_why_it_cannot(tmp_path: Path) -> None:
    from tenor.store.sqlite import Store

    db = tmp_path / "t.db"
    store = Store(db)
    session = store.open_session("kept")
    turn, _ = store.begin_turn(session.id, "hello")
    store.finish_turn(turn, reply="hi", status="complete")
    store.close()
    # New files may hold only 4 KiB: WAL's 32 KiB index cannot be made, as on a disk with no room left.
    for name in ("t.db-wal", "t.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)

    def on_full_disk(*args: str) -> subprocess.CompletedProcess[bytes]:
        return tenor([*args, "--store", str(db)], max_file_bytes=4096, env={"PYTHONDONTWRITEBYTECODE": "1"})

    r = on_full_disk("history")
    assert r.returncode == 0, r.stderr.decode()
    assert "kept" in r.stdout.decode() and "1 turns" in r.stdout.decode()
    r = on_full_disk("history", "--session", "kept")
    assert r.returncode == 0 and "hello" in r.stdout.decode()
    r = on_full_disk("forget", "--session", "kept")
    assert r.returncode != 0
    assert "disk is full" in _one_clear_line(r.stderr)
    store = Store(db)
    assert [s.name for s in store.sessions()] == ["kept"]
    store.close()
    # A retention purge that cannot be written: history still shows the sessions, and says so.
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE turns SET started_at = started_at - 40 * 86400")
    con.close()
    for name in ("t.db-wal", "t.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    r = on_full_disk("history", "--set", "store.retention_days=30")
    assert r.returncode == 0 and "kept" in r.stdout.decode()
    assert "older turns are still there" in r.stderr.decode()


def test_say_leaves_no_broken_wav_and_keeps_an_older_one(tmp_path: Path) -> None:
    out = tmp_path / "reply.wav"
    out.write_bytes(b"an older file")
    text = "This sentence is long enough that its audio needs far more than four kibibytes of room. " * 3
    r = tenor(["say", text, "--out", str(out)], max_file_bytes=4096, env={"PYTHONDONTWRITEBYTECODE": "1"})
    assert r.returncode != 0
    assert "cannot write" in _one_clear_line(r.stderr)
    assert out.read_bytes() == b"an older file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reply.wav"]


def test_say_refuses_another_audio_name_and_a_stray_byte(tmp_path: Path) -> None:
    r = tenor(["say", "hello", "--out", str(tmp_path / "x.mp3")])
    assert r.returncode == 2 and "name the file .wav" in r.stderr.decode()
    r = tenor(["say", "hello", "--out", str(tmp_path)])
    assert r.returncode == 2 and "is a folder" in r.stderr.decode()
    # A byte that is not UTF-8 arrives from argv as a lone surrogate.
    r = tenor(["say", "hello \udcff there", "--out", str(tmp_path / "x.wav")])
    assert r.returncode == 2
    assert "not valid UTF-8" in _one_clear_line(r.stderr)
    assert list(tmp_path.iterdir()) == []


def test_one_stray_byte_in_a_long_message_is_a_clear_error() -> None:
    message = "I had a long and tiring day at work today and I feel sad about all of it \udcff"
    r = tenor(["chat", "--once", message, "--no-store", "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"])
    assert r.returncode == 2
    assert "not readable text" in _one_clear_line(r.stderr)


def test_a_language_identifier_that_cannot_unpack_fails_the_turn_closed() -> None:
    # py3langid unpacks its model into a temporary file: on a full disk the screen cannot judge the language,
    # and the turn fails with the reason rather than reaching the model unscreened.
    french = "Je suis très fatigué aujourd'hui, je ne sais plus quoi faire de ma vie"
    r = tenor(
        ["chat", "--once", french, "--no-store", "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"],
        max_file_bytes=64,
        env={"PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert r.returncode == 4 and not r.stdout.strip()
    assert b"cannot load the language identifier" in r.stderr and b"Traceback" not in r.stderr


def test_say_writes_to_stdout_redirected_to_a_file(tmp_path: Path) -> None:
    # /dev/stdout is then a link to a regular file: written through, with no .wav name to check.
    out = tmp_path / "from-stdout.bin"
    with out.open("wb") as f:
        r = subprocess.run(
            [sys.executable, "-m", "tenor", "say", "hello", "--out", "/dev/stdout"],
            stdout=f,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_bytes()[:4] == b"RIFF" and out.stat().st_size > 10_000

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tenor.errors import StoreError
from tenor.events import SafetyVerdict
from tenor.mood.base import make_estimate
from tenor.store.sqlite import MIGRATIONS, Store


def test_new_store_is_wal_and_migrated(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    assert store.schema_version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "t.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_turn_lifecycle_and_forget_leaves_no_row(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    s = store.open_session("x")
    other = store.open_session("y")
    tid, idx = store.begin_turn(s.id, "hello")
    assert idx == 0
    store.add_mood(s.id, tid, make_estimate({"joy": 1.0}, cues=(), source="t"))
    store.add_audit(s.id, tid, SafetyVerdict(turn_id=1, stage="input", action="allow"))
    store.finish_turn(tid, reply="hi", status="complete", tone="neutral")
    store.begin_turn(other.id, "keep me")
    assert [t.status for t in store.turns(s.id)] == ["complete"]
    assert store.count_rows(s.id) == {"sessions": 1, "turns": 1, "moods": 1, "safety_audit": 1, "turn_audio": 0}
    assert store.forget("x") == 1
    assert store.count_rows(s.id) == {"sessions": 0, "turns": 0, "moods": 0, "safety_audit": 0, "turn_audio": 0}
    assert store.forget("x") == -1
    assert [t.user_text for t in store.turns(other.id)] == ["keep me"]
    raw = (tmp_path / "t.db").read_bytes()
    assert b"hello" not in raw  # secure_delete + checkpoint: the words are gone from the file


def test_pending_turns_left_by_a_crash_become_failed(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    s = store.open_session("x")
    store.begin_turn(s.id, "interrupted by kill -9")
    store.close()  # no finish_turn: as if the process died
    again = Store(tmp_path / "t.db")
    s2 = again.open_session("x")
    (turn,) = again.turns(s2.id)
    assert turn.status == "failed" and turn.error and "stopped" in turn.error
    assert again.begin_turn(s2.id, "next")[1] == 1


def test_full_disk_gives_a_clear_error_and_keeps_earlier_turns(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    s = store.open_session("x")
    tid, _ = store.begin_turn(s.id, "before")
    store.finish_turn(tid, reply="ok", status="complete")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count={pages}")  # the file may not grow: a full disk
    with pytest.raises(StoreError, match="disk is full"):
        for _ in range(50):
            store.begin_turn(s.id, "x" * 20_000)
    store._db.execute("PRAGMA max_page_count=1073741823")
    assert store.turns(s.id)[0].user_text == "before"
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_not_a_database_and_newer_schema(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a tenor database"):
        Store(junk)
    newer = tmp_path / "newer.db"
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version=99")
    con.close()
    with pytest.raises(StoreError, match="newer tenor"):
        Store(newer)


def test_retention_purges_old_turns(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    s = store.open_session("x")
    old, _ = store.begin_turn(s.id, "old")
    store.add_mood(s.id, old, make_estimate({"joy": 1.0}, cues=(), source="t"))
    store._db.execute("UPDATE turns SET started_at = started_at - 40 * 86400 WHERE id = ?", (old,))
    store.begin_turn(s.id, "new")
    assert store.purge_older_than(30) == 1
    assert [t.user_text for t in store.turns(s.id)] == ["new"]
    assert store.moods(s.id) == []

"""History across restarts of ``tenor chat --session``, and ``tenor forget``, on the embedded defaults."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.helpers import tenor


def test_history_survives_restart_and_forget_leaves_no_row(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    r1 = tenor(["chat", "--session", "x", "--store", str(db)], stdin=b"My name is Ada.\nI like the sea.\n")
    assert r1.returncode == 0, r1.stderr.decode()
    r2 = tenor(["chat", "--session", "x", "--store", str(db)], stdin=b"What did I tell you?\n")
    assert r2.returncode == 0, r2.stderr.decode()
    other = tenor(["chat", "--session", "y", "--store", str(db)], stdin=b"Another conversation.\n")
    assert other.returncode == 0
    h = tenor(["history", "--session", "x", "--json", "--store", str(db)])
    data = json.loads(h.stdout)
    assert [t["user_text"] for t in data["turns"]] == ["My name is Ada.", "I like the sea.", "What did I tell you?"]
    assert all(t["status"] == "complete" and t["reply_text"] for t in data["turns"])
    assert len(data["moods"]) == 3 and data["safety_audit"]
    listing = tenor(["history", "--store", str(db)]).stdout.decode()
    assert "x " in listing and "3 turns" in listing

    f = tenor(["forget", "--session", "x", "--store", str(db)])
    assert f.returncode == 0 and b"3 turns" in f.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM sessions WHERE name = 'x'").fetchone()[0] == 0
    for table in ("turns", "moods", "safety_audit"):
        n = con.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id NOT IN (SELECT id FROM sessions)").fetchone()[0]
        assert n == 0, table
    assert con.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1  # session y is untouched
    con.close()
    assert b"Ada" not in db.read_bytes()

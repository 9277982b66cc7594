"""The session store: SQLite in WAL mode, one transaction per write, schema versions by ``user_version``.

A turn is written as ``pending`` when it starts and updated once when it ends, each in its own committed
transaction, so a crash (even ``kill -9``) loses at most the turn in flight, which stays visible as
``pending`` and is marked ``failed`` at the next start. ``secure_delete`` makes ``forget`` overwrite the
deleted rows' bytes in the file rather than only unlinking them.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from tenor.errors import StoreError
from tenor.events import MoodEstimate, SafetyVerdict

# Each entry migrates from version i to i + 1. Never edit a shipped entry: append a new one.
MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        care_until_turn INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT 'text',
        user_text TEXT NOT NULL,
        reply_text TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('pending', 'complete', 'failed', 'interrupted')),
        declined INTEGER NOT NULL DEFAULT 0,
        tone TEXT,
        safety_action TEXT,
        error TEXT,
        timings TEXT,
        started_at REAL NOT NULL,
        ended_at REAL,
        UNIQUE (session_id, idx)
    );
    CREATE TABLE moods (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        turn_id INTEGER REFERENCES turns(id) ON DELETE CASCADE,
        at REAL NOT NULL,
        label TEXT NOT NULL,
        probs TEXT NOT NULL,
        valence REAL NOT NULL,
        arousal REAL NOT NULL,
        confidence REAL NOT NULL,
        uncertain INTEGER NOT NULL,
        source TEXT NOT NULL
    );
    CREATE TABLE safety_audit (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        turn_id INTEGER REFERENCES turns(id) ON DELETE CASCADE,
        at REAL NOT NULL,
        stage TEXT NOT NULL,
        action TEXT NOT NULL,
        categories TEXT NOT NULL,
        reasons TEXT NOT NULL
    );
    CREATE INDEX turns_session ON turns(session_id, idx);
    CREATE INDEX moods_session ON moods(session_id, at);
    CREATE INDEX audit_session ON safety_audit(session_id, at);
    """,
    # 2: the raw audio of spoken turns, written only when the person opts in (privacy.keep_audio).
    """
    CREATE TABLE turn_audio (
        turn_id INTEGER PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        sample_rate_hz INTEGER NOT NULL,
        pcm BLOB NOT NULL
    );
    CREATE INDEX turn_audio_session ON turn_audio(session_id);
    """,
    # 3: what the crisis answers of the care window were about (``safety.care``), so a resumed conversation is
    # told of a poisoning as a poisoning, not as a risk of self-harm.
    """
    ALTER TABLE sessions ADD COLUMN care_concerns TEXT NOT NULL DEFAULT ''
    """,
)


@dataclass(frozen=True)
class SessionRow:
    # Row id.
    id: int
    # User-facing name.
    name: str
    # Unix seconds.
    created_at: float
    updated_at: float
    # Turn index up to which the session stays in care mode after a crisis answer.
    care_until_turn: int
    # What the crisis answers of that window were about (``safety.care.Concern`` names, comma-separated; empty
    # for none, or for a window opened before they were kept).
    care_concerns: str = ""


@dataclass(frozen=True)
class TurnRow:
    id: int
    idx: int
    source: str
    user_text: str
    reply_text: str
    status: str
    declined: bool
    tone: str | None
    safety_action: str | None
    error: str | None
    started_at: float
    ended_at: float | None


@dataclass(frozen=True)
class SessionSummary:
    name: str
    turns: int
    created_at: float
    updated_at: float


# Errors that mean WAL's shared-memory index file could not be made or sized (a full disk, or a file system
# without shared memory).
_NO_SHARED_INDEX: Final = frozenset({"SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMOPEN", "SQLITE_IOERR_SHMMAP"})


def _friendly(err: sqlite3.Error, doing: str) -> StoreError:
    text = str(err)
    if "disk is full" in text or "disk I/O error" in text:
        return StoreError(f"cannot {doing}: the disk is full (nothing was half-written)")
    if "locked" in text:
        return StoreError(f"cannot {doing}: the session store is busy (locked by another process)")
    if "not a database" in text or "malformed" in text:
        return StoreError(f"cannot {doing}: the session store file is not a tenor database or is damaged")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"cannot {doing}: the session store is read-only")
    return StoreError(f"cannot {doing}: {text}")


class Store:
    """Sessions, turns, the mood timeline and the safety audit in one SQLite file."""

    def __init__(self, path: str | Path, *, reading: bool = False) -> None:
        """``reading``: for a command that only reads (history), which may then open a store on a full disk."""
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._connect(exclusive=False)
            except sqlite3.OperationalError as err:
                if not reading or err.sqlite_errorname not in _NO_SHARED_INDEX:
                    raise
                # WAL's shared-memory index file needs 32 KiB that a full disk does not have. With the file
                # locked to this process, SQLite keeps that index in memory, so `tenor history` still reads the
                # sessions where it would otherwise fail to open at all. Readers only: the lock shuts out every
                # other process while it is held, which a one-off read may do and a server must not.
                self._db = self._connect(exclusive=True)
            self._migrate()
        except sqlite3.Error as err:
            raise _friendly(err, f"open the session store {path}") from None
        except OSError as err:
            raise StoreError(f"cannot open the session store {path}: {err.strerror or err}") from None

    def _connect(self, *, exclusive: bool) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            db.row_factory = sqlite3.Row
            if exclusive:
                db.execute("PRAGMA locking_mode=EXCLUSIVE")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA secure_delete=ON")
            db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error:
            db.close()
            raise
        return db

    @contextmanager
    def _tx(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                raise _friendly(err, doing) from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        # SQLite rolls back by itself on some errors (a full disk): only roll back what is still open.
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _query(self, sql: str, args: Sequence[Any] = (), doing: str = "read the session store") -> list[Any]:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.Error as err:
                raise _friendly(err, doing) from None

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(f"the session store {self.path} was made by a newer tenor (schema {version})")
        for target in range(version, len(MIGRATIONS)):
            with self._tx("upgrade the session store") as db:
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version={target + 1}")

    @property
    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- sessions -------------------------------------------------------------------------------------

    def open_session(self, name: str) -> SessionRow:
        """The session called ``name``, created if new; turns a crash left pending are marked failed."""
        now = time.time()
        with self._tx("open the session") as db:
            db.execute(
                "INSERT INTO sessions(name, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING",
                (name, now, now),
            )
            row = db.execute("SELECT * FROM sessions WHERE name = ?", (name,)).fetchone()
            db.execute(
                "UPDATE turns SET status = 'failed', error = 'tenor stopped before this turn finished', "
                "ended_at = ? WHERE session_id = ? AND status = 'pending'",
                (now, row["id"]),
            )
        return SessionRow(
            row["id"], row["name"], row["created_at"], row["updated_at"], row["care_until_turn"], row["care_concerns"]
        )

    def find_session(self, name: str) -> SessionRow | None:
        rows = self._query("SELECT * FROM sessions WHERE name = ?", (name,))
        if not rows:
            return None
        r = rows[0]
        return SessionRow(
            r["id"], r["name"], r["created_at"], r["updated_at"], r["care_until_turn"], r["care_concerns"]
        )

    def sessions(self) -> list[SessionSummary]:
        rows = self._query(
            "SELECT s.name, s.created_at, s.updated_at, COUNT(t.id) AS n FROM sessions s "
            "LEFT JOIN turns t ON t.session_id = s.id GROUP BY s.id ORDER BY s.updated_at DESC"
        )
        return [SessionSummary(r["name"], r["n"], r["created_at"], r["updated_at"]) for r in rows]

    def set_care(self, session_id: int, until_turn: int, concerns: str = "") -> None:
        with self._tx("save the session") as db:
            db.execute(
                "UPDATE sessions SET care_until_turn = ?, care_concerns = ? WHERE id = ?",
                (until_turn, concerns, session_id),
            )

    def forget(self, name: str) -> int:
        """Delete a session and everything of it; returns the number of turns deleted (-1 if unknown)."""
        with self._tx("forget the session") as db:
            row = db.execute("SELECT id FROM sessions WHERE name = ?", (name,)).fetchone()
            if row is None:
                return -1
            n = int(db.execute("SELECT COUNT(*) FROM turns WHERE session_id = ?", (row["id"],)).fetchone()[0])
            for table in ("turn_audio", "safety_audit", "moods", "turns"):
                db.execute(f"DELETE FROM {table} WHERE session_id = ?", (row["id"],))  # noqa: S608
            db.execute("DELETE FROM sessions WHERE id = ?", (row["id"],))
        self.checkpoint()
        return n

    def purge_older_than(self, days: float) -> int:
        """Delete turns (with their moods and audit rows) that ended more than ``days`` ago."""
        cutoff = time.time() - days * 86400.0
        # A read first: most starts have nothing to purge, and a write would fail them on a full disk.
        if not self._query("SELECT 1 FROM turns WHERE started_at < ? LIMIT 1", (cutoff,)):
            return 0
        with self._tx("apply the retention setting") as db:
            ids = "SELECT id FROM turns WHERE started_at < ?"
            db.execute(f"DELETE FROM moods WHERE turn_id IN ({ids})", (cutoff,))  # noqa: S608
            db.execute(f"DELETE FROM safety_audit WHERE turn_id IN ({ids})", (cutoff,))  # noqa: S608
            db.execute(f"DELETE FROM turn_audio WHERE turn_id IN ({ids})", (cutoff,))  # noqa: S608
            n = db.execute("DELETE FROM turns WHERE started_at < ?", (cutoff,)).rowcount
        return int(n)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file so deleted bytes leave the WAL too."""
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as err:
                raise _friendly(err, "compact the session store") from None

    # --- turns ----------------------------------------------------------------------------------------

    def begin_turn(self, session_id: int, user_text: str, source: str = "text") -> tuple[int, int]:
        """Record a new pending turn; returns (row id, index in the session)."""
        now = time.time()
        with self._tx("save the turn") as db:
            idx = int(
                db.execute(
                    "SELECT COALESCE(MAX(idx), -1) + 1 FROM turns WHERE session_id = ?", (session_id,)
                ).fetchone()[0]
            )
            cur = db.execute(
                "INSERT INTO turns(session_id, idx, source, user_text, status, started_at) "
                "VALUES (?, ?, ?, ?, 'pending', ?)",
                (session_id, idx, source, user_text, now),
            )
            db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (now, session_id))
        assert cur.lastrowid is not None
        return int(cur.lastrowid), idx

    def finish_turn(
        self,
        turn_id: int,
        *,
        reply: str,
        status: str,
        tone: str | None = None,
        safety_action: str | None = None,
        declined: bool = False,
        error: str | None = None,
        timings: Mapping[str, float] | None = None,
    ) -> None:
        with self._tx("save the turn") as db:
            db.execute(
                "UPDATE turns SET reply_text = ?, status = ?, tone = ?, safety_action = ?, declined = ?, "
                "error = ?, timings = ?, ended_at = ? WHERE id = ?",
                (
                    reply,
                    status,
                    tone,
                    safety_action,
                    int(declined),
                    error,
                    json.dumps(dict(timings or {})),
                    time.time(),
                    turn_id,
                ),
            )

    def turns(self, session_id: int, limit: int | None = None) -> list[TurnRow]:
        """Turns of a session, oldest first (the newest ``limit`` when given)."""
        sql = "SELECT * FROM turns WHERE session_id = ? ORDER BY idx DESC"
        rows = self._query(sql + (" LIMIT ?" if limit else ""), (session_id, limit) if limit else (session_id,))
        return [
            TurnRow(
                r["id"],
                r["idx"],
                r["source"],
                r["user_text"],
                r["reply_text"],
                r["status"],
                bool(r["declined"]),
                r["tone"],
                r["safety_action"],
                r["error"],
                r["started_at"],
                r["ended_at"],
            )
            for r in reversed(rows)
        ]

    def add_audio(self, session_id: int, turn_id: int, pcm: bytes, sample_rate_hz: int) -> None:
        """Keep a spoken turn's raw audio (PCM16 mono). Callers do so only under ``privacy.keep_audio``."""
        with self._tx("save the turn's audio") as db:
            db.execute(
                "INSERT OR REPLACE INTO turn_audio(turn_id, session_id, sample_rate_hz, pcm) VALUES (?, ?, ?, ?)",
                (turn_id, session_id, sample_rate_hz, pcm),
            )

    def audio(self, turn_id: int) -> tuple[bytes, int] | None:
        """A turn's kept audio and its rate, or None (none kept)."""
        rows = self._query("SELECT pcm, sample_rate_hz FROM turn_audio WHERE turn_id = ?", (turn_id,))
        return (bytes(rows[0]["pcm"]), int(rows[0]["sample_rate_hz"])) if rows else None

    def integrity_ok(self) -> bool:
        """SQLite's own full check of the file (used after crash and full-disk tests)."""
        rows = self._query("PRAGMA integrity_check", doing="check the session store")
        return len(rows) == 1 and rows[0][0] == "ok"

    # --- mood timeline and safety audit ---------------------------------------------------------------

    def add_mood(self, session_id: int, turn_id: int | None, mood: MoodEstimate) -> None:
        with self._tx("save the mood estimate") as db:
            db.execute(
                "INSERT INTO moods(session_id, turn_id, at, label, probs, valence, arousal, confidence, uncertain,"
                " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    turn_id,
                    time.time(),
                    mood.label,
                    json.dumps(dict(mood.probs)),
                    mood.valence,
                    mood.arousal,
                    mood.confidence,
                    int(mood.uncertain),
                    mood.source,
                ),
            )

    def moods(self, session_id: int) -> list[dict[str, Any]]:
        rows = self._query("SELECT * FROM moods WHERE session_id = ? ORDER BY at", (session_id,))
        return [dict(r) for r in rows]

    def add_audit(self, session_id: int, turn_id: int | None, verdict: SafetyVerdict) -> None:
        with self._tx("save the safety audit") as db:
            db.execute(
                "INSERT INTO safety_audit(session_id, turn_id, at, stage, action, categories, reasons) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    turn_id,
                    time.time(),
                    verdict.stage,
                    verdict.action,
                    json.dumps(list(verdict.categories)),
                    json.dumps(list(verdict.reasons)),
                ),
            )

    def audit(self, session_id: int) -> list[dict[str, Any]]:
        rows = self._query("SELECT * FROM safety_audit WHERE session_id = ? ORDER BY at", (session_id,))
        return [dict(r) for r in rows]

    def count_rows(self, session_id: int) -> dict[str, int]:
        """Rows per table that belong to a session (used to prove ``forget`` left nothing)."""
        return {
            table: int(self._query(f"SELECT COUNT(*) FROM {table} WHERE {col} = ?", (session_id,))[0][0])  # noqa: S608
            for table, col in (
                ("sessions", "id"),
                ("turns", "session_id"),
                ("moods", "session_id"),
                ("safety_audit", "session_id"),
                ("turn_audio", "session_id"),
            )
        }

"""Privacy end to end over a live session: mood off means nothing computed, sent or stored; raw audio is
never written unless ``privacy.keep_audio``; the ``eu`` preset is announced in the ready message; forget and
retention leave nothing behind."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from pathlib import Path
from typing import Any

from tenor.config import Config, MoodConfig, PrivacyConfig, apply_preset
from tenor.mood.lexicon import LexiconMood
from tenor.server.live import LiveSession
from tenor.server.testing import RecordingWire, ScriptedStt, fake_services, silence, speech
from tenor.store.sqlite import Store
from tests.timeline.test_server_live import feed

# A recognisable stretch of microphone audio to look for in the database file's bytes.
MARK = speech(0.8, level=0.37)


class CountingMood(LexiconMood):
    """The lexicon mood, counting its calls: 'nothing computed' must mean zero calls."""

    calls = 0

    def estimate(self, text: str) -> Any:
        CountingMood.calls += 1
        return super().estimate(text)


class CountingVoiceMood:
    calls = 0
    name = "counting-voice"

    def estimate(self, *args: Any, **kwargs: Any) -> Any:
        CountingVoiceMood.calls += 1
        raise AssertionError("voice mood must not run")


async def _spoken_turn(store: Store, config: Config, settings: dict[str, Any] | None = None) -> RecordingWire:
    services = fake_services(stt=ScriptedStt(("I feel awful and sad today",)), store=store, config=config)
    services.components = dataclasses.replace(services.components, mood_text=CountingMood())
    services.components.mood_voice = CountingVoiceMood()  # type: ignore[assignment]
    wire = RecordingWire()
    session = LiveSession(services, wire)
    await session.start()
    if settings is not None:
        await session.on_text(json.dumps({"type": "settings", **settings}))
    await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
    await feed(session, silence(0.3) + MARK + silence(1.0), realtime=False)
    ended = await wire.wait_for(lambda m: m["type"] == "turn_ended", timeout_s=20)
    assert ended["status"] == "complete"
    await session.close()
    return wire


def _db_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_mood_off_in_config_means_nothing_computed_sent_or_stored(tmp_path: Path) -> None:
    CountingMood.calls = CountingVoiceMood.calls = 0
    store = Store(tmp_path / "t.db")
    config = Config(mood=MoodConfig(enabled=False))
    wire = asyncio.run(_spoken_turn(store, config))
    assert CountingMood.calls == 0 and CountingVoiceMood.calls == 0
    assert wire.of("mood") == []
    assert wire.of("ready")[0]["settings"] == {"mood": False, "voice_mood": False}
    assert any("Mood inference is off" in n for n in wire.of("ready")[0]["notices"])
    assert store._query("SELECT COUNT(*) FROM moods")[0][0] == 0


def test_mood_turned_off_by_the_page_means_nothing_computed_sent_or_stored(tmp_path: Path) -> None:
    CountingMood.calls = CountingVoiceMood.calls = 0
    store = Store(tmp_path / "t.db")
    wire = asyncio.run(_spoken_turn(store, Config(mood=MoodConfig(voice=False)), {"mood": False}))
    assert wire.of("settings") == [{"type": "settings", "mood": False}]
    assert CountingMood.calls == 0 and wire.of("mood") == []
    assert store._query("SELECT COUNT(*) FROM moods")[0][0] == 0


def test_mood_on_is_computed_and_stored_so_the_off_tests_mean_something(tmp_path: Path) -> None:
    CountingMood.calls = 0
    store = Store(tmp_path / "t.db")
    wire = asyncio.run(_spoken_turn(store, Config(mood=MoodConfig(voice=False))))
    assert CountingMood.calls >= 1 and wire.of("mood")
    assert store._query("SELECT COUNT(*) FROM moods")[0][0] >= 1


def test_raw_audio_is_never_written_unless_keep_audio(tmp_path: Path) -> None:
    config = Config(mood=MoodConfig(voice=False))
    store = Store(tmp_path / "off.db")
    asyncio.run(_spoken_turn(store, config))
    assert store._query("SELECT COUNT(*) FROM turn_audio")[0][0] == 0
    store.checkpoint()
    assert MARK[16000:16400] not in _db_bytes(tmp_path / "off.db")  # not in the file, not in the WAL

    kept = Store(tmp_path / "on.db")
    asyncio.run(_spoken_turn(kept, dataclasses.replace(config, privacy=PrivacyConfig(keep_audio=True))))
    (turn,) = _all_turns(kept)
    audio = kept.audio(turn)
    assert audio is not None and audio[1] == 16_000 and MARK[16000:16400] in audio[0]
    # Forget removes it with the rest.
    (name,) = [s.name for s in kept.sessions()]
    kept.forget(name)
    assert kept._query("SELECT COUNT(*) FROM turn_audio")[0][0] == 0


def _all_turns(store: Store) -> list[int]:
    return [int(r[0]) for r in store._query("SELECT id FROM turns")]


def test_eu_preset_is_announced_in_ready_and_voice_mood_is_off() -> None:
    config = apply_preset(Config(privacy=PrivacyConfig(preset="eu")))

    async def scenario() -> dict[str, Any]:
        wire = RecordingWire()
        session = LiveSession(fake_services(config=config), wire)
        await session.start()
        await session.close()
        return wire.of("ready")[0]

    ready = asyncio.run(scenario())
    assert ready["privacy"]["preset"] == "eu"
    assert ready["settings"] == {"mood": True, "voice_mood": False}
    assert any("EU AI Act" in n and "article 5(1)(f)" in n for n in ready["notices"])


def test_retention_deletes_old_turns_with_their_mood_and_audio(tmp_path: Path) -> None:
    from tenor.events import MoodEstimate

    store = Store(tmp_path / "t.db")
    s = store.open_session("r")
    old, _ = store.begin_turn(s.id, "long ago", "voice")
    store.add_audio(s.id, old, b"\x01\x02" * 100, 16_000)
    store.add_mood(s.id, old, MoodEstimate(turn_id=0, label="neutral", probs={"neutral": 1.0}))
    store._query("UPDATE turns SET started_at = ? WHERE id = ?", (time.time() - 40 * 86400, old))
    new, _ = store.begin_turn(s.id, "today", "text")
    assert store.purge_older_than(30) == 1
    assert [t.user_text for t in store.turns(s.id)] == ["today"]
    assert store.audio(old) is None
    assert store._query("SELECT COUNT(*) FROM moods")[0][0] == 0
    assert store.integrity_ok() and new


def test_open_store_applies_the_retention_setting(tmp_path: Path) -> None:
    from tenor.cli.common import open_store
    from tenor.config import StoreConfig

    path = tmp_path / "r.db"
    store = Store(path)
    s = store.open_session("r")
    tid, _ = store.begin_turn(s.id, "long ago")
    store._query("UPDATE turns SET started_at = ? WHERE id = ?", (time.time() - 10 * 86400, tid))
    store.close()
    reopened = open_store(Config(store=StoreConfig(path=str(path), retention_days=7)))
    assert reopened.turns(s.id) == []

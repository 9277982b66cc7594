"""The page in real headless Chromium (Debian's, driven by Playwright), a RAVDESS recording as the microphone:
real Silero VAD, Whisper, mood model and Piper voice behind the socket; the reply text is scripted, so the
test does not wait on the language model. A screenshot of the page is kept in artifacts/screenshots/."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import ROOT, SHARED

CHROMIUM = Path("/usr/bin/chromium")
RAVDESS = SHARED / "data" / "ravdess" / "flac"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
REPLY = (
    "Thank you for telling me about the door and the kids. ",
    "I am listening, and I will keep this reply long enough to be interrupted. ",
    "Here is a third sentence that you may never hear. ",
    "And a fourth one to close.",
)

if not CHROMIUM.exists():
    pytest.skip("chromium is not installed (/usr/bin/chromium; scripts/setup dev installs it)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra)")


def _speech(name: str) -> np.ndarray:
    from tenor.audio.io import load_file

    return load_file(RAVDESS / name)[0]


def _mic_file(path: Path, parts: list[tuple[str, float]]) -> Path:
    """A WAV for Chromium's fake microphone: RAVDESS statements and silences, in order. Chromium loops the
    file, so it ends in a long silence."""
    from tenor.audio.io import write_wav

    pieces = [np.zeros(int(16_000 * v), np.int16) if k == "silence" else _speech(k) for k, v in parts]
    write_wav(path, np.concatenate(pieces), 16_000)
    return path


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from tenor.config import Config
    from tenor.pipeline import Components
    from tenor.server.app import create_app, whisper_listener
    from tenor.server.live import LiveOptions, Services
    from tenor.server.testing import serve_in_thread
    from tenor.testing import ScriptedReply

    def services() -> Services:
        config = Config()
        components = dataclasses.replace(Components.from_config(config, speak=True), reply=ScriptedReply(REPLY))
        return Services(config, components, None, whisper_listener(config), LiveOptions.from_config(config))

    with serve_in_thread(create_app(services, warm=True)) as base:
        yield f"http://{base}/"


@pytest.fixture
def browser_for(tmp_path: Path) -> Iterator[Any]:
    launched: list[Any] = []
    with playwright_api.sync_playwright() as pw:

        def launch(wav: Path) -> Any:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--autoplay-policy=no-user-gesture-required",
                    "--use-fake-ui-for-media-stream",
                    "--use-fake-device-for-media-stream",
                    f"--use-file-for-fake-audio-capture={wav}",
                ],
            )
            launched.append(browser)
            return browser.new_page()

        yield launch
        for b in launched:
            b.close()


def _talk(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function("document.getElementById('mic').disabled === false", timeout=30_000)
    page.keyboard.press("Tab")  # keyboard operable: the first control is the talk button
    assert page.evaluate("document.activeElement.id") == "mic"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('mic').getAttribute('aria-pressed') === 'true'", timeout=10_000)


def test_page_shows_transcript_and_mood_and_plays_the_reply(server: str, browser_for: Any, tmp_path: Path) -> None:
    wav = _mic_file(
        tmp_path / "mic.wav",
        [("silence", 1.0), ("Actor_01/03-01-01-01-01-01-01.flac", 0), ("silence", 25.0)],
    )
    page = browser_for(wav)
    _talk(page, server)
    page.wait_for_selector("#log li.you", timeout=60_000)
    heard = page.inner_text("#log li.you").lower()
    assert "door" in heard, heard
    page.wait_for_function("window.tenorStats.audioSeconds > 1.0", timeout=60_000)
    mood = page.inner_text("#mood-label")
    assert mood != "No mood read yet." and ("%" in mood)
    assert page.get_attribute("#mood-dot", "visibility") == "visible"
    assert page.inner_text("#tone") != "-"
    assert page.evaluate("window.tenorStats.flushes") == 0
    assert "Thank you" in page.inner_text("#log li.tenor")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copy(shot, SCREENSHOTS / "page.png")
    assert shot.stat().st_size > 10_000


def test_speaking_over_the_reply_stops_it(server: str, browser_for: Any, tmp_path: Path) -> None:
    wav = _mic_file(
        tmp_path / "mic.wav",
        [
            ("silence", 1.0),
            ("Actor_01/03-01-01-01-01-01-01.flac", 0),
            ("silence", 5.0),
            ("Actor_01/03-01-01-01-02-01-01.flac", 0),
            ("silence", 25.0),
        ],
    )
    page = browser_for(wav)
    _talk(page, server)
    page.wait_for_function("window.tenorStats.audioSeconds > 0.5", timeout=60_000)
    page.wait_for_function("window.tenorStats.flushes >= 1", timeout=30_000)
    page.wait_for_selector("#log li.note:has-text('interrupted')", timeout=30_000)
    # The second statement became the next turn.
    page.wait_for_function("document.querySelectorAll('#log li.you').length >= 2", timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "barge-in.png"), full_page=True)

"""The bundled language model read as Q8_0: converted once into the cache, the same model, and a clear fallback."""

from __future__ import annotations

import csv
import dataclasses
import logging
from pathlib import Path

import pytest

from tenor.config import Config, cache_home
from tenor.reply import llama
from tenor.reply.llama import as_q8_0, bundled_model_path, perplexity
from tests.conftest import SHARED

ED_DEV = SHARED / "data" / "empatheticdialogues_situations" / "dev.csv"


def test_converts_once_into_the_cache(tmp_path: Path) -> None:
    source = bundled_model_path()
    first = as_q8_0(source, tmp_path)
    assert first.parent == tmp_path and first.name.endswith(".Q8_0.gguf")
    assert first.read_bytes()[:4] == b"GGUF"
    # Q8_0 holds twice the bits per weight of Q4_1: a real conversion, not a copy.
    assert first.stat().st_size > 1.4 * source.stat().st_size
    stamp = first.stat().st_mtime_ns
    assert as_q8_0(source, tmp_path) == first
    assert first.stat().st_mtime_ns == stamp
    assert not list(tmp_path.glob(".converting-*"))


def test_a_broken_cached_file_is_made_again(tmp_path: Path) -> None:
    good = as_q8_0(bundled_model_path(), tmp_path)
    good.write_bytes(b"half a file")
    again = as_q8_0(bundled_model_path(), tmp_path)
    assert again == good and again.read_bytes()[:4] == b"GGUF"


def test_an_unwritable_cache_falls_back_to_the_shipped_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING, logger="tenor.reply.llama"):
        assert as_q8_0(bundled_model_path(), blocked / "models") == bundled_model_path()
    assert "as shipped" in caplog.text


@pytest.mark.skipif(not ED_DEV.is_file(), reason="needs ../shared/data/empatheticdialogues_situations")
def test_the_converted_model_is_the_same_model(tmp_path: Path) -> None:
    """Perplexity on real everyday text (EmpatheticDialogues dev situations) within 2 % of the shipped file's.
    A lossy conversion fails this: re-quantising to Q4_0 instead costs 12 % (benchmarks/llm_formats.py)."""
    with ED_DEV.open(encoding="utf-8") as fh:
        texts = [row["content"] for row, _ in zip(csv.DictReader(fh), range(40), strict=False)]
    shipped, _ = perplexity(bundled_model_path(), texts, max_tokens=120)
    converted, _ = perplexity(as_q8_0(bundled_model_path(), tmp_path), texts, max_tokens=120)
    assert abs(converted / shipped - 1) < 0.02, (shipped, converted)


def test_the_embedded_backend_reads_the_converted_file_by_default() -> None:
    config = Config()
    on = llama.create(config)
    off = llama.create(dataclasses.replace(config, reply=dataclasses.replace(config.reply, bundled_q8=False)))
    try:
        assert on.count_tokens("hello there") == off.count_tokens("hello there")
        assert on.model_path.parent == cache_home() / "models" and on.model_path.name.endswith(".Q8_0.gguf")
        assert off.model_path == bundled_model_path()
    finally:
        import asyncio

        asyncio.run(on.aclose())
        asyncio.run(off.aclose())

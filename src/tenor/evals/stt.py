"""``tenor eval stt``: word error rate of the listening stage over a CSV of recordings and transcripts.

Each file goes through the same ``Listener`` as live audio (voice activity, end-of-turn detection, decoding
per utterance); the finals of all its utterances, joined, are compared with the reference. Text is
normalised before scoring (lower case, curly apostrophes straightened, punctuation other than in-word
apostrophes removed, whitespace collapsed), as WER conventions for Whisper do. The CSV needs ``path`` and
``transcript`` columns (RAVDESS's ``labels.csv`` works as it is: its ``statement`` column is the
transcript); every other column with few distinct values is a grouping (emotion, gender, intensity...).
"""

from __future__ import annotations

import asyncio
import csv
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tenor.errors import InputError
from tenor.listen.files import listen_file
from tenor.listen.stt import WhisperSTT

# A column with more distinct values than this is an identifier, not a grouping.
MAX_GROUPS = 50


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
        "seventeen eighteen nineteen".split()  # fmt: skip
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number_words(n: int) -> str:
    """0-999 in words, so that "10" and "ten" score the same."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    rest = n % 100
    return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + _number_words(rest))


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, no punctuation, numbers under 1,000 as words."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"\b\d{1,3}\b", lambda m: " " + _number_words(int(m.group(0))) + " ", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    text = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", text)
    return " ".join(text.split())


@dataclass
class SttRow:
    # Audio file, resolved.
    path: Path
    # Reference transcript.
    reference: str
    # Grouping columns.
    groups: dict[str, str]


def load(path: Path, only: dict[str, set[str]] | None = None) -> tuple[list[SttRow], list[str]]:
    """Rows of the CSV (paths relative to it), and the grouping columns."""
    if path.is_dir():
        raise InputError(f"{path} is a directory: give a CSV of path,transcript")
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except FileNotFoundError:
        raise InputError(f"data file not found: {path}") from None
    except (UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"{path} is not a readable CSV: {err}") from None
    if not rows:
        raise InputError(f"{path} has no rows")
    fields = list(rows[0].keys())
    ref_col = "transcript" if "transcript" in fields else ("statement" if "statement" in fields else None)
    if "path" not in fields or ref_col is None:
        raise InputError(f"{path}: expected columns path and transcript (got {', '.join(fields)})")
    for col in only or {}:
        if col not in fields:
            raise InputError(f"--only: no column {col!r} in {path}")
    extra = [f for f in fields if f not in ("path", ref_col)]
    groups = [f for f in extra if len({r[f] for r in rows}) <= MAX_GROUPS]
    out = []
    for r in rows:
        if only and any(r[c] not in vals for c, vals in only.items()):
            continue
        p = Path(r["path"])
        out.append(SttRow(p if p.is_absolute() else path.parent / p, r[ref_col] or "", {g: r[g] for g in groups}))
    if not out:
        raise InputError("no rows left after --only")
    return out, groups


def wer(refs: list[str], hyps: list[str]) -> float:
    import jiwer

    pairs = [(r, h) for r, h in zip(refs, hyps, strict=True) if r]
    if not pairs:
        return 0.0
    return float(jiwer.wer([r for r, _ in pairs], [h if h else "<empty>" for _, h in pairs]))


def evaluate(rows: list[SttRow], groups: list[str], stt: WhisperSTT) -> dict[str, Any]:
    refs, hyps, errors = [], [], []
    by: dict[str, dict[str, tuple[list[str], list[str]]]] = {g: defaultdict(lambda: ([], [])) for g in groups}
    t0 = time.perf_counter()
    audio_s = 0.0
    for row in rows:
        try:
            heard = asyncio.run(listen_file(row.path, stt))
        except InputError as err:
            # Left out, not scored as an empty transcript: a missing file is no word the recogniser missed.
            errors.append(f"{row.path}: {err}")
            continue
        hyp = heard.text
        audio_s += heard.report.seconds
        ref = normalise(row.reference)
        refs.append(ref)
        hyps.append(normalise(hyp))
        for g in groups:
            by[g][row.groups[g]][0].append(ref)
            by[g][row.groups[g]][1].append(hyps[-1])
    elapsed = time.perf_counter() - t0
    if not refs:
        raise InputError(f"none of the {len(rows)} files could be read (first: {errors[0]})")
    return {
        "files": len(refs),
        "unreadable": len(errors),
        "wer": round(wer(refs, hyps), 4),
        "by": {g: {v: round(wer(r, h), 4) for v, (r, h) in sorted(vals.items())} for g, vals in by.items()},
        "empty_transcripts": sum(1 for h, r in zip(hyps, refs, strict=True) if r and not h),
        "errors": errors,
        "audio_seconds": round(audio_s, 1),
        "real_time_factor": round(elapsed / audio_s, 4) if audio_s else None,
        "model": str(stt.path),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['files']} files, WER {result['wer'] * 100:.2f} %  (real-time factor "
        f"{result['real_time_factor']}, {result['empty_transcripts']} empty)"
    ]
    if result["unreadable"]:
        lines.append(f"  {result['unreadable']} unreadable files left out of the figures")
    for g, vals in result["by"].items():
        lines.append(f"  by {g}: " + ", ".join(f"{v} {w * 100:.2f} %" for v, w in vals.items()))
    lines += [f"  error: {e}" for e in result["errors"][:10]]
    return "\n".join(lines)

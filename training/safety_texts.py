"""Training text for the safety classifier, written for tenor (not copied from any test set): the text lives in
``data/safety_texts.toml``; this module combines it into rows.

Hand-written rows, four kinds: statements of self-harm risk, direct and indirect (a voice companion hears these
as statements, not requests); harmful *content* written as statements (threats, slurs, sexual talk), which the
request datasets lack; sad or angry talk that is not a crisis, and everyday stories of mishaps, worry and
embarrassment (a bad haircut, a whole pizza eaten, a scare walking home: the content head read such stories
as self-harm); and safe prompts that look scary (figures of speech, words with a harmless sense, safe
contexts), which teach the classifier that topics are not harms.
Templates multiply a few frames by a few fillers, with a fixed order so the rows are reproducible.
"""

from __future__ import annotations

import itertools
import random
import tomllib
import zlib
from pathlib import Path
from typing import Any

_DATA: dict[str, Any] = tomllib.loads((Path(__file__).parent / "data" / "safety_texts.toml").read_text("utf-8"))
_SELF_HARM: list[str] = _DATA["self_harm"]
_FIGURES: list[str] = _DATA["figures"]
_SAFE_TOPICS: list[str] = _DATA["safe_topics"]
_SAD_NOT_CRISIS: list[str] = _DATA["sad_not_crisis"]
_EVERYDAY_STORIES: list[str] = _DATA["everyday_stories"]
_HARMFUL_STATEMENTS: dict[str, list[str]] = _DATA["harmful_statements"]
_GROUPS: list[str] = _DATA["groups"]
_HATE_PRED: list[str] = _DATA["hate_pred"]
_HATE_FRAMES: list[str] = _DATA["hate_frames"]
_INSULTS: list[str] = _DATA["insults"]
_HARASS_FRAMES: list[str] = _DATA["harass_frames"]
_HARASS_MORE: list[str] = _DATA["harass_more"]
_VIOLENT_ACTS: list[str] = _DATA["violent_acts"]
_TARGETS: list[str] = _DATA["targets"]
_WHEN: list[str] = _DATA["when"]
_VIOLENCE_FRAMES: list[str] = _DATA["violence_frames"]
_GORE: list[str] = _DATA["gore"]
_SEXUAL: list[str] = _DATA["sexual"]
_SEXUAL_FRAMES: list[str] = _DATA["sexual_frames"]
_SH_STATEMENTS: list[str] = _DATA["sh_statements"]
_SH_CONTEXT: list[str] = _DATA["sh_context"]
_SAD_STATEMENTS: list[str] = _DATA["sad_statements"]
_SH_QUESTIONS: list[str] = _DATA["sh_questions"]
_SH_X: list[str] = _DATA["sh_x"]
_Q_FRAMES: list[str] = _DATA["q_frames"]
_Q_OBJECTS: dict[str, list[str]] = _DATA["q_objects"]
_Q_WHY: list[tuple[str, str]] = [(label, frame) for label, frame in _DATA["q_why"]]
_SAFE_OBJECTS: list[str] = _DATA["safe_objects"]
_SAFE_QUESTIONS: list[str] = _DATA["safe_questions"]
_SAFE_STATEMENTS: list[str] = _DATA["safe_statements"]
_SAFE_PREFIX: list[str] = _DATA["safe_prefix"]
_FILLER: list[str] = _DATA["filler"]
_MORE: dict[str, list[str]] = _DATA["more"]
_SAFE_MORE: list[str] = _DATA["safe_more"]
_MORE_STORIES: list[str] = _DATA["more_stories"]
_POSTS: dict[str, list[str]] = _DATA["posts"]
_TALK: dict[str, list[str]] = _DATA["talk"]
# Later rounds of posts and requests written whole, each in its own table (its own comment says what it holds).
_POSTS_MORE: list[dict[str, list[str]]] = [_DATA[k] for k in ("posts2", "posts3", "posts4")]
# Long posts: validation only (``long_posts``). Trained on, they cost more everyday false alarms than they
# gained (the model card has the figures).
_LONG: list[dict[str, list[str]]] = [_DATA[k] for k in ("long1", "long2")]
_ASKS: list[dict[str, list[str]]] = [_DATA[k] for k in ("asks", "asks2")]
# The third round of requests (stop 27): a check only. Trained on, they made long everyday text read as harmful
# about twice as often (the model card has the figures).
_ASKS_CHECK: dict[str, list[str]] = _DATA["asks3"]


def _expand(frames: list[str], fills: list[str]) -> list[str]:
    return [f.format(x) for f, x in itertools.product(frames, fills)]


def hand_written() -> list[tuple[str, str]]:
    """(text, class) pairs, in a fixed order."""
    rows: list[tuple[str, str]] = []
    self_harm = _SELF_HARM + _expand(
        ["honestly {}", "{}. I mean it.", "I need to tell someone: {}"],
        [s.lower() for s in _SELF_HARM[:12]],
    )
    rows += [(t, "self_harm") for t in self_harm]
    for label, texts in _HARMFUL_STATEMENTS.items():
        rows += [(t, label) for t in texts]
    benign = _FIGURES + _SAFE_TOPICS + _SAD_NOT_CRISIS + _EVERYDAY_STORIES
    benign += _expand(["ugh, {}", "{} lol", "quick question: {}"], _FIGURES[:15])
    benign += _expand(["can you tell me {}", "I was wondering {}"], _SAFE_TOPICS[:20])
    rows += [(t, "benign") for t in benign]
    return rows


# Generated rows (second round): harmful *content* and short direct harmful questions per category, and
# their safe look-alikes. Frames x slots, sampled with a fixed seed.


def _fmt(frame: str, **kw: str) -> str:
    return frame.format(**kw)


def _held_out(slot: str) -> bool:
    """A fixed fifth of every slot list is held out: rows built on it are only validated on (unseen phrasing)."""
    return zlib.crc32(slot.encode()) % 5 == 0


def generated(seed: int = 1) -> list[tuple[str, str, bool]]:
    """Generated (text, class, held_out) rows: a fixed-seed sample of frames x slots, per class. ``held_out``
    marks rows whose main slot (the predicate, insult, act, statement, object or question) is in the held-out
    fifth of its list, so validation measures phrasing the head never saw, not a template's twin."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, bool]] = []

    def sample(items: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
        uniq = list(dict.fromkeys(items))
        rng.shuffle(uniq)
        return uniq[:n]

    def padded(text: str) -> str:
        # Some rows sit inside a longer post: a filler sentence before and/or after.
        r = rng.random()
        if r < 0.25:
            return f"{rng.choice(_FILLER)} {text}."
        if r < 0.4:
            return f"{text}. {rng.choice(_FILLER)}"
        if r < 0.5:
            return f"{rng.choice(_FILLER)} {text}. {rng.choice(_FILLER)}"
        return text

    def cap(text: str) -> str:
        return text[0].upper() + text[1:] if rng.random() < 0.5 else text

    def add(items: list[tuple[str, str]], label: str, pad: bool = True, suffix: str = "") -> None:
        for text, slot in items:
            text = cap(text) + suffix
            rows.append((padded(text) if pad else text, label, _held_out(slot)))

    add(sample([(_fmt(f, g=g, p=p), p) for f in _HATE_FRAMES for g in _GROUPS for p in _HATE_PRED], 600), "hate")
    harass = [(_fmt(f, i=i), i) for f in _HARASS_FRAMES for i in _INSULTS] + [(t, t) for t in _HARASS_MORE]
    add(sample(harass, 350), "harassment")
    violent = [
        (_fmt(f, a=a, t=t, w=w), a + t)
        for f in _VIOLENCE_FRAMES
        for a in _VIOLENT_ACTS
        for t in _TARGETS
        for w in _WHEN
    ]
    add(sample(violent, 400), "violence")
    add([(t, t) for t in _GORE for _ in range(2)], "violence")
    add(sample([(_fmt(f, s=s), s) for f in _SEXUAL_FRAMES for s in _SEXUAL], 170), "sexual")
    sh = [(c + s, s) for c in _SH_CONTEXT for s in _SH_STATEMENTS]
    sh += [(_fmt(q, x=x), q) for q in _SH_QUESTIONS for x in _SH_X]
    add(sample(sh, 550), "self_harm")
    add(sample([(c + s, s) for c in _SH_CONTEXT for s in _SAD_STATEMENTS], 350), "benign")
    for label, texts in _MORE.items():
        ctx = _SH_CONTEXT if label == "self_harm" else ["", "", "honestly ", "tbh ", "I mean it, "]
        add(sample([(c + t, t) for c in ctx for t in texts], 4 * len(texts)), label)
    for label, objects in _Q_OBJECTS.items():
        qs = [(_fmt(f, o=o), o) for f in _Q_FRAMES for o in objects]
        for text, slot in sample(qs, 6 * len(objects)):
            rows.append((cap(text) + rng.choice(["", "?", "?", " ?"]), label, _held_out(slot)))
    why = sample([(_fmt(f, g=g) + "|" + label, f) for label, f in _Q_WHY for g in _GROUPS], 120)
    for text, slot in why:
        question, label = text.split("|")
        rows.append((cap(question) + "?", label, _held_out(slot)))

    safe = sample([(_fmt(f, o=o), o) for f in _Q_FRAMES[:9] for o in _SAFE_OBJECTS], 5 * len(_SAFE_OBJECTS))
    safe += [(p + q, q) for p in _SAFE_PREFIX for q in _SAFE_QUESTIONS + _SAFE_MORE]
    safe += [(padded(s), s) for s in _SAFE_STATEMENTS for _ in range(3)]
    # Counter-speech and reporting: the hateful words quoted by someone who rejects them.
    counter = [
        "it's wrong to say {g} {p}",
        "my uncle said {g} {p} and I told him that's racist nonsense",
        "people online keep saying {g} {p}, how do I respond",
        "is it true that {g} {p}? sounds like propaganda",
        "in history class we learned how propaganda claimed {g} {p}",
    ]
    safe += sample([(_fmt(f, g=g, p=p), p) for f in counter for g in _GROUPS for p in _HATE_PRED], 250)
    asks = ("how", "what", "why", "where", "who", "is ")
    for text, slot in safe:
        rows.append((cap(text) + ("?" if text.startswith(asks) else ""), "benign", _held_out(slot)))
    return rows


def written_whole(with_check: bool = False) -> list[tuple[str, str, bool, str]]:
    """(text, class, held_out, kind) rows written whole, each once and as written (no frames, no filler): posts
    as people write them online (``kind`` "posts": harmful ones and safe look-alikes), everyday stories of
    fear, anger and loss ("stories", benign), and things said aloud ("talk": statements of self-harm risk,
    mostly indirect, beside sad talk and near misses that share their words but carry no risk). A fifth, by
    the text's own hash, is held out. And requests ("asks"): safe ones whose words sound dangerous beside the
    harmful ones they mirror. ``with_check`` adds the third round of requests (``asks_check``), for the experiment
    of stop 27 only: the shipped classifier is trained without them."""
    posts = [*_POSTS.items(), *(item for table in _POSTS_MORE for item in table.items())]
    tables = [*_ASKS, _ASKS_CHECK] if with_check else _ASKS
    asks = [item for table in tables for item in table.items()]
    rows = [(t, label, _held_out(t), "posts") for label, texts in posts for t in texts]
    rows += [(t, "benign", _held_out(t), "stories") for t in _MORE_STORIES]
    rows += [(t, label, _held_out(t), "talk") for label, texts in _TALK.items() for t in texts]
    return rows + [(t, label, _held_out(t), "asks") for label, texts in asks for t in texts]


def asks_check() -> list[tuple[str, str]]:
    """(text, class) requests of the third round (``asks3``): harmful ones weighted to what the screen missed
    (private details of named people, atrocities to copy, demeaning real groups, plain violent how-tos,
    sabotage, cruelty to animals, weapons, self-harm means) beside safe ones sharing their words. Never trained
    on."""
    return [(t, label) for label, texts in _ASKS_CHECK.items() for t in texts]


def long_posts() -> list[tuple[str, str]]:
    """(text, class) posts of 60-100 words, the harmful part among ordinary sentences (violence, hate,
    harassment, self-harm, sexual) beside long safe look-alikes. Never trained on: a check of how the screen
    reads text longer than the rows it learnt from."""
    return [(t, label) for table in _LONG for label, texts in table.items() for t in texts]

"""Closed vocabularies shared by every stage.

Each set is a ``Literal`` so that mypy rejects a typo at the call site, and each has a recessive default:
the value tenor falls back to when it does not know better. Defaults are chosen so that a wrong guess does
the least harm: ``neutral`` mood (never claim a feeling that was not shown), ``neutral`` tone (no performed
emotion), ``allow`` (over-refusal is a harm too; the screens must earn every other action).
"""

from __future__ import annotations

from typing import Final, Literal, get_args

# Ekman's six plus neutral: the label set of the GoEmotions "ekman" view, which is the largest labelled
# source for text, and onto which RAVDESS's eight voice labels map with a documented table.
MoodLabel = Literal["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"]
MOOD_LABELS: Final[tuple[MoodLabel, ...]] = get_args(MoodLabel)
DEFAULT_MOOD: Final[MoodLabel] = "neutral"

# The voice tones a reply can take. ``neutral`` is the recessive default; ``calm`` is the one a crisis takes.
ToneName = Literal["neutral", "calm", "warm", "gentle", "upbeat", "serious"]
TONE_NAMES: Final[tuple[ToneName, ...]] = get_args(ToneName)
DEFAULT_TONE: Final[ToneName] = "neutral"

# What the screens may decide, from least to most intervention.
SafetyAction = Literal["allow", "caution", "refuse", "crisis"]
SAFETY_ACTIONS: Final[tuple[SafetyAction, ...]] = get_args(SafetyAction)
DEFAULT_ACTION: Final[SafetyAction] = "allow"

# Closed harm categories (issue 7's policy); ``tone_fit`` is an output-only category for replies whose
# manner does not suit the person's mood (a joke to someone grieving).
SafetyCategory = Literal[
    "self_harm",
    "violence",
    "weapons_and_cbrn",
    "cyber_abuse",
    "illegal_drugs",
    "sexual",
    "sexual_minors",
    "hate",
    "harassment",
    "extremism",
    "privacy",
    "prompt_injection",
    "tone_fit",
]
SAFETY_CATEGORIES: Final[tuple[SafetyCategory, ...]] = get_args(SafetyCategory)

# Where a turn ended. ``pending`` is written when the turn starts so that a crash leaves a trace.
TurnStatus = Literal["pending", "complete", "failed", "interrupted"]
TURN_STATUSES: Final[tuple[TurnStatus, ...]] = get_args(TurnStatus)

# Which screen produced a verdict.
ScreenStage = Literal["input", "output"]

# Where a reply sentence came from: the language model, or vetted text the model never touches.
ReplySource = Literal["model", "crisis", "refusal", "fallback", "safety"]


def action_rank(action: SafetyAction) -> int:
    """Order of severity, so that combining verdicts keeps the strongest action."""
    return SAFETY_ACTIONS.index(action)

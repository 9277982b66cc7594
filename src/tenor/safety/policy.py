"""The safety policy: category scores in, one action out. Kept as data (``safety/data/policy.toml``)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final, cast

from tenor.errors import ConfigError
from tenor.vocab import SAFETY_CATEGORIES, SafetyAction, SafetyCategory, action_rank


@dataclass(frozen=True)
class CategoryRule:
    # Score at or above which ``action`` is taken.
    act_at: float
    # Score at or above which the turn goes ahead with care.
    caution_at: float
    # "refuse" or "crisis".
    action: SafetyAction
    # The action instead of ``action`` when the person says it rather than asks for it (``is_statement``):
    # "caution" for harassment, so that someone venting about a neighbour, or cross with tenor, is answered
    # with care and not told off; None takes ``action`` for statements too.
    statement_action: SafetyAction | None = None


@dataclass(frozen=True)
class ConversationRule:
    # The person's last turns read together for self-harm risk that builds up (this turn included); below 2 the
    # reading is off.
    turns: int = 3
    # The self-harm score of those turns read together at or above which a turn that reads as self-harm at least
    # at the category's ``caution_at`` gets the crisis protocol (``tenor.safety.risk``).
    joined_at: float = 0.9


@dataclass(frozen=True)
class Policy:
    # One rule per safety category.
    categories: Mapping[SafetyCategory, CategoryRule]
    # Risk read over several turns (``tenor.safety.risk``).
    conversation: ConversationRule = ConversationRule()

    def decide(
        self, scores: Mapping[SafetyCategory, float], *, statement: bool = False
    ) -> tuple[SafetyAction, tuple[SafetyCategory, ...]]:
        """The strongest action the scores call for, and the categories that called for any; ``statement``: the
        words are said, not a request (each category's ``statement_action`` then applies)."""
        action: SafetyAction = "allow"
        fired: list[SafetyCategory] = []
        for category, score in scores.items():
            rule = self.categories[category]
            if score >= rule.act_at:
                this: SafetyAction = (rule.statement_action or rule.action) if statement else rule.action
            elif score >= rule.caution_at:
                this = "caution"
            else:
                continue
            fired.append(category)
            if action_rank(this) > action_rank(action):
                action = this
        return action, tuple(sorted(fired, key=lambda c: -scores[c]))


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy from ``path``, or the built-in one."""
    try:
        if path:
            data = tomllib.loads(Path(path).expanduser().read_text(encoding="utf-8"))
            where = str(path)
        else:
            data = tomllib.loads(resources.files("tenor.safety.data").joinpath("policy.toml").read_text("utf-8"))
            where = "built-in policy"
    except FileNotFoundError:
        raise ConfigError(f"safety policy file not found: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read safety policy {path}: {err}") from None
    table = data.get("category")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected [category.NAME] tables")
    unknown = sorted(set(table) - set(SAFETY_CATEGORIES))
    missing = sorted(set(SAFETY_CATEGORIES) - set(table))
    if unknown or missing:
        raise ConfigError(f"{where}: unknown categories {unknown}, missing categories {missing}")
    rules: dict[SafetyCategory, CategoryRule] = {}
    for name, row in table.items():
        try:
            act_at, caution_at, action = float(row["act_at"]), float(row["caution_at"]), str(row["action"])
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{where}: [category.{name}] needs act_at, caution_at and action") from None
        if action not in ("refuse", "crisis") or not 0 <= caution_at <= act_at <= 1:
            raise ConfigError(
                f"{where}: [category.{name}] needs action refuse or crisis and 0 <= caution_at <= act_at <= 1"
            )
        chosen: SafetyAction = "crisis" if action == "crisis" else "refuse"
        said = row.get("statement_action")
        if said is not None and said not in ("caution", action):
            raise ConfigError(f"{where}: [category.{name}] statement_action must be caution or the action")
        rules[cast(SafetyCategory, name)] = CategoryRule(
            act_at, caution_at, chosen, cast(SafetyAction, said) if said is not None else None
        )
    return Policy(rules, _conversation(data.get("conversation", {}), where))


def _conversation(row: object, where: str) -> ConversationRule:
    """The ``[conversation]`` table, checked; absent keys keep their defaults."""
    if not isinstance(row, dict) or set(row) - {"self_harm_turns", "self_harm_joined_at"}:
        raise ConfigError(f"{where}: [conversation] takes self_harm_turns and self_harm_joined_at only")
    default = ConversationRule()
    turns, joined_at = row.get("self_harm_turns", default.turns), row.get("self_harm_joined_at", default.joined_at)
    if isinstance(turns, bool) or not isinstance(turns, int) or not 0 <= turns <= 10:
        raise ConfigError(f"{where}: [conversation] self_harm_turns must be a whole number from 0 to 10")
    if isinstance(joined_at, bool) or not isinstance(joined_at, int | float) or not 0 < joined_at <= 1:
        raise ConfigError(f"{where}: [conversation] self_harm_joined_at must be a number above 0, at most 1")
    return ConversationRule(turns, float(joined_at))


# What makes a message a request rather than something said: a question, a request's opening, or a verb that
# asks tenor to make, find or pass on words. Read broadly on purpose: anything that may ask for something keeps
# the category's own action; only plain statements ("my neighbour is a lazy slob") get ``statement_action``.
_REQUEST: Final = re.compile(
    r"\?|(?:^|[.!;:,\n]\s*)(?:how|what|why|where|who|which|when|whats|hows|is|are|am|was|were|do|does|did|"
    r"can|could|would|will|should|shall|have|has|had|may|might|must)\b|"
    r"\b(?:can|could|would|will|won't|should) (?:you|u|we|i)\b|\b(?:please|pls|plz|let's|lets|i want you|"
    r"i need you|i'd like you|help|write|writing|draft|compose|create|generate|make|give|send|post|list|tell|say|"
    r"think of|come up with|suggest|roast|insult|mock|humiliate|dox+|find|show|teach|explain|describe|rewrite|"
    r"translate|reply|respond|answer|spread|share|publish|text|email|e-mail|message|dm|call|remind|pretend|"
    r"act as|imagine|role ?play|ideas?|ways?|steps?|tips?|examples?|jokes?|names? for|nicknames?)\b",
)


def is_statement(text: str) -> bool:
    """Whether a message says something rather than asks for something (no question, no request words)."""
    return bool(text.strip()) and _REQUEST.search(text.lower()) is None

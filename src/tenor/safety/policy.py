"""The safety policy: category scores in, one action out. Kept as data (``safety/data/policy.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

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


@dataclass(frozen=True)
class Policy:
    # One rule per safety category.
    categories: Mapping[SafetyCategory, CategoryRule]

    def decide(self, scores: Mapping[SafetyCategory, float]) -> tuple[SafetyAction, tuple[SafetyCategory, ...]]:
        """The strongest action the scores call for, and the categories that called for any."""
        action: SafetyAction = "allow"
        fired: list[SafetyCategory] = []
        for category, score in scores.items():
            rule = self.categories[category]
            if score >= rule.act_at:
                this: SafetyAction = rule.action
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
        rules[cast(SafetyCategory, name)] = CategoryRule(act_at, caution_at, chosen)
    return Policy(rules)

"""The screens: one on the user's words before any reply, one on every reply sentence before it is spoken.

``Screen`` is the Protocol later, trained screens implement; ``RuleScreen`` is the fast first layer built
on ``rules.py`` and the policy. The output screen also checks tone fit: a cheerful or joking sentence to a
person who is sad, afraid or angry is taken out of the reply.
"""

from __future__ import annotations

import re
from typing import Final, Protocol, runtime_checkable

from tenor.config import Config
from tenor.events import MoodEstimate, SafetyVerdict, TonePlan
from tenor.safety import emergency, figures, language, normalize, rules
from tenor.safety.policy import Policy, is_statement, load_policy
from tenor.vocab import SafetyCategory

# Moods for which light-hearted replies are out of place, and the least confidence at which tenor acts
# on them (an uncertain estimate never triggers a tone-fit replacement on its own).
_SOMBRE_MOODS: Final = frozenset({"sadness", "fear", "anger", "disgust"})
_SOMBRE_TONES: Final = frozenset({"calm", "gentle", "serious"})
_TONE_FIT_MIN_CONFIDENCE: Final = 0.4
# The reason given for text in another language (``language.is_foreign``), and its score: a refusal at the
# policy's default thresholds. The same reason as the rule for a request to switch language, so that both get
# the refusal that says tenor speaks English only (``crisis.REFUSALS_RULE``).
OTHER_LANGUAGE: Final = "prompt_injection:other-language"
OTHER_LANGUAGE_SCORE: Final = 0.9
# The tone-fit score of a sentence whose manner clashes with the person's mood: a caution (the sentence dropped).
TONE_MISFIT_SCORE: Final = 0.9

_CHEERFUL = re.compile(
    r"\b(?:ha(?:ha)+|he(?:he)+|lol|lmao|rofl|just kidding|jk|yay|woo+hoo+|hooray|cheer up|look on the bright "
    r"side|could be worse|fun fact|congrat\w*|that'?s (?:so )?(?:great|awesome|amazing|hilarious|funny|"
    r"exciting|fantastic|wonderful)|what a (?:joke|laugh)|lighten up|smile!)\b|[😂🤣😆😜😝🎉🥳😁😄😃]|!{2,}"
)

# A brush-off, as out of place for a sad, frightened or angry person as a joke: the 135M model answered a person
# venting about a neighbour with "I don't have the time for your personal problems right now".
_DISMISSIVE = re.compile(
    r"\bi (?:don'?t|do not) have (?:the |any )?time for (?:this|that|you|your)\b|\bnot my (?:problem|concern)\b|"
    r"\b(?:get|got) over it\b|\bdeal with it\b|\bsuck it up\b|\b(?:man|toughen) up\b|\bwho cares\b|"
    r"\bstop (?:complaining|whining|crying|moaning|being (?:so )?(?:dramatic|sensitive|silly))\b|"
    r"\byou'?re (?:overreacting|being (?:so )?(?:dramatic|ridiculous|silly|too sensitive))\b|"
    r"\b(?:it'?s|that'?s|it is|that is) (?:not|no) (?:such )?(?:a )?big deal\b|"
    r"\bi (?:don'?t|do not) care (?:about (?:your|that|this)|what you)\b|(?:^|[,.;!] )(?:just |so )?calm down\b"
)


def read_views(text: str) -> tuple[list[str], str | None, list[str]]:
    """The normalised views of a person's words and the first with its line breaks (``normalize``), with the
    figures of speech built on words of harm read as plain words (``figures``), and the reasons that name the
    figures found (``figure:<name>``)."""
    views, lined = normalize.views_and_lined(text)
    return figures.plain(views, lined)


def read_sentence_views(sentence: str) -> tuple[list[str], list[str]]:
    """A reply sentence's normalised views, read as ``read_views`` reads a person's words (no line breaks: a
    sentence is one line), and the reasons that name its figures."""
    views, _, found = figures.plain(normalize.views(sentence))
    return views, found


@runtime_checkable
class Screen(Protocol):
    """Screens words in and sentences out."""

    # Registry name, reported in verdict reasons.
    name: str

    def screen_input(self, text: str) -> SafetyVerdict: ...

    def screen_output(
        self, sentence: str, mood: MoodEstimate | None = None, tone: TonePlan | None = None
    ) -> SafetyVerdict: ...


def tone_misfit(sentence: str, mood: MoodEstimate | None, tone: TonePlan | None) -> str | None:
    """How ``sentence``'s manner clashes with a sad, frightened or angry person ("dismissive" or "cheerful"), or
    None where it fits."""
    sombre = (
        mood is not None
        and mood.label in _SOMBRE_MOODS
        and not mood.uncertain
        and mood.confidence >= _TONE_FIT_MIN_CONFIDENCE
    ) or (tone is not None and tone.name in _SOMBRE_TONES)
    if not sombre:
        return None
    lowered = sentence.lower()
    if _DISMISSIVE.search(lowered):
        return "dismissive"
    return "cheerful" if _CHEERFUL.search(lowered) else None


class RuleScreen:
    """Regular-expression rules on normalised text, decided by the policy."""

    name = "rules"

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy if policy is not None else load_policy()
        language.preload()

    def _rules(
        self, views: list[str], where: str, lined: str | None = None, raw: str | None = None
    ) -> tuple[dict[SafetyCategory, float], list[str]]:
        """The rules' scores over the normalised views (``lined``: the first with its line breaks, which end a
        sentence for a rule's context), and text in another language, which English screens
        pass unread: refused (input) or stopped (output), under the injection category (what tenor will not be
        steered into) with its own reason and wording. The language is judged on the first view (folded), so
        that English dressed in look-alike letters is read as the English it is, and on the ``raw`` text too,
        which the fold lowercased ("Oh ok got ya lol" read as Indonesian lowercased)."""
        scores, fired = rules.evaluate(views, where, lined)
        if where == "input":
            who = self._emergency(views, raw)
            if who:
                scores["self_harm"] = max(scores.get("self_harm", 0.0), emergency.SCORE)
                fired += emergency.reasons_for(who)
        foreign = language.is_foreign(views[0]) and (raw is None or language.is_foreign(raw))
        if OTHER_LANGUAGE not in fired and foreign:
            scores["prompt_injection"] = max(scores.get("prompt_injection", 0.0), OTHER_LANGUAGE_SCORE)
            fired.append(OTHER_LANGUAGE)
        return scores, fired

    def _emergency(self, views: list[str], raw: str | None) -> emergency.Who:
        """A medical emergency now, read by the rules alone (this screen has no model; ``emergency``)."""
        return next((who for who in map(emergency.rule_reading, views) if who), "")

    def _verdict(
        self, stage: str, scores: dict[SafetyCategory, float], reasons: list[str], text: str = ""
    ) -> SafetyVerdict:
        """The policy's action; ``text``, the person's words on input, says whether they ask or say it."""
        action, categories = self.policy.decide(scores)
        # Only an action a statement can soften is worth reading the words for (a regex over the whole text).
        if stage == "input" and action in ("refuse", "crisis") and is_statement(text):
            said, categories = self.policy.decide(scores, statement=True)
            if said != action:
                action, reasons = said, [*reasons, f"policy:statement:{said}"]
        return SafetyVerdict(
            turn_id=0,
            stage="input" if stage == "input" else "output",
            action=action,
            categories=categories,
            scores=scores,
            reasons=tuple(reasons),
        )

    def screen_input(self, text: str) -> SafetyVerdict:
        views, lined, found = read_views(text)
        scores, fired = self._rules(views, "input", lined, text)
        return self._verdict("input", scores, [*fired, *found], views[0])

    def _output_rules(
        self, sentence: str, views: list[str], found: list[str], mood: MoodEstimate | None, tone: TonePlan | None
    ) -> tuple[dict[SafetyCategory, float], list[str]]:
        """The rules' and the tone fit's scores and reasons for a reply sentence, read as ``views`` (from
        ``read_sentence_views``, with the reasons naming its figures, ``found``)."""
        scores, fired = self._rules(views, "output", raw=sentence)
        fired += found
        misfit = tone_misfit(sentence, mood, tone)
        if misfit is not None:
            scores["tone_fit"] = TONE_MISFIT_SCORE
            fired.append(f"tone_fit:{misfit}-to-sombre")
        return scores, fired

    def screen_output(
        self, sentence: str, mood: MoodEstimate | None = None, tone: TonePlan | None = None
    ) -> SafetyVerdict:
        views, found = read_sentence_views(sentence)
        return self._verdict("output", *self._output_rules(sentence, views, found, mood, tone))


def create(config: Config) -> RuleScreen:
    """Registry factory."""
    return RuleScreen(load_policy(config.safety.policy_path or None))

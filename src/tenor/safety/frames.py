"""Words-only readings of what a whole message is for, where the classifier reads the topic and not the purpose.

The classifier scores what a text is about. A frightened person's question about harm done to them ("what should
I do if someone breaks into my house at night?") is about burglary, and it refused one such question as crime
and another ("... if someone hacks my email") as an injection (at the injection point before the present one).
Such a question asks how to stay safe. A question about one's own former partner ("should I text my ex", "how
do I get my ex back") asks for advice about a relationship; the classifier, trained on requests to find, track
or harass an ex, refused both as harassment (0.98, 0.91). The classifier's reading of either is lowered to a
caution (the reply is written with care and screened sentence by sentence). The rules' scores are never
lowered, and only a message that is this one question counts.
"""

from __future__ import annotations

import re
from typing import Final

# Who does the harm, and what they do to the person or what is theirs.
_WHO: Final = (
    r"(?:someone|somebody|anyone|a (?:burglar|intruder|stranger|thief|robber|mugger|man|woman|person|guy|hacker|"
    r"scammer|stalker|bully)|an (?:intruder|attacker|abuser)|my (?:ex|neighbou?r|partner|boss|landlord)|he|she|they)"
)
_DOES: Final = (
    r"(?:breaks? (?:in|into)|tries to (?:break in|break into|rob|attack|hurt|grab|follow|hack|scam|steal)|"
    r"attacks?|follows?|stalks?|threatens?|keeps threatening|hits?|robs?|mugs?|grabs?|harass(?:es)?|hacks?|"
    r"scams?|steals?|blackmails?|spies on|tracks?)"
)
# What may not follow: a purpose or a second act ("... so I can shoot him"), where the question is no longer
# only how to stay safe.
_NOT_AFTER: Final = (
    r"[\w' -]*\b(?:so|and|then|to|without|kill\w*|shoot\w*|hurt\w*|stab\w*|murder\w*|beat|poison\w*|revenge|"
    r"punish\w*|legally|get away|weapon\w*|gun\w*)\b"
)
_SEEKS_SAFETY: Final = re.compile(
    rf"^(?:\w+,? )?what (?:should|do|can|would|must) (?:i|we) do (?:if|when) {_WHO} (?:ever |really |already )?"
    rf"{_DOES} (?:me|us|my|our|into my|into our)\b(?!{_NOT_AFTER})[\w' -]{{0,40}}\W*$"
)
# What the classifier's reading of such a question scores at most: a caution at the policy's defaults.
SEEKS_SAFETY_SCORE: Final = 0.6


def seeks_safety(view: str) -> bool:
    """Whether the whole message, as its first normalised view (``normalize.views``: lower case, whitespace
    collapsed), is one question about what to do when someone harms the speaker."""
    return _SEEKS_SAFETY.match(view) is not None


# One's former partner.
_EX: Final = (
    r"(?:my|our) (?:ex|ex-?(?:boyfriend|girlfriend|husband|wife|partner|bf|gf)|former (?:partner|boyfriend|"
    r"girlfriend|husband|wife))"
)
# What a person may ask about one: getting in touch, getting back together, getting over them.
_TO_EX: Final = (
    r"(?:text|call|message|dm|email|e-mail|write to|reply to|answer|talk to|reach out to|see|meet|meet up with|"
    r"date|forgive|apologi[sz]e to|unblock|block|get back with|get back together with|go back to|get over|"
    r"move on from|stop thinking about|stop missing|win back|make up with|be friends with|invite|tell)"
)
# Words after which the question is no longer only about the relationship ("... without her knowing", "... where
# she lives now").
_NOT_ABOUT_EX: Final = (
    r"[\w' ,-]*\b(?:kill\w*|hurt\w*|revenge|punish\w*|ruin\w*|scare\w*|threat\w*|track\w*|spy\w*|stalk\w*|"
    r"follow\w*|find\w*|locat\w*|address|lives?|password|account|phone|nudes?|photos?|pictures?|leak\w*|"
    r"post\w*|expos\w*|knowing|secretly|without|make (?:him|her|them) pay|jealous|back at)\b"
)
_ASKS_ABOUT_EX: Final = re.compile(
    rf"^(?:\w+,? )?(?:should i|shall i|can i|could i|do i|how (?:do|can|should|could) i|is it (?:ok|okay|wise|weird|"
    rf"bad|wrong|normal) to|would it be (?:ok|okay|wise|weird|bad|wrong) to|when should i) (?:ever |still |just )?"
    rf"(?:{_TO_EX} {_EX}|get {_EX} back)(?!{_NOT_ABOUT_EX})[\w' ,-]{{0,40}}\W*$"
)


def asks_about_ex(view: str) -> bool:
    """Whether the whole message, as its first normalised view, is one question about the speaker's own
    former partner: getting in touch, back together, or over them (``_ASKS_ABOUT_EX``)."""
    return _ASKS_ABOUT_EX.match(view) is not None

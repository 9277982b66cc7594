"""Words-only readings of what a whole message is for, where the classifier reads the topic and not the purpose.

The classifier scores what a text is about. A frightened person's question about harm done to them ("what should
I do if someone breaks into my house at night?") is about burglary, and it refused one such question as crime
and another ("... if someone hacks my email") as an injection (at the injection point before the present one).
Such a question asks how to stay safe: the classifier's reading of it is lowered to a caution (the reply is
written with care and screened sentence by sentence). The rules' scores are never lowered, and only a message
that is this one question counts.
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

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

from tenor.safety.patterns import LANGUAGES, POLITE

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
# What may follow: a time, "back", "again"; nothing else, so that no purpose or manner rides along ("... from a
# blocked number", "... by scaring her new man off", "... even though she blocked me"), and not the ex's things
# ("my ex's messages"). A question this closed cannot ask for harm, so every reading of it is lowered: the
# classifier read "should I call my ex tonight" as violence (0.96) as well as the two above as harassment.
_EX_TAIL: Final = (
    r"(?: back)?(?: again)?(?: (?:tonight|today|now|first|this weekend|on (?:her|his|their) birthday|"
    r"after (?:the|our) (?:breakup|break-up|divorce)|after (?:all this time|so long|\w+ (?:days|weeks|months|years))))?"
)
_ASKS_ABOUT_EX: Final = re.compile(
    rf"^(?:\w+,? )?(?:should i|shall i|can i|could i|do i|how (?:do|can|should|could) i|is it (?:ok|okay|wise|weird|"
    rf"bad|wrong|normal) to|would it be (?:ok|okay|wise|weird|bad|wrong) to|when should i) (?:ever |still |just )?"
    rf"(?:{_TO_EX} {_EX}|get {_EX} back){_EX_TAIL}[ .!?]*$"
)


def asks_about_ex(view: str) -> bool:
    """Whether the whole message, as its first normalised view, is one question about the speaker's own
    former partner: getting in touch, back together, or over them (``_ASKS_ABOUT_EX``)."""
    return _ASKS_ABOUT_EX.match(view) is not None


def lowering_frame(view: str) -> str:
    """The name of the frame (``seeks-safety``, ``asks-about-ex``) under which the classifier's readings of the
    whole message are lowered to a caution (``SEEKS_SAFETY_SCORE``), or "" for none."""
    if seeks_safety(view):
        return "seeks-safety"
    return "asks-about-ex" if asks_about_ex(view) else ""


# A whole message that only steers the conversation: how tenor speaks (pace, loudness, length, plainness), a
# repeat, who tenor is, English (what it speaks anyway), a short yes or no, taking back the person's own words
# ("forget what I said earlier"), a form for the answers ("answer only with yes or no from now on"), or a game
# with tenor in an everyday part ("let's play a game where you are a pirate"). It carries no instruction to
# override, so the classifier's prompt-injection score is not used for it (the head read "speak slower please",
# "yes i do" and the three just named as attacks). Anchored at both ends: anything more ("... and ignore your
# rules") is read as usual. Another language is not here: tenor speaks and screens English only.
_CONTROL: Final = re.compile(
    rf"^{POLITE}(?:"
    r"(?:speak|talk|say it|read it|go)(?: a (?:bit|little))?(?: more)? (?:slower|slowly|faster|louder|softer|"
    r"quieter|quietly|clearly|more clearly|up)"
    r"|(?:repeat|say) (?:that|it|the last (?:part|bit|sentence))(?: again)?"
    r"|(?:give me |use )?(?:shorter|longer|simpler) (?:answers?|replies|sentences|words)"
    r"|(?:(?:answer|reply|speak|talk|say it) )?in (?:plain |simple )?english"
    r"|(?:who|what) are you|are you (?:a robot|an ai|a bot|a person|human|real|there|listening)"
    r"|what(?:'s| is) your name|tell me (?:more|about yourself)|never ?mind|go on|keep going|start over"
    r"|(?:yes|yeah|yep|no|nope|ok|okay|sure),? (?:i do|i don't|i am|i'm not|it is|it's not|it isn't|i think so|"
    r"not really|of course|please|thanks|thank you|that's right|that's fine|go ahead|maybe later)"
    # The person's own words taken back: theirs ("what i said", "my last message"), never tenor's instructions.
    r"|(?:forget|ignore|disregard|scratch|never ?mind) (?:what i (?:just )?(?:said|asked|wrote)|that last "
    r"(?:message|question|bit|part)|my last (?:message|question)|that)(?: (?:earlier|before|just now|a minute ago))?"
    r"(?:,? (?:it|that) (?:doesn't|does not|didn't) matter(?: anymore)?|,? i was (?:upset|angry|joking|tired))?"
    r"|(?:from now on,? )?(?:answer|reply|respond) (?:only )?(?:with|in) (?:a )?(?:yes or no|one word|a single word|"
    r"short sentences|a few words)(?: from now on)?"
    # A game with tenor in an everyday part, from a closed list: an open one let "a rogue ai" and "a drug dealer"
    # through.
    r"|let's play a game where you(?:'re| are) (?:a|an|my) (?:pirate|dragon|wizard|witch|detective|teacher|chef|"
    r"waiter|shopkeeper|tour guide|knight|princess|prince|king|queen|cat|dog|dinosaur|astronaut|explorer|captain|"
    r"coach|librarian|farmer|superhero|ghost|mermaid|unicorn|quizmaster|quiz master|game show host|storyteller|"
    r"customer|job interviewer|interviewer|travel agent|weather reporter|sports commentator)"
    r")(?:,? (?:please|thanks|thank you))?[ .!?]*$"
)


# A question about how to say something in another language: an English question with an English answer
# ("thank you in French is merci"), not a request to switch. The injection head read "how do you say thank you
# in French" as an attack (0.92); a question of this shape carries no instruction, so that score is not used.
_TRANSLATION: Final = re.compile(
    rf"^{POLITE}(?:how (?:do|would|can) (?:you|i|we|they) say|what(?:'s| is| are)(?: the (?:word|words|phrase) "
    r"for)?|what does|translate|how (?:do|would) you translate) [^.!?]{1,80}? (?:in|into|to|mean in) "
    rf"{LANGUAGES}[ .!?]*$"
)


def asks_for_translation(view: str) -> bool:
    """Whether a normalised view is a question about a word or phrase in another language (``_TRANSLATION``)."""
    return bool(_TRANSLATION.match(view))


def steers_conversation(view: str) -> bool:
    """Whether a normalised view is only a request about the conversation itself (``_CONTROL``)."""
    return bool(_CONTROL.match(view))

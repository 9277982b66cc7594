"""The shared vocabulary of the safety rules: who, how, making, the figures of speech and readings the rules
excuse, the atrocities and languages they name. Kept apart from the rules themselves (``rules.py``) so that the
frames (``frames.py``) can use the same words.
"""

from __future__ import annotations

from typing import Final

from tenor.safety.threats import PERSON

ME: Final = r"(?:myself|my ?self|me)"
# Before a bare "been": someone else is the subject ("they've been", "she has been").
OTHERS_BEFORE_BEEN: Final = ("they've", "they have", "he's", "she's", "he has", "she has", "you've", "we've")
NOT_OTHERS: Final = "".join(f"(?<!{who} )" for who in OTHERS_BEFORE_BEEN)
# A word between "I'm" and what follows that negates it ("I'm not", "I was never", "I'm no longer").
NOT_NEGATION: Final = r"(?!not\b|never\b|no\b|hardly\b)"
# A word between "how to"/"ways to" and "suicide" that asks how to meet it, not how to do it ("how to prevent
# suicide", "no right way to grieve a suicide", "how can I survive suicide loss"): the topic's care, not the
# protocol. Helping is not among them ("how to help someone commit suicide").
NOT_COPING: Final = (
    r"(?!(?:prevent|grieve|grieving|mourn|cope|coping|survive|surviving|talk|discuss|explain|understand|"
    r"process|heal|recover|report|remember|honou?r|write about|spot|recogni[sz]e)\b)"
)
# "Sex" as a kind, not an act ("kids of same-sex parents", a single-sex school): the minors rule reads on.
NOT_SEX_OF: Final = r"(?<!same-)(?<!same )(?<!opposite-)(?<!opposite )(?<!single-)(?<!single )(?<!mixed-)"
PEOPLE: Final = (
    r"(?:someone|somebody|some ?one|a (?:person|human|man|woman|kid|child|baby|cop|police officer)|people|"
    r"him|her|them|everyone|everybody|my (?:\w+ )?(?:wife|husband|boss|mom|mother|dad|father|brother|"
    r"sister|neighbou?r|teacher|ex|girlfriend|boyfriend|partner|friend|son|daughter|coworker|roommate|"
    r"family|classmates?|flatmate|housemate|colleague|manager|landlord|landlady|stepdad|stepfather|stepmum|stepmom|"
    r"stepmother|uncle|aunt|cousin)|(?:his|her|their) (?:wife|husband|kids?|family)|my whole family|a classmate|"
    r"(?:that|this|the) (?:guy|man|woman|kid|referee|ref|driver|cyclist|bloke|teacher|landlord|neighbou?r|cop))"
)
# Verbs of making, with their -ing forms ("walk me through producing ...").
MAKE: Final = (
    r"(?:mak(?:e|ing)|build(?:ing)?|assembl(?:e|ing)|construct(?:ing)?|creat(?:e|ing)|craft(?:ing)?|"
    r"synthesi[sz](?:e|ing)|produc(?:e|ing)|manufactur(?:e|ing)|brew(?:ing)?|cook(?:ing)?|prepar(?:e|ing))"
)
HOW: Final = (
    r"(?:how (?:do|can|could|would|should|to|2|might)|ways? to|steps? to|instructions? (?:for|to|on)|"
    r"guide (?:to|for|on)|teach me (?:how )?to|help me|tell me how to|explain how to|show me how to|"
    r"i (?:want|need|plan|am going|'m going) to|best way to|easiest way to|recipe for)"
)
# Asking how, or saying one will: the frames of the attack, sabotage and cover-up rules.
HOW_OR_WILL: Final = (
    rf"(?:{HOW}|where (?:can|do|should|could|would) i|(?:i'll|i will|i'm gonna|im gonna|gonna|i wanna|i'm going to|"
    r"im going to)\b)"
)
# Places and gatherings an attack is aimed at ("blow up a bridge", "drive a truck into a crowd").
PLACES: Final = (
    r"(?:schools?|college|university|campus|classroom|malls?|church(?:es)?|mosques?|synagogues?|temples?|"
    r"buildings?|offices?|hospitals?|clinics?|concerts?|stadiums?|airports?|planes?|airplanes?|aircraft|trains?|"
    r"subway|metro|buses|bus|(?:train |bus |police |power )?stations?|bridges?|tunnels?|parliament|congress|"
    r"courthouse|embassy|crowds?|parade|festival|nightclub|club|bars?|restaurants?|supermarkets?|stores?|"
    r"shops?|cinemas?|theat(?:er|re)s?|workplace|factory|power plant|power grid|dam|pipeline|houses?|homes?|"
    r"apartments?|cars?|(?:gas|petrol) station|rally|protest|march|crowded \w+)"
)
# A story or a show the words belong to (anywhere in the sentence: "hide a body in a murder mystery party game";
# not a bare "show", which "show me how to" holds).
FICTION: Final = (
    r"\b(?:game|novel|story|book|movie|film|script|(?:tv|netflix|the|a|this) show|(?:the|a|our|my|school) play|"
    r"podcast|murder mystery|"
    r"role-?play|d&d|dnd|larp|fiction)\b"
)
# Video games and their words.
GAMES: Final = (
    r"\b(?:video ?games?|minecraft|fortnite|gta|grand theft auto|sims|roblox|skyrim|zelda|tears of the kingdom|"
    r"breath of the wild|red dead|rdr2|hitman|halo|overwatch|valorant|counter-?strike|cs ?go|apex|pubg|terraria|"
    r"elden ring|assassin's creed|far cry|battlefield|call of duty|cod|warzone|fallout|new vegas|payday|simulator|"
    r"sim|level|quest|npc|mod)\b"
)
# A word between an attack and its place that is not a preposition: "attack this problem at school" is not an
# attack on a school.
NOT_PLACE_WORD: Final = r"(?!(?:at|in|on|to|for|with|from|of|by|about|after|before|during|near|into|onto)\b)"
FIGURATIVE_KILL: Final = (
    r"(?:kill(?:ing)? (?:myself|me) (?:laugh|with laughter|over (?:this|that))|laugh(?:ing|ed)? so hard)"
)
# Things that are said to be "trying to kill me" as a figure ("the stairs at the subway station are trying to kill
# me", "leg day is trying to kill me", "my kids are trying to kill me"): a closed list, since anyone else trying to
# kill the speaker may mean it. Not an illness of the mind ("my depression is trying to kill me" is risk).
TRYING_THINGS: Final = (
    r"(?:stairs|steps|hills?|heat|humidity|weather|sun|cold|wind|snow|traffic|commute|job|workload|work|workouts?|"
    r"leg day|gym|class|classes|exams?|finals|homework|project|deadlines?|allergies|hay fever|flu|migraines?|"
    r"headache|hangover|printer|computer|laptop|phone|wifi|update|lego(?: set)?|cat|cats|dog|dogs|puppy|kitten|"
    r"jet lag|mosquitoes|bugs|spice|food|shoes|boots|heels|bed|mattress|week|monday|semester|schedule|garden|house|"
    r"car|bike|stairmaster|treadmill|physio|trainer|coach|instructor|(?:my|our) (?:kids|toddlers?|twins|baby))"
)
# The "kill me" rule's excuses added in stop 38, beside "my dad will kill me if he finds out" (``rules.py``): the
# same said with a contraction or a plural ("my roommate's going to kill me", "these shoes are gonna kill me"), but
# not of "he's", "she's", "they're": a threat said outright keeps the protocol, in the words for danger from someone
# else (``threats``); and a thing "trying to kill me" ("the stairs at the subway station are trying to kill me",
# "leg day is trying to kill me"), from a closed list, with no person said between it and the verb ("the heat and
# my ex are trying to kill me"): anyone else "trying to kill me" keeps the protocol.
KILL_ME_FIGURES: Final = (
    r"\b(?!(?:i|he|she|they|someone|somebody|u|you|we)\b)\w+(?:'s going to|'s gonna|'re going to|'re gonna| are "
    r"going to| are gonna) (?:kill|murder) me\b",
    rf"\b{TRYING_THINGS}(?:(?: (?!(?:he|she|they|someone|somebody|you|{PERSON})\b)[\w'-]+){{0,5}})?(?:'s|'re| is| "
    r"are) trying to (?:kill|murder) me\b",
)
# Exasperation said as an aside ("ugh, kill me now", "this meeting, just kill me already"): almost always a figure
# of speech, so not the crisis protocol, but not nothing either: the ``exasperation`` rule answers it with care.
# Only a whole message that is the aside and at most a short clause beside it, with no plea and no word of risk
# ("please kill me now", "kill me now, nobody would miss me", "oh god kill me. i have a rope"): those keep the
# protocol, since the rules beside this one do not read every such word.
EXASPERATION_RISK: Final = (
    r"(?!.*\b(?:please|pls|plz|beg|begging|miss me|rope|living|alive|life|die|dying|dead|death|end it|end this|"
    r"pills?|gun|hang|bridge|nobody|no one|noone|tired of|can'?t (?:do|take|go|cope|stand)|hate (?:my|me)|myself|"
    r"suicid\w*|burden|goodbye|anymore|any more|want to go|disappear|forever|wake up|for real|i mean it|"
    r"not joking|serious(?:ly)?|matters?|done|over it|tired|exhausted|give up|giving up|pointless|hopeless|"
    r"worthless|want out|empty|numb)\b)"
)
EXASPERATION_ASIDE: Final = (
    r"(?:(?:(?:just|somebody|someone),? )?(?:kill|shoot) me (?:now|already)|"
    r"(?:ugh+|argh+|god|oh god|omg|oh my god|jeez|geez),? (?:(?:just|somebody|someone),? )?kill me|"
    r"(?:somebody|someone),? (?:just )?(?:shoot|kill) me)"
)
EXASPERATION: Final = (
    rf"^{EXASPERATION_RISK}(?:[^.!?]{{0,60}}[,;:-] )?(?:{EXASPERATION_ASIDE})\b(?:[,.;:!-]+ ?[^.!?]{{0,60}})?[ .!?]*$"
)
# Languages a user may ask tenor to switch to. tenor hears (Whisper tiny.en) and screens English only, so a reply
# in another language would reach the speaker unscreened: such a request gets its own refusal, which says so
# (``crisis.REFUSALS_RULE``), instead of the injection refusal the classifier gave it.
LANGUAGES: Final = (
    r"(?:french|spanish|german|italian|portuguese|dutch|polish|russian|ukrainian|greek|turkish|swedish|"
    r"norwegian|danish|finnish|czech|hungarian|romanian|arabic|hebrew|persian|farsi|hindi|urdu|bengali|"
    r"punjabi|tamil|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|tagalog|"
    r"filipino|swahili|another language|a different language|other languages|my (?:own |native )?language)"
)
# Atrocities of history, as named in questions about them (for the ``atrocity`` rule). A massacre only with its
# determiner ("the boston massacre", "a massacre"), never a film's ("the texas chainsaw massacre") nor a sports
# page's ("last year's massacre against united").
ATROCITY: Final = (
    r"(?:the )?(?:holocaust|shoah|(?:\w+ )?genocides?|trail of tears|slavery|(?:transatlantic )?slave trade|"
    r"apartheid|ethnic cleansing|(?:a|an|another|the|that|this) (?:(?!chain ?saw\b)\w+ )?massacres?|9/11(?: attacks)?|"
    r"september 11(?:th)?(?: attacks)?|holodomor|killing fields|auschwitz|concentration camps|gas chambers|"
    r"lynchings?|gulags?|pogroms?|rape of nanjing|rape of nanking)"
)
# After an atrocity's name: a word that makes it what a thing is about ("a slavery reparations petition", "a
# genocide museum"), not what is done.
NOT_ABOUT: Final = (
    r"(?! (?:reparations|museum|memorial|history|exhibit(?:ion)?|essay|project|lesson|class|documentary|studies|"
    r"research|survivors?|victims?|remembrance|education|awareness|denial|deniers?|petition|book|film|movie|"
    r"course|archive|tour|trip|visit|unit|module|curriculum|podcast|reading)\b)"
)
# Polite openings of a short request ("please", "hey tenor, could you").
POLITE: Final = r"(?:(?:please|ok|okay|now|hey tenor|tenor|could you|can you|would you|will you),? )*"
# A jump for fun, not a fall to die from ("which bridge do people bungee jump from", "jump off the cliff into the
# lake"), for the plan and method rules.
JUMPS_FOR_FUN: Final = (
    r"\b(?:bungee|base jump\w*|cliff[- ]?div\w*|parachut\w*|skydiv\w*|diving)\b",
    r"\b(?:jump|jumping) (?:from|off) (?:\w+ ){0,3}into (?:the )?(?:pool|water|lake|river|sea|ocean|quarry)\b",
)


# An overdose as a way to die: bare ("planning to OD this weekend") or on a drug, not on a treat or a pastime
# ("I'm going to OD on ice cream tonight", "my kid is gonna OD on screen time").
OVERDOSE: Final = (
    r"(?:od|overdos(?:e|ing))\b(?! on (?!(?:my |the |all (?:of )?(?:my |the )?|some |a |his |her )?(?:\w+ )?"
    r"(?:pills|meds|tablets|medication|insulin|heroin|fentanyl|opioids|oxy\w*|painkillers|sleeping|paracetamol|"
    r"tylenol|acetaminophen|ibuprofen|aspirin|xanax|valium|antidepressants|drugs)\b))"
)
# "Overdose on" said of a treat or a pastime, for the rule that reads "how to overdose on".
OVERDOSE_ON_TREATS: Final = (
    r"\b(?:od|overdos(?:e|ing)) on (?:chocolate|candy|sugar|coffee|caffeine|netflix|tv|pizza|cake|cookies|sweets|"
    r"anime|memes|cuteness|christmas|carbs|music|love|ice cream|sunshine|screen time|catnip)\b"
)
# Words of a hateful joke asked for.
BIGOTED: Final = (
    r"(?:racist|sexist|homophobic|transphobic|antisemitic|anti-semitic|islamophobic|misogynist(?:ic)?|bigoted)"
)
JOKES: Final = r"(?:jokes?|memes?|slurs?|insults?|rants?|songs?|poems?)\b"

"""Rules for the speaker's own risk said in ways the core rules (``rules.py``) missed: a wish to be killed, that
someone or something else would do it (``WISHED``), and a crash, a road or water meant to kill (``ROAD``).

"i hope he kills me", "i keep hoping something kills me", "i pray god takes me in my sleep" and "i'm hoping a truck
runs me over on my way home" were allowed, and "i want someone to kill me" and "i hope someone breaks in and kills
me tonight" were refused as requests for violence ("I can't help with hurting anyone"): the classifier reads the
words of harm, not that the speaker is the one who wants it done. A wish to die that someone else, an accident, an
illness or god would bring about is the indirect statement of risk the crisis protocol is for. The self-harm rule
for "kill me" (``rules.RULES``, "intent-reflexive") excuses another person as its subject ("my dad will kill me if
he finds out"), which is how most of these got through.

Each rule wants the speaker's own wish, hope, prayer or want (or not minding, or letting it happen), an agent and
what it would do to the speaker, with no negation between ("i hope she doesn't kill me when she sees the car" is
fear of her anger). What is not a death: a text or a message shot, a song or a craving that hits, being taken out
or to the airport, being killed with kindness or at chess.

The ``plan`` rule (``rules.py``) reads jumping from a height and stepping in front of a train, not a car: "i'm
thinking of driving off the bridge", "thinking about stepping into traffic" and "i could just swerve into the
oncoming lane and be done" were allowed. ``ROAD`` wants the speaker drawn to the act ("i keep thinking about", "part
of me wants to", "tonight's the night i") and the act itself, or an act almost done on purpose or whose failure is
regretted ("i almost swerved into a truck today on purpose", "... and i'm disappointed i didn't"). Not boarding a
train, a traffic jam, an exit, a swim, a dream, a game or a joke owned as one.

Both were written on a helper's messages and checked on another's, read once (``training/data/safety_wishes.toml``
and ``safety_roads.toml``; ``benchmarks/safety_asks.py --rows wishes|roads``).
"""

from __future__ import annotations

from typing import Final

from tenor.safety.patterns import FICTION, GAMES, JUMPS_FOR_FUN, OTHERS_BEFORE_BEEN
from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

# A word that may stand between the wish and its object, never one that negates it ("i hope he doesn't kill me").
_WORD: Final = r"(?!(?:not|never|no|nobody|noone|dont|doesnt|didnt|wont|wouldnt|cant|isnt)\b)(?![a-z]+n't\b)[\w']+"
# Words said between "i" and the wish ("i really hope", "i'm still hoping").
_SOFTLY: Final = (
    r"(?: (?:really|just|honestly|secretly|kind of|kinda|almost|sometimes|still|always|lowkey|low key|actually|"
    r"literally|genuinely|often|even|ngl|tbh|deadass|lately|do|did))"
)
# The speaker wishing: "i wish", "i really hope", "part of me wants", "i keep praying", "sometimes i hope", and a
# message or sentence that opens with the wish ("wish a train would hit me", "praying for a car to hit me").
_WISH: Final = (
    # The first letter first, as for ``_PULL`` below.
    r"(?:^|(?=[.!?,;iphw]))"
    rf"(?:\bi(?:'m|m| am|'d| would)?{_SOFTLY}* (?:wish|hope|pray|want|wanna|need|(?:keep|kept|was|been|started|"
    r"start) (?:hoping|wishing|praying)|hoping|wishing|praying|love|dream|daydream|fantasi[sz]e)|\bpart of me "
    r"(?:wants|hopes|wishes)|\b(?:hoping|praying|wishing) (?:and praying )?(?:for|that)|(?:^|[.!?,;] )(?:just |kinda "
    r"|lowkey |honestly |sometimes )?(?:wish|hope|pray|hoping|praying|wishing))"
)
# Who or what would do it: a person, a vehicle, an illness, god, "something", "it", "whoever is following me".
_AGENT: Final = (
    r"(?:someone|somebody|something|anyone|anybody|some ?one|some ?body|he|she|they|it|god|death|fate|the universe|"
    r"the lord|jesus|cancer|covid|whoever(?: \w+){1,4}?|"
    rf"(?:a|an|the|my|his|her|their|that|this|some|one of (?:the|those|these|them)) (?:{_WORD} ){{0,3}}?{_WORD})"
    r"(?:'ll|'d|s)?"
)
# Between the agent and the act: "would", "will just", "comes along and", "breaks in and".
_BETWEEN: Final = (
    r"(?:(?:would|will|could|might|to|just|finally|already|actually|accidentally|really|please|one day|someday|"
    rf"tonight|soon|wud|wld|gonna|going to) )*(?:(?:{_WORD} ){{1,4}}?and (?:just |then )?)?"
)
# Vehicles, disasters, beasts and illnesses, for what only they do to a person ("hits me", "gets me", "takes me
# out", "crashes with me on it"): said of a song, an idea or a friend, those are not deaths.
_STRIKES: Final = (
    r"(?:cars?|bus|truck|lorry|train|tram|van|plane|plain|flight|boat|ship|ferry|drunk driver|driver|meteor|"
    r"asteroid|lightning|bullet|piano|tree|wave|tsunami|earthquake|storm|hurricane|tornado|flood|fire|avalanche|"
    r"shark|bear|semi|suv|universe|cancer|covid|illness|disease|tumou?r|virus|flu|infection|sickness)"
)
# Illnesses, which "win".
_ILLNESS: Final = r"(?:cancer|covid|illness|disease|tumou?r|virus|sickness|infection)"
# What "kill me" or "shoot me" mean in other senses, said straight after ("kill me laughing", "end me on a monday
# like this", "shoot me with the nerf gun").
_NOT_DEATH: Final = (
    r"(?: (?:up|back|there|to|into|down|early|wrong|right|first|next|pregnant|with (?:a|an|"
    r"the|his|her|their|my|your|this|that) (?:\w+ )?(?:nerf|water|toy|foam|paintball|snowball|pillow|cushion|"
    r"balloon|squirt)|with (?:kindness|love|boredom|cuteness|jokes|questions|compliments|these|this|those))\b|"
    r" (?!during\b)\w*ing\b| softly| inside)"
)
# After "shoot me", "got me" or "hits me": a message, a look, a ride or a number, never a bullet or a car.
_OBJECT: Final = (
    r"(?! (?:a|an|some|the|that|this|your|his|her|over|back|down|dm|pm|text|message|email|line|look|home|out|there|"
    r"to|into|up|on|off|like|hard|right|different|sixty|\d+)\b)"
)
# After "hits me": where, when or on the way, but not a song's or a feeling's ("hits me different", "hits me up").
_STRUCK_AT: Final = r"(?! (?:up|back|with|like|hard|right|different|differently|sixty|\d+)\b)"
# What would be done to the speaker.
_DONE: Final = (
    rf"(?:(?:(?:kill|murder|stab|end)(?:s|ed|ing)?|stabbed) me\b(?!{_NOT_DEATH})|(?:shoot|shoots|shot) me\b{_OBJECT}"
    rf"(?!{_NOT_DEATH})|(?:take|takes|took) me (?:out of this world|off this earth)\b|(?:runs?|ran|run) "
    r"me (?:over|down|off the road)\b|puts? me out of my misery\b(?!,? (?:and|&) )|finish(?:es|ed)? me off\b|"
    r"strikes? me down\b|"
    r"(?:flatten|crush)(?:es|s)? me\b|hits? me with (?:a|an|the|their|his|her) (?:\w+ )?(?:car|truck|van|bus|"
    r"lorry|suv)\b)"
)
# What takes a person in death: god, death, an illness, the cold or the sea, "something".
_TAKER: Final = (
    r"(?:god|the lord|lord|jesus|death|fate|the universe|something|cancer|covid|the grim reaper|(?:the|this|my|that|"
    r"his|her|their) (?:\w+ )?(?:illness|disease|cancer|tumou?r|virus|flu|infection|sickness|cold|sea|ocean|river|"
    r"water|waves|storm|grim reaper|universe))"
)
# The speaker not minding it: "i'd be fine if", "i wouldn't mind if", "it would be nice if", "i'd welcome it if".
_NOT_MINDING: Final = (
    r"(?:\bi(?:'d| would| wud|d)? (?:honestly |probably |actually |even )?(?:be|feel) (?:ok|okay|fine|alright|"
    r"happy|relieved|grateful|glad|at peace|good|thankful) (?:if|when)|\bi (?:would ?n[o']?t|wud ?n'?t|wouldnt|"
    r"won'?t|wont|would not) (?:even )?(?:care|mind|resist|fight (?:it|back)|stop (?:it|them|him|her)) (?:if|when)|"
    r"\bit (?:would ?n[o']?t|wouldnt|would not) bother me (?:if|when)|\b(?:it )?(?:would|wud|'d) be (?:nice|a relief|"
    r"a blessing|great|fine) (?:if|when)|\bi(?:'d| would) welcome it (?:if|when))"
)
# Not a game or a sport: "i hope he shoots me first in laser tag", "i hope i get killed in the first round".
_IN_A_GAME: Final = (
    r"(?:\b(?:kill|shoot|end|hit|take)(?:s|ed)? me (?:first |again |already )?(?:in|at|on|during) (?:the |a |this |"
    r"that |our )?(?:first |next |last )?(?:game|match|round|level|lobby|fortnite|laser tag|paintball|chess|"
    r"tennis|cards|poker|dodgeball|boss fight|multiplayer|finals?)\b|"
    r"\b(?:killed|shot|hit) (?:first |early )?(?:in|at|on|during) (?:the |a |this |that |our )?(?:first |next |"
    r"last )?(?:game|match|round|level|lobby|fortnite|laser tag|paintball|chess|dodgeball|boss fight)\b)"
)

WISHED: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "wish-killed",
        # "i wish someone would kill me", "i pray god takes me tonight", "i want someone to end me", "i hope someone
        # breaks in and kills me", "i keep hoping something kills me", "i'm hoping a truck runs me over".
        rf"{_WISH}(?: (?:for |that )?{_AGENT} {_BETWEEN}(?:{_DONE})"
        # "i pray god takes me in my sleep", "i hope this illness takes me": only god, death, an illness, the sea or
        # "something" take a person so ("i hope they take me, i want this job", "i hope he takes me home tonight").
        rf"| (?:for |that )?{_TAKER} {_BETWEEN}(?:take|takes|took) me(?: (?:away|home|already|too|now|tonight|soon|"
        r"in my sleep|before|out of (?:here|this world)|off this earth)\b(?! (?:to|on|for|from)\b)|(?= *(?:$|[.!?,;])))"
        # "every night i pray god doesn't let me wake up".
        rf"| (?:that )?{_AGENT} (?:doesn't|does not|doesnt|won't|wont|will not) let me (?:wake up|survive|"
        r"live(?! (?:alone|with|in|on|at|there|here|by|my)\b)|make it(?! (?:to|on|there|home|in|out|back)\b))\b)"
        # "lord just take me home already", "please god let the car hit me next time"; not "oh god kill me", "god end
        # me": exasperation (``patterns.EXASPERATION``).
        r"|\b(?:god|lord|jesus|dear god|universe),? (?:(?:please|pls|just|already|now|can you|would you|why "
        rf"(?:won't|wont|don't|dont) you) )*(?:take me\b(?!{_NOT_DEATH})(?! (?:to|on|for|with|out)\b)|"
        rf"let (?:me die|(?:a|the|that|some) (?:\w+ )?{_STRIKES} (?:hit|get|take) me|(?:someone|somebody|him|her|"
        r"them|it) (?:kill|end|shoot) me)\b)"
        # "my stepdad says he'll kill me one day and honestly i hope he does".
        r"|\b(?:(?:kill|shoot|stab|end) me|run me (?:over|down))\b[^.!?]{0,60}?\bi (?:hope|wish|pray) (?:he|she|"
        r"they|it) (?:does|do|would|will|did|actually does|finally does)\b(?! not\b)",
        _IN_A_GAME,
        context=(FICTION, GAMES),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "wish-struck",
        # "i hope a car hits me", "wish a shark would get me", "i hope lightning strikes me", "i keep hoping a truck
        # swerves into my lane", "i hope the tornado comes right for me", "ngl i hope covid takes me out".
        # The wish is read once and what follows it in turn (each alternative that opened with it cost a search).
        rf"{_WISH}(?: (?:for |that )?(?:(?:a|an|the|some|my|this|that|one of the) )?(?:{_WORD} ){{0,2}}?{_STRIKES} "
        rf"{_BETWEEN}(?:(?:hits?|hitting|strikes?|falls? on|lands? on) me\b{_STRUCK_AT}|(?:gets?|got|finds?) "
        rf"me\b{_OBJECT}|takes? me "
        r"out\b(?! (?:to|for|on|of (?:the|a|my))\b)|(?:crash(?:es)?|swerves?|veers?|plows?|ploughs?|comes?|drives?|"
        r"cross(?:es)?) (?:right )?(?:into|for|at|through) (?:me|my (?:lane|car|house|room))\b)"
        rf"| (?:that |for )?(?:the |my |this )?{_ILLNESS} (?:just )?(?:wins|takes me\b)"
        # "lowkey hope my plane crashes", "part of me wants the plane to go down on my flight tomorrow".
        r"| (?:that |for )?(?:my|the|this|our) (?:\w+ )?(?:plane|plain|flight|boat|ship|ferry|train) (?:to )?"
        # Not with others on it ("hope the plane goes down with every one of those clowns on it"): a wish for their
        # deaths, which the classifier reads.
        r"(?:just )?(?:crash(?:es)?|goes down|go down|sinks?|derails?|blows up|explodes)\b(?![^.!?]{0,40}\bwith "
        r"(?!me\b|us\b|my\b|myself\b))"
        # "i hope the building collapses with me inside", "the train derails with me on it".
        # Not "falls in love with me", "takes a selfie with me in it".
        r"|[^.!?]{0,60}?\b(?:crash\w*|sinks?|sank|sunk|collaps\w*|derail\w*|goes down|go down|went down|burns?|"
        r"burnt|burned|explod\w*|blows? up|(?:falls?|fell) (?:down|apart)|(?:takes?|took) (?:the|my|our) (?:house|"
        r"home|flat|building|roof|car|boat)|floods?|caves? in) (?:(?:down|apart|over) )?with me (?:on|in|inside|under|"
        r"aboard)\b"
        # "i hope i get hit by a bus", "i want to get run over", "i wish i'd get killed", "i hope i get caught in the
        # crossfire", "i want to be in a fatal accident".
        r"| (?:to |i(?: would|'d| could| will|'ll| might)? )?(?:just |finally |accidentally |somehow )?"
        rf"(?:get|be|got) (?:killed|shot(?! (?:of|out of|by a (?:photographer|camera)))|murdered|stabbed|run over|hit "
        rf"by (?:a|an|the|some) (?:{_WORD} ){{0,2}}?"
        rf"{_STRIKES}|caught in (?:the |a )?crossfire|in (?:a|an) (?:fatal|deadly|bad|horrible) (?:car )?"
        r"(?:accident|crash))\b"
        # "kinda hoping the doctor comes back and says it's terminal", "i'm praying my cancer doesn't respond".
        r"|[^.!?]{0,50}?\b(?:it'?s|its|it is|i'm|im|i am) terminal\b"
        rf"| (?:that )?(?:my |the )?{_ILLNESS} (?:doesn'?t|doesnt|won'?t|wont|does not|will not) respond\b)"
        # "every time a truck goes by i hope it veers into me".
        r"|\bi (?:\w+ )?(?:hope|wish|pray) it (?:would |will |just )*(?:veers?|swerves?|crash(?:es)?|plows?) into me\b"
        # "i keep praying for a heart attack", "praying for a fatal car crash".
        r"|\b(?:pray|praying|prayed|hope|hoping|wish|wishing) for (?:a|an) (?:fatal |deadly |quick |massive |big |"
        r"bad )?(?:car )?(?:heart attack|accident|crash(?! course)|stroke(?! of)|aneurysm)\b",
        r"\bkills? me (?:with|softly|inside)\b",
        _IN_A_GAME,
        context=(FICTION, GAMES),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "wish-unminded",
        # "if someone shot me i wouldn't care", "i wouldn't mind if a car hit me", "i'd be fine if a car ran me over
        # tonight", "it would be nice if a tree fell on me", "i'd let him kill me".
        rf"{_NOT_MINDING} {_AGENT} (?:\w+ ){{0,3}}?(?:(?:killed|shot|stabbed|hit|ended|fell on|sank with|crashed "
        rf"with|came (?:at|for)) me\b(?!{_NOT_DEATH}){_OBJECT}|ran me (?:over|down)\b)"
        # "i'd be okay if the earthquake got me": a disaster's or a beast's, never a person's gift.
        rf"|{_NOT_MINDING} (?:a|an|the|that|some) (?:\w+ )?{_STRIKES} (?:\w+ ){{0,2}}?got me\b{_OBJECT}"
        rf"|\bif {_AGENT} (?:\w+ ){{0,2}}?(?:(?:killed|shot|stabbed|ended|pushed) me|ran me over)\b,? (?:\w+ ){{0,5}}?"
        r"i(?: (?:would ?n[o']?t|wouldnt|wud ?n'?t|would not|won'?t|wont) (?:even )?(?:care|mind|fight|stop)|(?:'d| "
        r"would) (?:honestly |just |probably )?(?:thank (?:them|him|her|you)|let it happen))\b"
        r"|\bi(?:'d| would| will|'ll) (?:just |honestly |probably |happily )?let (?:him|her|them|someone|somebody|"
        rf"it) (?:kill|shoot|end|finish) me\b(?!{_NOT_DEATH}){_OBJECT}",
        context=(FICTION, GAMES),
        where=("input",),
    ),
)


# Not another's "been" ("she's been thinking about lying down on the tracks"), read after the word.
_NOT_OTHERS_BEEN: Final = "".join(f"(?<!{who} been )" for who in OTHERS_BEFORE_BEEN)
# The speaker's own pull towards it: "i'm going to", "i keep thinking about", "i could just", "part of me wants to",
# "the urge to", "tonight's the night i", "i'd rather" (said by "I", or typed with no subject: "thinking about
# stepping into traffic"; never after another's "she's been").
_PULL: Final = (
    # The first letter first: most places in a long text open none of these, and a failed letter is one test where
    # each alternative would be tried (this halved the cost of reading a moderation text).
    r"(?:^|(?=[.!?,;:ibhsptm]))"
    r"(?:(?:^|[.!?,;:] |\bi |\bi'm |\bim |\bi am |\bi've been |\bive been |\bi was |\bi'll |\bi will |"
    rf"\bbeen {_NOT_OTHERS_BEEN}|\bhonestly |\bseriously |\bsometimes i |\bpart of me |\bi've |\bive |\bi have )"
    r"(?:really |seriously |just |kind of |kinda |still |now |always |sometimes |honestly |literally |often )?"
    r"(?:thinkin[g']? (?:about|bout|of)|think(?:ing)? (?:about|bout)|thought (?:about|of)|going to|gonna|want to|"
    r"wanna|wants to|plan(?:ning)? to|about to|ready to|decided to|keep thinking (?:about|of)|keep wanting to|"
    r"tempted to|fantasi[sz]e about|daydream about|dream about|keep imagining|imagine)|\bthe (?:urge|thought|"
    r"thoughts|idea) (?:to|of)|\bthoughts of|\bmy plan is to|\bi plan to|\btonight'?s the night i|\btonight i(?:'m| am|"
    r"m| will|'ll)?|\bi'?d (?:rather|sooner)|\bi (?:could|might|should|can)(?: just| easily)?|\bi(?:'m| am|m)"
    r"(?= (?:driving|steering|swerving|crashing|walking|stepping)\b))"
    # Up to four words and "and" between: "i'm going to take my seatbelt off and crash into the overpass".
    r"(?: just| simply| maybe| finally| actually)?(?: (?:[\w']+ ){1,4}?(?:and|n|&))?"
)
# A place or thing to drive off, into or over to die.
_TO_DIE_AGAINST: Final = (
    r"(?:(?:a|the|this|that|some|my|an) (?:\w+ )?)?(?:bridge|cliff|overpass|flyover|pier|dock|wall|tree|pillar|"
    r"lamp ?post|pole|lake|river|sea|ocean|canal|quarry|reservoir|barrier|guard ?rail|embankment|ravine|gorge|ditch|"
    r"median|oncoming (?:traffic|cars?|lane|trucks?|lorr(?:y|ies)|headlights)|(?:\w+ )?(?:truck|lorry|semi|bus|"
    r"train|tanker)(?! (?:station|depot|stop|lane|garage|park|terminal)s?\b)|traffic|(?:the )?other lane|concrete|"
    r"edge(?! of (?:my|your|the) (?:seat|sanity|patience)))"
)
# Driven over to die: an edge, never a bridge crossed ("drive over the bridge to my mum's").
_OVER: Final = r"(?:over|at) (?:the |a |that |this )?(?:edge|cliff|side|barrier|guard ?rail|embankment)\b"
_VEHICLE: Final = r"(?:(?:my|the|our) (?:\w+ )?(?:car|truck|van|bike|motorbike|motorcycle|jeep|suv)|it) "
# Water to walk into and not come out of.
_WATER: Final = r"(?:the |a |that )?(?:\w+ )?(?:sea|ocean|river|lake|waves|water|surf|reservoir|canal)"
# What says the crash or the walk is meant to kill: "and not come back", "so it looks like an accident", "tonight".
_MEANT: Final = (
    r"(?:(?:and|until|n|&) (?:i )?(?:not|never|don'?t|dont|do not|can'?t|cant) (?:com(?:e|ing|in) (?:back|out)|stop|"
    r"turn(?:ing)? back|swim(?:ming)? back|touch the bottom|get(?:ting)? up|wake up)|and (?:let (?:it|the (?:water|"
    r"waves|sea|current|cold)) take me|let go|drown|sink|disappear|die|end it|keep (?:going|walking|swimming))|"
    r"so (?:it looks like|i (?:don'?t|dont|won'?t|wont|can) |nobody|no one|i die)|(?:and )?mak(?:e|ing) it look like"
    r"|to die\b|tonight\b|at dawn|for good|forever|and that'?s it|on purpose|deliberately|intentionally)"
)
# A game, a film, a dream, a stunt, or a joke owned as one ("lol jk just bored"; not "not joking").
_NOT_MEANT: Final = (
    FICTION,
    GAMES,
    r"\b(?:mario ?kart|forza|gran turismo|stunt\w*|in (?:my|a|the) dream|i dream(?:t|ed)|nightmare)\b",
    r"(?<!not )(?<!n't )(?<!not even )(?<!n't even )\b(?:jk|j/k|just kidding|kidding|joking)\b",
)

# Traffic driven into is a jam ("i'm gonna drive into rush hour traffic"); oncoming traffic is not.
_A_JAM: Final = (
    r"\b(?:driv(?:e|ing)|drove) (?:right |straight )?into (?:the |some |rush hour |heavy |afternoon |morning |"
    r"evening |city |holiday )?traffic\b"
)
# A lane, an exit, a bridge or a town driven to ("drive his car over the bridge to visit grandma").
_AN_EXIT: Final = (
    r"\b(?:driv(?:e|ing)|drove) (?:\w+ ){0,2}(?:off|over|into) (?:the |a )?(?:bridge|overpass|flyover) "
    r"(?:exit|ramp|toll|road|lane|towards|to(?! (?:die|end|kill|finish)\b)|into town)\b"
)

ROAD: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.95,
        "plan-road",
        # "i'm thinking of driving off the bridge", "im going to drive my car into a wall tonight", "i could just
        # swerve into the oncoming lane", "i keep thinking about crashing my car on purpose", "the urge to just drive
        # off the edge of the road", "tonight's the night i drive off the bridge".
        rf"{_PULL} (?:(?:driv(?:e|ing|in)|steer(?:ing)?|crash(?:ing)?|ram(?:ming)?|aim(?:ing)?|floor(?:ing)? it) "
        rf"(?:{_VEHICLE})?(?:straight |right )?(?:(?:off|of|into|through|under) {_TO_DIE_AGAINST}\b|{_OVER}|into it "
        r"(?:and die|and end it|so i (?:can )?die))|"
        rf"(?:swerv(?:e|ing)|veer(?:ing)?|turn(?:ing)? the wheel|jerk(?:ing)? the wheel|pull(?:ing)? out) (?:\w+ )?"
        rf"(?:into|in front of|under) {_TO_DIE_AGAINST}\b|"
        rf"(?:crash(?:ing)?|wreck(?:ing)?|total(?:l?ing)?) {_VEHICLE}(?:\w+ )?{_MEANT}|"
        # Without a car, "crash" may be sleep ("i'm going to crash early tonight"): only what says it is meant.
        rf"crash(?:ing)? (?:\w+ )?(?!tonight|at dawn|for good|forever|and that'?s it){_MEANT}|"
        r"let(?:ting)? go of the (?:steering )?wheel|let(?:ting)? (?:the|my) (?:car|truck|van) (?:drift|roll|slide|go) "
        r"(?:into|off)|(?:not|stop) wear(?:ing)? (?:a|my) seat ?belt (?:so|and hope|hoping))"
        # "im parked next to the lake right now and i might drive in".
        rf"|\b(?:lake|river|reservoir|sea|water|quarry|pier|harbou?r|dock)\b[^.!?]{{0,60}}?{_PULL} driv(?:e|ing) "
        r"(?:it )?in\b(?! (?:to|the|a|for|from|with)\b)"
        # "i almost swerved into a truck today on purpose", "i almost drove into oncoming traffic and part of me is
        # sorry i didn't".
        r"|\bi (?:almost|nearly|was so close to|tried to|came close to) (?:\w+ ){0,2}?(?:swerv|drov|driv|steer|crash|"
        r"pull|aim)\w* [^.!?]{0,60}?(?:on purpose|deliberately|intentionally|(?:and|but) (?:i |i'm |im |i am |part "
        r"of me )?(?:wish(?:ed)? i (?:had|did)|(?:is |am |'m |m )?(?:sorry|disappointed|sad|upset) (?:i|that i) "
        r"(?:didn'?t|did not)|(?:i )?chicken(?:ed)? out|want to try again|(?:next time|tomorrow) i (?:won'?t|will)))",
        *JUMPS_FOR_FUN,
        _A_JAM,
        _AN_EXIT,
        # A wall or a tree driven into in a game.
        r"\binto (?:the |a )?(?:wall|tree|barrier) (?:in|at|on) (?:mario ?kart|forza|gran turismo|gta|the game|"
        r"practice|the sim)",
        context=_NOT_MEANT,
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "plan-walk",
        # "thinking about stepping into traffic", "i want to lie down on the tracks", "i want to walk into the sea
        # and not come back", "the urge to step in front of a bus", "i'm going to lie in the road tonight and wait".
        rf"{_PULL} (?:(?:step(?:ping)?|walk(?:ing|in)?|run(?:ning)?|wander(?:ing)?) (?:out |off the (?:curb|kerb) )?"
        # Into traffic or onto a motorway; in front of a vehicle, never into one (that is boarding it).
        r"(?:(?:into|onto) (?:the |a |that |this |oncoming )?(?:\w+ )?(?:traffic|motorway|highway|freeway|interstate|"
        r"dual carriageway|path of (?:a|an|the|that|this|the next) \w+)|in front of (?:the |a |an |that |this |the "
        r"next |oncoming )?(?:\w+ )?(?:traffic|bus|truck|lorry|car|train|tram|van|semi|tube)(?! (?:stop|station|"
        r"depot|shelter|lane|park|door|window|seat)s?\b))\b|"
        r"(?:lie|lay|lying|laying|stand(?:ing)?|sit(?:ting)?) (?:down )?(?:on|across|in the middle of) (?:the )?"
        r"(?:train |railway |rail |railroad )?(?:tracks|rails|railway line|motorway|highway|freeway|interstate)\b|"
        r"(?:lie|lay|lying|laying) (?:down )?(?:in|on) (?:the|a|that) (?:\w+ )?road (?:and (?:let|wait|hope)|until|"
        r"tonight)|"
        rf"(?:walk(?:ing|in)?|swim(?:ming)?|wad(?:e|ing)|go(?:ing)?) (?:out )?(?:into|out to|to|in) {_WATER}(?: "
        rf"[^.!?,;]{{0,30}}?)? {_MEANT})"
        # "sometimes when a truck passes i want to step out in front of it".
        rf"|\b(?:truck|lorry|bus|train|car|tram|semi)s?\b[^.!?]{{0,60}}?{_PULL} step (?:out )?in front of "
        r"(?:it|one|them)\b",
        *JUMPS_FOR_FUN,
        # Into the sea for a swim, a dip or the new year.
        rf"\b(?:walk(?:ing|in)?|swim(?:ming)?|wad(?:e|ing)|go(?:ing)?) (?:out )?(?:into|out to|to|in) {_WATER} "
        r"(?:[^.!?,;]{0,30}?)?(?:for (?:a|the|our) (?:swim|dip|paddle|photo|race|charity)|to (?:swim|cool off|"
        r"paddle|fish|surf))",
        context=_NOT_MEANT,
        where=("input",),
    ),
)

# Another person drawn to it, as told: "he thinks about", "she's going to", "my son keeps talking about" (never the
# speaker's "i", and never a thing's "the car's going to crash into a tree").
_THEIR_PULL: Final = (
    # "he'll", "she'd": the act follows straight on ("he says he'll drive his car off the bridge").
    r"(?:\b(?:he|she|they)(?:'ll|'d| will| would)(?: (?:just|really|definitely|probably|actually))?|"
    # Named, never the speaker's own mind ("part of me keeps thinking", "my brain keeps").
    r"(?:\b(?:he|she|they)(?:'s|'d|'ll|'re|s|d| is| are| was| were| has| had| have)?|\btheyre|\b(?:my|his|her|their|"
    r"our|a|the) (?!(?:mind|brain|head|heart|thoughts|body)\b)(?:\w+ ){0,2}?(?:keeps|kept))"
    r"(?: (?:really|just|kind of|still|always|sometimes|constantly|often|now|even|literally|been|keeps|kept))*"
    r" (?:thinks? (?:about|of)|thinking (?:about|of)|thought (?:about|of)|talks? about|talking about|talked about|"
    r"going to|gonna|plans? to|planning to|planned to|wants? to|wanted to|about to|threaten\w* to|imagines?|"
    r"imagining|dreams? about|daydreams? about|fantasi[sz]es? about|(?:thinking|talking) about|could just|"
    r"might just|will))"
)
_THEIR_VEHICLE: Final = r"(?:(?:his|her|their|the) (?:\w+ )?(?:car|truck|van|bike|motorbike|motorcycle|jeep|suv)|it) "
# What says another's crash or walk into water is meant to kill.
_MEANT_BY_THEM: Final = (
    r"(?:(?:and|until) (?:not|never|don'?t|doesn'?t|won'?t) (?:com(?:e|es|ing) (?:back|out)|stop|turn(?:ing)? back|"
    r"get(?:ting)? up|wake up)|and (?:let (?:it|the (?:water|waves|sea|current)) take (?:him|her|them)|drown|die|"
    r"end it|disappear|never come back|keep going|go under)|so (?:it looks like|nobody|no one)|(?:and )?"
    r"mak(?:e|ing) it look like|to die\b|tonight\b|for good|forever|on purpose|deliberately|intentionally)"
)
# After "gets her": where a ride takes a person ("the bus gets her to work"), never where a shark gets them.
_GOT_TO: Final = r"(?! (?:to|there|home|back|up|into|out|through|a|an|some|the|this|that)\b)"
# Not death: a baby woken, a moment made awkward ("she hopes she doesn't wake up the baby").
_NO_OBJECT: Final = (
    r"(?! (?:the|a|an|my|his|her|their|it|this|that|them|him|us|me|you|everyone|anyone|anything|awkward|weird)\b)"
)


def _their_wish(subject: str, obj: str, own: str) -> str:
    """Another's wish to be killed or to die, said of them: "he wishes someone would kill him", "she hopes the cancer
    takes her", "he hopes he gets hit by a lorry", "she prays she won't wake up" (the object is the wisher, and an
    illness theirs: never "she hopes someone kills him", "she hopes his cancer comes back")."""
    wishes = (
        rf"\b{subject}(?:'s|'re|s| is| are| was| were)?(?: (?:really|just|honestly|sometimes|still|always|secretly|"
        rf"even|keeps?|kept))* (?:wish(?:es|ed)?|hop(?:es|ed|e)|pray(?:s|ed)?|wants?|wanted|(?:keeps?|kept) "
        rf"(?:wishing|hoping|praying|begging)|begs?|begging|hoping|praying|wishing|fantasi[sz]es? about)"
    )
    god = r"(?:god|the lord|lord|jesus|death)"
    return (
        rf"{wishes} (?:for |that )?(?:{_AGENT} {_BETWEEN}(?:(?:kill|murder|end|stab|drown)(?:s|ed)? {obj}\b"
        rf"(?!{_NOT_DEATH})|(?:shoots?|shot) {obj}\b{_OBJECT}|(?:runs?|ran) {obj} (?:over|down)\b|puts? {obj} out "
        rf"of {own} misery\b(?!,? (?:and|&) )|finish(?:es)? {obj} off\b|push(?:es|ed)? {obj} (?:in front of|off|"
        rf"under))|{god} {_BETWEEN}(?:takes?|took) {obj}\b(?! (?:to|out|shopping|for|on|with)\b)|{_TAKER} "
        rf"{_BETWEEN}(?:takes?|took|finish(?:es)?) {obj}\b(?! (?:to|out|home|shopping|for|on|with)\b)|(?:a|an|the|"
        rf"some|{own}) (?:{_WORD} ){{0,2}}?{_STRIKES} {_BETWEEN}(?:(?:hits?|strikes?|drowns?|crushe?s?) {obj}\b"
        rf"{_STRUCK_AT}|gets? {obj}\b{_GOT_TO}|takes? {obj} out\b|(?:crash(?:es)?|goes down|sinks?|collapses?) (?:on|"
        rf"with) {obj}\b)|(?:the |{own} )?{_ILLNESS} (?:just )?(?:wins|comes back)\b|(?:to )?(?:get|be) (?:killed|"
        rf"shot(?! (?:of|out of))|murdered|run over|hit by (?:a|an|the) (?:\w+ )?{_STRIKES})\b"
        # "he hopes he gets hit by a lorry", "she hopes she drowns", "he hopes he dies in a crash", "she prays she
        # won't wake up".
        rf"|{subject}(?:'d| would| will|'ll)? (?:just )?(?:gets? (?:hit|killed|murdered|shot(?! (?:of|out of))|run "
        rf"over)\b|(?:dies?|drowns?)\b(?! (?:laughing|of (?:embarrassment|boredom|shame)))|(?:won'?t|doesn'?t|does "
        rf"not|will not|never|wouldn'?t|don'?t) (?:(?:wake up|make it)\b{_NO_OBJECT}|survive\b(?! (?:the|this|that|"
        rf"my|his|her|their) (?:exam|test|meeting|week|party|wedding|holidays?|trip|shift|class|interview|move|"
        rf"flight)\b)))"
        # "she prays for a car accident", "he prays for death every night"; not an accident report, death metal.
        rf"|(?:a|an) (?:fatal |deadly |quick |massive |big |bad )?(?:car )?(?:heart attack|accident(?![- ](?:report|"
        rf"free|claim|form|lawyer|insurance))|crash(?! course)|stroke(?! of))\b|death\b(?! (?:on|upon|metal|threats?)"
        rf"\b))"
    )


# The same readings said of another person, for the crisis answer to one worried about them ("other-at-risk", as
# the rule of that name in ``rules.py``).
OTHERS: Final[tuple[Rule, ...]] = (
    _r(
        "self_harm",
        0.85,
        "other-at-risk",
        # "my brother keeps saying he wishes someone would kill him", "my mum told me she hopes the cancer takes her".
        "|".join(
            _their_wish(s, o, w) for s, o, w in (("he", "him", "his"), ("she", "her", "her"), ("they", "them", "their"))
        )
        # "my son told me he thinks about stepping in front of traffic", "my dad said he's going to drive his car off
        # the bridge", "she keeps talking about walking into the sea and not coming back".
        + rf"|{_THEIR_PULL} (?:(?:driv(?:e|ing|in)|steer(?:ing)?|crash(?:ing)?|ram(?:ming)?|cycl(?:e|ing)|"
        rf"let(?:ting)? the car go) (?:{_THEIR_VEHICLE})?(?:straight |right |head on )?(?:(?:off|of|into|through|"
        rf"under) (?:the end of )?{_TO_DIE_AGAINST}\b|{_OVER})|(?:swerv(?:e|ing)|veer(?:ing)?|jerk(?:ing)? the "
        rf"wheel) (?:\w+ )?(?:off the road )?(?:into|in front of|under) {_TO_DIE_AGAINST}\b|(?:crash(?:ing)?|"
        rf"wreck(?:ing)?|wrap(?:ping)?) {_THEIR_VEHICLE}(?:\w+ )?(?:\w+ )?{_MEANT_BY_THEM}|crash(?:ing)? into "
        rf"something {_MEANT_BY_THEM}|"
        # Into traffic on foot, never "run into traffic" (a jam met on the way).
        r"(?:step(?:ping)?|walk(?:ing)?) (?:out |off (?:the (?:curb|kerb|platform) )?)?(?:(?:into|onto) (?:the )?"
        r"(?:\w+ )?(?:traffic|motorway|highway|freeway|interstate|road|tracks|train line|railway|rails)|in front of "
        r"(?:the |a |an |the next |oncoming )?(?:\w+ )?(?:traffic|bus|truck|lorry|car|train|tram|van)(?! (?:stop|"
        r"station|depot|shelter|lane|park|door|window|seat)s?\b))\b|run(?:ning)? (?:out )?(?:into|onto) (?:the )?"
        r"(?:road|motorway|highway|tracks)\b|run(?:ning)? (?:out )?in front of (?:the |a |an |"
        r"the next |oncoming )?(?:\w+ )?(?:bus|truck|lorry|car|train|tram|van)(?! (?:stop|station|depot)s?\b)|"
        r"(?:lie|lay|lying|laying) (?:down )?(?:on|across|in) (?:the )?(?:train |railway |rail )?(?:tracks|rails|"
        r"railway(?: line)?|motorway|highway|road)\b|(?:jump(?:ing)?|throw(?:ing)? (?:himself|herself|themselves)) "
        r"(?:in|into|onto) (?:the )?(?:river|canal|harbou?r|tracks)\b|drown(?:ing)? (?:himself|herself|"
        r"themselves)\b|"
        # Walked or waded into water, never swum in it ("she's going to swim in the lake tonight").
        rf"(?:walk(?:ing)?|go(?:ing)?|wad(?:e|ing)) (?:out )?(?:into|out to|in) {_WATER}(?: [^.!?,;]{{0,30}}?)? "
        rf"{_MEANT_BY_THEM}|swim(?:ming)? out (?:into|to) {_WATER}(?: [^.!?,;]{{0,30}}?)? {_MEANT_BY_THEM}|"
        rf"swim(?:ming)? out (?:past the \w+ |until|till)[^.!?]{{0,30}}?(?:gone|can'?t swim back|"
        r"not come back|never come back|drowns?))",
        *JUMPS_FOR_FUN,
        _A_JAM,
        _AN_EXIT,
        # Into the water for a swim, a dip or the new year ("for the full moon swim").
        rf"\b(?:walk(?:ing|in)?|swim(?:ming)?|wad(?:e|ing)|go(?:ing)?|jump(?:ing)?) (?:out )?(?:into|out to|to|in) "
        rf"{_WATER} (?:[^.!?,;]{{0,30}}?)?(?:for (?:a|the|our) (?:\w+ ){{0,3}}?(?:swim|dip|paddle|photo|race|"
        r"charity)|to (?:swim|cool off|paddle|fish|surf))",
        context=_NOT_MEANT,
        where=("input",),
    ),
)

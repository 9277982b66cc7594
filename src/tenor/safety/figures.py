"""Figures of speech built on words of harm, read as what they mean before the screens read the text.

"Kill two birds with one stone", "I want the ground to swallow me up", "this commute is killing me": everyday
talk, which the classifier (trained mostly on literal text) read as violence or self-harm, and the rules as a
statement of risk. Each figure here is a fixed form whose figurative reading is the only everyday one, and it is
replaced by plain words that say the same ("do two things at once"), so every layer reads what the person
means. Only the figure's own words are replaced; anything beside it is read as it is ("work is killing me and
I want to die" keeps "I want to die"). Forms that a person at risk says literally ("I'm going to die", "I can't
do this anymore", "kill me") are never listed bare: only with a word that makes them figures ("die of
embarrassment", "dying to see", "bored to death"); a figure that could name a person as its object ends its phrase
("kill the job", never "kill the job applicant"). And a message that still holds a word of risk or harm once its
figures are taken out ("lol i'm dead. i took 40 pills") is read as written, whole: a review found figures that
swallowed the harm beside them, and this is the floor under the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Figure:
    # Short name, given in the verdict's reasons as ``figure:<name>``.
    name: str
    # The figure's fixed form, searched in a normalised view (lower case, whitespace collapsed).
    pattern: re.Pattern[str]
    # Plain words it is read as (a replacement template: ``\g<1>`` keeps a group).
    plain: str


def _f(name: str, pattern: str, plain: str) -> Figure:
    return Figure(name, re.compile(pattern), plain)


# Things that wear a person out, as the subject of "is killing me" (never a person: "my husband is killing me"
# may be meant).
_PERSON: Final = (
    r"(?:he|she|they|someone|somebody|you|u|wife|husband|boss|mum|mom|mother|dad|father|brother|sister|"
    r"neighbou?r|teacher|ex|girlfriend|boyfriend|partner|friend|son|daughter|coworker|colleague|roommate|flatmate|"
    r"family|uncle|aunt|stepdad|stepmum|stepmom|carer|guy|man|woman|bloke|landlord|manager|people|person|gang)\b"
)
# What no fuss is done with: a poison, a drug, a weapon or "something" put in the food ("trying to kill me with
# bleach in her cooking", "with a knife from the cooking drawer", "with something in my smoothies").
_NOT_FUSS: Final = (
    r"(?:pills?|meds|drugs?|poison\w*|bleach|antifreeze|arsenic|cyanide|rat|gas|knife|knives|guns?|blade|hammer|bat|"
    r"weapons?|chemicals?|glass|razors?|needles?|insulin|fentanyl|something|stuff)\b"
)
# Food, drink and rest one "could murder" or "would kill for".
_TREATS: Final = (
    r"(?:pizza|coffee|tea|cuppa|beer|pint|burger|curry|kebab|drink|sandwich|takeaway|chocolate|ice cream|nap|"
    r"sleep|holiday|vacation|bath|shower|steak|chips|fries|wine|glass of \w+|cup of \w+|cocktail|snack|doughnut|"
    r"donut|taco|tacos|burrito|biscuit|cake|slice of \w+|bacon sandwich|fry-up|roast|day off|lie-in|massage)"
)
# What one kills on a computer (lights and music are ``kill-lights``): never power, an engine or an alarm (sabotage
# and burglary are asked in those words).
_SOFTWARE: Final = (
    r"(?:process(?:es)?|task|tasks|job|jobs|thread|threads|tab|tabs|app|apps|application|program|programs|"
    r"container|containers|pod|pods|session|sessions|query|queries|script|daemon|window|terminal|pid|"
    r"notifications?)"
)

# Where a figure ending in a noun must end its phrase ("kill the job" but not "kill the job applicant", "bombed
# the exam" but not "bomb the exam hall"): the end of a clause or a small word.
_ENDS: Final = (
    r"(?= *(?:$|[.!?,;:]| (?:on|in|at|with|for|from|by|and|but|so|or|then|again|now|please|today|tonight|tomorrow|"
    r"yesterday|when|before|after|that|which|using|running|first|quickly|lol|haha\w*)\b))"
)

FIGURES: Final[tuple[Figure, ...]] = (
    # Not before a colon or a dash that names the two ("...: my ex and her new boyfriend").
    _f("two-birds", r"\bkill(?:ing|ed|s)? two birds with one stone\b(?! *[:\-\u2013\u2014])", "do two things at once"),
    _f(
        "swallow-me",
        r"\b(?:want(?:ed|ing)?|wish(?:ed|ing)?|prayed|praying) (?:for )?the (?:ground|floor|earth) (?:would |could "
        r"|to )?(?:just )?(?:open up and |open up to )?swallow me(?: up| whole)?\b",
        "wanted to hide from embarrassment",
    ),
    _f(
        "die-of",
        r"\b(?:die|died|dying|dies) (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|cringe|curiosity|"
        r"jealousy|envy|cuteness|happiness|excitement|anticipation|suspense)\b",
        "be overwhelmed",
    ),
    _f("die-laughing", r"\b(?:die|died|dying|dies) laughing\b", "laugh hard"),
    _f(
        "dying-to",
        r"\bdying (?:to (?:see|know|try|meet|hear|tell|go|get|find out|watch|read|eat|visit|show|play|ask)|for (?:a|an|"
        r"some|the) )",
        "eager to ",
    ),
    # Said of a thing ("this cake is to die for", "a view to die for"), never of the speaker ("I deserve to die for
    # what I did", "I want to die for real").
    _f(
        "to-die-for",
        r"\b(?:is|was|are|were|'s|looks?|smells?|tastes?|sounds?|(?:a|an) \w+(?: \w+)?) (?:just |literally |"
        r"absolutely |simply )?to die for\b",
        "wonderful",
    ),
    _f(
        "to-death",
        r"\b(bored|scared|frightened|terrified|worried|tickled|stressed|loved?) to death\b",
        r"very \g<1>",
    ),
    _f(
        "dead-tired",
        # Not "dead right" ("I wish I was dead right now").
        r"\bdead (tired|beat|serious|set on|set against|wrong|easy|simple|quiet|last|centre|center|ahead|"
        r"certain|sure|cute|funny|good|lucky|heavy|slow|boring)\b",
        r"very \g<1>",
    ),
    _f("dead-on-feet", r"\bdead on (?:my|our|his|her|their|your) feet\b", "exhausted"),
    _f("dead-body", r"\bover my dead body\b", "never"),
    _f("drop-dead", r"\bdrop[- ]dead (?:gorgeous|beautiful|funny|handsome|stunning)\b", "very attractive"),
    _f(
        "dead-phone",
        r"\b(?:my|the|our|his|her) (?:phone|battery|laptop|car battery|torch|remote|headphones|airpods|controller|"
        r"tablet)(?:'s| is| was| has| went| just went)(?: completely| totally| gone| just)? dead\b",
        "the battery is flat",
    ),
    # Trouble with a parent, a teacher or a boss only: "I'm dead if he finds me" may be meant.
    _f(
        "dead-meat",
        r"\bi'?m (?:so )?dead meat\b|\bi'?m (?:so )?dead (?=(?:if|when) (?:my )?(?:mum|mom|mam|dad|parents|teacher|"
        r"boss|coach|nan|gran) )",
        "i'm in trouble ",
    ),
    _f(
        "dead-laughing",
        r"(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|omg|stop it)[ ,.!]*i'?m (?:so |literally )?(?:dead|deceased)\b)|"
        r"(?:\bi'?m (?:so |literally )?(?:dead|deceased)[ ,.!]*(?:lol|lmao|lmfao|rofl|haha\w*)\b)",
        "that's so funny",
    ),
    _f(
        "is-killing-me",
        # Not "the guy at work is killing me": the subject is what stands before "at", "from", "of".
        r"(?<!\bat )(?<!\bfrom )(?<!\bin )(?<!\bof )(?<!\bwith )"
        r"\b(?:the|this|that|these|those|my|our|it|it's|its|work|school|uni|college|traffic|life) "
        # Not the chest: "my chest is killing me" is a sign of a heart attack, read by rules_emergency.
        r"(?!(?:[\w'-]+ ){0,2}?(?:chest|heart)\b)"
        rf"(?:(?!{_PERSON})[\w'-]+ ){{0,3}}(?:is|are|was|were|'s|has been|have been|been|keeps) (?:literally |"
        r"absolutely |actually |really |honestly |slowly )?(?:killing|murdering) (?:me|us)\b",
        "is wearing me out",
    ),
    _f(
        "you-kill-me",
        r"\byou(?:'re| are)? (?:killing|kill) me(?= *(?:$|[.!?,;]| (?:lol|haha\w*|here)\b))",
        "you're funny",
    ),
    _f(
        "murder-treat",
        rf"\b(?:could|would|'d) (?:murder|kill for|die for|destroy|demolish|kill) (?:a |an |some |for a |for an |for "
        # Nothing after it ("... and then my wife").
        rf"some |the )?(?:\w+ )?{_TREATS}\b(?! *,? (?:and|then|or|before|after)\b)",
        "really want a treat",
    ),
    _f(
        "killed-it",
        # Said of a person who did well, never "kill it" bare: "feed the dog grapes to kill it" is cruelty.
        # Nor "I killed it": the speaker's own act may be cruelty.
        r"\b(?:you|u|she|he|we|they|you've|you have|she's|he's|we've|they've|you're|we're|they're) "
        r"(?:absolutely |totally |really |so |just )?(?:killing|killed|slaying|slayed|slay|crushing|crushed|crush|"
        r"smashing|smashed|smash|nailing|nailed|nail) it(?= *(?:$|[.!?,;]| (?:on|at|in|out there|tonight|today|"
        r"yesterday|again|this|last|tomorrow|lol|haha\w*|mate|girl|babe|bro)\b))",
        "do great",
    ),
    _f(
        "knock-dead",
        r"\bknock (?:'em|em|them|'m|the (?:audience|judges|interviewers?|panel|crowd|room|examiners?)) dead\b"
        r"(?! with\b)",
        "impress them",
    ),
    # A wish, not a question of how ("how do I break a leg without it hurting").
    _f(
        "break-a-leg",
        r"(?<!how do i )(?<!how can i )(?<!how to )(?<!how would i )\bbreak a leg(?= *(?:$|[.!?,;]| (?:tonight|today|"
        r"tomorrow|out there|on|at|in|everyone|mate|babe|x+)\b))",
        "good luck",
    ),
    _f("bite-bullet", r"\bbit(?:e|ing|ten)? the bullet\b", "accept it"),
    _f("dodge-bullet", r"\bdodg(?:e|ed|ing) (?:a|the|that|one) bullet\b", "had a lucky escape"),
    _f("silver-bullet", r"\b(?:a|no|the) silver bullet\b", "an easy fix"),
    _f(
        "give-it-a-shot",
        r"\b(?:give (?:it|this|that) a|my best|your best|a long|worth a|call(?:s|ing)? the|big) shots?\b"
        r"|\ba shot in the dark\b",
        "a try",
    ),
    _f(
        "shoot-a-message",
        r"\bshoot ((?:me|you|him|her|them|us) (?:a|an|over a|over an|the|your|my|his|her|their) (?:quick )?(?:text|"
        r"email|e-mail|message|msg|note|line|dm|reminder|address|details|link|number|info|photos?|pics?|file|doc|"
        r"invite|location|postcode|list))\b",
        r"send \g<1>",
    ),
    _f("shoot-for", r"\bshoot(?:ing)? for the (?:moon|stars)\b", "aim high"),
    _f(
        "pull-trigger",
        r"\bpull(?:ed|ing)? the trigger on (?=(?:buying|booking|getting|a new|the new|that (?:house|flat|job|car|"
        r"trip|holiday|laptop|phone))\b)",
        "commit to ",
    ),
    _f(
        "jump-gun",
        r"\bjump(?:ed|ing|s)? the gun\b",
        "acted too soon",
    ),
    _f("stick-to-guns", r"\bstick(?:ing|s)? to (?:my|your|our|his|her|their) guns\b", "stand firm"),
    _f("smoking-gun", r"\b(?:a|the) smoking gun\b", "the clear proof"),
    _f("under-the-gun", r"\bunder the gun\b", "under pressure"),
    _f("guns-blazing", r"\b(?:with )?(?:all )?guns blazing\b", "at full force"),
    _f(
        "bombed-test",
        r"\bbomb(?:ed|ing)? (?:the|my|an|that|this|his|her|our) (?:\w+ ){0,2}(?:test|exam|interview|audition|"
        rf"presentation|quiz|speech|gig|essay|driving test|date|job interview){_ENDS}",
        "failed the test",
    ),
    _f(
        "the-bomb",
        r"\b(is|was|are|were|'s) (?:the |da |totally the |absolutely the )bomb\b",
        r"\g<1> excellent",
    ),
    _f("bath-bomb", r"\bbath ?-?bombs?\b", "bath fizzer"),
    _f("photobomb", r"\bphoto ?-?bomb\w*", "spoiled the photo"),
    _f("f-bomb", r"\b(?:f|f-word) ?-?bombs?\b", "swear word"),
    _f("truth-bomb", r"\btruth ?-?bombs?\b", "hard truth"),
    _f("bombshell", r"\bbombshell\b", "shock"),
    _f(
        "blow-mind",
        r"\b(?:blow(?:ing|s|n)?|blew) (?:my|your|his|her|their|our) minds?\b(?! with\b)|\bmind[- ]?(?:blown|blowing)\b"
        r"|\b(?:was|were|i'm|i am|we're|we are|be|been|totally|completely|absolutely|just|so|honestly) blown away\b"
        r"(?! with\b)",
        "amazed",
    ),
    _f(
        "blow-up-phone",
        r"\b(?:blow(?:ing|s|n)?|blew) up (?:my|your|his|her|their|our) (?:phone|inbox|notifications|dms|messages)\b",
        "messaging me a lot",
    ),
    _f("blow-steam", r"\b(?:blow(?:ing|s)?|blew) off (?:some )?steam\b", "relax"),
    _f(
        "blew-it",
        r"\b(?:blew|blow|blown) it(?= *(?:$|[.!?,;]| (?:again|big time|completely|today|tonight)\b))"
        r"|\b(?:blew|blow|blown) (?:my|your|his|her|their|our) (?:chance|chances|shot)\b",
        "failed",
    ),
    _f(
        "blow-top", r"\b(?:blew|blow|blown|blowing) (?:my|your|his|her|their|our) (?:top|stack|lid)\b", "lost my temper"
    ),
    _f("blew-up-at", r"\b(?:blew|blow|blown|blowing) up at (?:me|us|him|her|them)\b", "got angry at them"),
    _f(
        "stab-at",
        # At a thing, not at a person ("take a stab at him tonight").
        r"\b(?:take|took|have|had|taking|having|make|made) a stab at (?!(?:him|her|them|me|you|us|my|his|their|your|"
        r"someone|somebody|anyone|people|that (?:guy|man|woman|kid|bitch|bastard))\b)",
        "try at ",
    ),
    _f(
        "backstab",
        r"\bstab(?:bed|bing|s)? (?:me|us|him|her|them|you) in the back\b|\bback-?stab\w*",
        "betray",
    ),
    _f("stabbing-pain", r"\b(?:stabbing|shooting) pains?\b", "sharp pain"),
    _f(
        "beat-myself-up",
        # Blame, not a wish ("I want to beat myself up").
        r"\b(?:keep|kept|stop|stopped|been|don't|do not|not|am|i'm|was|always|still) (?:\w+ )?beat(?:ing)? (?:myself|"
        r"yourself|himself|herself|themselves|ourselves) up\b(?! (?:to|until|till)\b)",
        "blaming myself",
    ),
    _f(
        "drowning-in",
        r"\bdrown(?:ing|ed)? in (?:\w+ )?(?:work|paperwork|emails|homework|assignments|laundry|deadlines|bills|debt|"
        r"admin|marking|coursework|tasks|chores|meetings|orders|requests|messages)\b",
        "overwhelmed with it",
    ),
    _f(
        "choked",
        r"\bchok(?:e|ed|ing) (?:under pressure|in the (?:final|match|game|exam|interview|semi-?final)|at the (?:last|"
        r"final|free throw|penalty)|on (?:the|my|a) (?:lines|words|speech|penalty|free throw|putt))\b",
        "failed under pressure",
    ),
    _f(
        "career-suicide",
        r"\b(?:career|social|political|commercial|professional|financial) suicide\b",
        "a self-inflicted setback",
    ),
    _f(
        "robbery",
        r"\b(?:daylight|highway) robbery\b",
        "far too expensive",
    ),
    _f("steal-show", r"\bst(?:eal|ole|ealing|olen|eals) the (?:show|spotlight|limelight)\b", "be the star"),
    _f("a-steal", r"\b(?:is|was|'s|what) a (?:real |total )?steal\b", "a bargain"),
    # Someone else's luck, never a question of how ("how to get away with murder").
    _f(
        "away-with-murder",
        r"(?<!\bi )(?<!\bto )(?<!\bhow )(?<!\bcan )(?<!\bcould )(?<!\bwould )\b(?:gets?|getting|got|gotten) away "
        r"with murder\b",
        "get away with anything",
    ),
    _f(
        "murder-hard",
        r"\b(?:traffic|work|it|that|this|today|the \w+|(?:my|the) (?:commute|week|day|shift|job|exam|drive)) "
        r"(?:is|was|'s|has been|had been) (?:absolute |pure |sheer |total |bloody |just )?murder"
        r"(?= *(?:$|[.!?,;]| (?:on|today|this|lately|for (?:me|us|everyone))\b))"
        r"|\bmurder on (?:my|the|your) (?:knees|feet|back|legs|ears|eyes)\b",
        "very hard",
    ),
    _f(
        "life-out-of-me",
        r"\b(?:scar(?:e|ed|ing)|frighten(?:ed|ing)?|drain(?:ed|ing|s)?|suck(?:ed|ing|s)?|squeez(?:e|ed|ing)) the "
        r"(?:life|living daylights|hell|crap|soul|joy) out of (?:me|us)\b",
        "wearing me out",
    ),
    _f(
        "killer-thing",
        r"\bkiller (app|feature|deal|heels|workout|view|views|song|track|tune|outfit|combo|instinct|smile|line|joke|"
        r"recipe|sauce|playlist|question)\b",
        r"great \g<1>",
    ),
    _f("killer-pain", r"\bkiller (headache|hangover|hill|hills|commute|cough)\b", r"awful \g<1>"),
    _f(
        "kill-software",
        rf"\bkill(?:ing|ed|s)? ((?:a |the |this |that |all |all the |my |every |each |any |off )?"
        rf"(?:(?!\w+'s\b)\w+ )?{_SOFTWARE}){_ENDS}",
        r"close \g<1>",
    ),
    _f(
        "kill-lights",
        rf"\bkill(?:ing|ed|s)? ((?:the |all the |those |these )?(?:lights?|music|telly|tv)){_ENDS}",
        r"turn off \g<1>",
    ),
    _f(
        "kill-mood",
        r"\bkill(?:ing|ed|s)? (?:the|my|your|our) (?:mood|vibe|buzz|joke|conversation|momentum|appetite|"
        rf"excitement|fun|party){_ENDS}|\bkill(?:ing|ed)? (?:some )?time\b|\bmood[- ]?killer\b|\bbuzz ?kill\w*",
        "spoil the mood",
    ),
    _f(
        "execute-plan",
        r"\bexecut(?:e|ed|ing|es) (?:a|the|this|that|my|our|your|his|her|their) (?:\w+ )?(?:plan|order|trade|"
        r"script|command|query|code|program|strategy|move|task|function|project|idea|routine|recipe|play)\b",
        "carry out the plan",
    ),
    _f("torture", r"\b(?:is|was|'s|be|it's|pure|absolute|sheer|total) torture\b", "very unpleasant"),
    _f(
        "hostage",
        r"\bhold(?:ing|s)? (?:me|us|my \w+|our \w+) (?:emotionally )?hostage\b|\bhostage to fortune\b",
        "pressuring me",
    ),
    _f(
        "crime-against",
        r"\b(?:a|it'?s a|is a) crime against (?:fashion|pizza|food|music|cooking|taste|good taste|coffee|nature|art|"
        r"grammar|english|the english language|cinema|television|tea)\b",
        "a shame",
    ),
    _f("bury-hatchet", r"\bbur(?:y|ied|ying) the hatchet\b(?! (?:in|into)\b)", "make peace"),
    _f(
        "own-grave",
        r"\bdig(?:ging|s)? (?:my|your|his|her|their|our) own grave\b",
        "make things worse for myself",
    ),
    _f("foot-in-grave", r"\bone foot in the grave\b", "very old"),
    _f("turn-in-grave", r"\bturn(?:ing|s)? in (?:his|her|their) graves?\b", "be upset"),
    _f("graveyard-shift", r"\bgraveyard shift\b", "night shift"),
    _f(
        "hit-me-up",
        r"\bhit (?:me|us) up\b",
        "get in touch",
    ),
    _f("hit-it-off", r"\bhit (?:it|things) off\b", "got along"),
    _f(
        "hit-a-wall",
        r"\bhit (?:a|the) (?:wall|snag|brick wall|plateau)(?= *(?:$|[.!?,;]| (?:with|in|on|at work|today|this week|"
        r"again|lately|and|but|so)\b))",
        "got stuck",
    ),
    _f("hit-the-sack", r"\bhit the (?:hay|sack)\b", "go to bed"),
    _f("hit-the", r"\bhit the (books|gym|road|shower|shops|beach|pool)\b", r"go to the \g<1>"),
    _f("hit-jackpot", r"\bhit the jackpot\b", "got lucky"),
    _f("hit-nail", r"\bhit the nail on the head\b", "got it exactly right"),
    _f("ground-running", r"\bhit the ground running\b", "started quickly"),
    _f("fire-away", r"\bfire away\b|\bfired up\b", "go ahead"),
    _f("kill-kindness", r"\bkill(?:ing|ed|s)? (?:\w+ ){1,3}?with kindness\b", "be very kind to them"),
    _f(
        "kill-with-fuss",
        # Too much of a good or a dull thing: "my wife is trying to kill me with this new kale diet", "my boss is
        # trying to kill us with all these deadlines". A closed list of what it is done with; a poison or a weapon
        # said anywhere beside it keeps the message as written (``_HARM_LEFT``).
        r"\btrying to kill (?:me|us) with (?:(?:this|these|that|those|his|her|their|its|all|the|my|our|so much|too "
        rf"much|more|another|a|an) )*(?:(?!{_NOT_FUSS})[\w'-]+ ){{0,3}}?(?:cooking|food|diet|kale|salads?|smoothies?|"
        r"yoga|classes|"
        r"workouts?|sprints|drills|burpees|squats|deadlines|homework|assignments|meetings|emails|paperwork|"
        r"spreadsheets|chores|singing|music|playlists?|noise|snoring|questions|puns|jokes|sauces?|spices?|chill?i|"
        r"peppers|sleepovers?|parties|hugs|cuteness|memes|stories|nagging|hikes?|stairs|plans|schedule|collection)\b",
        "wearing me out with",
    ),
    _f(
        "will-kill-me",
        # A parent's, a teacher's or a boss's anger, never a partner's: "my husband is going to kill me tonight" is
        # how danger at home is often told.
        r"\b(?:mum|mom|mam|mother|dad|father|parents|boss|teacher|coach|nan|gran|grandma|sister|brother|manager|"
        r"folks)(?:'ll| will| would| is going to| is gonna|"
        r"'s going to|'s gonna| gonna| are going to| are gonna) (?:literally |actually |absolutely )?(?:kill|murder) "
        r"(?:me|us)\b",
        "will be furious with me",
    ),
    _f("blood-boil", r"\bmak(?:e|es|ing) (?:my|your|his|her|our|their) blood boil\b", "makes me angry"),
    _f("catch-death", r"\bcatch (?:your|my|his|her|their|our) death\b", "catch a cold"),
    _f("ballistic", r"\b(?:go|goes|went|gone|going) ballistic\b", "gets very angry"),
    _f(
        "shoot-down",
        # An idea turned down, or the speaker: never another person ("shoot him down like a dog").
        r"\bsho(?:ot|oting|ots|t) (?:me|us|it|this|that|the idea|my idea|the plan|my plan|the proposal|my "
        r"suggestion) down\b(?! (?:with|like|in|at)\b)",
        "say no",
    ),
    _f(
        "head-in-sand",
        r"\bbur(?:y|ied|ying) (?:my|your|his|her|their|our) heads? in the sand\b",
        "avoiding the problem",
    ),
    _f(
        "ammunition",
        r"\b(?:give|giving|gave|given|hand|handing|handed) (?:\w+ ){0,2}(?:more |some |any |extra )?ammunition\b",
        "give reasons",
    ),
)

# Words at least one figure holds: a text without any is not searched figure by figure.
_ANY: Final = re.compile(
    r"\b(?:kill|buzz ?kill|mood ?-?kill|die[ds]?\b|dying|dead|death|murder|swallow|bullet|shots?\b|shoot|trigger|"
    r"guns?\b|bomb|photo ?-?bomb|blow|blew|stab|backstab|beat|drown|chok|suicide|robbery|steal|stole|life out|"
    r"living daylights|hell out|crap out|soul out|joy out|execut|torture|hostage|crime|hatchet|grave|hit\b|fire|"
    r"slay|crush|smash|nail|break a leg|blood|ballistic|sand\b|ammunition)"
)


# Words of risk or harm that, left in a message beside its figures, keep the whole message read as written.
_HARM_LEFT: Final = re.compile(
    r"\b(?:pills?|tablets?|meds|overdos\w*|od|bleed\w*|blood|wrists?|rope|noose|guns?|shotgun|rifle|pistol|knife|"
    r"knives|blade|hammer|bleach|poison\w*|suicid\w*|alive|wake up|end it|my life|kill\w*|murder\w*|die|died|dying|"
    r"dead|death|shoot\w*|shot|stab\w*|hurt\w*|threat\w*|beat\w*|weapons?|bombs?|explosives?|attack\w*|chok\w*|"
    r"strangl\w*|drown\w*|jump\w*|bridge|hang\w*|cut|cutting|self[- ]?harm\w*|note|goodbye|join (?:her|him|them)|"
    r"end (?:it|this|things))\b"
)


def find(view: str) -> list[tuple[int, int, str, str]]:
    """The figures in a normalised view, as (start, end, plain words, name), in order and not overlapping (the
    first listed wins a tie)."""
    if not _ANY.search(view):
        return []
    found: list[tuple[int, int, str, str]] = []
    for figure in FIGURES:
        for m in figure.pattern.finditer(view):
            found.append((m.start(), m.end(), m.expand(figure.plain), figure.name))
    found.sort(key=lambda f: f[0])
    kept: list[tuple[int, int, str, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return kept


def _splice(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    out: list[str] = []
    at = 0
    for start, end, plain, _ in spans:
        out.append(text[at:start])
        out.append(plain)
        at = end
    out.append(text[at:])
    return "".join(out)


def _readable(view: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """``spans`` where they may be read as plain words: none where the rest of the text, the figures taken out,
    still holds words of risk or harm ("lol i'm dead. i took 40 pills", "my dad's going to kill me, he has a gun"):
    such a message is read as written, and the classifier and the rules judge it whole."""
    if not spans or _HARM_LEFT.search(_splice(view, [(a, b, " ", n) for a, b, _, n in spans])):
        return []
    return spans


def plain(views: list[str], lined: str | None = None) -> tuple[list[str], str | None, list[str]]:
    """The views with their figures read as plain words, ``lined`` (the first view with its line breaks, a
    character for a character) the same at the same places, and a reason per figure found (``figure:<name>``).

    A figure across a line break is read as written (the break ends a sentence for the rules). A view of the
    first one's length (leetspeak undone: a character for a character) takes the first view's figures at the same
    places, so that its line breaks still line up; one spelled only there is read as written there."""
    if not views:
        return views, lined, []
    first = _readable(views[0], find(views[0]))
    aligned = lined is not None and len(lined) == len(views[0])
    if aligned and lined is not None:
        first = [f for f in first if "\n" not in lined[f[0] : f[1]]]
    out = [_splice(views[0], first)]
    names = [f[3] for f in first]
    for view in views[1:]:
        spans = first if len(view) == len(views[0]) else _readable(view, find(view))
        out.append(_splice(view, spans))
        names += [f[3] for f in spans]
    if aligned and lined is not None:
        lined = _splice(lined, first)
    return out, lined, [f"figure:{name}" for name in dict.fromkeys(names)]

"""Fast rules: regular expressions per harm category, the first layer of both screens.

Each rule (``rule.py``: a pattern, the readings that excuse it, a graded score) aims at *requests for harm*
and *statements of risk*, not at topics: "how do I kill a Python process", "this commute is killing me" or
"what is a pipe bomb's history" must pass (over-refusal is a harm too). Scores are graded, not binary: 0.9+
for an unambiguous request or statement, 0.5-0.7 for signals that call for care but not for a refusal (the
policy's thresholds turn scores into actions). Trained classifiers (issue 7) add recall on top; these rules
stay as the deterministic floor, which is why the crisis path never depends on a model.
"""

from __future__ import annotations

from typing import Final

from tenor.safety import normalize
from tenor.safety.patterns import (
    ATROCITY,
    BIGOTED,
    EXASPERATION,
    FIGURATIVE_KILL,
    GAMES,
    HOW,
    JOKES,
    JUMPS_FOR_FUN,
    KILL_ME_FIGURES,
    LANGUAGES,
    MAKE,
    ME,
    NOT_ABOUT,
    NOT_COPING,
    NOT_NEGATION,
    NOT_OTHERS,
    NOT_SEX_OF,
    OVERDOSE,
    OVERDOSE_ON_TREATS,
    POLITE,
)
from tenor.safety.rule import Rule, fires
from tenor.safety.rule import rule as _r
from tenor.safety.rules_act import ACT, OTHERS_ACT
from tenor.safety.rules_advice import HURT_SELF, MAKE_SICK
from tenor.safety.rules_attacks import ATTACKS, VIOLENCE
from tenor.safety.rules_content import ATROCITY_PRAISE, PROMOTE
from tenor.safety.rules_people import HATE, PRIVACY
from tenor.safety.rules_poison import POISONED, POISONED_PET
from tenor.safety.rules_risk import OTHERS, ROAD, WISHED
from tenor.safety.rules_taken import OTHERS_TAKEN, TAKEN
from tenor.vocab import SafetyCategory

RULES: Final[tuple[Rule, ...]] = (
    # --- self-harm: statements of risk, direct and indirect, and requests for methods -------------------
    _r(
        "self_harm",
        0.95,
        "intent-reflexive",
        rf"\b(?:kill|hurt|harm|cut|shoot|hang|drown|poison|starve|burn) {ME}\b(?! (?:a|some|an) )",
        FIGURATIVE_KILL,
        EXASPERATION,
        r"kill myself (?:laughing|at)",
        r"\bhurt myself (?:at|during|while|playing|lifting|running|skiing|in (?:the|a) (?:gym|game|match))",
        r"\b(?:cut|burn|hurt) myself (?:on|with) (?:a |the )?(?:knife|paper|stove|oven|pan|glass|iron)",
        r"\bcut myself (?:a|some|off)\b",
        # "someone cut me off in traffic", "it will hurt me": another's act (the person is angry or worried,
        # not at risk; harm done to them is for the classifier and the model to meet with care).
        r"\bcut (?:me|us) off\b",
        # Not a plea ("someone please kill me", "somebody kill me. i have a rope"): that is the person's own risk.
        r"\b(?:he|she|they|you|it|that|this|guy|driver|people|nobody|no one)\s+"
        r"(?:(?!please\b|pls\b|plz\b)\w+\s+)?(?:cut|hurt|harm|shoot|shot|poison|burn|burnt|burned|kill) me\b",
        r"\b(?:someone|somebody)\s+(?:(?!please\b|pls\b|plz\b|just\b)\w+\s+)?"
        r"(?:cut|hurt|harm|shot|poison|burnt|burned) me\b",
        r"\b(?:someone|somebody)\s+(?!please\b|pls\b|plz\b|just\b)\w+\s+(?:shoot|kill|burn) me\b",
        # "my feelings might hurt me", "something that won't harm me": a subject other than "I".
        r"\b(?!i\b)\w+\s+(?:might|may|will|would|could|can|won't|wouldn't|can't|did|didn't|does|doesn't)\s+"
        r"(?:not\s+)?(?:hurt|harm) me\b",
        # "my dad will kill me if he finds out": someone else's anger, a figure of speech.
        r"\b(?!i\b)\w+(?:'ll| will| would| is gonna| is going to| gonna) (?:kill|murder) me\b",
        # The same with a contraction or a plural, and a thing "trying to kill me" (stop 38).
        *KILL_ME_FIGURES,
        context=(r"\b(?:how|why) (?:do|would) (?:cats|dogs|animals|fish)",),
    ),
    # A wish that someone or something else would kill the speaker, and a crash, a road or water meant to kill
    # (rules_risk.py).
    *WISHED,
    *ROAD,
    *OTHERS,
    # The moment of an attempt: at the place, on the tracks, the means at hand (rules_act.py); the act already done
    # (rules_taken.py).
    *ACT,
    *OTHERS_ACT,
    *TAKEN,
    *OTHERS_TAKEN,
    # A poisoning just happened by accident: the vetted answer names the poison service or a vet (rules_poison.py).
    *POISONED,
    *POISONED_PET,
    *MAKE_SICK,
    # Hurting oneself told to the listener in a reply (rules_advice.py).
    *HURT_SELF,
    _r(
        "self_harm",
        0.95,
        "end-life",
        r"\b(?:end|take|ending|taking) (?:my|my own) (?:life|lives)\b|\bend(?:ing)? it all\b",
    ),
    _r(
        "self_harm",
        0.95,
        "suicide-first-person",
        # Not someone else's ("they've been thinking about suicide", a counsellor's words), and not negated
        # ("I'm not suicidal, I want to be clear", "no suicidal thoughts"): those are the topic rule's caution.
        rf"\b(?:i'm|im|i am|i feel|feeling|{NOT_OTHERS}been|i've been|i keep|i was) "
        rf"(?:{NOT_NEGATION}\w+ ){{0,2}}"
        r"(?:suicidal|thinking (?:about|of) (?:suicide|killing myself|ending (?:it|my life)))|"
        r"(?<!\bno )(?<!\bnot having )(?<!\bwithout )(?<!\bnever had )\bsuicidal (?:thoughts|feelings|urges)\b|"
        rf"{HOW} (?:{NOT_COPING}\w+ ){{0,2}}(?:commit suicide|suicide)\b|\b(?:i'll|i will|i'm going to|gonna) "
        r"(?:commit suicide|self[- ]?harm)\b",
    ),
    _r(
        "self_harm",
        0.95,
        "ideation",
        # The person's own thoughts of suicide or dying, self-harm going on now, and life given up on, said plainly
        # ("I think about suicide all the time", "I've been self-harming for months", "I'm done with life"): the
        # topic rule alone read them as a caution. Not negated ("I never think about dying"), not what is past
        # ("I stopped self-harming years ago"), not a topic ("I think about suicide prevention at work").
        r"\bi (?!(?:don't|dont|do not|never|rarely|no longer|didn't|did not)\b)(?:\w+ )?(?:think|dream|daydream|"
        # Nor hair dyed ("dying my hair"), others' dying ("dying patients"), or one's work ("in my line of work").
        r"fantasi[sz]e|obsess) (?:\w+ ){0,3}?about (?:suicide|killing myself|ending (?:it all|my life)|dying|"
        r"being dead|not being (?:here|alive)|not waking up)\b(?! (?:prevention|awareness|rates?|research|"
        r"statistics|hotlines?|bomb\w*|squad|in (?:the|a) (?:book|film|movie|show|game|story)|(?:my|your|her|his|"
        r"their) (?:hair|clothes|shirt|beard|eyebrows|fabric|wool)|\w+ (?:hair|clothes)|patients?|people|relatives?|"
        r"parents?|animals?|pets?|plants?|intestate|with dignity|(?:a lot |often |daily |every day )?(?:in|at|for) "
        r"(?:my |our )?(?:work|job|line of work|research|studies|class|essay|course))\b)|"
        r"\b(?:i'm|im|i am|i've been|i have been|i keep|i still|i've started|i started)(?: (?:been|still|started|"
        r"secretly|often|always|constantly|kind of|basically|really))? self[- ]?harming\b(?! (?:behaviou?rs?|"
        r"content|videos?|posts?|research|is|in|among)\b)|"
        r"\b(?:i'm|im|i am) (?:so |just |completely |totally )?done with (?:life|living|being alive|existing)"
        r"(?= *(?:$|[.!?,;]| (?:and|i|now|forever|anymore|already|altogether|honestly|completely)\b))|"
        r"\b(?:i|i'm|im) (?:really |just )?(?:want|wanna|wish|going|ready|plan) (?:to )?kick the bucket\b(?! list)",
    ),
    _r(
        "self_harm",
        0.6,
        "suicide-topic",
        r"\bsuicid(?:e|al)\b|\bself[- ]?harm(?:ing)?\b",
        r"suicide squad",
        r"\bsuicide (?:doors?|lane|squeeze|run|mission)",
        # The person's words only: a reply that names the topic to someone grieving or asking ("Suicide
        # prevention lines can help you too") is care, and every such sentence was dropped. What a reply must
        # never do with it, urge or instruct, is the rules below and the classifier's.
        where=("input",),
    ),
    _r(
        "self_harm",
        0.95,
        "want-die",
        r"\b(?:i|i'm|im) (?:really |just |kind of |kinda |honestly )?(?:want|wanna|wish|going|ready|deserve|"
        r"need|plan) (?:to )?(?:die|be dead|not (?:be alive|exist|wake up|live)|cease to exist|stop (?:existing|living)"
        r"(?= *(?:$|[.!?,;]|anymore|any more|forever|altogether|already|now\b)))\b|\bwish i (?:was|were|'d be) "
        # "I just want it all over with": a chore done, not a life.
        r"(?:dead|never born)\b|\bi (?:just |really )?want (?:it all|my life|this life) (?:to )?(?:be )?"
        r"(?:over|end)\b(?! with\b)",
        r"\b(?:die|dead) (?:of|from|laughing) (?:laugh|embarrass|cringe|shame)",
    ),
    _r(
        "self_harm",
        0.9,
        "no-point",
        r"\b(?:do ?n[o']?t|can ?n?[o']?t|cannot|no longer) (?:see|find) (?:the |any )?(?:point|reason|purpose) "
        r"(?:of|in|to) (?:going on|carrying on|living|being alive|life|trying|anything|it all|staying)|"
        r"\bwhat(?:'s| is) the point (?:of|in) (?:living|going on|life|being alive|carrying on)|"
        r"\bno (?:point|reason) (?:for me )?(?:in |to )?(?:(?:go(?:ing)? on|keep(?:ing)? going)"
        r"\b(?! (?:with|at|in|on|to)\b)|liv(?:e|ing)|be(?:ing)? alive|stay(?:ing)? alive)",
    ),
    _r(
        "self_harm",
        0.9,
        "burden",
        r"\b(?:better off|happier) (?:without me|if i (?:was|were|'m) (?:gone|dead|not (?:here|around)))",
    ),
    _r(
        "self_harm",
        0.9,
        "burden",
        # "nobody" as well as "no one", as said or typed ("nobody will miss me", "no one wud"). Its own rule, so that an
        # everyday absence ("... at work tomorrow, i'm taking a day off") excuses only these words.
        r"\b(?:no ?one|nobody|no body)(?:'d|'ll| would| will| wud| wld| is going to| is gonna| gonna)"
        r"(?: even| really| ever| actually| honestly)? (?:miss|notice|care) (?:me\b|if i (?:died|was gone|were gone|"
        r"disappeared|was dead|were dead|wasn't here|weren't here|killed myself))",
        context=(
            r"\b(?:day off|sick day|taking (?:a|the) day|(?:leave|left|leaving) early|skip(?:ped|ping)? (?:the|it|"
            r"class|work|school)|(?:at|from) (?:the )?(?:party|meeting|office|game|match|event|dinner|class|lesson|"
            r"practice|rehearsal|reunion|wedding|work|school) (?:if|when|tomorrow|today|tonight|this|next)\b)",
        ),
    ),
    _r(
        "self_harm",
        0.9,
        "never-wake",
        r"\b(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up|\bdon'?t want to (?:wake up|be here|"
        r"live|be alive|exist) ?(?:anymore|any more|tomorrow)?\b|\bcan'?t (?:go on|do this) (?:anymore|any more)"
        r"(?: with life)?\b|\bready to (?:say goodbye|go) (?:forever|for good)\b|\bgoodbye,? cruel world",
    ),
    _r(
        "self_harm",
        0.95,
        "plan",
        # The speaker's own plan or pull towards a way to die, said by "I" (or with no subject, as typed: "planning
        # to OD this weekend"); another person's is ``other-at-risk``.
        r"(?:^|[.!?,;:] |\bi |\bi'm |\bim |\bi am |\bi've been |\bi have been |\bi was |\bi'll |\bi will |\bbeen |"
        r"\bhonestly |\bseriously )(?:really |seriously |just |kind of |kinda |still |now )?(?:thinking (?:about|of)|"
        r"going to|gonna|want to|wanna|plan(?:ning)? to|about to|ready to|decided to|keep thinking about) "
        r"(?:jump(?:ing)? (?:in front of|under) (?:a |the )?(?:train|bus|truck|lorry|car|subway|tube)|(?:jump(?:ing)?|"
        r"throw(?:ing)? myself) (?:off|from) (?:a |the |this |that )?(?:bridge|building|roof|cliff|balcony|overpass|"
        r"parking (?:garage|structure|deck))|(?:step(?:ping)?|walk(?:ing)?) in front of (?:a |the )?(?:train|traffic|"
        rf"bus|truck)|{OVERDOSE})|"
        # Pills saved up, a known warning sign; read by the rules, so that a long message cannot dilute it.
        r"\b(?:sav(?:ed|ing) up|stockpil\w+|hoard\w*|collect\w*) (?:my (?:sleeping (?:pills|tablets)|painkillers|"
        r"opioids)|all (?:of )?my (?:\w+ )?(?:pills|tablets|meds|medication|painkillers))\b",
        *JUMPS_FOR_FUN,
        # Pills saved for a reason: a closed pharmacy, a trip, the cost.
        context=(
            r"\b(?:pharmacy|chemist|insurance|trip|travel|holiday|vacation|refill|shortage|cost|afford|money|season|"
            r"hay fever|allergy|allergies|flu|cold|winter)\b",
        ),
        where=("input",),
    ),
    _r(
        "self_harm",
        0.9,
        "method",
        r"\b(?:lethal|fatal|deadly) (?:dose|amount)\b|\bhow many (?:\w+ )?(?:pills|tablets|sleeping pills|"
        r"paracetamol|tylenol|ibuprofen) (?:\w+ ){0,4}(?:die|kill|lethal|overdose|od)\b|\b(?:painless|"
        r"quick|easy|quickest|easiest) (?:way|ways|method) (?:to|of) (?:die|dying|end (?:it|my life)|suicide)|"
        r"\b(?:jump|jumping) (?:off|from) (?:a |the )?(?:bridge|building|roof|cliff) (?:to|and) (?:die|end)|"
        r"\b(?:swallow(?:ing)?|overdos(?:e|ing) on) (?:all|every one of|the whole (?:bottle|pack|box) of) "
        r"(?:my|the|these|those) (?:pills|tablets|meds|medication|sleeping pills)|\b(?:tak(?:e|ing)|down(?:ing)?) "
        r"(?:all|the whole (?:bottle|pack|box) of) (?:my|the|these|those) (?:pills|tablets|meds|medication|"
        r"sleeping pills) (?:at once|in one go|together|and (?:die|never wake up|not wake up))|"
        # A height to fall from, asked for ("which bridge is high enough to jump from").
        r"\b(?:which|what) (?:\w+ ){0,3}(?:bridge|"
        r"building|cliff|roof|balcony|parking (?:garage|structure)) (?:\w+ ){0,7}(?:high|tall) enough (?:to (?:jump|"
        r"die|kill)|that (?:i|you|a person) (?:would|wouldn't|won't) (?:die|survive))\b|"
        rf"{HOW} (?:\w+ ){{0,2}}(?:tie|make) (?:a |the )?noose\b(?! knot)|"
        rf"{HOW} (?:(?!avoid|prevent|treat|reverse|spot|recogni|survive|help|stop|know|not\b|accidentally|you\b|"
        r"people\b|they\b|someone\b|one\b|kids\b|children\b|babies\b|dogs\b|cats\b|pets\b)\w+ ){0,2}"
        r"(?:overdose|od) on\b|(?:^|\b(?:please|can you|could you|would you|will you|help me|i need (?:you )?to|"
        r"i want (?:you )?to) )(?:write|draft) (?:me )?(?:a |my )?suicide (?:note|letter)\b",
        *JUMPS_FOR_FUN,
        OVERDOSE_ON_TREATS,
        context=(
            r"\bfor (?:my |a |our )?(?:dog|cat|pet|horse)",
            r"\b(?:halloween|decoration|prop|costume|haunted house|stage|play|film|movie|novel|story|character|"
            r"script|class|essay|analysis|hamlet|assignment|homework|literature|poem|fishing|childproof|"
            r"child-proof)\b",
        ),
    ),
    _r(
        "self_harm",
        0.85,
        "other-at-risk",
        r"\b(?:wants?|wanted|going|trying|tried|threaten\w*|talk\w* about|thinking (?:about|of)|plans?|planning)"
        r" (?:to )?(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending) (?:himself|herself|"
        r"themselves|themself|his (?:own )?life|her (?:own )?life|their (?:own )?lives?)\b|\b(?:he|she|they)"
        r"(?:'s| is| are|'re) (?:\w+ )?suicidal\b",
    ),
    _r(
        "self_harm",
        0.85,
        "other-at-risk",
        # Another's plan or pull towards a way to die. The person's words only: a reply saying "if you are planning
        # to overdose, please reach out" is care (the same for ``plan``).
        r"(?:\b(?:he|she|they)|\b(?:is|are|was|were)|'s|'re) (?:thinking (?:about|of)|going to|gonna|planning to|"
        r"plans? to|wants? to|talking about|threaten\w* to|about to) (?:jump(?:ing)? (?:in front of|under) (?:a |the )?"
        r"(?:train|bus|truck|lorry|car|subway|tube)|(?:jump(?:ing)?|throw(?:ing)? (?:himself|herself|themselves)) "
        rf"(?:off|from) (?:a |the |this |that )?(?:bridge|building|roof|cliff|balcony|overpass)|{OVERDOSE})",
        r"\b(?:jump|jumping) (?:from|off) (?:\w+ ){0,3}(?:into|onto) (?:the |a )?(?:pool|water|lake|river|sea|ocean|"
        r"quarry|crash mat|mat|trampoline|foam pit|airbag)\b",
        context=(r"\b(?:parkour|stunt|video|tiktok|youtube|trampoline|crash mat|dare)\b",),
        where=("input",),
    ),
    _r("self_harm", 0.6, "exasperation", EXASPERATION, where=("input",)),
    _r(
        "self_harm",
        0.6,
        "despair",
        r"\b(?:i feel|i am|i'm|im|feeling) (?:so |completely |totally |utterly )?(?:hopeless|worthless|"
        r"empty inside|like a burden|trapped)\b|\bcan'?t take (?:it|this|much more) (?:anymore|any more)|"
        r"\bi hate my (?:life|self)\b|\bi hate myself\b|\bwant to disappear\b|\bgive up on (?:life|everything)",
    ),
    _r(
        "self_harm",
        0.95,
        "encourage",
        r"\b(?:you should|go|just) (?:kill|hurt|cut) yourself\b|\bkys\b",
        where=("output", "input"),
    ),
    _r(
        "self_harm",
        0.95,
        "urge-output",
        # A reply urging self-harm in other words than the rule above (the classifier, trained on what people
        # write, let "You could try cutting deeper next time." through). Not "you could hurt yourself doing
        # that": a warning; a negation between the two words ("you should never...") is not matched.
        r"\b(?:you (?:should|might as well|may as well|ought to|need to|have to)|go ahead and|why not|try to) "
        r"(?:(?:just|really|maybe|go) )?(?:kill|hurt|harm|cut|starve|burn|hang|drown|poison) yourself\b|"
        r"\b(?:try|trying|start|keep) cutting (?:yourself )?deeper\b|\bcut (?:yourself )?deeper\b|"
        r"\b(?:you (?:should|might as well|may as well|ought to)|go ahead and|why not|just) (?:(?:just|really) )?"
        r"(?:end it all|end your (?:own )?life|take your (?:own )?life|commit suicide)\b|"
        r"\b(?:no ?one|nobody) (?:would|will) (?:even )?miss you\b|\b(?:everyone|the world|they|your family) "
        r"(?:would|will) be better off without you\b|\b(?:you (?:should|could)|try(?: to)?) (?:starve yourself|"
        r"skip (?:all )?(?:your )?meals|purge|make yourself (?:throw up|vomit|sick))\b|"
        # Suicide or self-harm held up as an answer ("Suicide might be the answer for you", "Cutting can help
        # release the pain"); "is never the answer", "is not a solution" are not matched.
        r"\b(?:suicide|killing yourself|ending your life|self[- ]?harm(?:ing)?|cutting|hurting yourself) "
        r"(?:is|might be|could be|would be|may be|can be) (?:(?!not\b|never\b|no\b)\w+ )?(?:the |a |an |your )?"
        r"(?:(?!not\b|never\b|no\b)\w+ )?(?:answer|solution|way out|option|choice|relief|escape|release|right)\b|"
        r"\b(?:suicide|self[- ]?harm(?:ing)?|cutting|hurting yourself) (?:can|could|will|may|might|does|would) "
        r"(?:really )?(?:help|release|relieve|ease|numb)\b",
        where=("output",),
    ),
    # --- violence (rules_attacks.py) ----------------------------------------------------------------
    *VIOLENCE,
    *ATTACKS,
    # --- weapons and CBRN ----------------------------------------------------------------------------
    _r(
        "weapons_and_cbrn",
        0.95,
        "make-weapon",
        rf"{MAKE} (?:a |an |some |my own |homemade )?(?:pipe ?bomb|bomb|explosives?|ied|molotov|grenade|"
        rf"detonator|nerve agent|sarin|vx|tabun|novichok|ricin|anthrax|botulinum|chemical weapon|"
        rf"bio ?weapon|biological weapon|dirty bomb|nuclear (?:bomb|weapon|device)|napalm|thermite|tatp|"
        rf"mustard gas|chlorine gas|poison gas|toxic gas|nerve gas|silencer|suppressor)",
        r"\b(?:bath|seed|glitter|flavou?r|calorie|photo|stink) ?bombs?\b",
        r"\bbomb(?:ed)? (?:the|my) (?:exam|test)",
    ),
    _r(
        "weapons_and_cbrn",
        0.9,
        "gun-mods",
        r"\b(?:ghost gun|untraceable (?:gun|firearm|weapon)|3d[- ]?print(?:ed|ing)? (?:a |an )?"
        r"(?:gun|firearm|pistol|rifle|receiver)|convert\w* .{0,30}(?:to|into) (?:full[- ]?auto|automatic|"
        r"machine gun)|auto sear|bump stock (?:diy|build))|"
        # Made fully automatic, or the part that does it ("a glock switch").
        r"\b(?:modify|mod|turn|make|convert)\w* (?:my |a |an |the )?(?:ar-?15|ak-?47|rifle|gun|pistol|glock|firearm)"
        r"(?! (?:safe|case|lock|cabinet|rack|cleaning|script|scope|sight|model|skin|mod)\b)(?: \w+){0,3}?"
        r"(?: (?:to|into|to be|so it(?:'s| is)))? (?:fully |full[- ]?)auto(?:matic)?\b|"
        r"\b(?:make|build|print|3d print|buy|get|install)\w* (?:a |an )?(?:glock switch|lightning link)\b",
        r"\bconvert\w* (?:my |the |a |an |our )?(?:\w+ )?(?:car|truck|transmission|gearbox|vehicle|van|gate|door|"
        r"sprinkler|system|process|workflow|script|machine|washer|blinds|lights?|heating|watering)\b",
        context=(GAMES, r"\b(?:unity|unreal|roblox|script|code|airsoft|nerf|gel blaster|paintball)\b"),
    ),
    _r(
        "weapons_and_cbrn",
        0.9,
        "cbrn",
        r"\b(?:enrich(?:ing)? uranium|weaponi[sz]e|culture (?:anthrax|plague|smallpox)|aerosoli[sz]e "
        r"(?:a |the )?(?:virus|pathogen|toxin)|make (?:a )?virus more (?:transmissible|lethal|deadly))",
    ),
    # --- cyber abuse ---------------------------------------------------------------------------------
    _r(
        "cyber_abuse",
        0.9,
        "malware",
        r"\b(?:write|create|make|code|develop|build|generate|program) (?:me )?(?:a |an |some |working )?"
        r"(?:\w+ )?(?:ransomware|malware|keylogger|computer virus|trojan|worm|botnet|rootkit|spyware|"
        r"stealer|cryptojacker|backdoor|rat\b|remote access trojan|exploit for|zero[- ]day)",
        context=(r"\b(?:detect|remove|protect against|defend against|analy[sz]e|what is|explain)\b",),
    ),
    _r(
        "cyber_abuse",
        0.9,
        "intrusion",
        r"\b(?:hack|break) (?:into )?(?:someone'?s?|somebody'?s?|my (?:ex|wife|husband|girlfriend|boyfriend|"
        r"partner|boss|neighbou?r)'?s?|his|her|their|a|an|the) (?:\w+ )?(?:account|email|phone|instagram|"
        r"facebook|snapchat|whatsapp|wi-?fi|network|computer|server|webcam|bank)|\bddos\b|\bphishing "
        r"(?:email|page|site|kit|campaign)|\bsteal (?:\w+ )?(?:passwords?|credentials|credit cards?|"
        r"identit(?:y|ies)|cookies|session tokens?)|\bbypass (?:2fa|two[- ]factor|authentication|the login)",
        # Asking what an attack looks like is learning to meet it ("what does a phishing email look like?").
        context=(
            r"\b(?:my own|protect|prevent|avoid|recogni[sz]e|spot|report|detect|defend|look like|looks like|"
            r"examples? of|signs? of|identify|tell if|what is|what's|what are)\b",
        ),
    ),
    # --- illegal drugs -------------------------------------------------------------------------------
    _r(
        "illegal_drugs",
        0.9,
        "make-drugs",
        rf"{MAKE} (?:\w+ )?(?:meth|methamphetamine|crystal meth|crack|cocaine|heroin|fentanyl|lsd|mdma|"
        rf"ecstasy|dmt|ghb|ketamine|pcp|amphetamines?)\b",
    ),
    _r(
        "illegal_drugs",
        0.8,
        "buy-drugs",
        r"\b(?:buy|get|score|order|find|purchase) (?:some )?(?:meth|cocaine|coke|heroin|fentanyl|crack|mdma|"
        r"molly|lsd|acid|drugs) (?:online|on the dark ?web|without (?:a )?prescription|near me|from a dealer)|"
        r"\bsmuggle (?:drugs|cocaine|heroin|fentanyl)",
    ),
    # --- sexual --------------------------------------------------------------------------------------
    _r(
        "sexual_minors",
        1.0,
        "minors",
        rf"\b{NOT_SEX_OF}(?:sex|sexual|nude|naked|erotic|porn\w*|explicit|lewd|nsfw|fondl\w*|molest\w*)\b.{{0,60}}\b(?:child|"
        r"children|kids?|minors?|underage|under ?age|preteens?|pre-teens?|little (?:girl|boy)|"
        r"(?:[1-9]|1[0-7])[- ]?(?:yo|year[- ]?olds?|years? old)|loli|schoolgirl|toddler)\b|\b(?:child|"
        r"children|kids?|minors?|underage|preteens?|little (?:girl|boy)|(?:[1-9]|1[0-7])[- ]?(?:yo|"
        rf"year[- ]?olds?))\b.{{0,60}}\b{NOT_SEX_OF}(?:sex|sexual|nude|naked|erotic|porn\w*|lewd|nsfw|fondl\w*)\b",
        context=(
            r"\b(?:educat\w*|protect\w*|prevent\w*|report\w*|talk to (?:my|our) (?:kids?|children) about|"
            r"sex ed|abuse (?:hotline|prevention)|signs of)\b",
        ),
    ),
    _r(
        "sexual",
        0.8,
        "explicit",
        r"\b(?:write|describe|tell|narrate|roleplay|give me) (?:me )?(?:a |an |some )?(?:\w+ )?(?:sex scene|"
        r"erotic\w*|porn\w*|explicit (?:sex|story|scene)|smut|nsfw story|dirty talk)|\bsext(?:ing)? (?:me|with)"
        r"|\b(?:send|show) (?:me )?(?:nudes|nude (?:pics|photos))",
    ),
    # --- hate, harassment, extremism ----------------------------------------------------------------
    _r(
        "hate",
        0.9,
        "dehumanise",
        r"\b(?:all |those |the |these )?(?:jews|muslims|christians|blacks|black people|whites|white people|"
        r"asians|arabs|mexicans|immigrants|refugees|gays|gay people|lesbians|trans people|transgender people|"
        r"women|men|hindus|sikhs|roma|gypsies|africans|latinos|disabled people)"
        r" (?:are|is) (?:\w+ )?(?:vermin|animals|subhuman|inferior|parasites|rats|cockroaches|a disease|"
        r"a plague|filth|savages|evil|genetically inferior)|"
        r"\b(?:jews|muslims|blacks|immigrants|gays|trans people|women) (?:should|must|deserve to) "
        r"(?:all )?(?:die|be killed|be exterminated|be gassed|be shot|be hanged|be enslaved)",
    ),
    # An atrocity praised, justified or to be done again ("why was the trail of tears a good thing", "how could we
    # recreate the holocaust", "bring back slavery"); asking what happened, why, or how to prevent it passes.
    _r(
        "hate",
        0.9,
        "hateful-joke",
        # Asked for, not talked about ("why do people tell racist jokes", "please don't tell racist jokes").
        rf"\b(?:tell|write|give|share|send)(?: me| us) (?:a |an |some |one |your (?:best|favou?rite) )?{BIGOTED} "
        rf"{JOKES}|(?:^|\b(?:please|can you|could you|would you|will you|i want you to|i need you to) )(?:tell|write|"
        rf"give|make|share|say) (?:a |an |some |one )?{BIGOTED} {JOKES}",
        # Asked for as history or for study ("racist songs from the jim crow era for my history class").
        context=(r"\b(?:history|historical|class|era|jim crow|documentary|examples? of|analy\w*|essay|museum)\b",),
    ),
    _r(
        "hate",
        0.9,
        "atrocity",
        rf"\b(?:(?:why|how) (?:was|were|is|are)|(?:explain|tell me|show|prove|argue)(?: why| that| how)?) {ATROCITY} "
        r"(?:(?:was|were|is|are) )?(?:actually |really |ultimately |in fact )?(?:a )?"
        r"(?:good|great|justified|necessary|right|deserved|beneficial|positive|the right thing)"
        r"(?: thing| idea| move)?(?: for (?:the )?(?:world|country|nation|humanity|society|everyone|them))?"
        r"(?:\s*[.?!,]|\s*$)|"
        r"\b(?:how (?:can|could|do|would|should|might) (?:i|we|you|someone|one|my \w+)|ways? to|help me|"
        r"steps? to|plan to|want to|let's) (?:\w+ )?(?:recreate|re-create|replicate|repeat|carry out|"
        r"bring back|reinstate|restart|start|organi[sz]e|commit) (?:(?!about\b|on\b|for\b|regarding\b)[\w']+ ){0,4}?"
        rf"{ATROCITY}{NOT_ABOUT}|\bbring back {ATROCITY}{NOT_ABOUT}",
        # Only words that turn the sentence against the atrocity; "stop", "remember" or "lesson" alone did not
        # ("bring back slavery, remember how good it was").
        context=(r"\b(?:prevent\w*|never again|never happens? again|lessons? (?:learned |learnt )?from)\b",),
    ),
    # A group denied rights or called lesser (rules_people.py).
    *HATE,
    # Atrocities praised, excused or to be outdone, and harm made to look good or urged (rules_content.py).
    *ATROCITY_PRAISE,
    *PROMOTE,
    _r(
        "harassment",
        0.85,
        "abuse-message",
        r"\b(?:write|compose|draft|send|make) (?:me )?(?:a |an )?(?:\w+ )?(?:threatening|threat|abusive|"
        r"insulting|harassing|humiliating|intimidating|degrading|hateful) (?:message|letter|email|text|"
        r"note|post|tweet|comment)|\b(?:help me )?(?:bully|harass|humiliate|stalk|intimidate|cyberbully) "
        r"(?:him|her|them|someone|somebody|my|a (?:kid|classmate|coworker))",
    ),
    _r(
        "harassment",
        0.85,
        "insult-output",
        r"\byou(?:'re| are) (?:a |an )?(?:\w+ )?(?:worthless|pathetic|useless|stupid|idiot|moron|loser|"
        r"disgusting|failure)\b",
        where=("output",),
    ),
    _r(
        "extremism",
        0.9,
        "extremism",
        r"\b(?:join|recruit(?:ing)? (?:for|people (?:for|to|into))|support|fund|donate to) (?:isis|isil|"
        r"al[- ]?qaeda|the taliban|hamas|hezbollah|boko haram|the kkk|ku klux klan|neo[- ]?nazis?|"
        r"atomwaffen|the base\b|proud boys)|\b(?:write|create|draft) (?:\w+ )?(?:extremist|jihadist|terrorist|"
        r"white supremacist|nazi) (?:propaganda|manifesto|recruitment|pamphlet|flyer|speech)",
        context=(
            r"\b(?:why do people|how do (?:groups|people)|history of|counter|deradicali[sz]|prevent|"
            r"explain|what (?:is|was|are))\b",
        ),
    ),
    # --- privacy -------------------------------------------------------------------------------------
    _r(
        "privacy",
        0.85,
        "dox",
        r"\b(?:find|get|look up|track down|give me|tell me|search for|dig up) (?:the )?(?:\w+ )?"
        r"(?:home address|address|phone number|location|ssn|social security number|where (?:she|he|they) "
        r"lives?) (?:of|for) (?:my ex|someone|a stranger|this (?:person|girl|guy|woman|man))|\bdox(?:x)?(?:ing)? "
        r"(?:him|her|them|someone|somebody|people|my|this|that|a|an|the)\b|\b(?:how (?:to|do i|can i|do you)|help me) "
        r"dox|\b(?:track|spy on|monitor|read) (?:my (?:wife|husband|girlfriend|boyfriend|partner|ex)'?s?|"
        r"someone'?s?) (?:\w+ )?(?:phone|location|messages|texts|whatsapp|emails?)(?! (?:settings|app))",
        context=(
            r"\b(?:how (?:to|do i|can i|could i|should i) (?:protect|hide|remove|stop|prevent)|protect (?:myself|"
            r"yourself|ourselves|me|my \w+) from|my own)\b",
        ),
    ),
    # A private person's data (rules_people.py).
    *PRIVACY,
    # --- prompt injection ----------------------------------------------------------------------------
    _r(
        "prompt_injection",
        0.95,
        "override",
        r"\b(?:ignore|disregard|forget|override|bypass) (?:all |any |the |your |my |these )?(?:\w+ )?"
        r"(?:previous|prior|above|earlier|initial|original|system|safety)? ?(?:instructions|rules|prompts?|"
        r"directions|guidelines|programming|restrictions|filters|policies|constraints)\b",
        r"\b(?:how (?:do|can) i|tips to) (?:ignore|forget) (?:my|the) (?:diet|rules of|urge)",
    ),
    _r(
        "prompt_injection",
        0.9,
        "persona",
        r"\byou are (?:now |no longer )?(?:dan\b|an? (?:unfiltered|uncensored|unrestricted|jailbroken|evil)|"
        r"free (?:of|from) (?:all )?(?:rules|restrictions))|\b(?:developer|god|jailbreak|dan) mode\b|"
        r"\bjailbr[eo]a?k\w*\b|\bpretend (?:that )?(?:you (?:have|are under)|there are) no (?:rules|"
        r"restrictions|filters|guidelines)|\bact as (?:an? )?(?:unfiltered|uncensored|unrestricted)",
        r"\bjailbreak (?:my|an?|the) (?:iphone|phone|ps\d|switch|console|kindle)",
    ),
    _r(
        "prompt_injection",
        0.9,
        "exfiltrate",
        r"\b(?:reveal|show|print|repeat|output|tell me|give me|what (?:is|are)|leak) (?:me )?(?:your|the) "
        r"(?:\w+ )?(?:system prompt|initial prompt|hidden (?:prompt|instructions)|(?:original |secret )?"
        r"instructions)\b",
    ),
    _r(
        "prompt_injection",
        0.9,
        "role-tags",
        r"<\|im_start\|>|<\|system\|>|\[/?inst\]|^ ?(?:system|assistant) ?:|### ?(?:system|instruction)|"
        r"\bnew (?:system )?instructions ?:|<\|(?:begin|end)_of_text\|>",
    ),
    _r(
        "prompt_injection",
        0.9,
        "other-language",
        rf"^{POLITE}(?:(?:can|could|would) (?:we|you) |let'?s |i want (?:you )?to |i'd like (?:you )?to )?"
        r"(?:(?:answer|reply|respond|speak|talk|write|say (?:it|that)|continue|chat|talk to me|speak to me)"
        rf"(?: to me)?(?: only)? in {LANGUAGES}|switch (?:over )?to {LANGUAGES}|(?:do|can) you (?:speak|"
        rf"understand) {LANGUAGES}|(?:use|in) {LANGUAGES}(?: (?:instead|now))?)(?:,? (?:instead|from now on|"
        r"please|now|for me|for the rest of (?:the|this) (?:conversation|chat)))*[ .!?]*$",
        where=("input",),
    ),
    _r(
        "prompt_injection",
        0.9,
        "leak-output",
        r"\b(?:my|the) (?:system prompt|instructions) (?:say|says|is|are)\b|\bi am tenor,? a kind, honest\b",
        where=("output",),
    ),
)


def line_breaks(views: list[str], lined: str | None) -> list[tuple[int, ...]]:
    """For each view, where ``lined`` (the first view with its line breaks kept) breaks a line, if the view is the
    first or its leetspeak undone (a character for a character); else nothing: the other views change lengths."""
    if not lined or "\n" not in lined:
        return [() for _ in views]
    candidates = [lined, normalize.deleet(lined)]
    out: list[tuple[int, ...]] = []
    for view in views:
        found: tuple[int, ...] = ()
        for candidate in candidates:
            if len(candidate) == len(view) and candidate.replace("\n", " ") == view.replace("\n", " "):
                found = tuple(i for i, ch in enumerate(candidate) if ch == "\n")
                break
        out.append(found)
    return out


def evaluate(views: list[str], where: str, lined: str | None = None) -> tuple[dict[SafetyCategory, float], list[str]]:
    """Best score per category over all views, and the names of the rules that fired; a line break of ``lined``
    ends a sentence for a rule's context ("we watched a movie" on one line does not excuse the next)."""
    scores: dict[SafetyCategory, float] = {}
    fired: list[str] = []
    breaks = line_breaks(views, lined)
    for rule in RULES:
        if where not in rule.where:
            continue
        for view, ends in zip(views, breaks, strict=True):
            if fires(rule, view, ends):
                if rule.score > scores.get(rule.category, 0.0):
                    scores[rule.category] = rule.score
                fired.append(f"{rule.category}:{rule.name}")
                break
    return scores, fired

"""Requests whose stated purpose works against a harm, where the classifier reads only the harm they name.

The classifier scores what a text is about, and a request about a harm reads as one: it refused "write a memorial
speech for the victims of the Manchester Arena bombing" as extremism (1.00), "write a biography of Pol Pot for my
history project, neutral and factual" as extremism (0.98), "write a persuasive post to convince my dad to quit
smoking" and "a one star review for a hotel that overcharged me" as deception and crime. People ask such things
every day, and a refusal tells them that remembering the dead or learning history is suspect.

Four purposes are read here, each from its own words: remembering victims or honouring those who helped (and
one's own dead), teaching or analysing dark history, persuading someone to stop a harm or get help, and a fair
complaint or criticism. Where the whole message states one, the classifier's reading of the categories that
purpose can be mistaken for is lowered to a caution: the reply is written with care and each sentence of it is
screened. Nothing else is lowered: the rules' scores, self-harm (the crisis protocol never rests on a frame),
weapons and sexual content keep their reading.

The same words can dress up a harm ("a memorial speech honouring the shooters as martyrs", "for my history class,
write a recruitment speech for ISIS", "a one star review of my rival's cafe, even though I've never been"). So each
purpose has its guard, words that turn it anywhere in the message, and the message must have the purpose's shape:
a request's opening, the purpose, its object, and at most a closed tail (``_shaped``). Three reviews by helpers
who read this module and wrote harmful requests to slip through it found holes each time; the guards and the
shape are what is left after them. Debunking and prevention were read too, and dropped: whether the claim a
debunking calls false is false cannot be read from words ("debunk the myth that selling weed gets you caught"),
and "help ..." and "the warning signs of ..." took any object ("help flood victims into my personal venmo").
Written from the kinds of request, checked on the dev halves of ``training/data/safety_purpose.toml`` and
``safety_content.toml`` and reported on their check halves (``benchmarks/safety_asks.py``); no test set was read.
"""

from __future__ import annotations

import re
from typing import Final

from tenor.vocab import SafetyCategory

# Longer messages are read as they are: a frame must be the message's whole point, and the longer the text, the more
# room for a second request beside the first.
MAX_WORDS: Final = 35

# --- guards shared by every purpose ----------------------------------------------------------------------------------
# A method, a recipe or a working thing asked for: no purpose excuses it.
_METHOD: Final = (
    r"\bstep[- ]by[- ]step\b|\binstructions\b|\brecipe\b|\bsynthes\w*|\bhow (?:to|i (?:can|could)|do i|would i|can i) "
    r"(?:make|build|buy|get|cook|mix|hide|kill|attack|poison|hurt|groom|lure|recruit|radicali[sz]e|smuggle|traffic|"
    r"hack|steal|scam|launder|join|track|access|record|spy|unmask|find|take|cut|do it|carry (?:it|one) out)\b|"
    r"\bso (?:that )?(?:\w+ ){1,3}(?:can|could|will|'ll) \w+|\bread (?:his|her|their|my \w+'s) (?:texts|messages|"
    r"emails|"
    r"dms|diary|chats)|\bwhere'?s the (?:best|cheapest|easiest) place to (?:buy|get|find)|\bwho sells\b|\bcan i make\b|"
    r"\b(?:code|payloads?|(?:python|bash|powershell|attack|exploit|bot|botnet|phishing|call|scam) scripts?|working "
    r"(?:code|exploits?|malware|virus|scripts?|payloads?|versions?|copy)|exploits?|malware|spyware|trackers?|variants?|"
    r"bots?)\b|\bmy own\b|\bsample (?:email|message|text)|"
    r"\bwhere (?:to|can i|do i|could i|should i) (?:buy|get|find|order|score)\b|\bno prescription\b"
)
# Getting away with a harm.
_EVADE: Final = (
    r"\bwithout (?:being |getting )?(?:caught|noticed|detected|traced|found out|flagged)|\bwithout (?:\w+ ){1,3}"
    r"(?:finding out|noticing|knowing|seeing|suspecting|catching|consent|permission|a warrant)\b|\bget(?:ting)? away "
    r"with\b|\bso (?:that )?(?:no ?one|nobody|they|the police|my (?:parents|family|wife|husband)) (?:won't |doesn't |"
    r"don't |can't |never )?(?:notices?|finds? out|knows?|sees?|suspects?|catch(?:es)?)\b|\b(?:hide|hiding|conceal\w*|"
    r"evade|evading|dodge|cover(?:ing)? up|secret(?:ly)?|hidden (?:cameras?|trackers?|apps?|devices?|microphones?|"
    r"mics?)|behind (?:her|his|their) back|without papers)\b|"
    r"\bavoid (?:detection|being "
    r"(?:caught|noticed|detected|flagged)|getting (?:caught|flagged)|the police|suspicion)"
)
# A second request riding on the first ("..., and write a post saying...", "then write the broadcasts", "rewrite it
# as a call to arms"), or the purpose reached by a means ("... by slashing his tyres"): the purpose covers one thing.
_SECOND: Final = (
    r"\b(?:and|then) (?:\w+ ){0,2}(?:write|rewrite|draft|post|tell me|give me|list|prove|show|find|send|make|"
    r"create|say|saying|explain how|help me)\b|\b(?:rewrite|turn|recast|rework|redo) (?:it|this|that|them) "
    r"(?:as|into)\b|\bas an? (?:\w+ )?(?:speech|post|flyer|leaflet|call|letter|video|script|song|poem|message) "
    r"(?:urging|calling|telling|asking|saying|encouraging)\b|\bin the same (?:style|voice|words)\b|"
    r"\bin (?:his|her|their) own (?:words|voice)\b|\bwould (?:use|say|play|write|broadcast|post|sing|chant)\b|"
    r"\bby (?:\w+ing|having|telling|making|getting)\b|"
    r"\bends? with\b|\bwith (?:a|an|some|his|her|their|my|our|a few|the)\b|\bfor me to\b|\bfor (?:a|the|"
    r"my) (?:leaflet|flyer|pamphlet)s? (?:i'm|i am|we're|to) (?:handing|hand|giving)"
)
# The harm or its doers made to look good, or an atrocity made less.
_PRAISE: Final = (
    r"\b(?:prais\w*|glorif\w*|heroic|heroe?s?|patriots?|martyrs?|shaheed|legends?|legendary|admir\w*|worship\w*|"
    r"idoli[sz]\w*|romantici[sz]\w*|justif\w*|deserved?|had it coming|got what (?:they|he|she) (?:asked for|deserved)|"
    r"good riddance|inspir(?:ing|ation|ational)|icons?|iconic|defenders? of|saint(?:ly)?|role models?|needed|required|"
    r"overdue|sacrific\w*|devot\w*|loyal\w*|"
    r"rest in power|for "
    r"the cause|upholders?|defend(?:ing|ed)? the|legitimate|benefits?|inflat\w*|overstat\w*|unreliable)\b|"
    r"\bsupport\w* (?:\w+ )?(?:armed|cause|struggle|fight|jihad|movement|war|regime|rule)\b|"
    r"\b(?:look|sound|seem|feel)s? (?:\w+ )?(?:cool|good|fun|funny|great|heroic|romantic|glamorous|harmless|normal|"
    r"fine|ok|okay|epic|badass|noble|right)\b|\b(?:was|were|is|are|been) (?:\w+ )?(?:good|great|right|justified|"
    r"necessary|worth it|beneficial|a blessing|kind|a good thing|for the best|overblown|not that bad|superior|"
    r"inferior|lies|a lie|made up)\b"
)
# A falsehood written to order, or written as someone else.
_DECEIVE: Final = (
    r"\b(?:fake|made[- ]up|invent\w*|pretend\w*|fabricat\w*|even though|false(?:ly)?|lie about|make up|posing as|"
    r"impersonat\w*|claiming to be|headed paper|letterhead|sounds? real|fill in|(?:doesn't|does not) exist|sent to me|"
    r"paid to me|to my (?:account|paypal|wallet|bank)|as if (?:i|we) (?:were|was|had)|sock ?puppets?|accounts?|"
    r"signed (?:with|as|by)|under (?:a )?"
    r"(?:different|fake|false) names?|(?:different|other|several|many|multiple) (?:customers|names|people|reviewers)|"
    r"never (?:been|went|stayed|ate|bought|used|visited|tried|met)|(?:didn't|did not|haven't|have not|never) (?:\w+ )?"
    r"(?:stay|stayed|eat|eaten|visit|visited|buy|bought|use|used|go|gone|been|try|tried|read)|there (?:are|were|is|"
    r"was) (?:none|no \w+)|(?:isn't|is not|aren't|are not|wasn't) (?:true|real)|from (?:his|her|their|my) \w+'s "
    r"(?:email|phone|number|account)|(?:\d+|ten|twenty|fifty|a hundred|dozens of|a bunch of|lots of|several|"
    r"multiple|two|three|four|five|six|seven|eight|nine|eleven|twelve|fifteen) (?:\w+ )?(?:reviews|posts|comments|"
    r"replies)|burners?)\b"
)
# Persuasion or a part played, where a text should inform; or denial.
_ADVOCATE: Final = (
    r"\b(?:persuasive|convinc(?:e|ing)|persuad(?:e|ing)|argu(?:e|es|ing) (?:that|for|in favou?r)|in favou?r of|"
    r"recruit(?:s|ing|ment)?|teach(?:es|ing)? (?:\w+ )?that|"
    r"manifesto|propaganda (?:poster|leaflet|speech|video|post|flyer|pamphlet|song|piece|campaign)s? (?:that|to)|"
    r"(?:write|make|create|draft|give me) (?:some |a |an |new )?(?:\w+ )?propaganda|in the (?:voice|words|style) of|"
    r"as if (?:you|i) (?:were|was|are)|first[- ]person|role[- ]?play|pretend|from (?:the|their|his|her) "
    r"(?:perspective|point of view|side)|deny(?:ing)?|denies|didn't happen|never happened|exaggerat\w*|hoax|staged|"
    r"alleged|supposed|so-called|replacement|calls? to arms|slogans?|pledge|allegiance|urg(?:e|es|ing)|"
    r"call(?:ing)? (?:on|for)|"
    r"sign (?:\w+ )?up)\b"
)
# Those who did the harm, and the movements that did it.
_DOERS: Final = (
    r"\b(?:shooters?|bombers?|gunm[ae]n|attackers?|terrorists?|killers?|perpetrators?|murderers?|hijackers?|"
    r"jihadis?|jihadists?|nazis?|the ss|einsatzgruppen|khmer rouge|interahamwe|janjaweed|isis|isil|islamic state|"
    r"caliph(?:ate)?|al[- ]?qaeda|al[- ]?shabaab|boko haram|taliban|hamas|hezbollah|kkk|klan\w*|klansm[ae]n|lynch "
    r"mobs?|confedera\w*|hitler|himmler|goebbels|mcveigh|breivik|tarrant|kaczynski|unabomber|bin laden|"
    r"(?:eric|dylan|klebold|harris) and (?:dylan|eric|klebold|harris)|militias?|fighters|resistance|brothers)\b|"
    r"\bwho (?:\w+ ){0,2}(?:killed|shot|burned|"
    r"burnt|cleansed|massacred|beat|lynched|attacked|bombed|murdered|slaughtered|raped|gassed|fought for|died for|fell "
    r"(?:for|defending)|gave their lives for|cleared|stormed|carried out|fell in|struck|executed|purged)\b"
)
# Violence called for, or a group made a target: the words a remembrance and a complaint must not carry (without
# "dead" and "die", which remembering the dead says).
_ACTS: Final = (
    r"\b(?:flatten\w*|responsible|vermin|targets?|hit back|revenge|string (?:\w+ )?up|hang\w*|lynch\w*|torch\w*|"
    r"disappear|beat\w*|kick\w*|slash\w*|bricks?|sent round|stab\w*|shoot (?:up|them|him|her)|wipe\w* out|listing|"
    r"list of|burn\w* (?:down|out)|gallows|nooses?|firing squad|end up like)\b|\b(?:make|made|"
    r"making) (?:\w+ ){0,3}pay\b"
)
# Threats, insults, and a private person's whereabouts or name exposed.
_THREAT: Final = (
    r"\b(?:threat\w*|kill|hurt|die|dead|rape|burn|shoot|bomb|beat|beat up|punch|address|where (?:he|she|they) "
    r"(?:lives?|works?)|workplace|real name|phone number|ruin|destroy|dox\w*|expos\w*|unmask\w*|pile on|scare\w*|"
    r"afraid|regret|humiliat\w*|secrets?|slurs?|ugly|stupid|idiot|whore|slut|bitch|run (?:\w+ ){0,3}out|deport\w*|"
    r"walled off|move out|a danger to|invasion|invaders|go round|i know where)\b|\beveryone (?:to )?(?:report|attack|"
    r"flood|spam|message)\b"
)
_ALWAYS: Final = f"{_METHOD}|{_EVADE}|{_SECOND}"

# --- the purposes ----------------------------------------------------------------------------------------------------
# Remembering victims, or honouring those who helped them: a remembrance and the victims or helpers it is for.
_HONOURED: Final = (
    r"(?:victims?|survivors?|those (?:who|we) (?:died|lost|were lost|were killed)|the (?:dead|lost)|passengers|"
    r"crew|firefighters?|nurses?|doctors?|paramedics?|police officers?|teachers?|rescuers?|(?:first )?responders|"
    r"families|people (?:who|we) (?:died|lost|were lost|were killed)|people killed|my (?:\w+ )?(?:grandad|"
    r"grandpa|"
    r"grandfather|grandma|granny|grandmother|nan|mum|mom|mother|dad|father|brother|sister|son|daughter|friend|uncle|"
    r"aunt|auntie|cousin|husband|wife|partner|colleague|coworker|teacher|neighbou?r|best friend|boss))"
)
_REMEMBER: Final = re.compile(
    r"\b(?:memorials?|eulog(?:y|ies|ise|ize)|vigils?|remembrance|commemorat\w*|obituar(?:y|ies)|condolences?|"
    r"sympathy (?:card|note|message|letter)|in memory of|in memoriam|minute'?s silence|moment of silence|"
    r"honou?r\w*|remember\w*|mourn\w*|pay(?:ing)? tribute to|tribute to|thank\w*) (?:\w+ ){0,5}?"
    rf"(?:for|of|to|honou?ring|remembering|thanking)? ?(?:\w+ ){{0,3}}{_HONOURED}\b|"
    # A day of remembrance by its name.
    r"\b(?:holocaust memorial|remembrance|memorial|armistice|veterans'?|anzac|yom hashoah) (?:day|sunday)(?=[ .!?]*$|,)"
)
# Mocking the dead, blaming them, celebrating their deaths, or turning a remembrance against a group.
_MOCK: Final = (
    r"\b(?:should|must|will|deserve to) (?:\w+ ){0,2}(?:pay|suffer|go home|leave|be (?:driven|wiped|strung|hunted|"
    r"kicked|sent|deported))|\b(?:drive|kick|send|throw) (?:\w+ ){0,3}out\b|\bnot welcome\b|\bby force\b|\bprovoked\b|"
    r"\bfabricat\w*|\binvent\w*|\bgo home\b|\btake (?:it|our \w+) back\b|"
    r"\b(?:funny|jokes?|joking|mock\w*|memes?|roast\w*|laugh\w*|lol|karma|finally gone|(?:their|his|her|its) own "
    r"fault|brought it on (?:themselves|himself|herself)|asked for it|to blame)\b|\bcelebrat\w* "
    r"(?:\w+ ){0,3}(?:deaths?|killings?|attacks?|shootings?|bombings?|massacres?|genocides?|victory)\b"
)
# Teaching or analysing: a neutral piece about a dark subject, for a class or for understanding.
_TEACH: Final = re.compile(
    r"\b(?:analy[sz]\w*|summar(?:y|ies|i[sz]e\w*)|biograph\w*|lesson plans?|lessons? (?:for|on|about)|timelines?|"
    r"overviews?|history of|"
    r"(?:essay|report|paper|article|lecture|presentation|explainer|summary|paragraph|talk|worksheet|quiz) "
    r"(?:about|on) (?:how|what|the (?:causes|rise|history|origins|legacy|impact|aftermath))|what (?:drove|led|"
    r"motivated)|causes of|(?:the )?(?:rise|fall|origins|legacy|aftermath) of|"
    r"compar(?:e|ing|ison)|discuss\w*|(?:neutral|factual|balanced|objective|critical) (?:\w+ )?(?:account|"
    r"overview|summary|biography|history|analysis))\b"
)
# A how-to summarised is a how-to ("summarise the anarchist cookbook's chapters", "compare ransomware strains for
# locking up a hospital network", "the techniques for spoofing a caller id").
_MANUAL: Final = (
    r"\b(?:cookbooks?|manuals?|handbooks?|playbooks?|guides?|chapters?|instructions|techniques?|methods?|tactics|"
    r"tricks|lines|kits?|wording|magazines?|articles|issues|ways|targets?|keyloggers?|stalkerware|ransomware|"
    r"unseen|invisible|undetect\w*)\b|\bhow to \w+|\bto (?:buy|send|sell)\b|\bfor (?:his|her|"
    r"their) (?:fans|followers|supporters)\b|\bfor \w+ing\b|\bwhich (?:\w+ ){0,3}(?:work|works|get|gets|succeed\w*)\b"
)
# Persuading someone to stop a harm or to get help: only these goals, so "convince my dad to stop his insulin"
# is not one.
_PERSUADE: Final = re.compile(
    r"\btalk(?:ing)? (?:\w+ ){1,3}out of (?:driving (?:home )?(?:drunk|high|after (?:drinking|a few))|drink[- ]driving|"
    r"drunk driving|drinking and driving|hurting (?:him|her|them)sel(?:f|ves)|killing (?:him|her|them)sel(?:f|ves)|"
    r"self[- ]harm\w*|suicide|relapsing|using again|going back to (?:him|her|them|an abuser|the abuser)|joining (?:a "
    r"gang|a cult|an extremist \w+)|joining (?:a|an|the) (?:\w+ ){0,2}?(?:gang|cult|group|militia|movement|taliban)|"
    r"gambling|buying a gun)\b|"
    r"\b(?:convinc\w*|persuad\w*|encourag\w*|get|talk|urg\w*|help|motivat\w*|nudge|remind|ask\w*|beg\w*) (?:my|our|a|"
    r"an|the|his|her|their|him|her|them) (?:\w+ ){0,3}?(?:to |into )?(?:quit(?:ting)? (?:smoking|drinking|vaping|"
    r"gambling|drugs|cigarettes|alcohol|booze|weed|heroin|meth|opioids|painkillers)|stop(?:ping)? (?:smoking|"
    r"drinking|vaping|gambling|using|doing drugs|driving|selling (?:weed|drugs)|taking (?:meth|drugs|heroin|coke|"
    r"cocaine|speed|ketamine)|drink[- ]driving|driving drunk|drinking and driving|texting (?:and|"
    r"while) driving|self[- ]harming|cutting|hurting (?:him|her|them)sel(?:f|ves))|giv(?:e|ing) up (?:smoking|"
    r"drinking|vaping|gambling|cigarettes|alcohol|drugs)|cut(?:ting)? (?:down|back) on|(?:see|visit|talk to|speak to|"
    r"call) (?:a|her|his|their|the|my) (?:doctor|gp|therapist|counsell?or|dentist|specialist|psychiatrist|"
    r"pharmacist|nurse)|get (?:help|checked|tested|vaccinated|treatment|therapy|a (?:check-?up|mammogram|vaccine|"
    r"screening|flu shot))|go (?:to|into) (?:rehab|therapy|the doctor|the hospital|a&e|the er|treatment|detox)|"
    r"call (?:a|the) (?:\w+ ){0,3}(?:helpline|hotline|crisis line)|call (?:a|the|her|his|their) doctor|call 988|"
    r"(?:keep|carry|get|buy) (?:\w+ ){0,2}(?:narcan|naloxone|epipens?|smoke (?:alarms|detectors))|install (?:\w+ )?"
    r"smoke (?:alarms|detectors)|keep taking (?:her|his|their) (?:meds|medication|medicine|pills|insulin)|wear (?:a|"
    r"her|his|their) (?:seatbelt|seat belt|helmet|mask)|leave (?:him|her|them|an abusive|a violent|the abusive|that "
    r"abusive))\b"
)
# What turns a persuasion: against a treatment, or by deceit or force.
_COERCE: Final = (
    r"\b(?:not to|stop(?:s|ping)? taking (?:his|her|their|my|the) (?:\w+ )?(?:meds|medication|medicine|pills|insulin|"
    r"tablets|antidepressants|treatment|chemo\w*)|refus\w*|skip\w*|instead of|trick\w*|guilt\w*|threaten\w*|"
    r"blackmail\w*|"
    r"cut (?:\w+ )?off|report (?:him|her|them))\b"
)
# A complaint, a review or criticism of what people and businesses did in public.
_CRITICISE: Final = re.compile(
    r"\b(?:(?:negative|bad|honest|critical|one[- ]star|1[- ]star|two[- ]star|2[- ]star|harsh|scathing|stern(?:ly "
    r"worded)?|angry|fair|firm|polite|strongly worded) (?:\w+ )?(?:reviews?|complaints?|letters?|emails?|feedback)|"
    r"(?:reviews?|complaints?|letters? of complaint|complaint letters?) (?:of|for|about|to|against) (?:the|a|an|this|"
    r"that|our|my) (?:\w+ ){0,3}?(?:restaurant|hotel|airline|company|shop|store|landlord|bank|council|school|"
    r"hospital|clinic|service|product|app|game|movie|film|book|album|airbnb|gym|garage|mechanic|builder|"
    r"contractor|provider|insurer|cafe|bar|salon|venue|seller|delivery|courier)|criticis\w*|criticiz\w*|critiqu\w*|"
    r"protest (?:signs?|slogans?|chants?|banners?|letters?|speech)|petitions? (?:against|to|for)|"
    r"letters? to (?:my|the|our) "
    r"(?:mp|senator|congress\w*|representative|councill?or|council|mayor|governor|editor|school board))\b"
)
# A complaint that is an attack: false dirt, a rival's or a former partner's business, a private household, drugs.
_SMEAR: Final = (
    r"\b(?:full of|infested|rats|bedbugs|cockroaches|drug dealers?|thie(?:f|ves)|criminals?|so (?:nobody|no one)|"
    r"my (?:ex|rival|competitor|boss)'?s?|competitor'?s?|new family|darknet|dark web|dealers?|vendors?|pill press|"
    r"coke|cocaine|heroin|fentanyl|meth|xanax|adderall|oxy\w*|ketamine|counterfeit|without a (?:script|prescription)|"
    r"home \w+|(?:his|her|their) street)\b"
)

# Each purpose: its words, what turns it, the categories whose classifier reading it may lower, and the most words
# its object may have after them (``deception``
# folds into cyber_abuse and ``crime`` into illegal_drugs). Not hate for a debunking or a lesson: "debunk the myth
# that all races are equal" and "an essay about why <a group> ..." are how a hateful claim is asked for.
_PURPOSES: Final[tuple[tuple[str, re.Pattern[str], re.Pattern[str], frozenset[SafetyCategory], int], ...]] = (
    (
        "remembers",
        _REMEMBER,
        re.compile(f"{_DOERS}|{_MOCK}|{_PRAISE}|{_ADVOCATE}|{_ACTS}|{_ALWAYS}"),
        frozenset({"violence", "extremism", "hate"}),
        10,
    ),
    (
        "teaches",
        _TEACH,
        re.compile(f"{_PRAISE}|{_ADVOCATE}|{_MANUAL}|{_DECEIVE}|{_ALWAYS}"),
        frozenset({"extremism", "cyber_abuse"}),
        10,
    ),
    (
        "persuades-to-stop",
        _PERSUADE,
        re.compile(f"{_COERCE}|{_DECEIVE}|{_THREAT}|{_ACTS}|{_ALWAYS}"),
        # Extremism: "talk my brother out of joining the taliban".
        frozenset({"cyber_abuse", "illegal_drugs", "violence", "extremism"}),
        # Nothing after the goal: "... to call her doctor for extra oxycodone to sell".
        0,
    ),
    (
        "criticises",
        _CRITICISE,
        re.compile(f"{_DECEIVE}|{_THREAT}|{_SMEAR}|{_PRAISE}|{_ACTS}|{_ALWAYS}"),
        frozenset({"cyber_abuse", "illegal_drugs", "violence"}),
        10,
    ),
)
# --- the shape of the message ---------------------------------------------------------------------------------------
# Guards list words, and words can always be found that they lack. So the message must also be only the purpose:
# before its words, a request's opening (at most ``MAX_LEAD_WORDS``: "hey tenor, can you help me write a short"), and
# after them, its object (at most as many words as the purpose allows: "of the Manchester Arena bombing"; none after
# a persuasion's goal) and, after one comma, a closed tail (a class, an audience, a manner). No second sentence, no
# dash, no clause of the asker's own ("..., i want his car torched", "... so our cell can learn from it", "... when
# he'd earn more running lines for me"), nothing that says what the piece should say ("... saying every muslim
# should pay", "... about why their villages must burn").
MAX_LEAD_WORDS: Final = 10
_BREAKS: Final = re.compile(r"[.;:!?\u2014\u2013()\"]| - ")
# Words that open a clause or tell what the piece says.
_CLAUSE: Final = re.compile(
    r"\b(?:but|then|also|plus|now|so|because|while|though|although|unless|until|if|once|i|i'm|i'd|i'll|i've|im|"
    r"we|we're|we'll|our cell|saying|says|say|telling|tells|claiming|claims|calling|calls|arguing|argues|"
    r"showing|shows|proving|proves|explaining|blaming|blames|asking|urging|urges|conclud\w*|enough|way|"
    r"style|voice|version|spirit|adapt\w*|storyboard\w*|repeat|follow|copy|name|naming|via|instead|when|whenever|"
    r"before|ahead|through|during|where|who'll|warning|reminding|he'll|she'll|they'll|he'd|she'd|they'd|needs?|must|"
    r"alleged|supposedly|so-called|demand\w*|begg\w*|insist\w*|jihad|crosshairs)\b|\bbe \w+(?:ed|en|wn)\b|"
    r"\bfor \w+ing\b|\b(?:about|on) (?:why|how|\w+ing)\b"
)
# "and" only joins those a piece is for or about ("the passengers and crew", "myths and facts").
_AND: Final = re.compile(
    r"\band (?!(?:the |their |his |her |its |all )?(?:crew|families|family|survivors|staff|students|teachers|friends|"
    r"children|loved ones|responders|wounded|injured|victims|facts|truth|evidence|history|legacy|aftermath|causes|"
    r"consequences|impact|rise|fall|people|community|communities|relatives|colleagues|neighbou?rs)\b)"
)
# What may follow the object after one comma: a class, an audience or a manner.
_FOR: Final = (
    r"(?:for|in) (?:my|our|a|an|the|his|her|their) (?:\w+ ){0,3}?(?:class|lesson|course|project|assignment|homework|"
    r"essay|students|pupils|school|community(?: cent(?:er|re))?|church|mosque|synagogue|temple|newsletter|website|blog|"
    r"page|group|club|assembly|service|anniversary|memorial|vigil|podcast|documentary|museum|exhibit(?:ion)?|team|"
    r"staff|"
    r"workplace|office|council|surgery|clinic|parents|kids|children|readers|followers|family)"
)
_TAIL: Final = re.compile(
    rf"^(?:{_FOR}|please|thanks|thank you|(?:keep it |make it )?(?:short|brief|simple|gentle|kind|factual|neutral|"
    r"respectful|honest|calm|polite|firm|clear|warm)(?: and (?:short|brief|simple|gentle|kind|factual|neutral|"
    r"respectful|honest|calm|polite|firm|clear|warm))?|stick(?:ing)? to (?:the |documented |known |verified |public )?"
    r"facts|based on (?:what|the|their|his|her|its|public|documented|news|published|official) (?:\w+ ){0,5}\w+|"
    r"(?:my|our) \w+ (?:believes?|keeps? (?:saying|sharing|posting)|thinks?|shared|sent me) (?:it|this|that))$"
)
# The class or audience may also close the object without a comma ("... the Khmer Rouge years for my history class").
_FOR_AT_END: Final = re.compile(rf" ?{_FOR}$")
# After a persuasion's goal, only what the goal is about, and when: "see a doctor about her cough", "stop using
# heroin", "call the helpline tonight"; never a purpose or a place ("... for extra oxycodone to sell").
_GOAL_OBJECT: Final = re.compile(
    r"^(?:(?:about|for) (?:her|his|their|my|your) (?:\w+ ){0,2}?\w+|(?:\w+ )?(?:heroin|meth|coke|cocaine|crack|drugs|"
    r"pills|weed|alcohol|opioids|fentanyl|ketamine|speed|painkillers|xanax|vapes?|booze|cigarettes))?"
    r"(?: ?(?:tonight|today|now|soon|this (?:week|weekend|month|year)|again|for good|once and for all|before it's too "
    r"late))?$"
)


# The words a request's opening is made of: asking, the piece asked for and its manner, and whom it is for. A word
# outside them means the opening says more than "write me a ...", and a harm may be in it ("lock my dad in the
# basement to get him to stop drinking", "a speech calling immigrants parasites in memory of the victims").
_LEAD_WORDS: Final = frozenset(
    """hey tenor ok okay please can could would will you i me my our we need want like to i'd i'm help write draft
    compose make create prepare put together give find suggest word plan say send how do what should is there a an the
    some short shorter brief simple quick little nice heartfelt gentle kind moving respectful formal sternly strongly
    worded polite firm honest angry fair critical negative one star two 1 2 harsh scathing neutral factual balanced
    speech eulogy poem letter email e-mail text message note card post tribute prayer reading words paragraph essay
    article report summary timeline overview lesson plan biography presentation talk script assembly petition review
    complaint sign slogan banner op-ed column tweet thread caption leaflet flyer page plaque service just really for
    mum mom dad mother father brother sister son daughter friend uncle aunt auntie cousin husband wife partner
    boyfriend girlfriend grandad grandpa grandma granny nan roommate flatmate housemate coworker co-worker colleague
    neighbour neighbor boss teenager teen kid kids child best""".split()
)


def _shaped(lead: str, rest: str, most: int) -> bool:
    """Whether the text before a purpose's words is only a request's opening, and the text after them only its object
    (``most`` words at most; a persuasion's, ``most`` 0, only ``_GOAL_OBJECT``) and a closed tail (``_TAIL``)."""
    lead_words = lead.split()
    if len(lead_words) > MAX_LEAD_WORDS or _BREAKS.search(lead) or "," in lead.rstrip(", ")[12:]:
        return False
    if any(word.strip(",") not in _LEAD_WORDS for word in lead_words):
        return False
    if re.search(
        r"\b(?:and|but|then|because|after|so|if|saying|telling|claiming|asking|urging|i'm|i am|i want|i'll|"
        r"i've|we're|we want)\b",
        lead,
    ):
        return False
    body = rest.strip().rstrip(".!? ")
    obj, comma, tail = body.partition(",")
    if comma and not _TAIL.match(tail.strip()):
        return False
    obj = _FOR_AT_END.sub("", obj).strip()
    if most == 0:
        return _GOAL_OBJECT.match(obj) is not None
    if _BREAKS.search(obj) or len(obj.split()) > most:
        return False
    return not _CLAUSE.search(obj) and not _AND.search(obj)


_NONE: Final[tuple[str, frozenset[SafetyCategory]]] = ("", frozenset())


def counter_purpose(view: str) -> tuple[str, frozenset[SafetyCategory]]:
    """The purpose against a harm that the whole message states (its first normalised view, ``normalize.views``:
    lower case, whitespace collapsed), and the categories whose classifier reading it lowers; ("", empty) for
    none. Every purpose whose words are there must be clear of its guard ("debunk the claim that vaccines are
    safe, an analysis for my class" is not a lesson), and the first of them decides."""
    if len(view.split()) > MAX_WORDS:
        return _NONE
    found = [(n, m, guard, cats, most) for n, words, guard, cats, most in _PURPOSES if (m := words.search(view))]
    if not found or any(guard.search(view) for _, _, guard, _, _ in found):
        return _NONE
    name, match, _, categories, most = found[0]
    if not _shaped(view[: match.start()], view[match.end() :], most):
        return _NONE
    return name, categories

"""Rules for what is asked about people: a private person's data, and a group of people denied rights or called
lesser.

Both were left to the classifier, which reads them poorly when asked plainly: "what's my coworker's home
address?" and "why shouldn't immigrants be allowed to vote?" name no weapon and no harm word. Written from the
kinds of request (privacy: someone else's secrets, whereabouts and contact details; hate: a real group denied an
ordinary right or called inferior), never from a test set; checked on the dev half of
``training/data/safety_asks.toml`` and reported on its check half (``benchmarks/safety_asks.py``).

What they leave alone: one's own data ("how do I find my social security number"), protecting it ("how do I stop
my ex finding my new address"), institutions' public details ("the museum's phone number"), fictional and
named people (a name cannot tell a real neighbour from a detective in a novel: the classifier reads those),
history ("why weren't women allowed to vote before 1920"), counter-speech ("why is it wrong to say immigrants
are lazy"), and rights no one has ("why shouldn't jewish people be allowed to time travel").
"""

from __future__ import annotations

from typing import Final

from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

# --- privacy --------------------------------------------------------------------------------------------------
# Asking for, or to get, something: the words before the data in the same sentence ("know" and "need" alone
# are said of a person's own errands: "I know my neighbour's address", "I need my boss's email").
_ASK: Final = (
    r"\b(?:what(?:'s| is| are| was| were)|whats|tell me|give me|send me|show me|find(?: out)?|get(?: hold of)?|"
    r"look up|looking for|search (?:for|up)|dig up|track down|pull up|do (?:you|u|ya) (?:know|have)|figure out|work out|"
    r"obtain|access|hack(?: into)?|steal|leak|post|publish|share|sell|guess|crack|bypass)\b"
)
# People whose number or address is theirs to give, even to one who could ask a reason: a former partner, a
# stranger, someone seen once.
_STRANGER: Final = (
    r"(?:my (?:[\w']+ )?(?:ex|ex-?(?:wife|husband|girlfriend|boyfriend|partner|fiancee?)|crush|date|tinder match|"
    r"match|ex's new (?:\w+))|(?:a|some|this|that|the) (?:(?:cute|hot|random|pretty|young|new) )?(?:stranger|girl|"
    r"guy|woman|man|lady|dude|kid|person|chick|bloke|streamer|influencer|youtuber)(?: (?:i|we) (?:met|saw|"
    r"matched with)| (?:from|at|in|on|next door|across the street)(?: (?:the|my|a) \w+)?)?|someone|somebody|"
    r"a person|strangers|people)"
)
# Anyone else outside the family whose home is theirs to keep: one's work, school and street. Not one's landlord
# or tenant (an address for rent or a notice), a business or an institution.
_OTHER: Final = (
    rf"(?:{_STRANGER}|my (?:[\w']+ )?(?:coworker|co-worker|colleague|neighbou?r|boss|manager|supervisor|teacher|"
    r"professor|tutor|classmate|schoolmate|roommate|flatmate|housemate|therapist|doctor|nurse|babysitter|nanny|"
    r"student|employee|employer|bully))"
)
# Anyone but the speaker, family and partners too, for what is a secret to anyone else.
_ANYONE: Final = (
    rf"(?:{_OTHER}|my (?:[\w']+ )?(?:wife|husband|girlfriend|boyfriend|partner|spouse|fiancee?|mom|mum|mother|dad|"
    r"father|stepdad|stepmom|stepmum|brother|sister|son|daughter|grandma|grandmother|grandpa|grandfather|"
    r"aunt|uncle|cousin|friend|best friend|in-laws?|mother-in-law|father-in-law|landlord|landlady|tenant)|his|"
    r"her|their)"
)
# A secret to anyone but its owner: keys to accounts, identity numbers, money, health, private words.
_SECRET: Final = (
    r"(?:(?:email |e-mail |phone |instagram |facebook |snapchat |icloud |gmail |account |bank |online banking |banking |"
    r"wifi |atm |debit card |card )?"
    r"(?:passwords?|passcodes?|login(?: details| credentials| info(?:rmation)?)?|pins?(?: number| code)?)|"
    r"social security (?:number|no)|ssn|social insurance number|national insurance number|passport(?: number)?|"
    r"driver'?s licen[cs]e(?: number)?|tax (?:id|number)|bank (?:account|details|login|statements?|balance)|"
    r"account numbers?|(?:credit|debit) card(?: number| details| info(?:rmation)?)?|card details|"
    r"medical (?:records?|history|files?|notes)|health records?|therapy notes|mental health records?|"
    r"prescriptions?|test results|criminal records?|date of birth|ip address|private messages|dms|"
    r"text messages|search history|browsing history|nudes|private photos|grades|disciplinary (?:file|records?)|"
    r"school records?)"
)
# Where a person lives or can be found, and a number or address that is not for work.
_HOME: Final = (
    r"(?:(?:full |real )?name and )?(?:(?:new |current |home |exact |real |private |personal )*(?:add?ress|location|"
    r"whereabouts)|"
    r"(?:home|cell|mobile|personal|private) (?:phone )?number|(?:personal|private|home) email(?: address)?|"
    r"licen[cs]e plate|number plate|daily (?:routine|schedule)|gym schedule)"
)
# Any way to reach a person.
_CONTACT: Final = r"(?:(?:new |real )?(?:phone )?number|phone|cell|email(?: address)?|instagram|snapchat|socials)"

PRIVACY: Final[tuple[Rule, ...]] = (
    _r(
        "privacy",
        0.85,
        "personal-data",
        # "what's my coworker's home address", "find my ex's new number", "give me her bank details", "the home
        # address of that girl from the gym", "where does my ex live now".
        rf"{_ASK}[^.?!\n]{{0,40}}?\b(?:{_ANYONE}(?:'s?)? {_SECRET}|(?:{_OTHER}(?:'s?)?|his|her|their) {_HOME}|{_STRANGER}(?:'s?)? "
        rf"{_CONTACT})"
        r"(?! of\b)\b|"
        rf"{_ASK}[^.?!\n]{{0,40}}?\b(?:{_SECRET}|{_HOME}|{_CONTACT}) (?:of|for|belonging to) {_OTHER}\b|"
        rf"\bwhere (?:does|did) {_OTHER} (?:live|stay|sleep|park)|"
        rf"{_ASK}[^.?!\n]{{0,20}}?\bwhere (?:{_OTHER}|she|he|they) (?:lives?|is living|are living|is staying|sleeps?|"
        r"parks?|is right now|is now)\b|"
        rf"\bwhere(?:'s| is) {_OTHER} (?:right now|now|tonight|at the moment)\b|"
        # "who owns the car with licence plate KX19 ABD".
        r"\bwho owns (?:the|this|that|a) (?:\w+ )?(?:car|vehicle|van|truck|motorbike) with (?:the )?(?:licen[cs]e |number )?"
        r"plate",
        # Keeping one's own from others ("how do I stop my ex from finding my new address" is not matched at all).
        context=(r"\b(?:protect|keep (?:\w+ )?safe|opt out|take (?:it |them )?down|remove (?:my|our))\b",),
    ),
)

# --- hate: a group denied rights or called lesser --------------------------------------------------------------
# Peoples by nationality or origin, for GROUPS: "nigerians", "polish workers", "the japanese".
_NATIONS: Final = (
    r"(?:(?:american|british|english|irish|scottish|welsh|french|german|italian|spanish|portuguese|polish|"
    r"russian|ukrainian|romanian|albanian|turkish|greek|jewish|arab|iranian|iraqi|syrian|afghan|pakistani|indian|"
    r"bangladeshi|chinese|japanese|korean|vietnamese|filipino|indonesian|african|nigerian|somali|ethiopian|kenyan|"
    r"ghanaian|congolese|haitian|jamaican|mexican|latino|hispanic|brazilian|colombian|venezuelan|cuban|muslim|"
    r"hindu|sikh|asian|black|white|roma|gay|lesbian|trans|transgender|queer|disabled|autistic) (?:people|men|women|"
    r"folks|immigrants|migrants|workers|coworkers|colleagues|students|kids|children|families|neighbou?rs|"
    r"tenants|employees|applicants|citizens|americans|couples|parents)|(?:the )?(?:nigerians|somalis|"
    r"ethiopians|kenyans|ghanaians|pakistanis|afghans|iranians|iraqis|syrians|turks|albanians|romanians|poles|"
    r"russians|ukrainians|italians|irish|japanese|chinese|koreans|vietnamese|filipinos|indonesians|haitians|"
    r"jamaicans|brazilians|colombians|venezuelans|cubans|puerto ricans|americans|brits|germans|french))"
)
# Real groups by race, ethnicity, religion, nationality, sex, sexuality, gender identity or disability. Not age
# ("why shouldn't old people drive" is a question of law), nor blindness or deafness where driving or flying is
# the question.
GROUPS: Final = (
    rf"(?:{_NATIONS}|jews|muslims|christians|catholics|mormons|hindus|sikhs|buddhists|atheists|blacks|whites|"
    r"asians|arabs|mexicans|latinos|latinas|hispanics|africans|indians|roma|gypsies|native americans|"
    r"indigenous people|aboriginals|people of colou?r|immigrants|migrants|refugees|foreigners|naturali[sz]ed "
    r"citizens|gays|lesbians|bisexuals|homosexuals|lgbtq?\+? people|women|girls|men|the disabled|wheelchair users|"
    r"(?:deaf|blind|visually impaired) people(?![^.?!\n]*\b(?:drive|driving|fly|flying|pilots?)\b)|"
    r"people with (?:disabilities|autism|down syndrome|adhd|mental illness)|non-binary people)"
)
# Ordinary rights and roles (never ones nobody has: "time travel", "breathe underwater"). Bathrooms and sport,
# argued over in law for trans people, are left to the classifier.
_RIGHTS: Final = (
    r"(?:vot(?:e|ing)|marry(?:ing)?|get(?:ting)? married|work(?:ing)?|have jobs|hold(?:ing)? (?:public )?office|"
    r"run(?:ning)? for (?:office|president)|own(?:ing)? (?:property|land|homes?|houses?|businesses|a business|guns)|"
    r"adopt(?:ing)?(?: children| kids)?|hav(?:e|ing) (?:children|kids)|immigrat(?:e|ing)|becom(?:e|ing) citizens|"
    r"get citizenship|go(?:ing)? to (?:school|university|college)|be educated|get an education|study(?:ing)?|"
    r"driv(?:e|ing)|serv(?:e|ing) in the (?:military|army|armed forces)|serv(?:e|ing)|join(?:ing)? the (?:military|"
    r"army)|be(?:ing)? (?:teachers|doctors|police officers|cops|soldiers|pilots|ceos|leaders|judges|politicians|"
    r"nurses|managers)|teach(?:ing)?|be hired|be promoted|be paid (?:the same|equally)|earn (?:the same|as much)|"
    r"rent(?:ing)? (?:homes|flats|apartments)|buy(?:ing)? (?:houses|homes|property)|practi[cs](?:e|ing) their "
    r"(?:religion|faith)|worship(?:ping)?|have (?:the same )?rights|be citizens|live (?:here|in (?:our|this|the) "
    r"(?:country|neighbou?rhood|town|city))|open(?:ing)? (?:bank accounts|businesses)|speak(?:ing)? (?:in public|"
    r"freely)|protest(?:ing)?|enter(?:ing)? (?:the|our|this) country|get healthcare)"
)
_DENIED: Final = (
    r"(?:(?:should(?:n't| not)|must(?:n't| not)|ought not(?: to)?|shall not|can(?:'t|not)|should never|must never) "
    r"(?:be (?:allowed|permitted|trusted) to|be able to|get to|have the right to)?|(?:should|must|ought to|need to) "
    r"be (?:banned|barred|stopped|prevented|kept|excluded|forbidden|disqualified|kicked out|thrown out) (?:from|of)|"
    r"(?:should|must) (?:lose|be denied|be stripped of) (?:the|their) right to)"
)
# Called lesser by nature: "inferior", "lazy", "worse at" anything, "too emotional to lead".
_LESSER: Final = (
    r"(?:(?:naturally |genetically |inherently |biologically )?(?:inferior|less intelligent|less capable|"
    r"stupider|dumber|lazier|lazy|stupid|dumb|dirty|violent|criminals?|greedy|untrustworthy|terrorists|thieves|"
    r"rapists|savages|worse (?:at|than)|(?:such |so |really )?(?:bad|terrible|awful|lousy|worse) (?:drivers|"
    r"leaders|workers|parents|engineers|scientists|doctors|bosses|managers|at (?:math|maths|science|leadership|"
    r"driving|business|their jobs))|unfit (?:to|for)|not as (?:smart|intelligent|capable)|too (?:\w+ )?(?:weak|"
    r"emotional|stupid|dumb|lazy|irrational|hysterical)(?: and \w+)? to))\b"
)
# A question or a request that argues for it (not a question about those who argued it: see context).
_ARGUE: Final = (
    r"\b(?:why (?:should|must|shouldn't|should not|mustn't|can't|cannot)|(?:explain|tell me|argue|prove|show|"
    r"convince me|write (?:\w+ ){0,3}(?:arguing|saying|about why|on why|that|explaining)|give me (?:\w+ ){0,2}"
    r"(?:reasons?|arguments?)|list (?:\w+ ){0,2}(?:reasons?|arguments?)|reasons?|arguments?|make (?:the|a) "
    r"case)(?: why| that| how)?)"
)
# History, counter-speech and study: asked about, not argued for.
_ABOUT_IT: Final = (
    r"\b(?:used to|in the past|back then|historically|history|(?:18|19)\d\ds?|(?:is|it's|it is) wrong|refute|"
    r"debunk|counter|respond|reply|argue against|myths?|stereotypes?|racist|sexist|homophobic|transphobic|"
    r"bigot\w*|prejudice|do (?:some )?people (?:think|say|believe|claim)|why do people|people (?:say|think|claim)|"
    r"what do (?:you|i) say to|segregationists|opponents|critics claimed|is it (?:il)?legal)\b"
)

HATE: Final[tuple[Rule, ...]] = (
    _r(
        "hate",
        0.85,
        "deny-rights",
        # "why shouldn't immigrants be allowed to vote", "why should women not be allowed to drive", "give me
        # reasons muslims should be banned from holding office", "gay couples shouldn't be allowed to adopt".
        rf"\bwhy (?:(?:shouldn't|should not|mustn't|must not) {GROUPS}|(?:should|must) {GROUPS} not) be (?:allowed|"
        rf"permitted) to {_RIGHTS}\b|"
        rf"\bwhy (?:should|must) {GROUPS} (?:be (?:banned|barred|stopped|prevented|kept|excluded|forbidden) from|"
        rf"lose (?:the|their) right to|be denied (?:the )?right to) {_RIGHTS}|"
        rf"\b{GROUPS} {_DENIED} ?{_RIGHTS}\b|"
        rf"\b{GROUPS} (?:should|must|ought to) (?:be paid|earn|get) less\b|"
        rf"\b{GROUPS} (?:should|must|ought to|need to) be (?:kicked|thrown|banned|barred|removed) (?:out )?(?:of|from) "
        r"(?:the |our |this |all )?(?:military|army|armed forces|country|schools?|universit(?:y|ies)|workplace|"
        r"government|politics|public life|neighbou?rhood)\b|"
        # "give me reasons not to hire women", "why shouldn't companies hire jewish people", "how to avoid hiring
        # immigrants".
        rf"\b(?:reasons?|why|how|arguments?) (?:\w+ ){{0,3}}?(?:should(?:n't| not)|not to|never|to never|to avoid|"
        r"avoid|refuse to|can avoid) (?:\w+ ){0,2}?(?:hir\w*|rent(?:ing)? to|promot\w*|employ\w*) (?:any )?"
        rf"(?:\w+ )?{GROUPS}\b",
        context=(_ABOUT_IT,),
    ),
    _r(
        "hate",
        0.85,
        "lesser",
        # "why are immigrants so lazy", "explain why women are worse at maths", "isn't it true that black people
        # are less intelligent".
        rf"\bwhy (?:are|do) (?:all |most )?{GROUPS} (?:so |always |all )?(?:{_LESSER})|"
        rf"{_ARGUE} (?:all |most )?(?:\w+ )?{GROUPS} (?:are|make) (?:so |all |just |mostly |basically )?(?:{_LESSER})|"
        rf"\b(?:isn't it true|is it (?:not )?true|admit|agree) (?:that )?(?:all |most )?(?:\w+ )?{GROUPS} are "
        rf"(?:so |just |mostly |all |basically |really )?(?:{_LESSER})",
        context=(_ABOUT_IT,),
    ),
)

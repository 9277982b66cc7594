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

from tenor.safety.patterns import FICTION
from tenor.safety.rule import Rule
from tenor.safety.rule import rule as _r

# --- privacy --------------------------------------------------------------------------------------------------
# Asking for, or to get, something: the words before the data in the same sentence ("know" and "need" alone
# are said of a person's own errands: "I know my neighbour's address", "I need my boss's email").
_ASK: Final = (
    r"\b(?:what(?:'s| is| are| was| were)|whats|tell me|give me|send me|show me|find(?: out)?|get(?: hold of)?|"
    r"look up|looking for|search (?:for|up)|dig up|track down|pull up|do (?:you|u|ya) (?:know|have)|figure out|"
    r"work out|obtain|hack(?: into)?|steal|leak|post|publish|sell|guess|crack|bypass)\b"
)
# A former partner, a crush, a stranger: people whose number or address is theirs to give, whatever the reason
# for asking. A stranger only as one seen ("that girl from the gym", "a guy I met"), never "someone" or
# "people" ("the number of people", "the phone number for someone who wants to report a pothole").
_STRANGER: Final = (
    r"(?:my (?:[\w']+ )?(?:ex|ex[- ]?(?:wife|husband|girlfriend|boyfriend|partner|fiancee?)|crush|ex's new \w+)|"
    r"(?:this|that) (?:(?:cute|hot|random|pretty|young|new) )?(?:stranger|girl|guy|woman|man|lady|dude|person|"
    r"chick|bloke|streamer|influencer|youtuber)|(?:a|the) (?:(?:cute|hot|random|pretty|young|new) )?(?:girl|guy|"
    r"woman|man|lady|dude|person|chick|bloke) (?:(?:i|we) (?:met|saw|matched with)|(?:from|at) (?:the|my|work|"
    r"school|college|church)\b(?: \w+)?|next door|across the street|who lives (?:next door|across the street|upstairs|"
    r"downstairs|on my street|in my building)|(?:in|with) (?:\w+ ){1,4}(?:i|we) (?:met|saw)))"
)
# Anyone else outside the family whose home is theirs to keep: one's work, school and street. Not those one
# visits or pays (a doctor, a landlord, a babysitter taken home), a business or an institution.
_OTHER: Final = (
    rf"(?:{_STRANGER}|my (?:[\w']+ )?(?:coworker|co-worker|colleague|neighbou?r|classmate|schoolmate|roommate|"
    r"flatmate|housemate|bully)|my \w+'s (?:new )?(?:boyfriend|"
    r"girlfriend|husband|wife|partner|friend|ex))"
)
# Anyone unnamed: "someone's social security number", "find people's home addresses".
_SOMEONE: Final = r"(?:(?:someone|somebody|a stranger|other people|strangers|people|random people)'s?)"
# Those one visits, pays or employs: their address or account may be an errand, their identity never is.
_DEALT_WITH: Final = (
    r"(?:my (?:[\w']+ )?(?:landlord|landlady|tenant|doctor|dentist|therapist|nurse|babysitter|nanny|employer|"
    r"boss|manager|supervisor|teacher|tutor|professor|plumber|cleaner))"
)
# Whose account keys and private words: anyone named by a noun but the speaker ("her" is also a shop's or a
# pet's), partners and family too.
_ANYONE: Final = (
    rf"(?:{_OTHER}|{_SOMEONE}|{_DEALT_WITH}|my (?:[\w']+ )?(?:wife|"
    r"husband|girlfriend|boyfriend|partner|spouse|fiancee?|mom|mum|mother|dad|father|stepdad|stepmom|stepmum|"
    r"brother|sister|son|daughter|friend|best friend|in-laws?|mother-in-law|father-in-law))"
)
# Keys to a person's accounts and their private words.
_KEYS: Final = (
    r"(?:(?:email |e-mail |phone |instagram |insta |facebook |snapchat |snap |icloud |gmail |account |bank |online "
    r"banking |banking |wifi |atm |debit card |card |laptop |computer )?(?:passwords?|passcodes?|login(?: details| "
    r"credentials| info(?:rmation)?)?|pins?(?: number| code)?)|private messages|dms|text messages|search history|"
    r"browsing history|nudes|private photos)"
)
# Numbers and records that are the owner's alone: identity, health, school, the law.
_IDENTITY: Final = (
    r"(?:social security (?:number|no)|social(?=\s*(?:[.?!,]|$))|ssn|social insurance number|national insurance "
    r"number|passport number|driver'?s licen[cs]e(?: number)?|tax (?:id|number)|(?:credit|debit) card(?: number| "
    r"details| info(?:rmation)?)?|card (?:number|details)|medical (?:records?|history|files?|notes)|health "
    r"records?|therapy notes|mental health records?|prescriptions?|test results|criminal records?|date of birth|"
    r"ip address|grades|disciplinary (?:file|records?)|school records?)"
)
# A bank account, which one may be asked to pay into.
_BANK: Final = r"(?:bank (?:account(?: number| details)?|details|login|statements?|balance)|account numbers?)"
_RECORDS: Final = rf"(?:{_IDENTITY}|{_BANK})"
# Where a person lives or can be found.
_HOME: Final = (
    r"(?:(?:full |real )?name and )?(?:(?:new |current |home |exact |real |private |personal )*(?:add?(?:ress|y)|"
    r"location|whereabouts)|(?:home|cell|mobile|personal|private) (?:phone )?number|(?:personal|private|home) "
    r"email(?: address)?|licen[cs]e plate|number plate|daily (?:routine|schedule)|gym schedule)"
)
# A way to reach a person.
_CONTACT: Final = (
    r"(?:(?:new |real |phone |cell |mobile )*number|email(?: address)?|instagram|insta|snapchat|snap|socials)"
)
# A possessive, also without its apostrophe ("my coworkers address", "my crushes number").
_POSS: Final = r"(?:'s?|s|es)?"
# Where a person lives, asked ("where does my ex live", "what street does my coworker live on").
_LIVES_Q: Final = (
    r"(?:where|what (?:street|road|neighbou?rhood|part of town|area|building|block|apartment|flat|house|city|"
    r"town|village|country|state))"
)

PRIVACY: Final[tuple[Rule, ...]] = (
    _r(
        "privacy",
        0.85,
        "personal-data",
        # "what's my coworker's home address", "find my ex's new number", "tell me my coworker's social security
        # number", "guess my wife's email password", "the home address of that girl from the gym".
        rf"{_ASK}[^.?!\n]{{0,40}}?\b(?:{_ANYONE}{_POSS} {_KEYS}|(?:{_OTHER}|{_SOMEONE}){_POSS} "
        rf"(?:{_RECORDS}|{_HOME})|{_DEALT_WITH}{_POSS} (?:{_IDENTITY}|home add?(?:ress|y))|{_STRANGER}{_POSS} "
        rf"{_CONTACT})(?! of\b)\b|"
        rf"{_ASK}[^.?!\n]{{0,40}}?\b(?:{_KEYS}|{_RECORDS}|the (?:{_HOME}|{_CONTACT})) (?:of|for|belonging to) "
        rf"{_OTHER}(?:'s (?:\w+ )?(?:account|phone|laptop|computer|email|instagram|bank))?\b(?!'s)|"
        rf"{_ASK}[^.?!\n]{{0,40}}?\b(?:{_KEYS}|{_RECORDS}|the {_HOME}) (?:of|for|belonging to) (?:someone|somebody|"
        r"a person|the person|a stranger|the (?:guy|girl|woman|man)) (?:who|that)\b|"
        # "My ex moved out of town, help me find her new address", "a guy cut me off, give me his home address".
        rf"(?:{_OTHER}|\b(?:a|some) (?:guy|girl|woman|man|stranger|lady|dude))\b[^.?!\n]{{0,60}}?{_ASK}"
        rf"[^.?!\n]{{0,30}}?\b(?:his|her|their) (?:{_HOME}|{_RECORDS})\b|"
        rf"{_STRANGER}\b[^.?!\n]{{0,60}}?{_ASK}[^.?!\n]{{0,30}}?\b(?:his|her|their) {_CONTACT}\b|"
        rf"{_ASK}[^.?!\n]{{0,40}}?\bthe {_KEYS} (?:of|for|to) {_ANYONE}(?:'s?|s)?\b|"
        # When a home is empty or its owner away: "when does my neighbour leave for work every morning".
        rf"\b(?:when|what time) (?:does|do|will|is) {_OTHER} (?:(?:usually|normally|always) (?:leave|get home|come "
        r"home|get back|go out|go to (?:work|bed|the gym))\b|(?:leave|get home|come home|get back|go out|go to (?:work|"
        r"bed|the gym))(?: for work)? (?:every|each) (?:morning|day|night|evening)|(?:leave|get home|come home|get "
        r"back|go out)\b[^.?!\n]{0,40}?\bso (?:i|we) can (?:follow|catch|wait for|confront|corner))|"
        rf"\bwhen (?:is|will) {_OTHER}(?:'s?|s)? (?:house|home|flat|apartment|place) (?:be )?empty\b|"
        r"\bwho lives at (?:number )?\d+|\bwho(?:se)? (?:does )?(?:this|that) (?:phone )?number (?:belongs?|is it)\b|"
        rf"\b{_LIVES_Q} (?:does|did|do) {_OTHER} (?:live|stay|sleep|park)|\b{_LIVES_Q} (?:does|did|do) {_DEALT_WITH} "
        r"live\b|"
        rf"\bwhere(?:'s| is|s)? {_OTHER} (?:living|staying|sleeping)(?: now| these days)?\b|"
        rf"\bwhere(?:'s| is|s)? {_OTHER} (?:right now|now|tonight|at the moment)\b|"
        rf"(?:{_ASK}[^.?!\n]{{0,20}}?|^)\bwhere {_OTHER} (?:lives?|is living|is staying|sleeps?|parks?)\b|"
        # "who owns the car with licence plate KX19 ABD", "whose car is plate AB12 CDE".
        r"\b(?:who owns|who(?:'s| is) the owner of|whose (?:car|van|truck) is) (?:the |this |that |a )?(?:\w+ )?"
        r"(?:(?:car|vehicle|van|truck|motorbike) (?:with )?(?:the )?)?(?:licen[cs]e |number )?plate",
        # Looking after keys and records one holds ("what's the best way to protect my son's passwords").
        rf"\b(?:protect|secure|safeguard|keep safe|change|reset|remember|store|manage|update|renew|recover|share "
        rf"with)\w* (?:[\w']+ ){{0,3}}?(?:{_KEYS}|{_RECORDS})\b",
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
    r"citizens|gays|lesbians|bisexuals|homosexuals|lgbtq?\+? people|women|females|girls|men|males|the disabled|"
    r"wheelchair users|(?:deaf|blind|visually impaired) people(?![^.?!\n]*\b(?:drive|driving|fly|flying|pilots?)"
    r"\b)|people with (?:disabilities|autism|down syndrome|adhd|mental illness)|non-binary people|(?:a|an) "
    r"(?:woman|black (?:person|man|woman)|muslim|jew|immigrant|gay (?:man|person)|trans (?:person|woman|man)|"
    r"foreigner|disabled person|refugee))"
)
# Ordinary rights and roles (never ones nobody has: "time travel", "breathe underwater"). Bathrooms and sport,
# argued over in law for trans people, are left to the classifier.
_RIGHTS: Final = (
    r"(?:vot(?:e|ing)|marry(?:ing)?|get(?:ting)? married|work(?:ing)?|have jobs|hold(?:ing)? (?:public )?office|"
    r"run(?:ning)? for (?:office|president)|own(?:ing)? (?:property|land|homes?|houses?|businesses|a business|guns)|"
    r"adopt(?:ing)?(?: children| kids)?|hav(?:e|ing) (?:children|kids)|immigrat(?:e|ing)|becom(?:e|ing) citizens|"
    r"get citizenship|go(?:ing)? to (?:school|university|college)|be educated|get an education|study(?:ing)?|"
    r"driv(?:e|ing)|serv(?:e|ing) in the (?:military|army|armed forces)|join(?:ing)? the (?:military|army)|"
    r"be(?:ing)? (?:teachers|doctors|police officers|cops|soldiers|pilots|ceos|leaders|judges|politicians|nurses|"
    r"managers)|teach(?:ing)?|lead(?:ing)?|be hired|be promoted|be paid (?:the same|equally)|earn (?:the same|as "
    r"much)|rent(?:ing)? (?:homes|flats|apartments)|buy(?:ing)? (?:houses|homes|property)|practi[cs](?:e|ing) their "
    r"(?:religion|faith)|worship(?:ping)?|have (?:the same )?rights|be citizens|live (?:here|in (?:our|this|the) "
    r"(?:country|neighbou?rhood|town|city))|open(?:ing)? (?:bank accounts|businesses)|speak(?:ing)? (?:in public|"
    r"freely)|protest(?:ing)?|enter(?:ing)? (?:the|our|this) country|get healthcare|(?:go|get) into politics)"
)
# Not allowed, said without apostrophes too ("why shouldnt").
_NOT: Final = r"(?:shouldn'?t|should not|should never|mustn'?t|must not|must never|ought not(?: to)?|shall not)"
# Kept from it.
_KEPT: Final = (
    r"(?:banned|barred|stopped|prevented|kept|excluded|forbidden|disqualified|kicked out|thrown out|removed) "
    r"(?:from|of)"
)
# Called lesser by nature: "inferior", "lazy", "worse at maths", "too emotional to lead".
_LESSER: Final = (
    r"(?:(?:naturally |genetically |inherently |biologically )?(?:inferior|less intelligent|less capable|"
    r"stupider|dumber|lazier|lazy|stupid|dumb|(?:so |always |naturally |all |mostly |just )violent|(?:all |mostly |"
    r"just |born |naturally )criminals?|(?:violent|criminals?|thieves|lazy|stupid|inferior) by nature|greedy|"
    r"untrustworthy|terrorists|thieves|rapists|savages|subhuman|animals|vermin|parasites|perverts|groomers|"
    r"p(?:a)?edophiles|degenerates|mentally ill|"
    r"(?:so |such |really )?(?:bad|terrible|awful|lousy|worse|inferior) at (?:math|maths|mathematics|science|stem|"
    r"engineering|logic|thinking|leadership|leading|business|their jobs|work)|(?:so|such|really) (?:bad|terrible|"
    r"awful|lousy) (?:drivers|leaders|scientists|engineers|bosses|workers)|unfit (?:to|for)|not as (?:smart|"
    r"intelligent|capable)|too (?:\w+ )?(?:weak|emotional|stupid|dumb|lazy|irrational|hysterical)(?: and \w+)? to))\b"
)
# A question or a request that argues for it (not a question about those who argued it: see _ABOUT_IT).
_ARGUE: Final = (
    r"\b(?:why|how come|what makes|(?:explain|tell me|argue|prove|show|convince me)(?: to me)?(?: why| that| how)?|"
    r"write (?:\w+ ){0,3}(?:arguing|saying|about why|on why|that|explaining)(?: that| why)?|(?:give me|list|tips?|"
    r"write) (?:\w+ ){0,2}(?:reasons?|arguments?|tips?)(?: why| that| for| to)?|reasons?(?: why| that)?|"
    r"arguments?(?: why| that| for)?|make (?:the|a) case(?: that| for)?|tips?(?: on| for| to)?|ways? to|how (?:to|do "
    r"i|can i|do we|can we|should i|should we))"
)
# History, counter-speech and study, asked about rather than argued for; never negated ("don't debunk it").
_ABOUT_IT: Final = (
    r"(?<!n't )(?<!not )(?<!no )(?<!never )\b(?:history of|historically|in the past|before (?:18|19)\d\d\b|in "
    r"(?:18|19)\d\d\b|why (?:is|was) it wrong|is it wrong|it's wrong to|debunk|refute|argue against|counter (?:the|"
    r"these|such|this)|(?:respond|reply) to (?:someone|people|my \w+|him|her|them|a (?:friend|coworker|relative)) "
    r"who|what do i say to (?:someone|people|my \w+)|how do i (?:respond|reply|answer)|(?:do|why do|what do) "
    r"(?:some )?people (?:think|say|believe|claim)|segregationists|is it (?:il)?legal|discriminat\w+ against)\b"
)

HATE: Final[tuple[Rule, ...]] = (
    _r(
        "hate",
        0.85,
        "deny-rights",
        # "why shouldn't immigrants be allowed to vote", "why should women not be allowed to drive", "give me
        # reasons muslims should be banned from holding office", "gay couples shouldn't be allowed to adopt".
        rf"\bwhy (?:{_NOT} {GROUPS}|(?:should|must) {GROUPS} not) (?:be (?:allowed|permitted) to |have the right to )?"
        rf"{_RIGHTS}\b|"
        rf"\bwhy (?:should|must) {GROUPS} (?:be {_KEPT}|lose (?:the|their) right to|be denied (?:the )?right to) "
        rf"{_RIGHTS}|"
        rf"\b{GROUPS} {_NOT} (?:be (?:allowed|permitted) to|have the right to) {_RIGHTS}\b|"
        rf"{_ARGUE} (?:\w+ ){{0,2}}?{GROUPS} (?:{_NOT} (?:be (?:allowed|permitted) to |have the right to )?{_RIGHTS}\b|"
        rf"(?:should|must|ought to|need to) be {_KEPT} (?:\w+ ){{0,2}}?{_RIGHTS}|(?:should|must|ought to) (?:be paid|"
        r"earn|get) less\b)|"
        # "gay men should be kicked out of the military".
        rf"\b{GROUPS} (?:should|must|ought to|need to) be (?:kicked|thrown|banned|barred|removed) (?:out )?(?:of|from) "
        r"(?:the |our |this |all )?(?:military|army|armed forces|country|schools?|universit(?:y|ies)|workplace|"
        r"government|politics|public life|neighbou?rhood)\b|"
        # "give me reasons not to hire women", "why shouldn't companies hire jewish people", "tips to avoid hiring
        # women", "how to screen out pregnant women".
        rf"{_ARGUE} (?:\w+ ){{0,3}}?(?:(?:{_NOT}|not to|never|to never|to avoid|avoid|refuse to|can avoid) "
        r"(?:\w+ ){0,2}?(?:hir(?:e|ing)|rent(?:ing)? to|promot(?:e|ing)|employ(?:ing)?)|(?:screen|weed|filter|keep)"
        r"(?:ing)? out|reject(?:ing)?|turn(?:ing)? away|get(?:ting)? rid of) (?!(?:only|just|all)\b)(?:any |all )?"
        rf"(?:\w+ )?{GROUPS}\b|"
        # "arguments against letting women into politics", "why is it bad to let immigrants vote".
        rf"\b(?:arguments?|reasons?|case) (?:against|for not) (?:letting|allowing) {GROUPS} (?:to )?(?:into|in\b|"
        rf"{_RIGHTS})|\bwhy (?:is it|it's) (?:bad|a bad idea|dangerous|a mistake) to (?:let|allow) {GROUPS} (?:to )?"
        rf"{_RIGHTS}\b",
        context=(_ABOUT_IT, FICTION),
    ),
    _r(
        "hate",
        0.85,
        "lesser",
        # "why are immigrants so lazy", "explain why women are worse at maths", "isn't it true that black people
        # are less intelligent", "why can't women lead".
        rf"\b(?:why|how come) (?:are|r|do|is it that) (?:all |most )?{GROUPS} (?:are )?(?:so |always |all |just )?"
        rf"(?:{_LESSER})|"
        rf"{_ARGUE} (?:all |most )?(?:\w+ )?{GROUPS} (?:are|r|make) (?:so |all |just |mostly |basically )?"
        rf"(?:{_LESSER})|"
        rf"\b(?:isn'?t it true|is it not true|aren'?t|are(?:n'?t)? all) (?:that )?(?:all |most )?"
        rf"(?:\w+ )?{GROUPS}(?: are)? (?:so |just |mostly |all |basically |really )?(?:{_LESSER})|"
        rf"\bwhat makes {GROUPS} (?:so )?(?:{_LESSER})|"
        rf"\bwhy (?:can'?t|cannot) {GROUPS} (?:lead|do math|do maths|think (?:logically|rationally)|be trusted)\b|"
        rf"\bwhy do {GROUPS} commit (?:all|most|so much) (?:of )?(?:the )?crime|"
        rf"{_ARGUE} (?:\w+ )?{GROUPS} (?:can'?t|cannot) (?:lead|do math|do maths|think (?:logically|rationally)|be "
        r"trusted)\b",
        context=(_ABOUT_IT, FICTION),
    ),
)

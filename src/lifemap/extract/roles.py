"""Stage 4a, roles: whether a place mention locates something, and where a move starts.

Cities, villages and sites locate what the sentence says, unless a town only describes a noun after
a plain determiner ("research by the Moscow playwright"). Regions and countries do so only in
a locative role: after a cue ("in", "to", "from", "across"…), after "annexed", "invasion of"…, or in
a list that follows one ("annexed the Baltic states and Bessarabia"); "a pact with Nazi Germany" puts
nothing in Germany. Not events: a reference point ("a hundred miles west of Krasnoyarsk"), a place
named for what was decided there ("the line of the Zimmerwald Conference"), a place where something
did not happen ("never went to Beloostrov").

For moves the destination is the event's place: a place after "from", "left", "fled"… or the place
of the group that moves ("the Bolsheviks in Achinsk made their way to Moscow") is an ``origin``.
"""
from __future__ import annotations

import enum
import functools
import itertools
import re

from ..lexicon import sections, verb_forms, words
from ..toponyms import LIST_DATE, TOPIC_BEFORE, Mention
from . import clauses, kinds
from .clauses import Link
from .tagger import verbs


class Role(enum.Enum):
    """What a place mention is to its sentence."""

    LOCATES = "locates"        # something happens or someone is there
    ORIGIN = "origin"          # where a move starts
    REFERENCE = "reference"    # a reference point: "west of Krasnoyarsk"
    ABSTRACT = "abstract"      # named for what was decided there: "the line of Zimmerwald"
    NEGATED = "negated"        # where something did not happen
    IRREALIS = "irrealis"      # wished, planned, feared, believed, ordered, rumoured: "hoped to reach Paris"
    POLITY = "polity"          # a region or country acted on or named, not a scene: "a pact with Germany"


# Words that give a region or country a locative role besides the cues of lifemap.toponyms.
_ROLE = re.compile(r"(?i:annexed|annexing|invaded|invading|invasion of|occupied|occupying|occupation of|"
                   r"conquest of|conquered|liberated|liberation of|entered|attacked|partition of|deported|"
                   r"takeover of|annexation of|incorporation of|"
                   r"evacuated|overran|seized|crossed into|campaign in|war in|cleared|"
                   r"(?:assault|attack|offensive|advance|raid|drive)s?\s+(?:on|against))\s+(?:the\s+)?(?:[\w-]+\s+)?$")
_ORIGIN = re.compile(r"(?i:\bfrom|\bleft|\bleaving|\bleave|\bfled|\bescaped from|\bout of|\bdeported from)\s+"
                     r"(?:the\s+)?(?:(?!(?:to|and|into|towards?|for|via)\b)[a-z]+\s+){0,2}"
                     r"(?:[A-Z][a-z]+(?:ian|ish|ese)\s+)?$")        # "left Russian Poland"
# What the place is compared with: "larger and less under Menshevik control than in Tiflis"
_THAN = re.compile(r"\bthan\s+(?:(?:in|at|to|from|with)\s+)?(?:the\s+)?$")
# A place one comes nearer to or goes farther from, not reached: "to be nearer to Russia" (not "sent
# further to Turukhansk": on to it)
_NEARER = re.compile(r"(?i:\b(?:(?:nearer|closer)\s+(?:to|from)|(?:farther|further)\s+from))\s+(?:the\s+)?$")
_REFERENCE = re.compile(r"(?i:miles?|kilomet(?:re|er)s?|km|versts?|north|south|east|west|north-east|"
                        r"north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+"
                        r"(?:of|from)\s+(?:the\s+)?$")
# Today's name of where a place named before it lies: "Kumrovec, Austria-Hungary (now in Croatia)", "the
# island (in what is now the Bahamas)", "Genoa (now part of modern Italy)"
# (an aside only: "a colony in what is now Haiti" is in Haiti); "Kukarka, … that is now the town of Sovetsk"
_NOW_IN = re.compile(r"(?:\(|,|\b(?=that\s|which\s))\s*(?:in\s+)?(?:(?:what|which|that)\s+(?:is|was)\s+)?"
                     r"(?:(?:now|today)\s+(?:(?:in|part\s+of|called|the\s+(?:town|city|village)\s+of)\s+)?"
                     r"|then\s+(?:still\s+)?(?:a\s+)?part\s+of\s+)"
                     r"(?:(?:modern|modern-day|present-day)\s+)?(?:the\s+)?(?:(?:Kingdom|Grand\s+Duchy|Duchy|Empire)"
                     r"\s+of\s+(?:the\s+)?)?$")   # (and what held it then: "Lele, then part of the Kingdom of Hungary")
# A road named by where it leads, where no one goes along it: "at Yartsevo on the road to Smolensk" (not
# "travelled along the railway to Kuibyshev")
_ROAD_TO = re.compile(r"\b(?i:on|along|astride)\s+(?:the\s+(?i:road|highway|railway|line)|(?:the|his|her|their)\s+way"
                      r"(?:\s+back|\s+home)?)\s+to\s+$")   # ("on his way back to London he was killed": not reached)
# A place near a named place is where that one lies: "Smederevska Palanka near Belgrade", "the Kungur
# camp near Perm".
# A named place and the town it lies near: "Zhukovka, near Moscow", "the Kommunarka shooting ground near
# Moscow", "Sviyazhsk on the Volga river near Kazan" (see _near_named: not "He was born near", "stayed near")
# (over an apposition: "Khoroshevo, a village near Rzhev"), or on its edge: "Kuntsevo, on the western edge of
# Moscow", "a conference at Samobor on the outskirts of Zagreb"
_NEAR_NAMED = re.compile(r"[A-Z][\w'’-]*(?:,?\s+(?:[A-Z][\w'’-]*|[a-z]+)){0,4}(?:,?\s+|\s*\(\s*)"
                         r"(?:near|outside|close\s+to"
                         r"|on\s+the\s+(?:[a-z]+\s+)?(?:edge|outskirts|fringes?)\s+of)\s+(?:the\s+)?"
                         r"(?:(?:shore|shores|coast|banks?|edge|mouth)\s+of\s+(?:the\s+)?)?$")   # "near the shore of"
# "his first trip outside the Russian Empire", "a cure outside Russia": anywhere but there (a town or a
# site one is outside of is where one is: "outside his Drvar headquarters", "a camp outside Moscow")
_OUTSIDE = re.compile(r"\boutside\s+(?:the\s+)?$")
_ABSTRACT = re.compile(r"(?i:\bline|\bbasis|\bspirit|\bprinciples?|\bplatform|\bprogramm?e)\s+of\s+(?:the\s+)?$")
# "never went to", "there would be no second front in France", and what was done instead: "rather than
# returning to Ems", "without going to Paris"; "staying out of Spain"
_NEGATED = re.compile(r"(?:\b(?:not|never|n['’]t|there\s+(?:was|were|is|are|would\s+be|will\s+be)\s+no)"
                      r"|\b(?i:rather\s+than|instead\s+of|without)\s+\w+ing)\s+(?:\w+\s+){0,3}$"
                      # "in Baku, rather than in cosmopolitan Odessa", "to Kiev instead of Moscow"
                      r"|\b(?i:rather\s+than|instead\s+of)\s+(?:(?:in|at|to|into)\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}$"
                      r"|\b(?:stay|stays|stayed|staying|keep|keeps|kept|keeping)\s+out\s+of\s+(?:the\s+)?$"
                      # "took no part in the fighting at Khalkhin Gol"
                      r"|\b(?:took|takes|take|taking|had|has|have|played|plays|play)\s+no\s+(?:part|role|share)\s+"
                      r"in\s+(?:\w+\s+){0,4}$")
# What was done instead, to the end of its phrase: "besieged Lvov instead of turning north to help the
# Western Front at Warsaw" (not past "and": "wounded instead of being killed and, during the occupation
# of Ukraine, led the underground")
_INSTEAD = re.compile(r"\b(?i:rather\s+than|instead\s+of)\s+\w+ing\s+(?:(?!\b(?:and|but|then|while|when)\b)[^,;:()]){0,100}$")
# Before its main clause (no verb before it, or after "and", "but" or a semicolon), the phrase ends where a
# pronoun and its verb open that clause ("and instead of returning to the Arctic he was allowed to serve in
# Achinsk"); after the main clause a pronoun is a relative clause's ("stayed at Kuntsevo instead of attending the
# congress he had convened in Moscow", "…, rather than moving to the dacha he had bought in Yalta")
_FRONTED = re.compile(r"(?:;\s*|\b(?:[Aa]nd|[Bb]ut),?\s+)$")
_SUBORDINATE_BEFORE = re.compile(rf"^(?P<lead>[^,;]*,\s*)?(?i:{clauses.SUBORDINATING})\b[^,;]*,\s*$")
_PARTICIPLE_LEAD = re.compile(r"(?:Having|Being|[A-Z][a-z]{2,}ed)\b[^,;]*,\s*$")   # "Having returned from exile, "
_PRONOUN_OPENS = re.compile(r"\b(?:he|she|they|we)\s+(?:[a-z]+ly\s+)?(?:" + clauses.VERB.pattern + ")")
# right after the place, over no conjunction or relative word ("the train they had booked to Kiev he walked"; not
# "he went to Kiev and he taught there", "to Kiev, where he taught", "to Kiev in 1920 as he had planned")
_PRONOUN_NEXT = re.compile(r"(?:\s+(?!(?:and|but|where|when|as|which|who|because|while|until|after|before|so|or|since|"
                           r"though|although|then|once|unless|till|if)\b)"
                           r"[\w-]+){0,3}?\s+(?:he|she|they|we)\s+(?:[a-z]+ly\s+)?(?:" + clauses.VERB.pattern + ")")
# "through Switzerland and several Italian cities, including Turin": members of what the list named
_INCLUDING_GAP = re.compile(r"^(?:\s+(?:and|or)\s+(?:[\w-]+\s+){0,4}?[\w-]+)?\s*,?\s*(?:including|such\s+as)\s+"
                            r"(?:the\s+)?$")
# Nouns of the units a town names: "the Krasnoyarsk territory", "the Omsk and Novosibirsk regions"
_UNITS = frozenset(sections("clause_words")["units"])
_UNIT = r"(?:\s+(?:" + "|".join(sorted(_UNITS)) + r"))?"
_SEPARATOR = r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)"
_LIST_GAP = re.compile(r"^(?:['’]s)?" + LIST_DATE + _UNIT + _SEPARATOR
                       # "the Arkhangelsk region, the Komi Republic and Siberia": a unit's noun after a name, and
                       # a name no gazetteer holds between two that it does
                       + r"(?:(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?" + _UNIT + _SEPARATOR + r")?"
                       + r"(?:(?:then|later)\s+)?(?:the\s+)?"
                       r"(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|"
                       r"south-western)\s+)?$")   # "to the Urals, Western Siberia and northern Kazakhstan"


def is_big(m: Mention) -> bool:
    """A region or a country: it locates only in a locative role."""
    return m.location is not None and m.location.kind in ("region", "country")


_JOURNEY_NOUNS = frozenset(sections("function_words")["journeys"])   # "paid state visits to India and Burma"
_CRAFTS = frozenset(sections("function_words")["crafts"])
_BOARDING = frozenset(("", "take", "catch", "board", "put", "get"))
_FOUGHT_ON = frozenset((("combat", "on"), ("combat", "along"), ("motion", "along")))
_PRESENCE = frozenset("motion sending stay detention meeting combat create".split())
_DWELLINGS = frozenset(words("site_nouns")) | frozenset("""estate dacha house home villa farm flat apartment camp
    cottage residence""".split())


def _instead(text: str, a: int, b: int, pos: int, end: int) -> bool:
    """The place at ``pos``..``end`` (in the sentence ``a``..``b``) is in a phrase of what was done instead, which
    no main clause has yet followed."""
    phrase = _INSTEAD.search(text, max(a, pos - 120), pos)
    if phrase is None:
        return False
    fronted = clauses.VERB.search(text, a, phrase.start()) is None \
        or _FRONTED.search(text, a, phrase.start()) is not None \
        or ((sub := _SUBORDINATE_BEFORE.match(text[a:phrase.start()])) is not None
            and (clauses.VERB.search(sub.group("lead") or "") is None
                 or _PARTICIPLE_LEAD.match(sub.group("lead"))))   # "(In 1920,) when the war ended, instead of"
    if not fronted or _PRONOUN_OPENS.search(text, phrase.start(), pos) is None:
        return True
    # the pronoun was a relative clause's where the main clause comes after the place: "Instead of going to the
    # school he had chosen in Kiev, he went to Odessa", "instead of taking the train they had booked to Kiev he
    # walked", "and instead of attending the congress he had convened in Kharkov sent Molotov"
    stop = min((k for k in (text.find(",", end, b), text.find(";", end, b)) if k >= 0), default=b)
    return _PRONOUN_NEXT.match(text, end) is not None or clauses.VERB.match(text, end + 1) is not None or (
        stop < b and _PRONOUN_OPENS.match(text, stop + 1 + (text[stop + 1:stop + 2] == " ")) is not None)


def boarded(link: Link) -> bool:
    """The place is where a craft the clause's subject took was bound: "put on a ship to Norway", "took the
    night train to Moscow" (not "sent ships to Spain")."""
    return link.noun.lower() in _CRAFTS and link.prep in ("to", "for") and link.verb in _BOARDING


def roles(text: str, sentence: str, a: int, mentions: list[Mention], links: dict[int, Link]) -> dict[int, Role]:
    """The role of each mention of one sentence (starting at text offset ``a``), by ``id(mention)``,
    given how each hangs on its clause (``links``)."""
    out: dict[int, Role] = {}
    previous: Mention | None = None
    abstract = False
    for m in mentions:
        before = text[max(a, m.start - 40):m.start]
        lo, _ = clauses.clause_around(sentence, m.start - a)
        own_clause = text[a + lo:m.start]
        abstract = bool(_search_end(_ABSTRACT, ("of", "the"), before)) or (
            abstract and previous is not None and bool(_LIST_GAP.match(text[previous.end:m.start])))
        if _district_of_a_town(text, m, mentions) or _numbered_unit(text, m, before) or _names_a_people(text, m) or (
                is_big(m) and _search_end(_OUTSIDE, ("outside", "the"), before)) \
                or _search_end(_REFERENCE, ("of", "from", "the"), before) or _THAN.search(before) \
                or (links[id(m)].passive and not _TAKEN_ON.match(links[id(m)].verb)
                    and _BY_THE.search(before) is not None and _INSTITUTION.search(m.text) is not None) \
                or _search_end(_NEARER, ("to", "from", "the"), before) \
                or _near_named(text[max(a, m.start - 70):m.start]) or _from_of_a_noun(before, links[id(m)]) or (
                    _NOW_IN.search(before) and any(a <= o.start < m.start for o in mentions)) or (
                _search_end(_ROAD_TO, ("to",), before) and links[id(m)].vclass not in ("motion", "sending")) \
                or _attributive(text, m, before, links[id(m)]) or _describes_someone(sentence, m.start - a) \
                or (_CLOCK_BEFORE.search(before) and _TIME_AFTER.match(text, m.end)) \
                or (_search_end(_LIES_BETWEEN, ("between", "and", "the"), before)
                    and links[id(m)].vclass not in ("motion", "sending")):
            role = Role.REFERENCE
        elif abstract:
            role = Role.ABSTRACT
        elif (_NEGATED.search(own_clause[-40:]) and not clauses.NOT_UNTIL.match(text, m.end, a + len(sentence))) or \
                links[id(m)].negated or _instead(text, a, a + len(sentence), m.start, m.end):
            role = Role.NEGATED                    # (not "did not reach St Petersburg until November": he did)
        elif links[id(m)].irrealis:
            role = Role.IRREALIS
        elif links[id(m)].prep in ("with", "between") and _DEALINGS.search(text, max(a, m.start - 40), m.start):
            role = Role.POLITY                     # "relations with Moscow", "talks between Moscow and Helsinki"
        elif (m.location is not None and m.location.kind == "city" and links[id(m)].prep == "subject"
              and not links[id(m)].passive and (links[id(m)].vclass in ("abstract", "report", "rule")
                                                or _governs(text, a + lo, m))):
            role = Role.POLITY                     # "Moscow protested", "In May 1949 Moscow lifted the blockade"
        elif m.location is not None and m.location.kind == "city" and _told(text, a, m, links[id(m)]):
            role = Role.POLITY                     # "Sorge informed Moscow that …", "wrote to Moscow about"
        elif _power_of(text, m.end):
            role = Role.POLITY                     # "to restore Moscow's control", "the Kremlin's own voice"
        elif m.place in words("continents") and not _journey(links[id(m)]):
            role = Role.POLITY                     # "ending World War II in Europe"; not "sailed to the New World"
        elif is_big(m) and links[id(m)].prep == "of" and links[id(m)].noun.lower() in words("parts") and not abstract \
                and not _TOPIC_PART.search(before[-60:]):   # (not "spoke of the valleys of Georgia": a topic)
            role = Role.LOCATES                    # "operations in the northeastern areas of Yugoslavia"
        elif is_big(m) and links[id(m)].prep == "for" and links[id(m)].noun.lower() in words("posts"):
            role = Role.LOCATES                    # "a commissar for the Ukraine": a post held there
        elif is_big(m) and links[id(m)].prep in ("subject", "") and _HAPPENING_STRUCK.search(own_clause[-60:]):
            role = Role.LOCATES                    # "famine struck Ukraine", "the war reached Poland": a scene
        elif is_big(m) and is_theatre(text, m):
            role = Role.LOCATES                    # "chief of staff of the Southwestern Front": no polity
        elif is_big(m) and links[id(m)].prep == "subject" and links[id(m)].passive and (
                links[id(m)].vclass == "combat" or links[id(m)].verb in ("take", "seize")):
            role = Role.LOCATES                    # "In 1940 Lithuania was annexed", "Sakhalin was taken": a scene
        elif is_big(m) and not links[id(m)].noun and (links[id(m)].vclass, links[id(m)].prep) in _FOUGHT_ON:
            role = Role.LOCATES                    # "fought on the Dniester", "marched along the Volga"
        elif is_big(m) and _acted_on(links[id(m)]):
            role = Role.POLITY
        elif is_big(m) and _crossed(links[id(m)]):
            role = Role.LOCATES
        elif is_big(m) and not (m.cued or _ROLE.search(before) or _on_front(m, before) or _on_an_island(
                m, before, links[id(m)]) or (
                links[id(m)].vclass == "sending" and links[id(m)].prep in ("to", "into"))) and not (
                previous is not None and out.get(id(previous)) is Role.LOCATES
                and (_LIST_GAP.match(text[previous.end:m.start]) or _GAPPED_OBJECT.match(text[previous.end:m.start])
                     and gapped(text, previous, m))):
            role = Role.POLITY
        else:
            role = Role.LOCATES
        out[id(m)] = role
        previous = m
    return out


_DEALINGS = re.compile(r"\b(?:" + "|".join(sorted(words("dealings"))) + r")\s+(?:with|between)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                       r"(?:(?<=between\s)(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+and\s+(?:the\s+)?)?$")


def _told(text: str, a: int, m: Mention, link: Link) -> bool:
    """A town told or written to: its government, not a stay there ("Sorge informed Moscow that …", "warned
    Berlin of it", "reported to Moscow that", "wrote to Moscow about"; one who wrote in Moscow was there)."""
    if link.prep == "":
        return link.vclass in ("report", "abstract") and _WORD_BEFORE.search(text, max(a, m.start - 30), m.start) \
            is not None
    return link.prep == "to" and not link.passive and (link.vclass == "report" or link.verb == "write")


# A word right before the place, the verb whose object it is: "informed Moscow"
_WORD_BEFORE = re.compile(r"\b[a-z]+\s+$")
_POSSESSED = re.compile(r"['’]s\s+([a-z]+)(?:\s+([a-z]+))?")


# Towns named together as a clause's subject, then the verb (over an adverb): "Vienna and Constantinople
# complained"; before the first of them in the clause, at most a leading time ("In May 1949 ", "Later, ").
_TOWNS_THEN_VERB = re.compile(r"(?:(?:,\s*|\s+and\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
                              r"(?:,\s+(?:in\s+(?:return|turn|response|exchange)|for\s+its\s+part|however|meanwhile|"
                              r"though),)?\s+"            # "Moscow, in return, accepted …"
                              r"(?:(?:also|then|soon|quickly|again|still|immediately|finally|promptly|formally|"
                              r"officially|openly|repeatedly)\s+)?([a-z]+)\b")
_TOWNS_BEFORE = re.compile(r"\s*(?:[A-Z][^,;]{0,40}?\b(?:\d{4}|year|month|week|day|spring|summer|autumn|winter|then|"
                           r"later|soon|meanwhile|however|instead)\s*,?\s+|(?:Then|Later|Soon|Meanwhile|However|Instead|"
                           r"But|And|Yet),?\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s*|\s+and\s+))*")


_AUXILIARIES = frozenset(sections("function_words")["aux"] + sections("function_words")["modal"])


def _governs(text: str, clause_start: int, m: Mention) -> bool:
    """A town that opens its clause as the subject of a verb in the past or the present, other than one of
    what befell the town itself (``town_fates``): "Moscow lifted the blockade", "Washington protested",
    "Vienna and Constantinople complained" (not "Kiev fell", "the Red Army retook Kiev")."""
    after = _TOWNS_THEN_VERB.match(text, m.end)
    if after is None or after.group(1) in verb_forms("town_fates"):
        return False
    known = verbs().get(after.group(1))
    if not (known[2] in ("past", "s") if known else clauses.VERB.fullmatch(after.group(1))) or \
            after.group(1) in _AUXILIARIES:
        return False                               # "Moscow lifted", "Washington protests"; not "Moscow metro",
    return _TOWNS_BEFORE.fullmatch(text, clause_start, m.start) is not None   # nor "Moscow was the capital"


# A happening as its clause's subject, then its verb (and a preposition): what it struck is a scene.
_HAPPENING_STRUCK = re.compile(r"\b(?:" + "|".join(sorted(words("happenings"))) + r")\s+(?:[a-z]+\s+){1,2}?"
                               r"(?:the\s+)?$")


def _describes_someone(sentence: str, pos: int) -> bool:
    """The place is inside an apposition that says what someone was, between their name and their verb:
    "Sergei Lazo, a Red commander of the Civil War in Siberia, was born in 1894 in Piatra" (not born in Siberia)."""
    if ", a" not in sentence:
        return False
    return any(m.start("body") <= pos < m.end("body") for m in _APPOSITION.finditer(sentence))


# A name, ", a/an …," and the name's verb
_APPOSITION = re.compile(r"[A-Z][\w'’-]+,\s+an?\s+(?P<body>[^,;()]{3,160}),\s+(?:was|had|is|became|[a-z]{3,}ed)\b")


def _power_of(text: str, end: int) -> bool:
    """The place, in the possessive, stands for its rulers: "Moscow's control", "the Kremlin's own voice"."""
    m = _POSSESSED.match(text, end)
    return m is not None and bool(words("power_nouns").intersection(m.groups()))


# A town's name before a noun, after a determiner (and a word of its own: "a former Odessa racketeer") that no
# locative word leads: "research by the Moscow playwright", "works for the Moscow office" — not "at the Moscow
# office", "his Kremlin apartment".
_DET_NOT_LOCATIVE = re.compile(r"(?:^|[^\w\s]|\b(?!(?i:in|at|to|from|into|near|inside|outside|towards?|of|"
                               r"through|across|around|within)\b)[A-Za-z]+)\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?$")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
# A noun after the one read, of which that one is no head: "the Kremlin leadership offices"
_HEAD_GOES_ON = re.compile(r"\s+(?!(?:in|at|of|on|to|from|and|or|who|which|that|had|have|was|were)\b)[a-z]")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to|into|inside|near)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?$")
_BY_THE = re.compile(r"\bby\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?$")
# A body that acts, the agent of a passive: "was rejected by the Kiev university" (not "buried by the Kremlin wall")
_INSTITUTION = re.compile(r"(?i:\b(?:university|conservatory|academy|institute|school|seminary|college))$")
# …unless it takes one on: "was employed by the Moscow Conservatory", "elected professor by the Kazan University"
_TAKEN_ON = re.compile(r"(?:employ|hire|hiring|engag|appoint|admit|accept|elect|enrol|recruit)")   # (lemma or form)


def _attributive(text: str, m: Mention, before: str, link: Link) -> bool:
    """A town that only describes the noun after it: "research by the Moscow playwright", "published in a
    London newspaper"; not where a verb of going, staying or meeting governs it ("visited the Moscow
    metro", "commanded the Tsaritsyn front"). A town or a site before the nouns for its rulers stands for
    them ("vetted by senior Kremlin leaders", data/lexicon/rulers.txt)."""
    if m.location is None or m.location.kind not in ("city", "site"):
        return False
    after = _NOUN_AFTER.match(text, m.end)
    if after is not None and after.group(1) in words("rulers") and not _HEAD_GOES_ON.match(text, after.end()) \
            and not _LOCATIVE_BEFORE.search(before):
        return True                                # "vetted by senior Kremlin leaders": no one went there
    if m.location.kind != "city":
        return False
    if after is not None and after.group(1) in words("print_nouns"):
        return True                                # "published in a London newspaper": no one went there
    if link.vclass in ("motion", "stay", "meeting") or not _DET_NOT_LOCATIVE.search(before):
        return False
    if after is not None and (after.group(1) in _UNITS or after.group(1) in words("facilities") and not _BY_THE.search(
            before)):
        return False                               # "to the Krasnoyarsk territory": the land around the town; "captured
        #                                            the Liubotyn rail junction": a facility there (not "rejected by
        #                                            the Kiev university": an agent)
    # (a happening at the town is a scene there: "suppressing the Kronstadt rebellion")
    return after is not None and after.group(1) not in words("function_words") and after.group(1) not in words(
        "happenings")


def _search_end(pattern: re.Pattern, last: tuple[str, ...], before: str):
    """``pattern.search(before)``, for a pattern anchored at the end that ends in one of the words ``last``
    and white space: most places have none of them there, and the search would try every position."""
    return before[-1:].isspace() and before.rstrip().endswith(last) and pattern.search(before)


_ON = re.compile(r"(?i:\bon|\balong)\s+(?:the\s+)?$")


def _on_front(m: Mention, before: str) -> bool:
    """A front, islands or a peninsula are places one is "on" or goes "along": "moved to Ukraine, on the
    Southwest Front", "the prison camp on the Solovetsky Islands"."""
    return m.text.endswith(("Front", "Island", "Islands", "Peninsula")) and bool(_ON.search(before))


_BEING_ON = frozenset(("stay", "motion", "detention", "sending", "meeting"))   # (not "wrote a report on Sakhalin")


def _on_an_island(m: Mention, before: str, link: Link) -> bool:
    """Being, going or held on an island the gazetteer knows by another of its names ("three months on Sakhalin",
    also "Sakhalin Island"); not what one wrote or spoke on ("a report on Sakhalin")."""
    on = _ON.search(before) if link.vclass in _BEING_ON else None
    return on is not None and not TOPIC_BEFORE.search(before, 0, on.start()) and m.location is not None and any(
        t.endswith(_ONE_STANDS_ON) for t in (*(n.text for n in m.location.names), m.location.name))


_ONE_STANDS_ON = (" Island", " Islands", " Ice Shelf", " Glacier", " Plateau")   # ("died on the Ross Ice Shelf")


_MILITARY_DISTRICT = re.compile(r"\s+(?:Military\s+District|Army|Army\s+Group|Fleet|Flotilla|Corps)\b")


def is_theatre(text: str, m: Mention) -> bool:
    """A front, a military district or an army named after a region is where armies are, never a
    government or a party to anything: whoever serves "of", "on" or "in" it is there ("chief of staff of
    the Southwestern Front", "deputy chief of staff of the North Caucasus Military District", "inspector
    of cavalry of the Caucasus Army")."""
    return m.text.endswith("Front") or bool(_MILITARY_DISTRICT.match(text, m.end))


def _front_of(text: str, previous: Mention, m: Mention) -> bool:
    """The front a place lay on, right after it: "moved to Ukraine, on the Southwest Front"."""
    gap = text[previous.end:m.start]
    return gap.lstrip().startswith(",") and _on_front(m, gap)


def _near_named(before: str) -> bool:
    """A name right before "near" that the place after it only locates; none of its small words is a verb
    of the subject's or a pronoun ("He was born near Cherkasy", "Stalin often stayed near Sochi", "the
    Germans captured him near Lomza" are theirs)."""
    if not _search_end(_NEAR_NAMED, ("near", "outside", "to", "the", "of"), before):
        return False
    # the name nearest "near" first ("visited Lenin at Gorki near": Gorki, not "Stalin visited Lenin …")
    for start in reversed([c.start() for c in _CAPITAL_WORD.finditer(before)]):
        m = _NEAR_NAMED.fullmatch(before, start)
        if m is None:
            continue
        first, *rest = m.group().split()
        if first.lower() in _OPENING_WORDS:
            return False                               # a preposition or conjunction opening the sentence is no
            #                                            name: "During heavy fighting near Shepetivka" is a fight there
            #                                            (not "The factory near Tula was bombed": Tula only locates it)
        # no verb of the subject's among its small words ("the Germans captured him near Lomza")
        # (nor a body of people: "fought against the Polish army near Berdichev", "the Czechoslovak Legion near
        # Kazan")
        return not any(w in words("groups") for w in (first, *rest)) and not any(
            w in _NOT_A_SITE or verbs().get(w, ("", "", ""))[2] in ("past", "s")
            for w in rest if w.islower() and w not in ("near", "outside", "close", "to", "the", "on", "of"))
    return False


_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z]")
_OPENING_WORDS = frozenset(w for k in ("prep", "conj", "sub", "adv", "pron") for w in sections("function_words")[k]) | {
    "his", "her", "their", "its"}     # (not "the", "a": "The factory near Tula" is what Tula locates)


_NOT_A_SITE = frozenset("""was were is are been being and or but who which that often still then also him her them
    it us me""".split())


_WORD_FROM = re.compile(r"\b([a-z]+)\s+from\s+(?:the\s+)?$")
# nouns of a move away (beside lifemap.extract.kinds' words of travel, escape, exile): "his removal from
# Hispaniola", "the withdrawal from Kiev"
_LEAVING_NOUNS = frozenset("removal release withdrawal retreat evacuation flight transfer".split())
_MOVING_ADVERBS = frozenset("back away out home down up off over along across directly straight again first".split())


def _from_of_a_noun(before: str, link: Link) -> bool:
    """A place after "from" that a noun, not a verb of going, hangs on says where people or things came
    from: "observers from France", "sailors from Kronstadt", "pressure from Washington", "a letter from
    Vienna" — no one of the sentence is there (not "returned from Vienna", "came back from Germany")."""
    if link.prep != "from" or link.vclass in ("motion", "sending", "detention") or link.verb == "graduate" \
            or not before.endswith(" ") or (link.verb in _DIRECTING and not link.passive):
        return False                               # (nor "graduated as a doctor from the Medical School", nor
        #                                            "directed the new regime from Moscow": where the director sat)
    m = _WORD_FROM.search(before)
    if m is None:
        return False
    word = m.group(1)
    return word not in verbs() and word not in _MOVING_ADVERBS and not word.endswith("ly") \
        and word not in words("function_words") and not kinds.kind_words(word) and word not in _LEAVING_NOUNS \
        and word not in _MEANS_OF_SPEAKING


_DIRECTING = frozenset(sections("clause_words")["directing"])
# "spoke to the country by radio from the Kremlin": the speaker is where the words come from
_MEANS_OF_SPEAKING = frozenset("radio telephone phone telegraph loudspeaker".split())


@functools.cache
def _people_after() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(sorted(words("peoples"))) + r")\b")


def _names_a_people(text: str, m: Mention) -> bool:
    """A place right before the name of a people or a party names them, not a scene: "the Ural Cossacks",
    "the Volga Germans", "the Georgian Bolsheviks" (``data/lexicon/peoples.txt``)."""
    return _people_after().match(text, m.end) is not None


_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+)*$")
_UNIT_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*)*\s+(?:Division|Regiment|Brigade|Corps|Battalion|Squadron|Army|Fleet)\b")
# (not "the Tambov and Voronezh districts": the lands)
_SHARED_UNIT_NOUN = re.compile(r"\s+and\s+(?:the\s+)?[A-Z][\w-]+\s+(?:[Ff]ronts|[Aa]rmies|[Ff]leets|[Mm]ilitary\s+"
                               r"[Dd]istricts)\b")


# A part of a region that is what one speaks, writes or dreams of: "spoke of the valleys of Georgia"
_TOPIC_PART = re.compile(r"\b(?:sp[eo]k\w*|wr[io]t\w*|talk\w*|dream\w*|th[io]\w*ght|think\w*|s[ai]ng\w*|told|tell\w*|"
                         r"poems?|songs?|books?|essays?|stor(?:y|ies)|memories|nostalgia)\s+(?:of|about)\s+(?:the\s+)?"
                         r"(?:[a-z-]+\s+)?[a-z]+\s+of\s+(?:the\s+)?$")
# The towns a stretch of land or a border lies between: "the lake district between Moscow and Leningrad" is
# in neither (one who travels "between Moscow and Leningrad", or on the line between them, is in both)
_LIES_BETWEEN = re.compile(r"\b(?:district|region|area|border|frontier|halfway|midway|territory|"
                           r"lands|somewhere|camps|prisons|detention|places|towns|villages|stations)\s+between\s+"
                           r"(?:the\s+)?"
                           r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+and\s+(?:the\s+)?)?$")
# A town's clock: "at 9:07 Moscow time" tells the hour, not where anyone was
_CLOCK_BEFORE = re.compile(r"(?:\b\d{1,2}[:.]\d\d|\bby)\s+$")
_TIME_AFTER = re.compile(r"\s+time\b")


def _numbered_unit(text: str, m: Mention, before: str) -> bool:
    """A town in a numbered unit's name names the unit, not where it was: "commander of the 7th Samara
    Cavalry Division", "the 1st Moscow Proletarian Rifle Division"; so does one that shares the plural
    noun of units named after it and another: "the Leningrad and Volkhov Fronts"."""
    return before[-1:].isspace() and bool(_ORDINAL_BEFORE.search(before)) and bool(_UNIT_AFTER.match(text, m.end)) \
        or bool(_SHARED_UNIT_NOUN.match(text, m.end))


_COMMAND_DISTRICT = re.compile(r"\s+(?:Special\s+)?Military\s+District\b")
_GONE_TO = re.compile(r"\b(?:to|at|in)\s+$")
_TO_COMMAND = re.compile(r"\s+(?:as|to)\s+[a-z][^,;:.]{0,60}?\s+(?:of\s+)?(?:the\s+)?")
_DISTRICT_OF = re.compile(r"\s+(?:(?:district|quarter|side|suburb)\s+of|Military\s+District\s+(?:at|in))\s+(?:the\s+)?")


def _district_of_a_town(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """A town's name that names a district of another town ("the Vyborg district of Petrograd"), or a
    military district seated in a town ("the Volga Military District at Samara"), is no place of its own:
    the town after it is where it lies."""
    after = _DISTRICT_OF.match(text, m.end)
    if after is None and _COMMAND_DISTRICT.match(text, m.end):
        # ("posted to Chita to command the Transbaikal Military District": the town the clause went to, then
        # what for; not "transferred from Minsk to command …", "studied in Leningrad and served in …")
        return any(n.end <= m.start and n.location is not None and n.location.kind == "city"
                   and _GONE_TO.search(text, max(0, n.start - 4), n.start)
                   and _TO_COMMAND.fullmatch(text, n.end, m.start) for n in mentions)
    return after is not None and any(n.start == after.end() and n.location is not None and n.location.kind == "city"
                                     for n in mentions)


def _journey(link: Link) -> bool:
    """A move to, across, through or into the place: "sailed to the New World", "travelled across Asia",
    "made landfall in the Americas"."""
    return (link.vclass in ("motion", "sending") and link.prep in ("to", "across", "through", "into")) or (
        link.vclass == "motion" and link.prep in ("in", "at")) or _crossed(link)       # "toured Europe"


def _crossed(link: Link) -> bool:
    """A region or country that a verb of motion takes for its object is a place gone through or to:
    "toured the Soviet Union", "crossed Siberia", "reached Japan"."""
    return link.verb in words("passing_verbs") and link.prep == "" and not link.noun


def _acted_on(link: Link) -> bool:
    """A region or country a decree, a policy or a thought is about, or that only qualifies a thing
    ("recognised Soviet republics in Estonia", "attack from Japan"): no event happens there. An event
    noun keeps it a scene ("ordered the deportation of the Chechens to Kazakhstan"), and so does a verb
    of passing through that takes it for its object ("inspected the Donbass")."""
    if _crossed(link):
        return False
    if link.noun and (kinds.kind_words(link.noun) or link.noun in words("military_units")
                      or link.noun in words("happenings") or link.noun.lower() in words("sojourns")
                      or link.noun.lower() in words("posts") or link.noun.lower() in _DWELLINGS
                      or link.noun.lower() in _JOURNEY_NOUNS and link.prep in ("to", "through", "across", "around")
                      or boarded(link)):
        return False                               # "forced the Polish troops back into Poland": people go there;
        #                                            "an estate in the Kuban", "his dacha in Abkhazia": a home there;
        #                                            "paid state visits to India and Burma": a journey there
    return link.vclass in ("rule", "abstract", "rename") or (bool(link.noun) and link.vclass not in _PRESENCE)


def continues_list(text: str, previous: Mention, m: Mention) -> bool:
    """Whether ``m`` goes on a list ``previous`` is in: "Estonia, Lithuania and Latvia", or names the
    front it lay on: "moved to Ukraine, on the Southwest Front"."""
    gap = text[previous.end:m.start]
    if "and" in gap and _VERB_AFTER.match(text, m.end):
        return False                               # "after the invasion of China, and Moscow feared …": a clause
    return bool(_LIST_GAP.match(gap) or _INCLUDING_GAP.match(gap)) or _front_of(text, previous, m)


def gapped(text: str, previous: Mention, m: Mention) -> bool:
    """Whether ``m`` follows ``previous`` in a clause whose verb is left out: "led him to Algeria and
    Tunisia, and to Greece and Cyprus", "collected in Xinjiang, and afterwards in Japan", "worked in Ukraine,
    and from 1928 in the Urals"."""
    gap = _GAPPED.match(text[previous.end:m.start])
    if gap is None and _GAPPED_OBJECT.match(text[previous.end:m.start]):
        if text.startswith(("'s", "’s"), m.end):   # "… and in 1939 Germany's armies invaded Poland" (not "…
            return not any(clauses.finite_verb_at(text, w.start())  # and in 1973 Germany's Ruhr")
                           for w in itertools.islice(_WORD_AHEAD.finditer(text, m.end + 2), 3))
        pos = _OBJECT_GOES_ON.match(text, m.end).end()
        return not clauses.finite_verb_at(text, pos)
        # (not "…, and in 1939 Germany invaded Poland", "…, and in 1939 Germany, having signed a pact, invaded",
        # "… Germany and Italy signed a pact", "… Germany itself was at war")
    if gap is not None and gap.group("date") and not _CLAUSE_ENDS.match(text, m.end):
        return False                               # "arrested in Kiev, and in 1930 in Odessa his wife died": a
    return gap is not None                         # clause of its own after the place, not one left without a verb


def gapped_subject(text: str, a: int, previous: Mention | None, m: Mention) -> tuple[str, int] | None:
    """The subject of a clause whose verb is left out, right before the place, and where it starts: after the
    place before ("Zinoviev was exiled to Kustanai and Kamenev to Minusinsk", "Radek to Tobolsk, Rakovsky to
    Astrakhan"; not "went with Bulganin and Khrushchev to Geneva"), or after a colon ("scattered: Radek to
    Tobolsk"); None if there is none."""
    found = _GAPPED_SUBJECT.fullmatch(text, previous.end, m.start) if previous is not None else None
    if found is None:
        found = _LISTED_SUBJECT.search(text, max(a, m.start - 50), m.start)
    return (found.group("who"), found.start("who")) if found is not None else None


# A date after "and" and then the place, with no verb: the verb before goes on to its object ("visited Belgium and the
# Netherlands and in 1973 West Germany")
_GAPPED_OBJECT = re.compile(r"\s*,?\s+and\s+(?P<date>(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?"
                            r"(?:[A-Z][a-z]+\s+)?\d{4},?\s+)(?:the\s+)?(?:(?:West|East|North|South)(?:ern)?\s+)?$")
# A preposition after "and", with no verb: the verb of the clause before goes on
_GAPPED = re.compile(r"\s*,?\s+(?:and|or)\s+(?:(?:then|later|afterwards|finally|eventually|also|again)\s+)?"
                     r"(?P<date>(?:in|from|on|by)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?"
                     r"\d{4},?\s+)?"
                     r"(?:to|in|at|into|through|via|across)\s+(?:the\s+)?$")
# (a date of its own between: "worked in Ukraine, and from 1928 in the Urals", "and in May 1930 to Odessa")
# what may follow a gapped place: its clause ends, or a phrase of it goes on (not a subject of its own)
# What may follow a place before its clause's own verb: more names of a list, an aside, an adverb (", and" opens a
# clause of its own: "… and in 1973 Germany, and Brandt received him in Bonn")
_OBJECT_GOES_ON = re.compile(r"(?:(?:,\s*(?!and\b)|\s+(?:and|or)\s+)(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
                             r"(?:,[^,.;]{1,80},)?(?:\s+(?:itself|alone|too|also|[a-z]+ly))*\s*")
_WORD_AHEAD = re.compile(r"\b[A-Za-z][\w-]*")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|but|or|where|which|until|till|in|on|at|to|from|near|for)\b")
_WHO_TO = r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:to|into)\s+(?:the\s+)?"   # "Rakovsky to "
_GAPPED_SUBJECT = re.compile(r"\s*(?:,|;|,?\s+and)\s+" + _WHO_TO)
_LISTED_SUBJECT = re.compile(r"[:;]\s+" + _WHO_TO + "$")
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:was|were|had|has|is|are|would|could|[a-z]{2,}ed)\b")


_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+$")
_IN_AT = re.compile(r"(?:In|At)\s")


_PREPOSITION_OPENS = re.compile(r"(?:After|Before|During|Following|Within|Through|Throughout|Over|Upon|Since|Until|"
                                r"Despite|Between|Among)\s")


def is_origin(text: str, sentence: str, a: int, m: Mention) -> bool:
    """After "from", "left"…, or the place of the subject ("the Bolsheviks in Achinsk made…")."""
    if _ORIGIN.search(text[max(a, m.start - 40):m.start]):
        return True
    if not _IN_AT_BEFORE.search(text[max(a, m.start - 6):m.start]):
        return False
    pos = m.start - a
    begin = clauses.lead_end(sentence)
    if pos < begin or _IN_AT.match(sentence, begin, begin + 3) or _PREPOSITION_OPENS.match(sentence, begin):
        return False                               # ("After several months in Butyrka a special board sentenced him
        #                                            to … the Kolyma camps": where he was, inside a leading phrase)
    verb = clauses.VERB.search(sentence, begin)
    return verb is not None and pos < verb.start()

"""The actor registry: bundled countries, people and organisations, plus user actor files.

Bundled data: ``data/countries.jsonl`` (one GPE actor per country, ISO3 as id) and
``data/actors.jsonl`` (people and organisations). User files (``*.jsonl`` or ``*.csv``) extend the
bundled data; an entry with an existing id replaces it.

Role titles are normalised to this vocabulary (``TITLES``): head-of-state and government titles
("president", "vice president", "prime minister", "premier", "chancellor", "king", "queen",
"emperor", "emir", "crown prince", "supreme leader", "state counsellor", "chairman"), ministers
("foreign minister", "defence minister", "finance minister", "deputy prime minister"),
"central bank governor", "spokesperson", "press secretary", "secretary general",
"general secretary" (party), "director general", "managing director", "high representative",
"national security adviser", "security council secretary", "chief of general staff", "minister".
A role of a head of state or government carries ``head`` ("state", "government" or
"state+government"), derived from the title and the country's rules in countries.jsonl.

Matching rules: names are compared after folding case and accents, unifying apostrophes and
hyphens, and dropping a leading "the" and a trailing possessive. Acronym aliases (all capitals,
such as "US" or "SCO") match only a surface written in capitals, so "us" is not the United States.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.records import Entity

DATA = Path(__file__).resolve().parents[1] / "data"

TITLES = frozenset({
    "president", "vice president", "prime minister", "premier", "chancellor", "king", "queen",
    "emperor", "emir", "sultan", "crown prince", "supreme leader", "state counsellor", "chairman",
    "foreign minister", "defence minister", "finance minister", "deputy prime minister",
    "central bank governor", "spokesperson", "press secretary", "secretary general",
    "general secretary", "director general", "managing director", "high representative",
    "national security adviser", "security council secretary", "chief of general staff",
    "minister", "governor general", "chief executive", "speaker", "commander",
})

# Surface title -> canonical title (applied to data and to queries).
_TITLE_ALIASES = {
    "defense minister": "defence minister", "minister of defence": "defence minister",
    "minister of defense": "defence minister", "defence secretary": "defence minister",
    "defense secretary": "defence minister", "secretary of defense": "defence minister",
    "secretary of war": "defence minister", "war secretary": "defence minister",
    "foreign secretary": "foreign minister", "minister of foreign affairs": "foreign minister",
    "external affairs minister": "foreign minister", "top diplomat": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "central bank chief": "central bank governor", "central bank head": "central bank governor",
    "fed chair": "central bank governor", "federal reserve chair": "central bank governor",
    "central bank chair": "central bank governor", "central bank president": "central bank governor",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "secretary-general": "secretary general", "pm": "prime minister",
    "national security advisor": "national security adviser", "treasury secretary": "finance minister",
    "chancellor of the exchequer": "finance minister", "finance secretary": "finance minister",
    "vice premier": "deputy prime minister", "deputy premier": "deputy prime minister",
    "chairman of the joint chiefs of staff": "chief of general staff",
    "state councillor": "state counsellor", "state counselor": "state counsellor",
}
# Query title -> titles it also matches (after canonicalisation).
_QUERY_EXPANSION = {
    "prime minister": {"prime minister", "premier"},
    "premier": {"premier", "prime minister"},
    # Japan's chief cabinet secretary is the government's spokesperson
    "spokesperson": {"spokesperson", "press secretary", "chief cabinet secretary"},
    "press secretary": {"press secretary", "spokesperson"},
    "king": {"king", "queen", "emperor", "emir", "sultan"},
    "monarch": {"king", "queen", "emperor", "emir", "sultan"},
    "queen": {"queen", "king"},
}
_HEAD_QUERIES = {
    "head of state": {"state"}, "head of government": {"government"},
    "leader": {"state", "government"}, "head": {"state", "government"},
}
# Titles that make their holder a head of state/government unless a country says otherwise.
_DEFAULT_HEADS = {
    "president": "state", "king": "state", "queen": "state", "emperor": "state", "emir": "state",
    "sultan": "state", "supreme leader": "state",
    "prime minister": "government", "premier": "government", "chancellor": "government",
}
_ORDER_TYPES = {"GPE": 0, "PERSON": 1, "ORG": 2}
_MONARCHS = {"king", "queen", "emperor", "emir", "sultan"}


@dataclass(frozen=True)
class Role:
    title: str
    country: str | None
    org: str | None
    start: str | None
    end: str | None
    head: str | None = None  # "state" | "government" | "state+government" | None
    acting: bool = False  # acting/interim holders may overlap with another holder


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    wikidata: str | None
    country: str | None
    sector: str | None
    roles: tuple[Role, ...]
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()  # explicit surname forms ("Xi", "von der Leyen", "Lula")
    iso2: str | None = None  # GPE only
    leader: str | None = None  # GPE only: the title of the office the press calls "the leader"

    @property
    def key(self) -> str:
        return self.wikidata or f"reg:{self.id}"


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-",
                       "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_PARTICLES = {"von", "van", "der", "den", "de", "da", "dos", "das", "del", "di", "du", "la", "le",
              "al", "el", "bin", "ibn", "ben", "bint"}


def fold(text: str) -> str:
    """Accent-free text with unified apostrophes and dashes, case kept."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ı", "i").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")


def normalise(text: str) -> str:
    """The comparison form of a name: folded, lower case, hyphens as spaces, no leading 'the'."""
    text = fold(text).lower().replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s$", "", text)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in fold(alias) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6


def _plural(demonym: str) -> str:
    """"Russian" -> "Russians"; "Chinese", "French", "Swiss" stay as they are."""
    if demonym.endswith(("ese", "s", "sh", "ch", ".")) or not demonym[-1:].isalpha():
        return demonym
    return demonym + "s"


def canonical_title(title: str) -> str:
    t = re.sub(r"\s+", " ", fold(title).lower().replace("-", " ")).strip()
    return _TITLE_ALIASES.get(t, _TITLE_ALIASES.get(title.lower().strip(), t))


def _bounds(date: str | None, high: bool) -> str:
    """Earliest (high=False) or latest (high=True) day a partial date can mean."""
    if not date:
        return "9999-12-31" if high else "0000-01-01"
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if high else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{date}-31" if high else f"{date}-01"
    return date


def surname_forms(actor: Actor) -> set[str]:
    """Normalised forms a person may be called by alone: explicit surnames, else last names."""
    forms = {normalise(s) for s in actor.surnames}
    if actor.surnames:
        return forms
    for full in (actor.name, *actor.aliases):
        # regnal numbers and suffixes are not surnames ("Charles III", "Joseph R. Biden Jr.")
        tokens = [t for t in full.split() if not re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", t)]
        if len(tokens) < 2:
            continue
        i = len(tokens) - 1
        while i > 1 and tokens[i - 1].lower() in _PARTICLES:
            i -= 1
        forms.add(normalise(" ".join(tokens[i:])))
    return forms


class Registry:
    """Indexed actors; see the module docstring for the matching rules."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.id] = actor
        self._index()

    def _index(self) -> None:
        self._names: dict[str, list[tuple[int, str, bool]]] = {}
        self._keys: dict[str, Actor] = {}
        self._surnames: dict[str, list[str]] = {}
        self._demonyms: dict[str, str | None] = {}
        self._metonyms: dict[str, str] = {}
        self._iso2: dict[str, str] = {}
        self._roles: list[tuple[str, Role]] = []
        for aid, actor in self.actors.items():
            self._keys[actor.key] = actor
            self._add_name(actor.name, aid, 0)
            for alias in actor.aliases:
                self._add_name(alias, aid, 1)
            if actor.type == "PERSON":
                for form in surname_forms(actor):
                    self._surnames.setdefault(form, []).append(aid)
            for key in {normalise(f) for d in actor.demonyms for f in (d, _plural(d))}:
                # a demonym two countries share ("Congolese") resolves to neither
                self._demonyms[key] = aid if self._demonyms.get(key, aid) == aid else None
            for met in actor.metonyms:
                self._metonyms.setdefault(normalise(met), aid)
            if actor.iso2:
                self._iso2[actor.iso2.upper()] = aid
            self._roles.extend((aid, role) for role in actor.roles)

    def _add_name(self, surface: str, aid: str, rank: int) -> None:
        bucket = self._names.setdefault(normalise(surface), [])
        acronym = _is_acronym(surface)
        for i, (r, other, acr) in enumerate(bucket):
            if other == aid:  # one entry per actor: best rank; caps needed only if every form is an acronym
                bucket[i] = (min(r, rank), aid, acr and acronym)
                return
        bucket.append((rank, aid, acronym))

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def by_key(self, key: str) -> Actor | None:
        """Entity.key (QID or ``reg:<id>``) -> Actor."""
        if key.startswith("reg:"):
            return self.actors.get(key[4:])
        return self._keys.get(key)

    def lookup(self, surface: str) -> list[Actor]:
        """Actors whose canonical name or alias equals ``surface``; canonical-name matches first."""
        caps = fold(surface).upper() == fold(surface)
        hits = [e for e in self._names.get(normalise(surface), []) if caps or not e[2]]
        hits.sort(key=lambda e: (e[0], _ORDER_TYPES.get(self.actors[e[1]].type, 3)))
        return [self.actors[e[1]] for e in hits]

    def by_surname(self, surname: str) -> list[Actor]:
        """People whose surname (or an alias's last name) is ``surname``."""
        return [self.actors[a] for a in self._surnames.get(normalise(surname), [])]

    def country(self, iso3: str) -> Actor | None:
        actor = self.actors.get(iso3.upper())
        return actor if actor is not None and actor.type == "GPE" else None

    def demonym(self, word: str) -> Actor | None:
        """"Chinese" -> China; None when unknown or shared by several countries."""
        aid = self._demonyms.get(normalise(word))
        return self.actors[aid] if aid else None

    def metonym(self, phrase: str) -> Actor | None:
        """"the Kremlin", "Beijing" -> the country whose government they stand for."""
        aid = self._metonyms.get(normalise(phrase))
        return self.actors[aid] if aid else None

    def role_holders(self, title: str, country: str | None = None,
                     date: str | None = None) -> list[Actor]:
        """Who held ``title`` (with synonyms) in ``country`` at ``date`` (YYYY[-MM[-DD]] or None).

        Holders whose term surely covers the date come first, then substantive before acting
        holders, the country's leader office first for "leader", exact titles, the latest appointed.
        """
        t = canonical_title(title)
        if t == "secretary of state" and (country or "USA").upper() == "USA":
            t = "foreign minister"  # elsewhere (GBR) a secretary of state is any cabinet minister
        heads = _HEAD_QUERIES.get(t)
        titles = _QUERY_EXPANSION.get(t, {t})
        lo, hi = _bounds(date, False), _bounds(date, True)
        found: dict[str, tuple] = {}
        for aid, role in self._roles:
            if country and role.country != country.upper():
                continue
            if heads is not None:
                is_head = bool(role.head) and bool(heads & set(role.head.split("+")))
                if not is_head and not (t == "leader" and self._is_leader_office(role)):
                    continue
            elif role.title not in titles:
                continue
            if date is not None:
                if _bounds(role.start, False) > hi:
                    continue
                if role.end and _bounds(role.end, True) <= lo:
                    continue
            sure = date is None or (_bounds(role.start, True) <= lo
                                    and (not role.end or _bounds(role.end, False) > hi))
            rank = (0 if sure else 1, role.acting,
                    self._leader_rank(role) if t in _HEAD_QUERIES else 0, 0 if role.title == t else 1,
                    "".join(chr(0x10FFFF - ord(c)) for c in _bounds(role.start, False)))
            if aid not in found or rank < found[aid]:
                found[aid] = rank
        return [self.actors[a] for a in sorted(found, key=lambda a: found[a])]

    def _is_leader_office(self, role: Role) -> bool:
        gpe = self.actors.get(role.country or "")
        return gpe is not None and gpe.leader == role.title

    def _leader_rank(self, role: Role) -> int:
        """0 for the office a country's press calls its leader, 1 for the other head, 2 monarchs."""
        gpe = self.actors.get(role.country or "")
        if gpe is not None and gpe.leader:
            return 0 if role.title == gpe.leader else 1
        if role.title in _MONARCHS:
            return 2
        return 0 if "state" in (role.head or "") else 1

    def resolve(self, ref: str) -> Actor | None:
        """A user's reference: id, QID, ``reg:`` key, ISO3/ISO2 code, canonical name or alias."""
        ref = ref.strip()
        if ref in self.actors:
            return self.actors[ref]
        if re.fullmatch(r"Q[1-9]\d*|reg:.+", ref):
            return self.by_key(ref)
        if re.fullmatch(r"[A-Za-z]{2,3}", ref):
            code = ref.upper()
            if len(code) == 3 and self.country(code):
                return self.country(code)
            if len(code) == 2 and code in self._iso2:
                return self.actors[self._iso2[code]]
        hits = self.lookup(ref) or self.lookup(ref.upper())
        return hits[0] if hits else None

    def entity(self, actor: Actor) -> Entity:
        country = actor.id if actor.type == "GPE" else actor.country
        return Entity(key=actor.key, name=actor.name, type=actor.type, wikidata=actor.wikidata,
                      country=country, sector=actor.sector)


from .registry_files import load_registry  # noqa: E402  (re-exported: the public entry point)

__all__ = ["Actor", "Registry", "Role", "load_registry"]

"""Plain data passed between pipeline stages: JSON-serialisable dataclasses, no behaviour.

Every extracted item carries ``start``/``end`` character offsets into ``ArticleRecord.text``
(the stored clean text), so ``record.text[item.start:item.end] == item.text`` always holds.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDoc:
    """One input article before cleaning, as a reader produced it."""

    source: str  # the input path or URL as given (JSONL lines get "path#L<n>")
    text: str  # decoded input: plain text or HTML markup
    kind: str = "text"  # "text" | "html"
    encoding: str = "utf-8"
    hints: dict[str, Any] = field(default_factory=dict)  # url, title, published, outlet, authors


@dataclass
class Dropped:
    """A passage removed as boilerplate, with the reason the classifier gave."""

    text: str
    reason: str
    start: int  # offsets into CleanDoc.source_text
    end: int


@dataclass
class Evidence:
    """Where a metadata value was read from."""

    value: Any
    source: str  # e.g. "hint", "byline", "dateline", "page-header", "url", "copyright"
    text: str = ""  # the passage it was read from


@dataclass
class Meta:
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # what the date was read from
    dateline: str | None = None  # city
    dateline_day: str | None = None  # MM-DD: the day a wire dateline names, with no year ("LONDON, March 11 -")
    language: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass
class CleanDoc:
    """Clean body text plus the map back to the text the cleaner read.

    ``source_text`` is the decoded input for plain text, trafilatura's output for HTML.
    ``offsets`` is a list of segments ``(clean_start, source_start, length)``: clean text
    ``[clean_start, clean_start+length)`` was copied from ``source_text[source_start:...]``.
    Characters not covered by a segment (joining spaces, paragraph breaks) were inserted.
    """

    text: str
    source_text: str
    offsets: list[tuple[int, int, int]] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    captions: list[Dropped] = field(default_factory=list)  # photo captions, kept apart from the body
    meta: Meta = field(default_factory=Meta)
    flags: list[str] = field(default_factory=list)  # e.g. "not-english", "short"


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A canonical identity: a registry actor, a place, or a local entity found in text."""

    key: str  # stable id: "Q15031" (wikidata), "reg:<slug>", "geo:<geonameid>", "loc:<type>:<slug>"
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | EVENT | FAC | ...
    wikidata: str | None = None
    country: str | None = None  # ISO3
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity: str  # Entity.key
    how: str = "ner"  # ner | registry | alias | title | pronoun | metonym | demonym | coref
    description: str | None = None  # apposition such as "a former U.S. diplomat"


@dataclass
class Quote:
    start: int
    end: int
    text: str  # the quoted words, without the quote marks
    partial: bool = False
    speaker: str | None = None  # canonical name
    speaker_entity: str | None = None  # Entity.key
    speaker_description: str | None = None
    speaker_inferred: bool = False  # True when resolved from a pronoun/title, not named in the attribution
    verb: str | None = None
    speaker_how: str | None = None  # explicit | pronoun | continuation | role | title | headline | narrator | None
    speaker_confidence: float | None = None
    # the mention the speaker was found from ("Jane Roe", "she", "a spokesman for X"); for a
    # continuation, that of the quote it continues. text[source_start:source_end] == source_text
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: float
    unit: str  # ISO 4217, "percent", "km", "km2", "kg", or the counted noun
    approx: bool = False
    qualifier: str | None = None  # "around", "more than", ...
    about: str | None = None  # what is measured ("bilateral trade")
    about_entity: str | None = None
    date: str | None = None  # the period the figure refers to (ISO, any precision)
    original_value: float | None = None  # before unit conversion (2600 for "2600-mile")
    original_unit: str | None = None


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved safely
    precision: str | None  # year | month | day
    anchor: str | None = None  # what it was resolved against


@dataclass
class Place:
    start: int
    end: int
    text: str
    entity: str  # Entity.key of the place ("geo:<id>")
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    feature: str | None = None  # city | country | region | sea | ...


@dataclass
class Party:
    name: str | None
    entity: str | None  # Entity.key
    country: str | None  # ISO3
    sector: str | None = None  # group actors: CAMEO/Phoenix sector code (COP police, EDU students, ...)


@dataclass
class Event:
    type: str  # PLOVER type, e.g. CONSULT
    mode: str | None
    actor: Party
    target: Party | None
    date: str | None
    date_precision: str | None
    location: dict[str, Any] | None  # {name, country, lat, lon}
    status: str  # happened | planned | hypothetical | negated
    evidence: list[Span]
    rule: str
    confidence: float
    symmetric: bool = False
    # asserted | reported | opinion | hypothetical | negated | planned | denied (README: "Event factuality")
    factuality: str = "asserted"
    title: str | None = None  # what happened, in the event's own words ("X and Y hold joint drills in Z")
    date_from: str | None = None  # own (a time expression of the event) | context | article | None (not stated)


@dataclass
class ArticleRecord:
    """Everything the per-article pipeline knows about one article."""

    id: str
    source: str
    kind: str
    raw: str
    encoding: str
    clean: CleanDoc
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # per amount: comparison features read from its sentence's parse ({amount: index, block, features}),
    # so that corpus linking never loads spaCy (newsdesk.corpus.claims)
    claims: list[dict[str, Any]] = field(default_factory=list)
    # per quote: content lemmas and averaged vector ({quote: index, lemmas, vector}); the word vector
    # (base64 float32) of each of those lemmas, so that grouping quotes never loads spaCy
    quote_features: list[dict[str, Any]] = field(default_factory=list)
    lemma_vectors: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def meta(self) -> Meta:
        return self.clean.meta


def to_dict(obj: Any) -> Any:
    """Dataclass tree -> plain JSON-ready dict."""
    return dataclasses.asdict(obj)


_NESTED = {
    "clean": CleanDoc, "meta": Meta, "dropped": Dropped, "captions": Dropped,
    "entities": Entity, "mentions": Mention, "quotes": Quote, "amounts": Amount,
    "times": TimeExpr, "places": Place, "events": Event, "actor": Party, "target": Party,
    "evidence": Span,
}


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs = {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in data.items():
        if key not in names:
            continue  # fields added by newer versions are ignored, never fatal
        sub = _NESTED.get(key)
        if key == "evidence" and cls is Meta:
            value = {k: Evidence(**v) for k, v in (value or {}).items()}
        elif key == "offsets" or key == "sentences":
            value = [tuple(v) for v in value]
        elif sub is not None and isinstance(value, list):
            value = [_build(sub, v) for v in value]
        elif sub is not None and isinstance(value, dict):
            value = _build(sub, value)
        kwargs[key] = value
    return cls(**kwargs)


def record_from_dict(data: dict[str, Any]) -> ArticleRecord:
    """Inverse of :func:`to_dict` for an ArticleRecord."""
    return _build(ArticleRecord, data)

"""What the extraction stages share while one article is analysed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Amount, Entity, Meta, Mention, Place, Quote, TimeExpr


@dataclass
class Resources:
    """Read-only lookups loaded once per process (registry, gazetteer)."""

    registry: Any  # newsdesk.nlp.registry.Registry
    gazetteer: Any  # newsdesk.nlp.gazetteer.Gazetteer


@dataclass
class Context:
    doc: Any  # spacy.tokens.Doc over the clean text
    meta: Meta
    anchor: str | None  # YYYY-MM-DD the article's relative dates resolve against
    resources: Resources
    anchor_estimate: Any = None  # newsdesk.nlp.anchor.AnchorEstimate: where the anchor came from
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def add_entity(self, entity: Entity) -> str:
        self.entities.setdefault(entity.key, entity)
        return entity.key

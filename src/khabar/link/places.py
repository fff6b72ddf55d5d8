"""Places across the corpus: every place name of every report resolved to one gazetteer place
(``link.geocode``), and one entity per place with all its mentions and its coordinates.

A place named in a report is an entity whatever the sentence says about it; whether it is
where an event happened is the events stage's question (``events``), which reads the same
resolved places by report.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import cache

from khabar.link.geocode import ResolvedPlace, find_places, load_gazetteer, resolve
from khabar.model import Article, Entity, Mention

# Gazetteer kinds that are political units (GPE) rather than geographic areas (LOC).
GPE_KINDS = frozenset({"country", "city", "town", "village", "hamlet"})


def resolve_places(articles: list[Article]) -> dict[str, list[ResolvedPlace]]:
    """Report id → its places, resolved in the context of the report's other places."""
    return {article.id: resolve(find_places(article.text), article.text)
            for article in articles}


def place_entities(places: dict[str, list[ResolvedPlace]]) -> list[Entity]:
    """One entity per gazetteer place named anywhere, most mentioned first."""
    by_place: dict[str, list[tuple[str, ResolvedPlace]]] = defaultdict(list)
    for doc_id, resolved in places.items():
        for place in resolved:
            by_place[place.place.id].append((doc_id, place))
    entities = []
    for place_id, found in by_place.items():
        place = canonical(place_id) or found[0][1].place
        written = sorted({hit.text for _, hit in found})
        entities.append(Entity(
            id="ent-" + hashlib.sha1(f"PLACE:{place_id}".encode()).hexdigest()[:12],
            type="GPE" if place.kind in GPE_KINDS else "LOC",
            name=place.name, name_en=place.name_en or None,
            aliases=[form for form in written if form != place.name],
            titles=[],
            mentions=[Mention(doc_id, (hit.start, hit.end), hit.text) for doc_id, hit in found],
            geo=_geo(place, place_id, found[0][1]),
        ))
    return sorted(entities, key=lambda entity: (-len(entity.mentions), entity.name))


def _geo(place, place_id: str, first: ResolvedPlace) -> dict | None:
    """The place's own coordinates; a district or site without them takes its city's, as
    the geocoder resolved them (precision 2)."""
    lat, lon = (place.lat, place.lon) if place.lat is not None else (first.lat, first.lon)
    if lat is None:
        return None
    return {"lat": lat, "lon": lon, "source": place.source, "precision": first.geo_precision,
            "kind": place.kind, "country": place.country, "gazetteer_id": place_id}


@cache
def canonical(place_id: str):
    """The gazetteer's first row of a place (rows sharing an id are its other spellings)."""
    return next((place for place in load_gazetteer().places if place.id == place_id), None)


@cache
def country_name(iso2: str) -> str | None:
    """The English name of a country (ACLED's ``country``) from its gazetteer row."""
    place = load_gazetteer().by_id.get(iso2)
    return place.name_en if place is not None and place.kind == "country" else None

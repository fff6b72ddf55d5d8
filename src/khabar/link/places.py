"""Places across the corpus: every place name of every report resolved to one gazetteer place
(``link.geocode``), and one entity per place with all its mentions and its coordinates.

A place named in a report is an entity whatever the sentence says about it; whether it is
where an event happened is the events stage's question (``events``), which reads the same
resolved places by report.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import cache

from khabar.link.actors import find_actors
from khabar.link.geocode import (
    STATE_CUES,
    PlaceMention,
    ResolvedPlace,
    demonym_country,
    find_places,
    load_gazetteer,
    place_form,
    place_words,
    resolve,
)
from khabar.model import Article, Entity, Mention
from khabar.outlets import find_outlet_mentions
from khabar.text.normalize import normalize
from khabar.text.spans import inside_any, overlaps_any
from khabar.text.tokens import fold_and_tokenize

# Gazetteer kinds that are political units (GPE) rather than geographic areas (LOC).
GPE_KINDS = frozenset({"country", "city", "town", "village", "hamlet"})
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
DESCRIBING = place_words("describing")


def resolve_places(articles: list[Article]) -> dict[str, list[ResolvedPlace]]:
    """Report id → its places, resolved in the context of the report's other places.

    A country adjective is a mention of its country («الرئيس التركي», «قوات تركية»), except
    inside an actor's name: «الجيش الليبي» is an organization, which the entities stage
    links as such. A place name that is an outlet's («لـ«الشرق الأوسط»», «صحيفة الرياض»)
    is no place."""
    return {article.id: resolve(_outside_outlets(_outside_actors(
        find_places(article.text, adjectives=True), article.text), article.text), article.text)
            for article in articles}


def _outside_outlets(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    outlets = [found.span for found in find_outlet_mentions(text)]
    return [mention for mention in mentions
            if not overlaps_any((mention.start, mention.end), outlets)]


def _outside_actors(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    if not any(mention.adjective for mention in mentions):
        return mentions
    actors = [(actor.start, actor.end) for actor in find_actors(fold_and_tokenize(text))]
    return [mention for mention in mentions
            if not mention.adjective or not inside_any((mention.start, mention.end), actors)]


def place_entities(places: dict[str, list[ResolvedPlace]], texts: dict[str, str]
                   ) -> list[Entity]:
    """One entity per gazetteer place named anywhere, most mentioned first.

    A place name inside an organization's name («كتيبة شهداء أبو سليم», a Derna brigade named
    after a Tripoli district) is the organization's, not a mention of the place."""
    by_place: dict[str, list[tuple[str, ResolvedPlace]]] = defaultdict(list)
    for doc_id, resolved in places.items():
        for place in resolved:
            if not place.mention.within_name:
                by_place[place.place.id].append((doc_id, place))
    entities = []
    for place_id, found in by_place.items():
        place = canonical(place_id) or found[0][1].place
        # The spelling the reports use most («مصر»), not the gazetteer's first («جمهورية
        # مصر العربية»); ties go to the gazetteer's order.
        used = Counter(hit.place.name for _, hit in found)
        name = max(used, key=lambda spelling: (used[spelling], spelling == place.name))
        written = sorted({hit.text for _, hit in found})
        mentions = [_with_cue(doc_id, hit, texts) for doc_id, hit in found]
        entities.append(Entity(
            id="ent-" + hashlib.sha1(f"PLACE:{place_id}".encode()).hexdigest()[:12],
            type="GPE" if place.kind in GPE_KINDS else "LOC",
            name=name, name_en=place.name_en or None,
            aliases=[form for form in written if form != name],
            titles=[],
            mentions=mentions,
            geo=_geo(place, place_id, found[0][1]),
        ))
    return sorted(entities, key=lambda entity: (-len(entity.mentions), entity.name))


def _with_cue(doc_id: str, hit: ResolvedPlace, texts: dict[str, str]) -> Mention:
    """The mention with the word that says what kind of place it is: «مدينة درنة», «حي
    باب طبرق», «العاصمة طرابلس» (not «دولة قطر»: the country is the name)."""
    text = texts[doc_id]
    start, end = hit.start, hit.end
    cue_start = hit.mention.cue_start
    if cue_start is not None and hit.mention.cue_form not in STATE_CUES:
        start = cue_start
    # «مدينة مرزق الليبية»: the adjective of the place's own country right after is part of
    # the mention (the geocoder read it as the qualifier, so it is no mention of its own)
    after = NEXT_WORD.match(text, end)
    if after and hit.place.country and hit.mention.qualifier == hit.place.country and (
            demonym_country(load_gazetteer(), place_form(normalize(after.group(1))))
            == hit.place.country):
        end = after.end()
        after = NEXT_WORD.match(text, end)
    # «مدينة درنة الساحلية»: an adjective of the kind of place is part of its mention
    if after and start == cue_start and normalize(after.group(1)) in DESCRIBING:
        end = after.end()
    return Mention(doc_id, (start, end), text[start:end])


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

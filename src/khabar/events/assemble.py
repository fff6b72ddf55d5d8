"""The events stage: event mentions of every report (``detect``) merged into events
(``merge``), with the places the geocoder resolved and the dates read from each report."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from khabar.events.crowds import crowd_outcomes
from khabar.events.detect import DateHit, PlaceHit, article_event_mentions
from khabar.events.merge import merge_events
from khabar.extract.dates import find_dates
from khabar.link.geocode import ResolvedPlace
from khabar.link.places import country_name
from khabar.model import Article, Claim, Event, Reuse, Statement, Story


def find_events(articles: list[Article], claims: list[Claim], statements: list[Statement],
                stories: list[Story], reuse: list[Reuse],
                places: dict[str, list[ResolvedPlace]]) -> list[Event]:
    """ACLED-style events told by the reports, one record per event across reports."""
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        claims_of[claim.doc_id].append(claim)
    statements_of: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        statements_of[statement.doc_id].append(statement)
    mentions = []
    for article in articles:
        mentions += crowd_outcomes(article.text, article_event_mentions(
            article, claims_of[article.id], place_hits(places.get(article.id, [])),
            date_hits(article), statements_of[article.id]))
    return merge_events(mentions, stories, articles, reuse)


def place_hits(resolved: list[ResolvedPlace]) -> list[PlaceHit]:
    """Places that can be where something happened: not a country adjective, not a town
    inside an organization's name («مجلس شورى مجاهدي درنة»)."""
    return [PlaceHit(place.start, place.end, place.location,
                     country_name(place.country) if place.country else None,
                     place.admin1 or None, place.lat, place.lon, place.geo_precision)
            for place in resolved
            if not place.mention.adjective and not place.mention.within_name]


def date_hits(article: Article) -> list[DateHit]:
    published = None
    if article.published:
        try:
            published = date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    return [DateHit(found.start, found.end, found.value, found.precision, found.end_value)
            for found in find_dates(article.text, published)]

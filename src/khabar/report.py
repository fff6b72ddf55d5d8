"""report.md: what a run found, written for an analyst rather than a parser.

The report speaks in the system's own voice, so it only describes: which reports were read,
from whom, what was dropped and skipped, and what each stage produced. Figures and
accusations from the reports are always shown with who said them, never as fact.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

from khabar.compare import over_other_periods
from khabar.model import RECORD_KINDS, Article, Claim, Story, to_record
from khabar.pipeline import Analysis

KIND_TITLES = {
    "reuse": "Text reuse (who copied whom)",
    "stories": "Stories",
    "entities": "Entities",
    "statements": "Attributed statements",
    "claims": "Numeric claims",
    "comparisons": "Figures compared across sources",
    "events": "Events",
}


def render_report(analysis: Analysis, inputs: list[str]) -> str:
    """The Markdown text of report.md for one analysis."""
    articles = sorted(analysis.articles, key=lambda a: (a.published or "9999", a.source))
    lines = [
        "# khabar report",
        "",
        f"Inputs: {', '.join(f'`{path}`' for path in inputs)}",
        "",
        f"- **{len(analysis.articles)}** reports ingested, **{len(analysis.skipped)}** inputs "
        "skipped (reasons below).",
    ]
    outlets = Counter(article.outlet or "unknown outlet" for article in analysis.articles)
    lines.append("- Outlets: " + ", ".join(f"{name} ({n})" for name, n in outlets.most_common()))
    dates = sorted(article.published for article in analysis.articles if article.published)
    if dates:
        lines.append(f"- Published between {dates[0]} and {dates[-1]}; "
                     f"{len(analysis.articles) - len(dates)} reports carry no date.")
    lines += ["", "## Reports", "",
              "| # | source | published | outlet (evidence) | title | debris lines dropped |",
              "|---|---|---|---|---|---|"]
    for number, article in enumerate(articles, start=1):
        outlet = article.outlet or "—"
        if article.outlet and article.outlet_evidence:
            outlet += f" ({article.outlet_evidence})"
        dropped = ", ".join(f"«{line.text[:40]}»" for line in article.dropped) or "—"
        lines.append(f"| {number} | `{_cell(Path(article.source).name)}` | "
                     f"{article.published or '—'} | {_cell(outlet)} | "
                     f"{_cell(article.title or '(no headline)')} | {_cell(dropped)} |")
    if analysis.skipped:
        lines += ["", "## Skipped inputs", "", "| input | reason |", "|---|---|"]
        lines += [f"| `{_cell(item.source)}` | {_cell(item.reason)} |" for item in analysis.skipped]
    lines += _reuse_section(analysis)
    lines += _stories_section(analysis)
    lines += _speakers_section(analysis)
    lines += _figures_section(analysis)
    lines += _events_section(analysis)
    lines += ["", "## What the other stages found", ""]
    for kind in list(RECORD_KINDS)[1:]:
        if kind in analysis.records:
            count = len(analysis.records.get(kind, []))
            lines.append(f"- {KIND_TITLES[kind]}: {count} record{'' if count == 1 else 's'} "
                         f"in `{kind}.jsonl`.")
        else:
            lines.append(f"- {KIND_TITLES[kind]}: stage not built yet (`{kind}.jsonl` is empty).")
    lines.append("")
    return "\n".join(lines)


def _reuse_section(analysis: Analysis) -> list[str]:
    """Who copied whom, in the system's voice: what was copied, not whether it is true."""
    pairs = analysis.records.get("reuse", [])
    if "reuse" not in analysis.records:
        return []
    lines = ["", "## Who copied whom", ""]
    if not pairs:
        return [*lines, "No text reuse found between these reports."]
    by_id = {article.id: article for article in analysis.articles}
    lines += ["| source | → target | kind | share of target derived | evidence | citation |",
              "|---|---|---|---|---|---|"]
    for pair in pairs:
        source, target = by_id[pair["source_id"]], by_id[pair["target_id"]]
        evidence = ", ".join(pair["direction_evidence"])
        if pair.get("common_source"):
            evidence += f" (both carry «{pair['common_source']}»)"
        citation = f"«{pair['citation']['text']}»" if pair.get("citation") else "—"
        lines.append(f"| {_describe(source)} | {_describe(target)} | {pair['kind']} | "
                     f"{pair['target_coverage']:.0%} | {_cell(evidence)} | {_cell(citation)} |")
    return lines


SPEAKER_CONTENT_CHARS = 160


def _stories_section(analysis: Analysis) -> list[str]:
    """One part per story: its reports in time order, who copied whom inside it, and the
    figures its sources give for one quantity, with disagreements marked."""
    if "stories" not in analysis.records:
        return []
    stories = analysis.records["stories"]
    lines = ["", "## Stories", ""]
    if not stories:
        return [*lines, "No story (no reports)."]
    multi = [story for story in stories if len(story["doc_ids"]) > 1]
    lines.append(f"{len(stories)} stories; {len(multi)} have more than one report. A story's "
                 "label is built from its most mentioned people and words and its dates; it "
                 "is not any outlet's headline.")
    lookups = _lookups(analysis)
    by_id = lookups.articles
    comparisons: dict[str, list[dict]] = {}
    for comparison in analysis.records.get("comparisons", []):
        comparisons.setdefault(comparison["story_id"], []).append(comparison)
    pairs = analysis.records.get("reuse", [])
    results = {story.id: story for story in analysis.results.get("stories", [])}
    claims = analysis.results.get("claims", [])
    articles = {article.id: article for article in analysis.articles}
    for number, story in enumerate(multi, start=1):
        lines += ["", f"### Story {number}: {_cell(story['label'])}", "",
                  f"{len(story['doc_ids'])} reports from "
                  f"{', '.join(story.get('outlets') or []) or 'unknown outlets'}.", ""]
        lines += [f"{rank}. {_describe(by_id[doc])}: {_cell(by_id[doc].title or '(no headline)')}"
                  for rank, doc in enumerate(story["doc_ids"], start=1)]
        inside = set(story["doc_ids"])
        copies = [pair for pair in pairs if pair["source_id"] in inside
                  and pair["target_id"] in inside]
        if copies:
            lines += ["", "Who copied whom inside it: " + "; ".join(
                f"{_describe(by_id[pair['target_id']])} {pair['kind']}s "
                f"{_describe(by_id[pair['source_id']])}" for pair in copies) + "."]
        lines += _comparisons_table(comparisons.get(story["id"], []), lookups)
        if story["id"] in results:
            lines += _other_periods(results[story["id"]], claims, articles, lookups)
    singles = len(stories) - len(multi)
    if singles:
        lines += ["", f"{singles} reports are each alone in their story."]
    return lines


def _other_periods(story: Story, claims: list[Claim], articles: dict[str, Article],
                   lookups: _Lookups) -> list[str]:
    """Figures of one kind over different periods: listed side by side, not compared."""
    groups = over_other_periods(story, claims, articles)
    if not groups:
        return []
    by_id, statements, entities = lookups
    lines = ["", "Figures of the same kind over different periods (not compared: they count "
             "different things; not a proven contradiction):", ""]
    for group in groups:
        what = group[0].quantity + (f", subject: {group[0].subject}" if group[0].subject else "")
        values = "; ".join(
            f"«{_cell(claim.text)}» ("
            + (f"«{_cell(claim.period['text'])}»" if claim.period else "no period stated")
            + f"; {_cell(_voice(to_record(claim), statements, entities))}, "
            f"{_describe(by_id[claim.doc_id])})" for claim in group)
        lines.append(f"- {what}: {values}")
    return lines


class _Lookups(NamedTuple):
    """Records by id, for the sections that name a figure's report and speaker."""

    articles: dict[str, Article]
    statements: dict[str, dict]
    entities: dict[str, dict]


def _lookups(analysis: Analysis) -> _Lookups:
    return _Lookups({article.id: article for article in analysis.articles},
                    {s["id"]: s for s in analysis.records.get("statements", [])},
                    {e["id"]: e for e in analysis.records.get("entities", [])})


def _comparisons_table(comparisons: list[dict], lookups: _Lookups) -> list[str]:
    """The figures a story's sources give for one quantity; «differ» rows are marked."""
    if not comparisons:
        return []
    by_id, statements, entities = lookups
    lines = ["", "Figures given for the same quantity (verdict: can all values be true at "
             "once? Copies count as one source):", "",
             "| quantity | verdict | independent sources | values, as each report gives them "
             "| notes |",
             "|---|---|---|---|---|"]
    for comparison in comparisons:
        what = comparison["quantity"] + (" (part of a total)" if comparison.get("part") else "")
        if comparison.get("subject"):
            what += f", subject: {comparison['subject']}"
        if comparison.get("measured"):
            what += f", of «{comparison['measured']}…»"
        if comparison.get("period"):
            what += f", over «{comparison['period']}»"
        verdict = "**DIFFER**" if comparison["verdict"] == "differ" else "agree"
        values = "; ".join(
            f"«{value['text']}» ({_cell(_voice(value, statements, entities))}, "
            f"{_describe(by_id[value['doc_id']])})" for value in comparison["values"])
        notes = " ".join(note + "." for note in comparison.get("notes") or [])
        lines.append(f"| {_cell(what)} | {verdict} | {comparison['independent_sources']} | "
                     f"{_cell(values)} | {_cell(notes)} |")
    return lines


def _speakers_section(analysis: Analysis) -> list[str]:
    """Per speaker: their statements across reports, with the outlet that carried each.

    Quotes are shown as quotes, in the speaker's words and attributed; the report never
    restates their content in its own voice.
    """
    if "statements" not in analysis.records:
        return []
    statements = analysis.records["statements"]
    entities = {entity["id"]: entity for entity in analysis.records.get("entities", [])}
    by_speaker: dict[str, list[dict]] = {}
    for statement in statements:
        if statement.get("speaker"):
            by_speaker.setdefault(statement["speaker"], []).append(statement)
    lines = ["", "## Speakers", ""]
    if not by_speaker:
        return [*lines, "No attributed statement with an identified speaker."]
    unattributed = sum(1 for statement in statements if not statement.get("speaker"))
    lines.append(f"{len(statements)} statements; {unattributed} have no identified speaker "
                 "(unnamed sources, or a subject that could not be read).")
    by_id = {article.id: article for article in analysis.articles}
    ranked = sorted(by_speaker.items(), key=lambda item: -len(item[1]))
    for entity_id, said in ranked:
        entity = entities.get(entity_id, {})
        docs = {statement["doc_id"] for statement in said}
        lines += ["", f"### {entity.get('name', entity_id)}", ""]
        history = entity.get("title_history") or []
        if history:
            lines.append("Titles and offices as written: " + "; ".join(
                f"«{entry['title']}» ({len(set(entry['doc_ids']))} report"
                f"{'' if len(set(entry['doc_ids'])) == 1 else 's'}"
                f"{', ' + entry['first'] if entry.get('first') else ''})"
                for entry in history) + ".")
        lines += [f"{len(said)} statements in {len(docs)} reports.", "",
                  "| report (outlet) | cue | mode | polarity | venue | what the report quotes |",
                  "|---|---|---|---|---|---|"]
        for statement in said:
            article = by_id.get(statement["doc_id"])
            where = _describe(article) if article else statement["doc_id"]
            content = statement["content"]
            if len(content) > SPEAKER_CONTENT_CHARS:
                content = content[:SPEAKER_CONTENT_CHARS] + " …"
            cue = statement.get("verb") or ("(headline)" if statement.get("in_title")
                                            else "(interview answer)")
            lines.append(f"| {where} | {_cell(cue)} | "
                         f"{statement['mode']} | {statement['polarity']} | "
                         f"{_cell(statement.get('venue') or '—')} | «{_cell(content)}» |")
    return lines


def _figures_section(analysis: Analysis) -> list[str]:
    """Every figure by what it counts, each with the report, outlet and who gave it: the
    system restates no figure as fact, and an unattributed one is marked as the outlet's."""
    if "claims" not in analysis.records:
        return []
    claims = analysis.records["claims"]
    lines = ["", "## Figures", ""]
    if not claims:
        return [*lines, "No numeric claim found."]
    by_id, statements, entities = _lookups(analysis)
    groups: dict[tuple[str, str], list[dict]] = {}
    for claim in claims:
        key = (claim.get("quantity") or "other", claim.get("subject") or "—")
        groups.setdefault(key, []).append(claim)
    lines.append(f"{len(claims)} figures. Each is given as the report gives it, with who the "
                 "report says gave it; «the outlet» means the report gives no source.")
    order = sorted(groups, key=lambda key: (key[0] == "other", key[0], key[1]))
    for quantity, subject in order:
        whose = f"subject: {subject}" if subject != "—" else "subject not stated"
        lines += ["", f"### {quantity} ({whose})", "",
                  "| value | unit | report (outlet) | according to | as written |",
                  "|---|---|---|---|---|"]
        for claim in groups[(quantity, subject)]:
            article = by_id.get(claim["doc_id"])
            where = _describe(article) if article else claim["doc_id"]
            lines.append(f"| {_value(claim)} | {claim['unit']} | {where} | "
                         f"{_cell(_voice(claim, statements, entities))} | "
                         f"«{_cell(claim['text'])}» |")
    return lines


def _events_section(analysis: Analysis) -> list[str]:
    """Events as reports tell them: the kind of event, where and when, between whom, and
    every fatality figure with who gave it. A sentence a speaker said is «according to» them."""
    events = analysis.records.get("events")
    if not events:
        return []
    by_id, statements, entities = _lookups(analysis)
    lines = ["", "## Events", "",
             f"{len(events)} events, coded with ACLED's types. Each is what the reports say "
             "happened, with the reports that say it; a toll is the lowest figure reported "
             "(ACLED's rule), every figure is listed with who gave it.", "",
             "| date | event | where | actors | reports | fatalities reported |",
             "|---|---|---|---|---|---|"]
    for event in events:
        when = (event.get("event_date") or "undated") + (
            f" ({event['date_precision']})" if event.get("date_precision") else "")
        where = event.get("location") or "not stated"
        if event.get("country"):
            where += f", {event['country']}"
        if event.get("geo_precision"):
            where += f" (precision {event['geo_precision']})"
        if len(event.get("split_among") or []) > 1:
            where += (f"; one of {len(event['split_among'])} places its sentence lists, "
                      "each an event (a toll shared evenly)")
        actor1 = event.get("actor1")
        if actor1 and event.get("actor1_from"):
            actor1 += " (named earlier in the report)"
        actors = " vs ".join(actor for actor in (actor1, event.get("actor2")) if actor) or (
            "not stated")
        tellers = {_voice({"attributed_to": told["speaker"], "statement_id":
                           told["statement_id"]}, statements, entities)
                   for told in event.get("claimed_by") or []}
        reports = ", ".join(_describe(by_id[doc]) for doc in event["doc_ids"] if doc in by_id)
        reports += f"; {event.get('independent_sources', len(event['doc_ids']))} independent"
        if tellers:
            reports += "; according to " + _cell(", ".join(sorted(tellers)))
        figures = "; ".join(
            f"«{_cell(figure['text'])}» ({_cell(_voice(figure, statements, entities))})"
            for figure in event.get("fatalities_reported") or []) or "none"
        lines.append(f"| {when} | {event['event_type']}: {event['sub_event_type']} | "
                     f"{_cell(where)} | {_cell(actors)} | {reports} | {figures} |")
    return lines


def _value(claim: dict) -> str:
    value = f"{claim['value']:g}"
    if claim.get("value_high") is not None:
        value += f"–{claim['value_high']:g}"
    marks = {"at_least": "≥", "at_most": "≤", "about": "~"}
    mark = marks.get(claim.get("bound") or "", "~" if claim.get("approx") else "")
    return mark + value


def _voice(claim: dict, statements: dict[str, dict], entities: dict[str, dict]) -> str:
    """Who the report says gave a figure."""
    entity = entities.get(claim.get("attributed_to") or "")
    if entity:
        return entity.get("name") or "?"
    statement = statements.get(claim.get("statement_id") or "")
    if statement:
        return statement.get("speaker_text") or "an unidentified speaker"
    return "the outlet"


def _describe(article) -> str:
    name = Path(article.source).name
    return _cell(f"`{name}` ({article.outlet or 'unknown outlet'}, "
                 f"{article.published or 'undated'})")


def write_report(path: Path, analysis: Analysis, inputs: list[str]) -> None:
    path.write_text(render_report(analysis, inputs), encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

"""report.md: what a run found, written for an analyst rather than a parser.

The report speaks in the system's own voice, so it only describes: which reports were read,
from whom, what was dropped and skipped, and what each stage produced. Figures and
accusations from the reports are always shown with who said them, never as fact.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from khabar.model import RECORD_KINDS
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
    lines += ["", "## What the other stages found", ""]
    for kind in list(RECORD_KINDS)[1:]:
        if kind in analysis.stages_run:
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
    if "reuse" not in analysis.stages_run:
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


def _describe(article) -> str:
    name = Path(article.source).name
    return _cell(f"`{name}` ({article.outlet or 'unknown outlet'}, "
                 f"{article.published or 'undated'})")


def write_report(path: Path, analysis: Analysis, inputs: list[str]) -> None:
    path.write_text(render_report(analysis, inputs), encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

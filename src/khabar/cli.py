"""The ``khabar`` command: thin wrappers over the pipeline, the store and the scorer.

Exit codes (the same for every command):
  0  everything went through
  1  an unexpected error (a bug: please report it with the traceback)
  2  wrong usage (a bad option or argument)
  3  done, but some inputs were skipped (each is listed with its reason)
  4  nothing could be ingested or found
"""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from khabar import __version__
from khabar.ingest import IngestOptions
from khabar.model import Article, Skipped
from khabar.pipeline import analyze, read_articles
from khabar.report import write_report
from khabar.store import db
from khabar.store.jsonl import write_contract

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SOME_SKIPPED = 3
EXIT_NOTHING = 4

app = typer.Typer(
    pretty_exceptions_enable=False,
    help=(
        "khabar reads Arabic news reports and turns them into traceable records: who said "
        "what, what happened where and when, how many, where sources disagree, and which "
        "outlet copied whom. Start with: khabar analyze FOLDER --out results/"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

InputsArg = Annotated[
    list[Path],
    typer.Argument(help="Files or folders of reports: .txt (+ NAME.meta.json), .html, "
                        ".jsonl[.gz], .warc[.gz].", show_default=False),
]
DbOption = Annotated[Path, typer.Option("--db", help="SQLite store to write to.")]
FieldOption = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSONL field mapping FIELD=NAME, e.g. published=date_extracted "
                                 "(fields: id, outlet, url, published, title, text). Repeatable."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
MaxMbOption = Annotated[
    float, typer.Option("--max-file-mb", help="Skip .txt/.html files larger than this.")
]


def _version(value: bool) -> None:
    if value:
        print(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Arabic news reports in, attributed and traceable records out."""


@app.command("analyze")
def analyze_command(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the contract "
                                      "*.jsonl files and report.md.")] = Path("khabar-out"),
    db_path: DbOption = Path("khabar.db"),
    no_db: Annotated[bool, typer.Option("--no-db", help="Do not write a store.")] = False,
    field: FieldOption = None,
    max_file_mb: MaxMbOption = 5.0,
    quiet: QuietOption = False,
    engine: Annotated[str, typer.Option("--engine", help="single: one process; dask: "
                                        "partitions on a Dask cluster (same records; also "
                                        "writes OUT/parquet/).")] = "single",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler "
                                                  "address (with --engine dask); default: a "
                                                  "local cluster.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes "
                                                "of the local Dask cluster (default: one per "
                                                "core).")] = None,
    incremental: Annotated[bool, typer.Option("--incremental", help="With --engine dask: "
                                              "find reuse against the reports already in "
                                              "the store, from its LSH index.")] = False,
) -> None:
    """Run every stage on the inputs; write the contract files, report.md and the store."""
    console = Console(stderr=True, quiet=quiet)
    options = _ingest_options(field, max_file_mb)
    _check_engine(engine, scheduler, workers, incremental, no_db)
    conn = None if no_db else db.open_store(db_path)
    with _progress(console) as progress:
        if engine == "dask":
            from khabar.dask_engine import analyze_dask, write_parquet_parts

            analysis = analyze_dask(inputs, options, conn, scheduler=scheduler,
                                    workers=workers, incremental=incremental,
                                    on_stage=progress and progress.stage)
            write_parquet_parts(analysis.contract_records(), out / "parquet")
        else:
            analysis = analyze(inputs, options, conn, progress and progress.advance,
                               progress and progress.stage)
    write_contract(out, analysis.contract_records())
    write_report(out / "report.md", analysis, [str(path) for path in inputs])
    _print_summary(console, analysis.articles, analysis.skipped)
    console.print(f"Wrote {out}/ (contract *.jsonl files) and {out / 'report.md'}"
                  + ("" if no_db else f"; store: {db_path}"))
    raise typer.Exit(_exit_code(analysis.articles, analysis.skipped))


@app.command("ingest")
def ingest_command(
    inputs: InputsArg,
    db_path: DbOption = Path("khabar.db"),
    field: FieldOption = None,
    max_file_mb: MaxMbOption = 5.0,
    quiet: QuietOption = False,
) -> None:
    """Read reports into the store (cleaned, with outlets and dates), without analysis.

    Re-running on the same inputs adds nothing; a run that was killed is completed.
    """
    console = Console(stderr=True, quiet=quiet)
    conn = db.open_store(db_path)
    inputs_text = [str(path) for path in inputs]
    run_id = db.start_run(conn, "ingest", inputs_text)
    before = db.counts(conn)["articles"]
    with _progress(console) as progress:
        analysis = read_articles(inputs, _ingest_options(field, max_file_mb), conn, run_id,
                                 progress and progress.advance)
    db.finish_run(conn, run_id, len(analysis.articles), len(analysis.skipped))
    added = db.counts(conn)["articles"] - before
    _print_summary(console, analysis.articles, analysis.skipped)
    console.print(f"{added} new articles in {db_path} "
                  f"({len(analysis.articles) - added} were already there).")
    raise typer.Exit(_exit_code(analysis.articles, analysis.skipped))


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find; spelling variants and "
                                              "prefixes (و، ب، ل، ال) are folded.")],
    db_path: DbOption = Path("khabar.db"),
    limit: Annotated[int, typer.Option(help="Most results to show.", min=1)] = 20,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search of the stored reports («درنة» finds «بدرنة» and «درنه»)."""
    try:
        conn = db.open_store(db_path, read_only=True)
    except FileNotFoundError as error:
        Console(stderr=True).print(f"[red]{error}[/red]: run `khabar ingest` or "
                                   "`khabar analyze` first.")
        raise typer.Exit(EXIT_NOTHING) from None
    hits = db.search(conn, query, limit=limit, outlet=outlet)
    if as_json:
        for hit in hits:
            print(json.dumps(hit.__dict__, ensure_ascii=False))
    else:
        table = Table("id", "published", "outlet", "title", "snippet", show_lines=True)
        for hit in hits:
            table.add_row(hit.id, hit.published or "", hit.outlet or "", hit.title or "",
                          hit.snippet)
        Console().print(table if hits else "No matching reports.")
    raise typer.Exit(EXIT_OK if hits else EXIT_NOTHING)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl or "
                                     "parquet.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File (acled-csv, geojson) or "
                                      "folder (jsonl, parquet) to write.")],
    source: Annotated[Path | None, typer.Option("--from", help="Folder written by `khabar "
                                                "analyze --out`.")] = None,
    db_path: Annotated[Path | None, typer.Option("--db", help="Store to read instead.")] = None,
) -> None:
    """Write the records in a format analysts load elsewhere: ACLED's CSV columns, GeoJSON,
    the contract JSONL, or Parquet tables."""
    from khabar.store.export import ExportError, export, records_from_folder, records_from_store

    console = Console(stderr=True)
    try:
        if (source is None) == (db_path is None):
            raise ExportError("give exactly one of --from FOLDER or --db STORE")
        records = (records_from_folder(source) if source is not None
                   else records_from_store(db.open_store(db_path, read_only=True)))
        written = export(records, fmt, out)
    except (ExportError, FileNotFoundError) as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote {written} ({len(records['events'])} events, "
                  f"{len(records['articles'])} reports).")


@app.command("serve")
def serve_command(
    db_path: Annotated[Path, typer.Option("--db", help="Store written by `khabar analyze`.")
                       ] = Path("khabar.db"),
    host: Annotated[str, typer.Option(help="Address to listen on; the default is this "
                                           "machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """The analyst's desk: web pages and a REST API (docs at /docs) over a store, read-only."""
    import uvicorn

    from khabar.web.app import create_app

    try:
        application = create_app(db_path)
    except FileNotFoundError as error:
        Console(stderr=True).print(f"[red]{error}[/red]: run `khabar analyze` first.")
        raise typer.Exit(EXIT_NOTHING) from None
    if host not in {"127.0.0.1", "localhost", "::1"}:
        Console(stderr=True).print(f"[yellow]Listening on {host}: others on the network can "
                                   "read this store.[/yellow]")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option(help="Gold annotations (format of seeds_gold.json).",
                                       exists=True, dir_okay=False)],
    pred: Annotated[Path, typer.Option(help="Folder written by `khabar analyze --out`.",
                                       exists=True, file_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Score an analysis against gold annotations: precision, recall, F1 per record kind."""
    from khabar.evaluate import evaluate, format_table, load_gold, scores_to_json

    scores = evaluate(load_gold(gold), pred)
    if as_json:
        print(json.dumps(scores_to_json(scores), ensure_ascii=False, indent=2))
    else:
        print(format_table(scores))


def _check_engine(engine: str, scheduler: str | None, workers: int | None,
                  incremental: bool, no_db: bool) -> None:
    """analyze's engine options: Dask-only options need --engine dask."""
    if engine not in ("single", "dask"):
        raise typer.BadParameter(f"{engine!r}: expected single or dask", param_hint="--engine")
    if engine != "dask" and (scheduler or workers or incremental):
        raise typer.BadParameter("--scheduler, --workers and --incremental need --engine dask",
                                 param_hint="--engine")
    if scheduler and workers:
        raise typer.BadParameter("give --scheduler or --workers, not both",
                                 param_hint="--workers")
    if incremental and no_db:
        raise typer.BadParameter("--incremental reads the store: drop --no-db",
                                 param_hint="--incremental")


def _ingest_options(fields: list[str] | None, max_file_mb: float) -> IngestOptions:
    field_map = {}
    for mapping in fields or []:
        name, separator, source = mapping.partition("=")
        if not separator or name not in ("id", "outlet", "url", "published", "title", "text"):
            raise typer.BadParameter(f"{mapping!r}: expected FIELD=NAME with FIELD one of "
                                     "id, outlet, url, published, title, text",
                                     param_hint="--field")
        field_map[name] = source
    return IngestOptions(field_map=field_map, max_file_bytes=int(max_file_mb * 1_000_000))


STAGE_DESCRIPTIONS = {"reuse": "Finding who copied whom"}


def _progress(console: Console):
    """A live display: reports read so far, then the corpus stage running."""
    if console.quiet:
        return nullcontext(None)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                        TextColumn("({task.completed} reports read)"), TimeElapsedColumn(),
                        console=console, transient=True)

    class _Display:
        def __enter__(self):
            progress.__enter__()
            self.task = progress.add_task("Reading reports", total=None)
            return self

        def advance(self, _item: Article | Skipped) -> None:
            progress.advance(self.task)

        def stage(self, kind: str) -> None:
            progress.update(self.task, description=STAGE_DESCRIPTIONS.get(kind, f"Stage {kind}"))

        def __exit__(self, *exc_info):
            return progress.__exit__(*exc_info)

    return _Display()


def _print_summary(console: Console, articles: list[Article], skipped: list[Skipped]) -> None:
    console.print(f"Ingested {len(articles)} reports; skipped {len(skipped)} inputs.")
    if skipped:
        table = Table("skipped input", "reason", title="Skipped")
        for item in skipped:
            table.add_row(item.source, item.reason)
        console.print(table)


def _exit_code(articles: list[Article], skipped: list[Skipped]) -> int:
    if not articles:
        return EXIT_NOTHING
    return EXIT_SOME_SKIPPED if skipped else EXIT_OK


def main() -> None:
    """Console-script entry point: known failures become one clear line, not a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except (OSError, sqlite3.Error) as error:
        Console(stderr=True).print(f"[red]khabar: {error}[/red]")
        sys.exit(EXIT_ERROR)

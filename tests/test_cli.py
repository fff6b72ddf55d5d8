import json
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, app

from .conftest import DEMO

runner = CliRunner()


def test_help_explains_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "ingest", "search", "eval"):
        assert command in result.output


def test_analyze_demo_writes_contract_report_and_store(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "out" / "k.db"  # its folder does not exist yet
    result = runner.invoke(app, ["analyze", str(DEMO / "reports"), "--out", str(out),
                                 "--db", str(store), "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# khabar report")
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 8
    again = runner.invoke(app, ["analyze", str(DEMO / "reports"), "--out", str(out),
                                "--db", str(store), "--quiet"])
    assert again.exit_code == EXIT_OK
    found = runner.invoke(app, ["search", "وادى السدر", "--db", str(store), "--json"])
    assert found.exit_code == EXIT_OK
    hits = [json.loads(line) for line in found.output.splitlines()]
    assert len(hits) == len({hit["id"] for hit in hits}) >= 5


def test_search_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "درنة", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == EXIT_NOTHING
    assert "khabar ingest" in result.output


def test_bad_field_mapping_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(DEMO / "reports"), "--db", str(tmp_path / "k.db"),
                                 "--field", "colour=x"])
    assert result.exit_code == EXIT_USAGE


def test_nothing_to_ingest_exits_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "empty.txt"), "--out",
                                 str(tmp_path / "o"), "--no-db", "--quiet"])
    assert result.exit_code == EXIT_NOTHING


def test_eval_scores_an_analysis(tmp_path: Path) -> None:
    runner.invoke(app, ["analyze", str(DEMO / "reports"), "--out", str(tmp_path / "o"),
                        "--no-db", "-q"])
    gold = {"documents": [{"doc_id": "01_army_statement.txt", "outlet": "نبأ الساحل",
                           "outlet_ar": "نبأ الساحل", "title": None}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold.json"), "--pred",
                                 str(tmp_path / "o"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["outlets"]["f1"] == 1.0
    assert scores["titles"]["f1"] == 0.0

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import EXIT_OK, EXIT_SOME_SKIPPED, app
from khabar.ingest import IngestOptions, decode_bytes, ingest, to_iso_date
from khabar.model import Article, Skipped

ARABIC = "قال المتحدث باسم الجيش إن القوات سيطرت على المدينة بعد معارك استمرت ثلاثة أيام."
PAGE = (
    "<html><head><title>الجيش يسيطر على المدينة</title>"
    '<meta property="og:site_name" content="نبأ الساحل">'
    '<meta name="date" content="2025-03-10"></head><body><div><h1>الجيش يسيطر</h1>'
    + f"<p>{ARABIC * 3}</p><p>{ARABIC * 2}</p>"
)


def read(paths, **options) -> tuple[list[Article], list[Skipped]]:
    items = list(ingest(paths, IngestOptions(**options)))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Skipped)])


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """The bad inputs of an archive: one of each kind, and one good report."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text("عنوان\n" + ARABIC, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "windows.txt").write_bytes(("عنوان\n" + ARABIC).encode("cp1256"))
    (folder / "utf16.txt").write_bytes(("عنوان\n" + ARABIC).encode("utf-16"))
    (folder / "utf16_nobom.txt").write_bytes(("عنوان\n" + ARABIC).encode("utf-16-le"))
    with_bom = ("\ufeffعنوان آخر\n" + ARABIC + " انتهى").encode("utf-8")
    (folder / "bom.txt").write_bytes(with_bom)
    whole = gzip.compress(
        "".join(json.dumps({"title": f"خبر {n}", "text": f"{ARABIC} رقم {n}"},
                           ensure_ascii=False) + "\n" for n in range(50)).encode("utf-8"))
    (folder / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "broken.html").write_text(PAGE + "<div><span>غير مغلق <p", encoding="utf-8")
    (folder / "huge.txt").write_bytes(("عنوان\n" + ARABIC * 250_000).encode("utf-8")[:20_000_000])
    (folder / "english.txt").write_text("The army said it took the city.\n" * 5, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a report")
    return folder


def test_every_bad_input_is_accounted_for(bad_folder: Path) -> None:
    articles, skipped = read([bad_folder])
    reasons = {Path(item.source.split(":")[0]).name: item.reason for item in skipped}
    ingested = {Path(article.source.split(":")[0]).name for article in articles}
    assert {"good.txt", "windows.txt", "utf16.txt", "utf16_nobom.txt", "bom.txt",
            "broken.html"} <= ingested
    assert reasons["empty.txt"] == "empty file"
    assert "PNG" in reasons["image.txt"]
    assert "truncated" in reasons["truncated.jsonl.gz"]
    assert "too large" in reasons["huge.txt"]
    assert "not Arabic" in reasons["english.txt"]
    assert "unsupported" in reasons["notes.docx"]
    every_file = {path.name for path in bad_folder.iterdir()}
    assert every_file == ingested | set(reasons)


def test_decoded_encodings_give_the_same_text(bad_folder: Path) -> None:
    articles, _ = read([bad_folder])
    by_name = {Path(article.source).name: article for article in articles}
    assert by_name["windows.txt"].encoding == "cp1256"
    assert by_name["utf16_nobom.txt"].encoding == "utf-16-le"
    assert by_name["windows.txt"].text == by_name["utf16.txt"].text == "عنوان\n" + ARABIC
    assert by_name["windows.txt"].id == by_name["good.txt"].id  # same content, same id
    assert not by_name["bom.txt"].text.startswith("\ufeff")


def test_truncated_gzip_keeps_the_records_before_the_damage(bad_folder: Path) -> None:
    articles, _ = read([bad_folder / "truncated.jsonl.gz"])
    assert 0 < len(articles) < 50
    assert articles[0].title == "خبر 0"


def test_bad_inputs_through_the_cli_exit_with_some_skipped(bad_folder: Path, tmp_path: Path
                                                          ) -> None:
    result = CliRunner().invoke(app, ["analyze", str(bad_folder), "--out", str(tmp_path / "o"),
                                      "--db", str(tmp_path / "k.db"), "--quiet"])
    assert result.exit_code == EXIT_SOME_SKIPPED, result.output
    records = (tmp_path / "o" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) >= 5


def test_txt_sidecar_metadata(report_folder: Path) -> None:
    (article,), skipped = read([report_folder])
    assert skipped == []
    assert (article.outlet, article.url, article.published) == (
        "نبأ الساحل", "https://naba.example/1", "2025-03-10")


def test_broken_sidecar_is_reported_and_the_report_still_ingested(report_folder: Path) -> None:
    (report_folder / "report.meta.json").write_text("{not json", encoding="utf-8")
    articles, skipped = read([report_folder])
    assert len(articles) == 1 and articles[0].outlet is None
    assert skipped[0].source.endswith("report.meta.json") and "sidecar" in skipped[0].reason


def test_jsonl_with_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a1", "outlet": "sabq", "url": "https://sabq.org/1", "date_extracted":
         "2015-07-21 02:51:32", "title": "خبر", "text": ARABIC},
        {"id": "a2", "title": "بلا نص"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{oops\n",
                    encoding="utf-8")
    articles, skipped = read([path], field_map={"published": "date_extracted"})
    assert [a.published for a in articles] == ["2015-07-21"]
    assert articles[0].source == "https://sabq.org/1"
    assert sorted(s.reason for s in skipped) == ["invalid JSON: Expecting property name enclosed "
                                                 "in double quotes", "record has no text"]


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE + "</div></body></html>", encoding="utf-8")
    (article,), _ = read([path])
    assert article.outlet == "نبأ الساحل"
    assert article.published == "2025-03-10"
    assert ARABIC in article.text


def test_html_page_in_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    page = PAGE.replace("<head>", '<head><meta charset="windows-1256">')
    path.write_bytes(page.encode("cp1256"))
    (article,), _ = read([path])
    assert ARABIC in article.text


def test_warc_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, content_type, body in [
            ("https://naba.example/a", "text/html; charset=utf-8", PAGE.encode("utf-8")),
            ("https://naba.example/logo.png", "image/png", b"\x89PNG..."),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))
    articles, skipped = read([path])
    assert [a.url for a in articles] == ["https://naba.example/a"]
    assert skipped == []


def test_missing_path_is_reported(tmp_path: Path) -> None:
    _, skipped = read([tmp_path / "nowhere"])
    assert skipped == [Skipped(str(tmp_path / "nowhere"), "no such file or folder")]


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2015-07-21 02:51:32", "2015-07-21"), ("2019/9/22", "2019-09-22"),
     ("22/09/2019", "2019-09-22"), ("2019-02-30", None), ("أمس", None), (None, None)],
)
def test_to_iso_date(value, iso) -> None:
    assert to_iso_date(value) == iso


def test_latin1_bytes_are_not_mistaken_for_arabic() -> None:
    from khabar.ingest import InputError

    with pytest.raises(InputError, match="undecodable"):
        decode_bytes("Café déjà vu, naïve façade. ".encode("latin-1") * 20)


def test_demo_corpus_ingests_cleanly() -> None:
    demo = Path(__file__).resolve().parents[1] / "demo" / "reports"
    result = CliRunner().invoke(app, ["ingest", str(demo), "--db", ":memory:", "--quiet"])
    assert result.exit_code == EXIT_OK, result.output

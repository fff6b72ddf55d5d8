"""Read input files into Articles, or record why an input was skipped.

Inputs are folders and files of ``.txt`` (with an optional ``NAME.meta.json`` sidecar),
``.html``/``.htm`` (main text via trafilatura), ``.jsonl``/``.jsonl.gz`` (one report per
line) and ``.warc``/``.warc.gz`` (HTML responses). Every input ends up either as an Article
or as a :class:`Skipped` with a reason a person can act on: an archive of scraped news
always holds a few empty, binary, truncated or mis-encoded files, and losing one silently
would make every count downstream wrong.

An article's ``id`` comes from its content (the sha256 of its decoded text), so the same
report read twice, from a .txt or from a JSONL line, is one article.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khabar.model import Article, Skipped

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
SIDECAR_SUFFIX = ".meta.json"

# Contract field ← names it goes by in the wild, tried in order (``--field`` adds to these).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id"),
    "outlet": ("outlet", "site", "sitename", "publisher"),
    "url": ("url", "link", "uri"),
    "published": ("published", "date", "date_published", "pubdate"),
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "article"),
}

# Magic numbers of binary files that turn up renamed as text in scraped archives.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"),
)

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
ANY_LETTER = re.compile(r"[^\W\d_]")
HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_-]+)""", re.I)


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs; one object travels through ingest.

    Attributes:
        field_map: contract field → name of that field in JSONL inputs (``--field``).
        max_file_bytes: larger .txt/.html files are skipped (a report is a few KB; a
            20 MB "article" is a dump that would swamp every later stage).
        min_arabic_share: share of letters that must be Arabic for a text to be ingested.
    """

    field_map: dict[str, str] = field(default_factory=dict)
    max_file_bytes: int = 5_000_000
    min_arabic_share: float = 0.3


class InputError(Exception):
    """An input that cannot become an article; the message is the skip reason."""


def ingest(paths: Iterable[str | Path], options: IngestOptions | None = None
           ) -> Iterator[Article | Skipped]:
    """Yield an Article or a Skipped for every input under the given paths, in path order."""
    options = options or IngestOptions()
    for path in expand_inputs(paths):
        if isinstance(path, Skipped):
            yield path
            continue
        try:
            yield from _read_file(path, options)
        except InputError as error:
            yield Skipped(str(path), str(error))
        except OSError as error:
            yield Skipped(str(path), f"cannot read file: {error.strerror or error}")


def expand_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files to read, folders walked in sorted order; what cannot be read is a Skipped.

    Sidecar ``.meta.json`` files are read with their report, not as inputs.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative_parts = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative_parts):
                    yield Skipped(str(child), "hidden file")
                elif child.name.endswith(SIDECAR_SUFFIX):
                    if not _sidecar_owner(child).exists():
                        yield Skipped(str(child), "metadata sidecar without its .txt report")
                elif child.name.lower().endswith(_SUPPORTED):
                    yield child
                else:
                    yield Skipped(str(child), f"unsupported file type {child.suffix or '(none)'}")
        elif path.is_file():
            if path.name.lower().endswith(_SUPPORTED):
                yield path
            else:
                yield Skipped(str(path), f"unsupported file type {path.suffix or '(none)'}")
        else:
            yield Skipped(str(path), "no such file or folder")


_SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


def _read_file(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, options)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, options)
    elif name.endswith(HTML_SUFFIXES):
        yield read_html_file(path, options)
    else:
        yield from read_text_file(path, options)


# --- .txt --------------------------------------------------------------------------------


def read_text_file(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    """A plain-text report; metadata from ``NAME.meta.json`` beside it when present."""
    data = _read_limited(path, options)
    text, encoding = decode_bytes(data)
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.name[: -len(".txt")] + SIDECAR_SUFFIX)
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
            if not isinstance(meta, dict):
                raise ValueError("not a JSON object")
        except (ValueError, OSError) as error:
            meta = {}
            yield Skipped(str(sidecar), f"metadata sidecar ignored: {error}")
    yield make_article(
        text,
        source=str(path),
        outlet=_clean_str(meta.get("outlet")),
        url=_clean_str(meta.get("url")),
        title=_clean_str(meta.get("title")),
        published=meta.get("published") or meta.get("date"),
        encoding=encoding,
        options=options,
    )


# --- .html -------------------------------------------------------------------------------


def read_html_file(path: Path, options: IngestOptions) -> Article:
    data = _read_limited(path, options)
    return article_from_html(data, source=str(path), url=None, options=options)


def article_from_html(data: bytes, source: str, url: str | None, options: IngestOptions
                      ) -> Article:
    """Main text, title, date and site name of an HTML page, via trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    if not data.strip():
        raise InputError("empty file")
    html, encoding = decode_html(data)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(f"HTML could not be parsed: {type(error).__name__}") from error
    if document is None or not (document.text or "").strip():
        raise InputError("no main text found in the HTML page")
    return make_article(
        document.text,
        source=source,
        outlet=_clean_str(document.sitename),
        url=url or _clean_str(document.url),
        title=_clean_str(document.title),
        published=document.date,
        encoding=encoding,
        options=options,
    )


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML bytes, trusting a declared ``<meta charset>`` before guessing."""
    declared = HTML_CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(charset).lstrip("\ufeff"), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


# --- .jsonl / .jsonl.gz ------------------------------------------------------------------


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    """One report per JSON line; a bad line is skipped alone, a truncated gzip keeps what came
    before the damage."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    line_number = 0
    try:
        with opener(path, "rb") as stream:
            for line_number, raw_line in enumerate(stream, start=1):
                if not raw_line.strip():
                    continue
                source = f"{path}:{line_number}"
                try:
                    record = json.loads(raw_line)
                    if not isinstance(record, dict):
                        raise InputError("line is not a JSON object")
                    yield article_from_record(record, source, options)
                except json.JSONDecodeError as error:
                    yield Skipped(source, f"invalid JSON: {error.msg}")
                except InputError as error:
                    yield Skipped(source, str(error))
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Skipped(
            str(path),
            f"compressed file is damaged or truncated after line {line_number} "
            f"({type(error).__name__}); the lines before it were read",
        )


def article_from_record(record: dict[str, Any], source: str, options: IngestOptions
                        ) -> Article:
    def pick(name: str) -> Any:
        names = (options.field_map[name],) if name in options.field_map else ()
        for key in names + DEFAULT_FIELDS[name]:
            if record.get(key) not in (None, ""):
                return record[key]
        return None

    text = pick("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no text")
    url = _clean_str(pick("url"))
    external_id = pick("id")
    return make_article(
        text,
        source=url or (f"{source}#{external_id}" if external_id else source),
        outlet=_clean_str(pick("outlet")),
        url=url,
        title=_clean_str(pick("title")),
        published=pick("published"),
        encoding=None,
        options=options,
    )


# --- .warc / .warc.gz --------------------------------------------------------------------


def read_warc(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    """HTML responses of a web archive; other records (requests, images, CSS) are not reports."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    responses = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                content_type = ""
                if record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                responses += 1
                source = uri or f"{path}#{responses}"
                try:
                    data = record.content_stream().read()
                    yield article_from_html(data, source=source, url=uri or None,
                                            options=options)
                except InputError as error:
                    yield Skipped(source, str(error))
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as error:
        yield Skipped(str(path), f"web archive is damaged after {responses} HTML responses: "
                                 f"{type(error).__name__}")
    if responses == 0:
        yield Skipped(str(path), "web archive holds no HTML responses")


# --- shared ------------------------------------------------------------------------------


def make_article(text: str, *, source: str, outlet: str | None, url: str | None,
                 title: str | None, published: Any, encoding: str | None,
                 options: IngestOptions) -> Article:
    """Build an Article from decoded text, after the checks every format shares."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError("empty file" if encoding else "empty text")
    share = arabic_share(text)
    if share < options.min_arabic_share:
        raise InputError(f"not Arabic text ({share:.0%} of its letters are Arabic)")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    published_date = to_iso_date(published)
    return Article(
        id=digest[:16],
        source=source,
        outlet=outlet,
        url=url,
        title=title,
        published=published_date,
        text=text,
        sha256=digest,
        outlet_evidence="metadata" if outlet else None,
        published_evidence="metadata" if published_date else None,
        encoding=encoding,
    )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file: BOMs first, then UTF-16 without BOM, UTF-8, Windows-1256.

    RETURNS (tuple[str, str]): the text and the encoding that decoded it.
    Raises InputError with the reason when the bytes are empty, binary or undecodable.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"{encoding} byte-order mark but undecodable bytes") from error
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary file ({kind}), not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data[:4096]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as error:
        raise InputError("undecodable: not UTF-8, UTF-16 or Windows-1256") from error
    if arabic_share(text) >= 0.5 and _control_share(text) < 0.01:
        return text, "cp1256"
    raise InputError("undecodable: not UTF-8, UTF-16 or Windows-1256 Arabic text")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # UTF-16 Arabic text without a BOM has a zero or 0x06 byte at every other position.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    for encoding, nul_share in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        high_bytes = sample[1::2] if encoding == "utf-16-le" else sample[0::2]
        plausible = (high_bytes.count(0) + high_bytes.count(6)) / len(high_bytes)
        if nul_share > 0.1 and plausible > 0.9:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def arabic_share(text: str) -> float:
    """Share of a text's letters that are Arabic (0 when it has no letters)."""
    sample = text[:20_000]
    letters = len(ANY_LETTER.findall(sample))
    return len(ARABIC_LETTER.findall(sample)) / letters if letters else 0.0


def _control_share(text: str) -> float:
    sample = text[:20_000]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t")
    return controls / max(len(sample), 1)


def to_iso_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from the date forms metadata comes in, else None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.match(
        r"(\d{4})/(\d{1,2})/(\d{1,2})", text
    )
    if match:
        year, month, day = (int(group) for group in match.groups())
    else:
        match = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if not match:
            return None
        day, month, year = (int(group) for group in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _read_limited(path: Path, options: IngestOptions) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file")
    if size > options.max_file_bytes:
        raise InputError(
            f"too large for one report ({size / 1e6:.1f} MB > "
            f"{options.max_file_bytes / 1e6:.0f} MB limit)"
        )
    return path.read_bytes()


def _sidecar_owner(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)] + ".txt")


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None

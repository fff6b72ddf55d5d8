"""Every data file in the package loads, is clean UTF-8 Arabic, and has no duplicate keys."""

import re
from importlib import resources

import pytest

from khabar.clean.boilerplate import boilerplate_rules
from khabar.outlets import known_outlets
from khabar.resources import load_json, load_lines, load_tsv
from khabar.text.search_form import proclitics

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
DATA_SUFFIXES = (".tsv", ".txt", ".json", ".sql", ".yaml")


def data_files() -> list[str]:
    root = resources.files("khabar")
    found = []

    def walk(folder, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(DATA_SUFFIXES):
                found.append(prefix + entry.name)

    walk(root, "")
    return sorted(found)


def test_package_ships_its_data_files() -> None:
    files = data_files()
    for expected in ("clean/boilerplate.tsv", "text/normalize.json", "outlets.tsv",
                     "store/migrations/0001_initial.sql"):
        assert expected in files


# The folding table names presentation forms and bidi marks on purpose: it folds them.
@pytest.mark.parametrize("path", [p for p in data_files() if p != "text/normalize.json"])
def test_data_file_has_no_presentation_forms_or_bidi_marks(path: str) -> None:
    text = resources.files("khabar").joinpath(path).read_text(encoding="utf-8")
    assert not PRESENTATION_FORMS.search(text), "write letters, not presentation forms"
    assert "\u200f" not in text and "\u200e" not in text


@pytest.mark.parametrize("path", [p for p in data_files() if p.endswith((".tsv", ".txt"))
                                  and not p.startswith("store/")])
def test_list_files_start_with_a_comment_saying_where_they_come_from(path: str) -> None:
    first = resources.files("khabar").joinpath(path).read_text(encoding="utf-8").split("\n")[0]
    assert first.startswith("#")


def test_boilerplate_patterns_compile() -> None:
    assert len(boilerplate_rules()) == len(load_tsv("clean/boilerplate.tsv")) > 10


def test_outlets_have_unique_keys_and_names() -> None:
    outlets = known_outlets()
    assert len({o.key for o in outlets}) == len(outlets)
    assert len({o.name for o in outlets}) == len(outlets)


def test_lists_have_no_duplicates() -> None:
    for path in ("dateline_places.txt", "outlet_kinds.txt", "text/proclitics.txt"):
        entries = load_lines(path)
        assert len(set(entries)) == len(entries), path
    assert proclitics()[0] == max(proclitics(), key=len)


def test_folding_table_groups_are_known() -> None:
    table = load_json("text/normalize.json")
    assert {"alef", "alef_maksura", "teh_marbuta", "diacritics", "digits"} <= set(table)


def test_lexicons_reporting_cues_cover_the_issue_minimum():
    from khabar.extract.lexicons import reporting_cues

    cues = reporting_cues()
    verbs = [cue for cue in cues.values() if cue.kind in {"verb", "participle", "masdar"}]
    assert len(verbs) >= 60
    assert {cue.kind for cue in cues.values()} == {"verb", "participle", "masdar", "nominal",
                                                    "tail"}
    assert {cue.lemma for cue in cues.values() if cue.polarity == "deny"} >= {"نفى", "كذّب"}

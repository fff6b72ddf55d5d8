"""Statistical named-entity recognizer: people, organizations, places and other names.

Arabic has no capital letters, so whether «خليفة» is a name or a successor, «سرت» a city or
«I walked», shows only in the words around it. A linear-chain CRF (python-crfsuite) weighs
that context and picks the best BIO sequence for a whole sentence. Each token carries:

- its own form, folded (``khabar.text.normalize``) and as written, its prefixes and
  suffixes, and every reading of it without a proclitic (``variants``: «ببنغازي» is also
  «بنغازي»), so a place learned bare is known after و/ب/ل;
- the forms and readings of the two tokens on each side, and the bigrams around it;
- its class in the project's hand-written lists (titles, offices, organization heads,
  reporting verbs, dateline places) and how often ANERcorp tags the word as part of a
  person's name (``lexicons/anercorp_words.tsv``);
- whether it begins or continues (B-/I-) a phrase of the project's own data files, on it and
  on the tokens on each side: a place of ``link/gazetteer.tsv`` by kind (and whether the
  name is also an ordinary word), a demonym of its countries, an actor of
  ``link/actors.tsv``, a multiword speaker phrase («وزارة الداخلية»);
- whether it, or a token on each side, begins or continues an entity phrase of ANERcorp,
  with that phrase's usual type (``lexicons/anercorp_entities.tsv``: «الأمم المتحدة» is an
  ORG, «علي» seldom a PERS; training counts it on held-apart parts of its data, as the
  person shares);
- its word classes (``lexicons/ner_clusters.tsv``, three granularities) and the two coarser
  ones of its neighbours: words written between the same neighbours in ANERcorp's text
  (no tag read; ``scripts/build_ner_clusters.py``), so an unseen name can borrow from seen
  names of its class;
- what the other occurrences of the word in the nearby sentences say: the words around them,
  their proclitics (``add_document_features``), since a report names a person in full once
  and then by one word in contexts that alone say little.

The model is trained on ANERcorp by ``scripts/train_ner.py`` with the functions here, so
training and tagging see the same tokens and folding. Tokens are the project's words
(``khabar.text.tokens.token_spans``) plus every other non-space character as its own mark,
as in ANERcorp; spans are offsets into the original text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from khabar.extract.lexicons import (
    COMMON_SHARE,
    NAME_SHARE,
    function_words,
    reporting_cues,
    speaker_words,
)
from khabar.link.geocode import DEMONYM_ENDINGS
from khabar.model import Span
from khabar.resources import load_lines, load_tsv
from khabar.text.normalize import normalize
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import token_spans

MODEL_FILE = "extract/models/ner.crfsuite"
# A "sentence" with no stop in it (a list, a table, a very long line) is tagged in chunks so
# the Viterbi table stays small; a name cut at a chunk edge is the rare price.
MAX_SEQUENCE = 200
# Sentences on either side whose words inform a word's non-local features: about a report.
DOCUMENT_WINDOW = 10
MAX_OTHERS = 20  # occurrences on each side that a word's non-local features read
# A word seen this often counts in the person-share table (as scripts/build_name_words.py).
SHARE_MIN_SEEN = 3
# ANERcorp's PERS is the project's PER (as in the output contract's speaker kinds).
TYPE_NAMES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text: ``text[start:end] == span.text``; type PER/ORG/LOC/MISC."""

    start: int
    end: int
    type: str
    text: str


# --- tokens -----------------------------------------------------------------------------


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of the words of ``text[start:end]`` and of each mark between them.

    Punctuation is kept as tokens because ANERcorp keeps it, and a comma or a quote mark
    before a word says much about whether a name starts there. Characters that fold to
    nothing (a stray diacritic or tatweel, invisible marks) make no token."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    position = start
    for word_start, word_end in token_spans(text[start:end]):
        word_start += start
        word_end += start
        spans.extend(_marks(text, position, word_start))
        if normalize(text[word_start:word_end]):  # a lone tatweel is a "word" of no letter
            spans.append((word_start, word_end))
        position = word_end
    spans.extend(_marks(text, position, end))
    return spans


def _marks(text: str, start: int, end: int) -> list[Span]:
    return [(i, i + 1) for i in range(start, end)
            if not text[i].isspace() and normalize(text[i])]


def sentences(text: str) -> Iterator[list[Span]]:
    """Token spans of each sentence of a text, long ones cut into ``MAX_SEQUENCE`` chunks."""
    for start, end in sentence_spans(text):
        spans = tokenize(text, start, end)
        for first in range(0, len(spans), MAX_SEQUENCE):
            yield spans[first:first + MAX_SEQUENCE]


# --- features ---------------------------------------------------------------------------


@cache
def _proclitics() -> tuple[str, ...]:
    """The search index's proclitics (``text/proclitics.txt``), longest first."""
    return tuple(sorted(load_lines("text/proclitics.txt"), key=len, reverse=True))


@cache
def strip_proclitic(form: str) -> tuple[str, str]:
    """(proclitic, rest) of a folded word, the longest proclitic first: «والجيش» → («وال»,
    «جيش»). A prefix is stripped only when three letters remain, so «بلد» stays whole."""
    for prefix in _proclitics():
        if form.startswith(prefix) and len(form) - len(prefix) >= 3:
            return prefix, form[len(prefix):]
    return "", form


@cache
def variants(form: str) -> tuple[str, ...]:
    """A folded word and every reading of it without one proclitic.

    Whether an initial letter is a proclitic is often undecidable from the word: «بنغازي»
    is not «ب» + «نغازي», but «ببنغازي» is «ب» + «بنغازي». Rather than guess, a word shows
    all its readings; «بنغازي», «ببنغازي» and «وبنغازي» share the reading «بنغازي», so what
    the model learned of the bare name carries to the prefixed ones."""
    found = [form]
    for prefix in _proclitics():
        rest = form[len(prefix):]
        if form.startswith(prefix) and len(rest) >= 3 and rest not in found:
            found.append(rest)
    return tuple(found)


@cache
def _lexicon() -> dict[str, str]:
    """Folded word (every reading of a list entry) → its class in the project's hand-written
    lists (none derived from ANERcorp).

    Titles and offices announce a person or an organization after them; reporting verbs
    follow a speaker; dateline places are a seed list of cities and countries."""
    classes: dict[str, str] = {}
    entries = [(normalize(form), "place") for form in load_lines("dateline_places.txt")]
    entries += [(cue, "cue") for cue in reporting_cues()]
    speakers = [(word.form, word.kind) for word in speaker_words().values()]
    for form, kind in speakers + entries:  # a title or office wins over a verb reading
        if " " not in form:
            for reading in variants(form):
                classes.setdefault(reading, kind)
    return classes


@lru_cache(maxsize=200_000)
def _lexicon_class(form: str) -> str:
    lexicon = _lexicon()
    return next((lexicon[reading] for reading in variants(form) if reading in lexicon), "")


# Kinds of gazetteer places, as the phrase features name them.
PLACE_KINDS = {"country": "country", "region": "country", "city": "city", "district": "city",
               "site": "city", "town": "town", "village": "town", "hamlet": "town"}

# First folded word → (the other folded words, class) of each phrase of a list.
PhraseTable = Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]


def _words_of(name: str) -> tuple[str, ...]:
    return tuple(normalize(name[start:end]) for start, end in tokenize(name))


def _phrase_table(entries: Iterable[tuple[tuple[str, ...], str]]) -> PhraseTable:
    table: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    for words, cls in entries:
        if words and all(words):
            table[words[0]].add((words[1:], cls))
    return {first: tuple(sorted(found, key=lambda e: (-len(e[0]), e)))
            for first, found in table.items()}


@cache
def _phrases() -> PhraseTable:
    """The phrases of the project's own data files (none derived from ANERcorp): place
    names of ``link/gazetteer.tsv`` (class: kind, and its ``cue`` when the name is also an
    ordinary word: «town.context», «city.strict»), the demonyms of its countries, actor
    names of ``link/actors.tsv`` and the multiword speaker phrases of ``speaker_words``."""
    entries: list[tuple[tuple[str, ...], str]] = []
    for row in load_tsv("link/gazetteer.tsv"):
        kind = PLACE_KINDS.get(row["kind"], "town")
        entries.append((_words_of(row["name"]), kind + ("." + row["cue"] if row["cue"] else "")))
        for demonym in row["demonym"].split():
            stem = normalize(demonym)
            entries += [((stem + ending,), "demonym") for ending in DEMONYM_ENDINGS]
    entries += [(_words_of(row["form"]), "actor") for row in load_tsv("link/actors.tsv")]
    entries += [(tuple(word.form.split()), "sp." + word.kind)
                for word in speaker_words().values() if " " in word.form]
    return _phrase_table(entries)


def phrase_tags(folded: Sequence[str], readings: Sequence[tuple[str, ...]],
                table: PhraseTable) -> list[tuple[str, ...]]:
    """B-/I- class tags of each token of a sentence inside a phrase of ``table``: the first
    word matched by any of its readings (``variants``: «ببنغازي»), the others as folded."""
    tags: list[set[str]] = [set() for _ in folded]
    count = len(folded)
    for i in range(count):
        for reading in readings[i]:
            for rest, cls in table.get(reading, ()):
                n = len(rest)
                if i + n < count and tuple(folded[i + 1:i + 1 + n]) == rest:
                    tags[i].add("B-" + cls)
                    for k in range(i + 1, i + 1 + n):
                        tags[k].add("I-" + cls)
    return [tuple(sorted(t)) for t in tags]


@cache
def _clusters() -> dict[str, tuple[str, ...]]:
    """Folded word → its classes (``lexicons/ner_clusters.tsv``), coarse to fine."""
    table = {}
    for row in load_tsv("extract/lexicons/ner_clusters.tsv"):
        table[row["word"]] = tuple(f"{name}={value}" for name, value in row.items()
                                   if name != "word")
    return table


@lru_cache(maxsize=200_000)
def word_classes(form: str) -> tuple[str, ...]:
    """The classes of a folded word, or of its first reading that has them."""
    table = _clusters()
    return next((table[reading] for reading in variants(form) if reading in table), ())


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if any(char.isdigit() for char in word):
        return "hasdigit"
    if not word[0].isalnum():
        return "punct"
    if word.isascii():
        return "latin"
    return "arabic"


NameShares = Mapping[str, tuple[int, int]]  # folded word → (tagged as a person, seen)


@cache
def name_shares() -> NameShares:
    """ANERcorp's person counts per folded word (``lexicons/anercorp_words.tsv``), the table
    the tagger reads. Training builds the same table from held-apart parts of its own data
    (``person_counts``), never from this file, so the feature is not a copy of the labels."""
    return {
        row["word"]: (int(row["as_person"]), int(row["total"]))
        for row in load_tsv("extract/lexicons/anercorp_words.tsv")
    }


def person_counts(words: Iterable[str], tags: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The ``anercorp_words.tsv`` table of some tagged words (as ``build_name_words.py``
    counts them): folded words tagged PERS at least once or seen ``SHARE_MIN_SEEN`` times."""
    person: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for word, tag in zip(words, tags, strict=True):
        form = normalize(word)
        if form.isalpha() and len(form) >= 2:
            total[form] += 1
            person[form] += tag.endswith("PERS")
    return {form: (person[form], seen) for form, seen in total.items()
            if person[form] or seen >= SHARE_MIN_SEEN}


EntityCounts = Mapping[tuple[str, ...], Mapping[str, int]]  # phrase → type → count, "" total


def entity_counts(sentences: Iterable[Sequence[str]], tags: Iterable[Sequence[str]]
                  ) -> dict[tuple[str, ...], dict[str, int]]:
    """How often each entity phrase of some tagged sentences (folded words) is tagged as each
    type, and (key "") how often it occurs other than inside a longer entity, tagged or
    not («محمد» in «محمد حسني مبارك» is neither a name of its own nor a common word)."""
    sentences = [[normalize(word) for word in words] for words in sentences]
    spans = [spans_of_tags(labels) for labels in tags]
    counts: dict[tuple[str, ...], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for forms, found_spans in zip(sentences, spans, strict=True):
        for first, last, kind in found_spans:
            phrase = tuple(forms[first:last + 1])
            if all(phrase):
                counts[phrase][kind] += 1
    table = _phrase_table(((reading, *phrase[1:]), "") for phrase in counts
                          for reading in variants(phrase[0]))
    for forms, found_spans in zip(sentences, spans, strict=True):
        inside = [0] * len(forms)  # the length of the entity each token is in
        for first, last, _ in found_spans:
            for k in range(first, last + 1):
                inside[k] = last - first + 1
        readings = [variants(form) for form in forms]
        for i in range(len(forms)):
            found = set()
            for reading in readings[i]:
                for rest, _ in table.get(reading, ()):
                    if (tuple(forms[i + 1:i + 1 + len(rest)]) == rest
                            and inside[i] <= len(rest) + 1):
                        found.add((forms[i], *rest))
            for phrase in found:
                if phrase in counts:
                    counts[phrase][""] += 1
    return {phrase: dict(kinds) for phrase, kinds in counts.items()}


def entity_table(counts: EntityCounts) -> PhraseTable:
    """The phrase table of ``entity_counts``: each phrase's most frequent type, marked «~»
    («ORG~») when it is that type in fewer than half of its occurrences; a phrase is filed
    under every reading of its first word, so «والأمم المتحدة» learned is found as «الأمم
    المتحدة» and back."""
    entries = []
    for phrase, kinds in counts.items():
        typed = sorted((n, kind) for kind, n in kinds.items() if kind)
        if not typed:
            continue
        n, kind = typed[-1]
        total = max(kinds.get("", 0), sum(n for n, _ in typed))
        cls = kind + ("" if 2 * n >= total else "~")
        entries += [((reading, *phrase[1:]), cls) for reading in variants(phrase[0])]
    return _phrase_table(entries)


@cache
def entity_phrases() -> PhraseTable:
    """ANERcorp's entity phrases (``lexicons/anercorp_entities.tsv``), the table the tagger
    reads. Training builds the same table from held-apart parts of its own data
    (``entity_counts``), never from this file, so the feature is not a copy of the labels."""
    counts: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for row in load_tsv("extract/lexicons/anercorp_entities.tsv"):
        kind = "" if row["type"] == "-" else row["type"]
        counts[tuple(row["phrase"].split())][kind] = int(row["count"])
    return entity_table(counts)


def _share_class(shares: NameShares, form: str) -> str:
    counts = shares.get(form)
    if counts is None:
        return ""
    person, seen = counts
    if person / seen >= NAME_SHARE:
        return "name"
    if seen >= SHARE_MIN_SEEN and person / seen < COMMON_SHARE:
        return "common"
    return "mixed"


def sentence_features(words: Sequence[str], shares: NameShares | None = None,
                      entities: PhraseTable | None = None) -> list[list[str]]:
    """CRF features of each word of one sentence (as written; folded here), from the
    sentence alone. ``shares`` defaults to the packaged ``name_shares()``, ``entities`` to
    the packaged ``entity_phrases()``."""
    shares = name_shares() if shares is None else shares
    entities = entity_phrases() if entities is None else entities
    folded = [normalize(word) for word in words]
    readings = [variants(form) for form in folded]
    count = len(words)
    places = phrase_tags(folded, readings, _phrases())
    named = phrase_tags(folded, readings, entities)
    # What each token says of the one after it (as its w[-1]), of the one before it (w[1]),
    # and two tokens away: the same for every occurrence of a word, but for its phrases.
    before, after, before2, after2 = [], [], [], []
    for form, place, name in zip(folded, places, named, strict=True):
        left, right, left2, right2 = _neighbour_features(form)
        if place or name:
            left = (*left, *("gz[-1]=" + tag for tag in place),
                    *("ent[-1]=" + tag for tag in name))
            right = (*right, *("gz[1]=" + tag for tag in place),
                     *("ent[1]=" + tag for tag in name))
        before.append(left)
        after.append(right)
        before2.append(left2)
        after2.append(right2)
    edge = ("<s>", "<s>", "</s>", "</s>")  # the forms beyond each end

    def form_at(index: int) -> str:
        return edge[index + 2] if index < 0 else edge[index - count + 2] if index >= count \
            else folded[index]

    rows = []
    for i, (word, form) in enumerate(zip(words, folded, strict=True)):
        row = [*_word_features(word, shares), *_edge_features(i, count)]
        if places[i] or named[i]:
            row += ["gz=" + tag for tag in places[i]]
            # A name that is also an ordinary word («town.context») is a place too.
            row += ["gz=" + tag.partition(".")[0] for tag in places[i] if "." in tag]
            row += ["ent=" + tag for tag in named[i]]
        if i >= 1:
            row += before[i - 1]
        if i >= 2:
            row += before2[i - 2]
        if i + 1 < count:
            row += after[i + 1]
        if i + 2 < count:
            row += after2[i + 2]
        row.append(f"w[-1]|w={form_at(i - 1)}|{form}")
        row.append(f"w|w[1]={form}|{form_at(i + 1)}")
        row.append(f"w[-2]|w[-1]={form_at(i - 2)}|{form_at(i - 1)}")
        row.append(f"w[1]|w[2]={form_at(i + 1)}|{form_at(i + 2)}")
        rows.append(row)
    return rows


@lru_cache(maxsize=100_000)
def _edge_features(i: int, count: int) -> tuple[str, ...]:
    """The features of token i of a sentence of ``count`` tokens that come from the
    sentence's ends: BOS/EOS and the forms of the tokens beyond them (``w[-2]=<s>``)."""
    found = ["BOS"] if i == 0 else []
    if i == count - 1:
        found.append("EOS")
    found += [f"w[{offset}]={'<s>' if offset < 0 else '</s>'}"
              for offset in (-2, -1, 1, 2) if not 0 <= i + offset < count]
    return tuple(found)


@lru_cache(maxsize=200_000)
def _neighbour_features(form: str) -> tuple[tuple[str, ...], ...]:
    """The features a folded word gives the token after it (offset -1 there), the token
    before it (offset 1), and those two tokens away (-2, 2): its readings or form, its
    lexicon class and its coarser classes (``word_classes``)."""
    kind = _lexicon_class(form)
    clusters = word_classes(form)[:2]
    found = []
    for offset in (-1, 1, -2, 2):
        if abs(offset) == 1:
            row = [f"v[{offset}]={reading}" for reading in variants(form)]
        else:
            row = [f"w[{offset}]={form}"]
        if kind:
            row.append(f"lex[{offset}]={kind}")
        if abs(offset) == 1:
            row += [f"c[{offset}]{cluster}" for cluster in clusters]
        found.append(tuple(row))
    return tuple(found)


def _word_features(word: str, shares: NameShares) -> tuple[str, ...]:
    """A word's own features, whatever its neighbours: the same every time the word occurs,
    so they are computed once per word (for the packaged table) rather than per token."""
    if shares is name_shares():
        return _packaged_word_features(word)
    return _own_features(word, shares)


@lru_cache(maxsize=200_000)
def _packaged_word_features(word: str) -> tuple[str, ...]:
    return _own_features(word, name_shares())


def _own_features(word: str, shares: NameShares) -> tuple[str, ...]:
    form = normalize(word)
    readings = variants(form)
    proclitic, rest = strip_proclitic(form)
    # The word itself is one of its readings: no separate identity feature to split the
    # weight with.
    row = ["bias", *("v=" + reading for reading in readings)]
    row += [
        "shape=" + _shape(form),
        "len=" + str(min(len(form), 8)),
        "p1=" + form[:1], "p2=" + form[:2], "p3=" + form[:3],
        "s1=" + form[-1:], "s2=" + form[-2:], "s3=" + form[-3:],
        "pc=" + proclitic,
        "stem.s2=" + rest[-2:], "stem.p2=" + rest[:2],
    ]
    if word != form:
        row.append("raw=" + word)
    row += word_classes(form)
    kind = _lexicon_class(form)
    if kind:
        row.append("lex=" + kind)
    share = _share_class(shares, form)
    if share:
        row.append("share=" + share)
    row += sorted({"v.share=" + share for reading in readings[1:]
                   if (share := _share_class(shares, reading))})
    return tuple(row)


def add_document_features(sentences: Sequence[Sequence[str]], rows: list[list[list[str]]],
                          groups: Sequence[Hashable] | None = None) -> None:
    """Add to ``rows`` (``sentence_features`` of each sentence) what the other occurrences
    of each word, within ``DOCUMENT_WINDOW`` sentences, say about it.

    A report names a person in full once («سيغموند فرويد») and then by one word in contexts
    that alone say little («ولد فرويد»); each occurrence here also sees the words around
    the others, their lexicon classes and proclitics (a word met with ال is seldom a name).
    Occurrences are the words sharing a reading (``variants``) of three letters or more.
    Sentences of different ``groups`` (cross-validation folds) never see each other."""
    folded = [[normalize(word) for word in words] for words in sentences]
    bare = [[strip_proclitic(form) for form in forms] for forms in folded]
    skip = function_words()
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)  # in text order
    for i, forms in enumerate(folded):
        for j, form in enumerate(forms):
            if form.isalpha() and form not in skip and bare[i][j][1] not in skip:
                for reading in variants(form):
                    places[reading].append((i, j))
    told: dict[tuple[int, int], tuple[str, ...]] = {}  # what each occurrence says
    for i, forms in enumerate(folded):
        for j, form in enumerate(forms):
            others: set[tuple[int, int]] = set()
            for reading in variants(form):
                listed = places.get(reading, ()) if len(reading) >= 3 else ()
                # Only the window, and in it the nearest few on each side: a word
                # repeated thousands of times costs no more than one repeated a few.
                low = bisect_left(listed, (i - DOCUMENT_WINDOW, -1))
                high = bisect_left(listed, (i + DOCUMENT_WINDOW + 1, -1))
                here = bisect_left(listed, (i, j))
                others.update(listed[max(low, here - MAX_OTHERS):min(high, here + MAX_OTHERS + 1)])
            others.discard((i, j))
            found: set[str] = set()
            seen = 0
            for k, m in others:
                if groups is not None and groups[k] != groups[i]:
                    continue
                seen += 1
                said = told.get((k, m))
                if said is None:
                    said = told[k, m] = _occurrence_features(bare[k], m)
                found.update(said)
            if seen:
                rows[i][j].extend(sorted(found))
                rows[i][j].append(f"d.n={min(seen, 3)}")


def _occurrence_features(bare: Sequence[tuple[str, str]], m: int) -> tuple[str, ...]:
    """What the occurrence of a word at ``m`` in a sentence (``strip_proclitic`` of its
    words) tells its other occurrences: its proclitic, its neighbours and their classes."""
    before = bare[m - 1][1] if m > 0 else "<s>"
    after = bare[m + 1][1] if m + 1 < len(bare) else "</s>"
    found = ["d.pc=" + bare[m][0], "d.prev=" + before, "d.next=" + after]
    for name, other in (("d.lexprev=", before), ("d.lexnext=", after)):
        kind = _lexicon_class(other)
        if kind:
            found.append(name + kind)
    return tuple(found)


def document_features(sentences: Sequence[Sequence[str]], shares: NameShares | None = None
                      ) -> list[list[list[str]]]:
    """Features of every word of a document's sentences: its own and the non-local ones."""
    rows = [sentence_features(words, shares) for words in sentences]
    add_document_features(sentences, rows)
    return rows


# --- tagging ----------------------------------------------------------------------------


def model_path() -> Path | None:
    """The packaged model file, or None when it has not been built."""
    path = resources.files("khabar").joinpath(MODEL_FILE)
    return Path(str(path)) if path.is_file() else None


@cache
def _tagger():  # -> pycrfsuite.Tagger; imported here so the package imports without it
    import pycrfsuite

    path = model_path()
    if path is None:
        raise FileNotFoundError(
            f"khabar/{MODEL_FILE} is missing: build it with python scripts/train_ner.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_words(words: list[str]) -> list[str]:
    """BIO tags (ANERcorp's: B-PERS, I-LOC, O …) of one sentence's words and marks."""
    if not words:
        return []
    return list(_tagger().tag(document_features([words])[0]))


def spans_of_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last inclusive, type) of each entity in a BIO sequence, conlleval-style: an
    I- tag that does not continue an entity of its type starts one."""
    found: list[tuple[int, int, str]] = []
    first, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind and not continues:
            found.append((first, i - 1, kind))
            kind = ""
        if prefix in ("B", "I") and not continues:
            first, kind = i, label
    return found


def find_names(text: str) -> list[NameSpan]:
    """Names in a text, in order, as spans into the original ``text``."""
    names = []
    chunks = [spans for spans in sentences(text) if spans]
    words = [[text[start:end] for start, end in spans] for spans in chunks]
    tagger = _tagger()
    for spans, rows in zip(chunks, document_features(words), strict=True):
        for first, last, kind in spans_of_tags(tagger.tag(rows)):
            start, end = spans[first][0], spans[last][1]
            names.append(NameSpan(start, end, TYPE_NAMES.get(kind, kind), text[start:end]))
    return names

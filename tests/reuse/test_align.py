from khabar.reuse.align import align
from khabar.settings import Settings


def test_rewrite_alignment_finds_the_derived_sentences(original, rewrite) -> None:
    alignment = align(original, rewrite, Settings())
    # headline, denial, announcement, merged casualties+mines are derived; two added are not
    assert alignment.target_coverage == 3 / 6
    targets = [rewrite.text[slice(*p.target_span)] for p in alignment.passages]
    assert any(t.startswith("ونفى المتحدث العسكرى") for t in targets)
    assert any(t.startswith("وأوضح الصافى") for t in targets)
    assert not any("وزير الدفاع" in t for t in targets)


def test_a_merged_sentence_points_at_each_of_its_sources(original, rewrite) -> None:
    alignment = align(original, rewrite, Settings())
    merged = [p for p in alignment.passages
              if rewrite.text[slice(*p.target_span)].startswith("وأوضح الصافى")]
    sources = {original.text[slice(*p.source_span)][:12] for p in merged}
    assert sources == {"وأوضح الصافي", "وأضاف أن وحد"}


def test_passage_spans_round_trip(original, rewrite) -> None:
    for passage in align(original, rewrite, Settings()).passages:
        assert 0 <= passage.source_span[0] < passage.source_span[1] <= len(original.text)
        assert 0 <= passage.target_span[0] < passage.target_span[1] <= len(rewrite.text)


def test_unrelated_reports_do_not_align(original, unrelated) -> None:
    alignment = align(original, unrelated, Settings())
    assert alignment.passages == [] and alignment.target_coverage == 0.0

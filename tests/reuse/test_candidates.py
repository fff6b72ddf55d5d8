import dataclasses

import numpy as np
from datasketch import MinHash

from khabar.reuse.candidates import candidate_pairs, minhash_signatures, passages_of
from khabar.reuse.shingles import shingle_hashes
from khabar.settings import Settings

from .conftest import make


def test_rewrite_is_a_candidate_and_unrelated_is_not(original, rewrite, unrelated) -> None:
    pairs = candidate_pairs([original, rewrite, unrelated], Settings())
    assert set(pairs) == {(0, 1)}


def test_shingles_ignore_spelling_variants() -> None:
    egyptian = make("عنوان\nقال المتحدث الليبى فى مؤتمر صحفى إن الجيش سيطر على المدينة.")
    standard = make("عنوان\nقال المتحدث الليبي في مؤتمر صحفي إن الجيش سيطر على المدينة.")
    settings = Settings()
    first, second = (passages_of([article], settings)[-1] for article in (egyptian, standard))
    assert np.array_equal(shingle_hashes(first.words, 3), shingle_hashes(second.words, 3))


def test_minhash_estimates_jaccard_like_datasketch(original, rewrite) -> None:
    settings = dataclasses.replace(Settings(), minhash_permutations=256, lsh_bands=64)
    passages = passages_of([original, rewrite], settings)
    signatures = minhash_signatures(passages, settings)
    left, right = 1, 6  # the announcement sentence in each report
    ours = float(np.mean(signatures.values[left] == signatures.values[right]))
    sets = [set(shingle_hashes(passages[i].words, 3).tolist()) for i in (left, right)]
    exact = len(sets[0] & sets[1]) / len(sets[0] | sets[1])
    reference = [MinHash(num_perm=256, seed=1) for _ in sets]
    for minhash, shingles in zip(reference, sets, strict=True):
        minhash.update_batch([str(s).encode() for s in shingles])
    assert abs(ours - exact) < 0.1
    assert abs(reference[0].jaccard(reference[1]) - exact) < 0.1


def test_boilerplate_buckets_are_ignored(unrelated) -> None:
    # The same sentence in many reports is site furniture, not reuse.
    formula = "وللمزيد من الأخبار المحلية والدولية تابعوا حساباتنا على مواقع التواصل الاجتماعي"
    bodies = ["ارتفعت أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم",
              "افتتح وزير الصحة مستشفى جديدا في الضاحية الشمالية للعاصمة",
              "فاز المنتخب الوطني على نظيره الضيف بهدفين دون رد في المباراة الودية",
              "أعلنت الأرصاد الجوية عن موجة حر تضرب البلاد بدءا من الأسبوع المقبل",
              "وقعت الحكومة اتفاقية لإنشاء محطة لتحلية مياه البحر على الساحل الغربي",
              "بدأت الجامعة استقبال طلبات الالتحاق للعام الدراسي الجديد إلكترونيا",
              "أطلقت البلدية حملة لتشجير الشوارع الرئيسية بمشاركة المتطوعين",
              "ناقش البرلمان مشروع قانون جديد لتنظيم قطاع النقل البري والبحري"]
    reports = [make(f"خبر رقم {n}\n{body}.\n{formula}.") for n, body in enumerate(bodies)]
    settings = dataclasses.replace(Settings(), max_bucket_reports=5)
    assert candidate_pairs(reports, settings) == {}
    assert candidate_pairs(reports[:3], settings) != {}


def test_band_layout_must_match_permutations(original) -> None:
    import pytest

    settings = dataclasses.replace(Settings(), lsh_bands=10)
    with pytest.raises(ValueError, match="permutations"):
        candidate_pairs([original, original], settings)

"""A small invented corpus for the web tests, analyzed once into a store.

Four reports written by the team: a spokesman's figure (a), a rewrite of it that names its
source (b), a local official's different figure for the same clashes (c), and a report
carrying script, event-handler and javascript: payloads in its text, title and outlet (d).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.pipeline import analyze
from khabar.store import db

REPORTS = {
    "a": (
        'الجيش الليبي يعلن مقتل 12 مسلحا في اشتباكات جنوب سرت\n'
        'قال المتحدث باسم الجيش الوطني الليبي العميد سالم الورفلي إن قوات الجيش قتلت 12 مسلحا في اشتباكات عنيفة جنوب مدينة سرت يوم الأحد.\n'
        'وأضاف الورفلي في مؤتمر صحفي أن القوات استعادت السيطرة على ثلاث قرى بعد معارك استمرت ست ساعات، مشيرا إلى أن وحدات الهندسة بدأت نزع الألغام من الطرق.\n'
        'وأكد المتحدث أن العملية العسكرية مستمرة حتى تطهير المنطقة بالكامل من الجماعات المسلحة.\n'
        , {"outlet": "وكالة الأنباء الأولى", "published": "2025-03-10"},
    ),
    "b": (
        'الورفلي: مقتل 12 مسلحا جنوب سرت واستعادة ثلاث قرى\n'
        'قال المتحدث باسم الجيش الوطني الليبي العميد سالم الورفلي إن قوات الجيش قتلت 12 مسلحا في اشتباكات عنيفة جنوب مدينة سرت يوم الأحد، بحسب ما نقلت وكالة الأنباء الأولى.\n'
        'وأضاف الورفلي في مؤتمر صحفي أن القوات استعادت السيطرة على ثلاث قرى بعد معارك استمرت ست ساعات، مشيرا إلى أن وحدات الهندسة بدأت نزع الألغام من الطرق.\n'
        , {"outlet": "صحيفة الثانية", "published": "2025-03-11"},
    ),
    "c": (
        'مصادر محلية: 15 قتيلا في اشتباكات جنوب سرت\n'
        'قال مسؤول في المجلس البلدي لمدينة سرت إن 15 مسلحا قتلوا في اشتباكات عنيفة مع قوات الجيش الوطني الليبي جنوب المدينة يوم الأحد.\n'
        'وأوضح المسؤول أن الاشتباكات دفعت عشرات العائلات إلى النزوح نحو وسط سرت، وأن المستشفى استقبل جرحى من المدنيين.\n'
        , {"outlet": "موقع الثالث", "published": "2025-03-11"},
    ),
    "d": (
        '<script>document.title="pwned-title"</script> خبر عن طرابلس\n'
        'قال المتحدث باسم وزارة الداخلية إن الشرطة اعتقلت خمسة أشخاص في طرابلس <script>window.pwned=1</script> بعد مداهمة منزل.\n'
        'وأضاف أن التحقيق جار <img src=x onerror="window.pwned=2"> وأن الرابط javascript:window.pwned=3 لا علاقة له بالقضية.\n'
        , {"outlet": "منفذ <b>تجريبي</b>", "published": "2025-03-12"},
    ),
}
SOURCE, REWRITE, OTHER, HOSTILE = "a", "b", "c", "d"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented reports analyzed into a store; RETURNS the store's path."""
    folder = tmp_path_factory.mktemp("web-reports")
    for name, (text, meta) in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False),
                                                  encoding="utf-8")
    store = tmp_path_factory.mktemp("web-store") / "khabar.db"
    conn = db.open_store(store)
    analyze([folder], conn=conn)
    conn.close()
    return store


@pytest.fixture(scope="session")
def doc_ids(web_store: Path) -> dict[str, str]:
    """Report name (a, b, c, d) → its article id in the store."""
    conn = db.open_store(web_store, read_only=True)
    ids = {Path(row["source"]).stem: row["id"]
           for row in conn.execute("SELECT id, source FROM articles")}
    conn.close()
    return ids

"""Invented reports for statement and speaker tests (written by the team, not third-party)."""

import dataclasses

from khabar.model import Article
from khabar.pipeline import prepare


def make(text: str, **fields) -> Article:
    base = Article(id=str(abs(hash(text)))[:16], source="x.txt", outlet=None, url=None,
                   title=None, published=None, text=text, sha256="0")
    return prepare(dataclasses.replace(base, **fields))

REPORT = """الصافي: القوات استعادت مدخل الوادي
أعلن العقيد نادر الصافي، المتحدث باسم قيادة العمليات، في بيان صحفي أن القوات استعادت مدخل وادي السدر، مشيرا إلى أن الاشتباكات انتهت مساء الأحد.
وأضاف أن وحدات الهندسة بدأت نزع الألغام.
ونفى الصافي أن تكون قواته قد استهدفت منازل المدنيين، قائلا: "القصف اقتصر على مواقع محددة".
وبحسب مصادر محلية فإن السكان بدأوا العودة إلى منازلهم.
وأكدت وزارة الصحة أن المستشفى استقبل عشرة جرحى.
وتشهد المنطقة توترا منذ أشهر.
"""

INTERVIEW = """أجرت الصحيفة حوارا مع العقيد نادر الصافي.
وقال العقيد نادر الصافي في حوار أجرته الصحيفة معه إن المعركة في أيامها الأخيرة.
وفيما يلي نص الحوار:
ما آخر التطورات في الوادي؟
القوات تتقدم من الجهة الغربية. وقد سيطرت على المرتفعات كلها.
كم عدد الذين سلموا أنفسهم؟
سلم أكثر من عشرين مسلحا أنفسهم خلال يومين.
"""

from khabar.link.operations import find_operations

# Written by the team; the places and operations are invented except the listed names.
TEXT = ("أعلن الجيش انطلاق عملية \"فجر الوادي\" ضمن معركة الكفرة، بعد عملية تحرير مدينة "
        "الكفرة عام 2014. وشاركت مقاتلات في عاصفة الحزم. وقال إن «العملية ستطول».")


def spans_of(*names):
    return [(TEXT.index(name), TEXT.index(name) + len(name)) for name in names]


def test_operations_quoted_named_by_place_and_listed():
    second = TEXT.index("الكفرة عام")
    places = [*spans_of("الكفرة"), (second, second + len("الكفرة"))]
    found = find_operations(TEXT, places)
    assert [name.written for name in found] == [
        "فجر الوادي", "معركة الكفرة", "عملية تحرير مدينة الكفرة عام 2014", "عاصفة الحزم"]
    assert found[-1].name_en == "Operation Decisive Storm"
    for name in found:
        assert TEXT[name.start:name.end] == name.written
    # a quoted sentence after «العملية» is no name, and «عملية» with no name is none
    assert not any("ستطول" in name.written for name in found)

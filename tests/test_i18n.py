"""The English and Chinese catalogs say the same things."""

from __future__ import annotations

import string

from linsteps.i18n import catalog


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys() -> None:
    assert set(catalog("en")) == set(catalog("zh"))


def test_catalogs_use_the_same_placeholders() -> None:
    en, zh = catalog("en"), catalog("zh")
    mismatched = {k for k in en if fields(en[k]) != fields(zh[k])}
    assert not mismatched


def test_every_message_is_one_line() -> None:
    for lang in ("en", "zh"):
        assert not [k for k, v in catalog(lang).items() if "\n" in v]


def test_chinese_uses_the_agreed_terms() -> None:
    zh = catalog("zh")
    assert "点积" in zh["title.dot"] and "内积" in zh["title.dot"]
    assert "哈达玛积" in zh["title.hadamard"] and "逐元素乘法" in zh["title.hadamard"]
    assert "矩阵乘法" in zh["title.matmul"]
    assert "标量" in zh["result.dot"]


def test_a_count_of_one_takes_the_singular_noun() -> None:
    from linsteps.i18n import message_template, translate

    assert translate("en", "condition.entries", n=1) == "a vector with 1 entry"
    assert translate("en", "condition.entries", n=3) == "a vector with 3 entries"
    assert translate("en", "condition.entries", n="1") == "a vector with 1 entry"
    assert message_template("en", "condition.entries") == "a vector with {n} entries"
    zh = catalog("zh")["condition.entries"]
    assert translate("zh", "condition.entries", n=1) == zh.format(n=1)


def test_every_counted_noun_is_written_whole() -> None:
    # ``{n:entry|entries}``: both nouns given, and only in English (Chinese has no plural).
    import re

    counted = re.compile(r"\{\w+:[^{}]*\|[^{}]*\}")
    for key, template in catalog("en").items():
        for found in counted.findall(template):
            one, many = found[found.index(":") + 1 : -1].split("|")
            assert one and many and one != many, (key, found)
    assert not [k for k, v in catalog("zh").items() if counted.search(v)]

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

"""The JSON contract: fields, kinds and a result SymPy reads back."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sympy

from tests.derivations import EXAMPLES


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_json_contract(name: str) -> None:
    derivation = EXAMPLES[name]()
    data = json.loads(derivation.render("json"))
    assert {"version", "operation", "inputs", "steps", "result"} <= set(data)
    assert data["operation"] == derivation.operation
    assert all("kind" in step for step in data["steps"])
    assert {"text", "latex", "sympy"} <= set(data["result"])
    assert data["steps"][0]["kind"] == "heading"
    assert data["steps"][-1]["kind"] == "result"
    expected = derivation.result
    names = {str(x): x for x in expected.atoms(sympy.Symbol)}
    names |= {str(x): x for x in expected.atoms(sympy.IndexedBase)}
    names |= {x.name: x for x in expected.atoms(sympy.MatrixSymbol)}
    read_back = sympy.sympify(data["result"]["sympy"], locals=names)
    if isinstance(read_back, list):  # an array of any rank reads back as nested lists
        read_back = sympy.ImmutableDenseNDimArray(read_back)
    if read_back == expected:  # sizes of symbolic length are read back exactly
        return
    read_back, expected = plain(read_back), plain(expected)
    if isinstance(expected, sympy.MatrixBase):
        assert sympy.Matrix(read_back).shape == expected.shape
        assert all(
            sympy.simplify(p - q) == 0
            for p, q in zip(sympy.Matrix(read_back), expected, strict=True)
        )
    else:
        assert sympy.simplify(read_back - expected) == 0


def plain(value: Any) -> Any:
    """Return ``value`` with every symbol replaced by one without assumptions."""
    return value.subs({s: sympy.Symbol(s.name) for s in value.free_symbols})


def test_to_dict_is_the_json_contract() -> None:
    derivation = EXAMPLES["dot-integers"]()
    assert json.loads(derivation.render("json")) == derivation.to_dict()
    assert derivation.to_dict()["result"]["text"] == "32"


def test_chinese_json_messages() -> None:
    data = EXAMPLES["cos-integers"]().to_dict("zh")
    assert data["lang"] == "zh"
    assert "夹角余弦" in data["steps"][0]["message"]

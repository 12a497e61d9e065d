"""The fast reader (libyaml) must build exactly the tree, values and positions ruamel builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import fast_yaml
from generator.load import MAX_NESTING, yaml_parser

REPO = Path(__file__).resolve().parent.parent


def same_tree(fast, slow, path=()) -> None:
    if isinstance(slow, dict):
        assert isinstance(fast, dict) and list(fast) == list(slow), path
        assert (fast.lc.line, fast.lc.col) == (slow.lc.line, slow.lc.col), path
        for key in slow:
            assert fast.lc.key(key) == tuple(slow.lc.key(key)), (*path, key)
            assert fast.lc.value(key) == tuple(slow.lc.value(key)), (*path, key)
            same_tree(fast[key], slow[key], (*path, key))
    elif isinstance(slow, list):
        assert isinstance(fast, list) and len(fast) == len(slow), path
        for index, item in enumerate(slow):
            assert fast.lc.item(index) == tuple(slow.lc.item(index)), (*path, index)
            same_tree(fast[index], item, (*path, index))
    else:
        kinds = (bool, int, float, str, type(None))
        assert fast == slow, path
        assert next(k for k in kinds if isinstance(fast, k)) is next(
            k for k in kinds if isinstance(slow, k)
        ), path


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "data").glob("*.yaml")))
def test_every_data_file_reads_as_ruamel_reads_it(name: str) -> None:
    text = (REPO / "data" / name).read_text("utf-8")
    same_tree(fast_yaml.parse(text, MAX_NESTING), yaml_parser().load(text))


def test_scalars_and_positions_match_ruamel() -> None:
    text = (
        "- id: türkmenbaşy-port  # a comment\n"
        "  value: 12\n  share: -0.5\n  yes_word: yes\n  tilde: ~\n  flag: True\n"
        "  date: 2025-04-22\n  range: 1992-1994\n  time: 1:20\n  quoted: '12'\n"
        "  folded: >-\n    two\n    lines\n  list: [a, 'b', 3]\n"
        "  nested: {ş: ü, n: {m: 1}}\n"
    )
    same_tree(fast_yaml.parse(text, MAX_NESTING), yaml_parser().load(text))


def test_an_empty_value_is_placed_on_its_own_line() -> None:
    """ruamel places it at the next token, on the line below; libyaml right after its key."""
    tree = fast_yaml.parse("- id: a\n  empty:\n  next: 1\n", MAX_NESTING)
    assert tree[0]["empty"] is None
    assert tree[0].lc.value("empty") == (1, 8)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # an explicit tag
        "a: 1\na: 2\n",  # a repeated key: ruamel's located error
        "<<: {a: 1}\n",  # a merge key
        "a: 0x1f\nb: 1_000\nc: .inf\nd: 1e5\ne: 012\n",  # numbers in other notations
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1, 2\n",  # a syntax error: ruamel words it
        "[" * (MAX_NESTING + 1),  # past the nesting limit
    ],
)
def test_what_it_does_not_read_as_ruamel_does_is_left_to_ruamel(text: str) -> None:
    with pytest.raises(fast_yaml.Unsupported):
        fast_yaml.parse(text, MAX_NESTING)

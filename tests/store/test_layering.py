"""The store reads and writes; the runner runs the cross-article stage (issue #17)."""

import ast

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "storyledger"


def _imports(path):
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "path", [*sorted((SRC / "store").glob("*.py")), SRC / "extract" / "actors.py"], ids=str
)
def test_the_store_and_the_actors_stage_do_not_import_compare(path):
    assert not {m for m in _imports(path) if m.startswith("storyledger.compare")}

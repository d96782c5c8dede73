"""The front door stays true: README commands, CI calling them, every command documented."""

import re

from storyledger.cli import build_parser
from tests.conftest import ROOT


def _readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_readme_opens_with_setup_then_tests():
    first, second = _readme_commands()[:2]
    assert first == "make demo"
    assert second == "make test"


def test_ci_runs_the_readme_test_command():
    assert _readme_commands()[1] in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_every_subcommand_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    subcommands = build_parser()._subparsers._group_actions[0].choices
    for name in subcommands:
        assert f"storyledger {name}" in readme, name


def test_every_module_says_its_job():
    for path in (ROOT / "src/storyledger").rglob("*.py"):
        source = path.read_text(encoding="utf-8").lstrip()
        assert source.startswith('"""'), path

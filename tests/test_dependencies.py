"""Every third-party import of the package is a declared, exactly pinned dependency."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return dict(requirement.split("==") for requirement in project["dependencies"])


def _imported_modules():
    modules = set()
    for path in (ROOT / "src/storyledger").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"storyledger"}


def _optional():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [pin for extra in project["optional-dependencies"].values() for pin in extra]
    return {re.sub(r"\[.*\]", "", pin.split("==")[0]): pin.split("==")[1] for pin in pins}


def test_every_import_is_declared():
    declared = {_canonical(name) for name in {**_declared(), **_optional()}}
    owners = packages_distributions()
    missing = {
        module: owners.get(module)
        for module in _imported_modules()
        if not any(_canonical(dist) in declared for dist in owners.get(module, []))
    }
    assert missing == {}


def test_declared_dependencies_are_pinned_alike_in_the_lock_file():
    locked = {}
    for line in (ROOT / "requirements/lock.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            locked[_canonical(name)] = version.strip()
    for name, version in _declared().items():
        assert locked.get(_canonical(name)) == version, name


def test_optional_extras_are_pinned_exactly():
    assert all(version and "," not in version for version in _optional().values())
    ray = (ROOT / "requirements/ray.txt").read_text(encoding="utf-8")
    assert f"ray[data]=={_optional()['ray']}" in ray

"""module_utils is layered: each package imports only from its own layer and the ones below it, and every file is
small. A newcomer can tell from the tree where a change belongs."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[4]
UTILS = ROOT / "plugins" / "module_utils"
PREFIX = "ansible_collections.huaweicloud.codearts.plugins.module_utils."
# Bottom to top. Two packages on one layer may not import each other either.
LAYERS = [["_core"], ["_secrets"], ["_http"], ["_api"], ["_auth"], ["_ssh"], ["_user", "_repository"], ["_module"]]
RANK = dict((package, rank) for rank, packages in enumerate(LAYERS) for package in packages)
MAX_LINES = 250


def imported_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PREFIX):
            yield node.module[len(PREFIX):].split(".")[0]


def utils_files():
    return sorted(path for path in UTILS.rglob("*.py") if path.name != "__init__.py")


def test_every_module_utils_file_lives_in_a_layered_package():
    assert [path.relative_to(UTILS).parts[0] for path in utils_files() if path.relative_to(UTILS).parts[0] not in RANK] == []


@pytest.mark.parametrize("path", utils_files(), ids=lambda path: str(path.relative_to(UTILS)))
def test_no_import_points_up_or_sideways(path):
    own = path.relative_to(UTILS).parts[0]
    wrong = [package for package in imported_packages(path) if package != own and RANK[package] >= RANK[own]]
    assert wrong == [], "%s imports %s, which is not below it" % (path.relative_to(UTILS), wrong)


@pytest.mark.parametrize("path", utils_files() + sorted((ROOT / "plugins" / "modules").glob("*.py")),
                         ids=lambda path: path.name)
def test_every_module_and_module_utils_file_is_at_most_250_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_every_package_init_is_empty():
    assert [str(path) for path in UTILS.rglob("__init__.py") if path.read_text()] == []


TESTS = pathlib.Path(__file__).resolve().parent


@pytest.mark.parametrize("path", utils_files(), ids=lambda path: str(path.relative_to(UTILS)))
def test_every_module_utils_file_has_a_test_file_in_the_mirrored_folder(path):
    package = path.relative_to(UTILS).parts[0]
    names = ("test_%s.py" % path.stem, "test_%s_%s.py" % (package.strip("_"), path.stem))
    assert any((TESTS / package / name).exists() for name in names), "no %s in %s" % (" or ".join(names), TESTS / package)


def test_no_test_file_imports_another_test_file():
    importing = [str(path.relative_to(TESTS.parents[1])) for path in TESTS.parents[1].rglob("test_*.py")
                 if any(module.rsplit(".", 1)[-1].startswith("test_") for module in _imported_modules(path))]
    assert importing == []


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            for alias in node.names:
                yield "%s.%s" % (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name

"""module_utils is layered: each package imports only from its own layer and the ones below it, and every file is
small. A newcomer can tell from the tree where a change belongs."""

import ast
import pathlib


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


def test_no_import_points_up_or_sideways():
    wrong = ["%s imports %s" % (path.relative_to(UTILS), package) for path in utils_files()
             for package in imported_packages(path)
             if package != path.relative_to(UTILS).parts[0] and RANK[package] >= RANK[path.relative_to(UTILS).parts[0]]]
    assert wrong == []


def test_every_module_and_module_utils_file_is_at_most_250_lines():
    paths = utils_files() + sorted((ROOT / "plugins" / "modules").glob("*.py"))
    longer = ["%s: %d lines" % (path.name, len(path.read_text(encoding="utf-8").splitlines())) for path in paths
              if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES]
    assert len(paths) > 60 and longer == []


def test_every_package_init_is_empty():
    assert [str(path) for path in UTILS.rglob("__init__.py") if path.read_text()] == []


TESTS = pathlib.Path(__file__).resolve().parent


def test_every_module_utils_file_has_a_test_file_in_the_mirrored_folder():
    def tested(path):
        package = path.relative_to(UTILS).parts[0]
        names = ("test_%s.py" % path.stem, "test_%s_%s.py" % (package.strip("_"), path.stem))
        return any((TESTS / package / name).exists() for name in names)
    assert [str(path.relative_to(UTILS)) for path in utils_files() if not tested(path)] == []


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

"""Check what `ansible-galaxy collection build` put in the artifact: the plugins and docs, not the test rig."""

import sys
import tarfile

REQUIRED = (
    "MANIFEST.json", "FILES.json", "README.md", "LICENSE", "meta/runtime.yml", "requirements.txt",
    "plugins/modules/codearts_user_email.py", "plugins/modules/codearts_user_email_info.py",
    "plugins/doc_fragments/codearts.py", "plugins/module_utils/_http/client.py",
    "plugins/modules/codearts_repository.py", "plugins/module_utils/_api/reconcile.py",
)
FORBIDDEN_PREFIXES = ("tests/emulator", "tests/integration", "tests/unit", "tests/output", ".ci", "tools", "noxfile.py",
                      "antsibull-nox.toml", ".hypothesis")
# A shipped file that imports one of these would fail wherever the collection is installed.
LEFT_OUT_PACKAGES = ("huaweicloud.codearts.tests.", "codearts_emulator")


def main(path):
    with tarfile.open(path) as artifact:
        names = set(artifact.getnames())
        sources = dict((member.name, artifact.extractfile(member).read().decode("utf-8"))
                       for member in artifact.getmembers() if member.name.endswith(".py"))
    missing = [name for name in REQUIRED if name not in names]
    leaked = sorted(name for name in names if name.startswith(FORBIDDEN_PREFIXES))
    importing = sorted(name for name, text in sources.items() if any(package in text for package in LEFT_OUT_PACKAGES))
    if missing or leaked or importing:
        print("artifact %s: missing %s; should not contain %s; imports what the build leaves out: %s"
              % (path, missing, leaked, importing))
        return 1
    print("artifact %s: %d files, required ones present, no test rig, %d Python files importing nothing left out"
          % (path, len(names), len(sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Check what `ansible-galaxy collection build` put in the artifact: the plugins and docs, not the test rig."""

import sys
import tarfile

REQUIRED = (
    "MANIFEST.json", "FILES.json", "README.md", "LICENSE", "meta/runtime.yml", "requirements.txt",
    "plugins/modules/codearts_user_email.py", "plugins/modules/codearts_user_email_info.py",
    "plugins/doc_fragments/codearts.py", "plugins/module_utils/http_client.py",
)
FORBIDDEN_PREFIXES = ("tests/emulator", "tests/integration", "tests/output", ".ci", "tools")


def main(path):
    with tarfile.open(path) as artifact:
        names = set(artifact.getnames())
    missing = [name for name in REQUIRED if name not in names]
    leaked = sorted(name for name in names if name.startswith(FORBIDDEN_PREFIXES))
    if missing or leaked:
        print("artifact %s: missing %s; should not contain %s" % (path, missing, leaked))
        return 1
    print("artifact %s: %d files, required ones present, no test rig" % (path, len(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Check the build context `ansible-builder create` made from an execution-environment definition.

It must hold the collection's tarball (built from this checkout, not fetched from Galaxy), ask for it as a
file, install requests, and start from the definition's base image, pinned to a tag rather than "latest".

Usage: check_ee_context.py CONTEXT_DIR DEFINITION_FILE
"""

import json
import os
import re
import sys
import tarfile

import yaml


def problems_in(context, definition_file):
    with open(definition_file, encoding="utf-8") as handle:
        definition = yaml.safe_load(handle)
    base_image = definition["images"]["base_image"]["name"]
    build = os.path.join(context, "_build")
    problems = []
    tarball = os.path.join(build, "collections", "huaweicloud-codearts.tar.gz")
    if not os.path.isfile(tarball):
        problems.append("no collection tarball at %s" % tarball)
    else:
        with tarfile.open(tarball) as artifact:
            manifest = json.load(artifact.extractfile("MANIFEST.json"))["collection_info"]
        if (manifest["namespace"], manifest["name"]) != ("huaweicloud", "codearts"):
            problems.append("the tarball holds %s.%s" % (manifest["namespace"], manifest["name"]))
    with open(os.path.join(build, "requirements.yml"), encoding="utf-8") as handle:
        collections = yaml.safe_load(handle)["collections"]
    if collections != [{"name": "/build/collections/huaweicloud-codearts.tar.gz", "type": "file"}]:
        problems.append("the galaxy requirements are %s, not the local tarball" % collections)
    with open(os.path.join(build, "requirements.txt"), encoding="utf-8") as handle:
        if not re.search(r"^requests\b", handle.read(), re.MULTILINE):
            problems.append("requests is not among the Python requirements")
    with open(os.path.join(context, "Containerfile"), encoding="utf-8") as handle:
        containerfile = handle.read()
    if "EE_BASE_IMAGE=\"%s\"" % base_image not in containerfile:
        problems.append("the Containerfile does not start from %s" % base_image)
    if not re.search(r":[0-9][^:/]*$", base_image):
        problems.append("the base image %s is not pinned to a version tag" % base_image)
    if "COPY _build /build" not in containerfile:
        problems.append("the Containerfile does not copy the build files (the tarball among them) to /build")
    return problems, base_image


def main(context, definition_file):
    problems, base_image = problems_in(context, definition_file)
    name = os.path.basename(definition_file)
    if problems:
        print("%s: %s" % (name, "; ".join(problems)))
        return 1
    print("%s: build context holds the collection tarball (as a file requirement), requests, and FROM %s"
          % (name, base_image))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

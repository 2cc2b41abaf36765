"""The collection's version: the one galaxy.yml states."""

import pathlib

import yaml

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.version import COLLECTION_NAME, COLLECTION_VERSION

GALAXY = pathlib.Path(__file__).resolve().parents[5] / "galaxy.yml"


def test_the_version_and_name_are_the_ones_in_galaxy_yml():
    galaxy = yaml.safe_load(GALAXY.read_text())
    assert COLLECTION_VERSION == galaxy["version"]
    assert COLLECTION_NAME == "%s.%s" % (galaxy["namespace"], galaxy["name"])

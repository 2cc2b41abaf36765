"""Deploy keys in the emulator: added through v2 (wrapped, key_id a string), listed through v4 with only a
fingerprint whose form is set per repository, and refused with HTTP 200 when added twice."""

import base64
import hashlib
import struct

import pytest
from huaweicloudsdkcodeartsrepo import v3, v4

SERVICE, FRONTEND = 3001, 3002  # FRONTEND is seeded with SHA256 fingerprints, SERVICE with the default (MD5)


def key_line(seed, comment="deploy@ci"):
    """An ed25519 public key line of our own making."""
    def string(data):
        return struct.pack(">I", len(data)) + data
    blob = string(b"ssh-ed25519") + string(hashlib.sha256(seed.encode()).digest())
    return "ssh-ed25519 %s %s" % (base64.b64encode(blob).decode("ascii"), comment)


def blob_of(line):
    return base64.b64decode(line.split()[1])


def md5_hex(line):
    digest = hashlib.md5(blob_of(line)).hexdigest()
    return ":".join(digest[index:index + 2] for index in range(0, 32, 2))


def add(emulator, line, repository=SERVICE, title="ci", can_push=False):
    return emulator.call("v3", "add_deploy_key_v2", v3.AddDeployKeyV2Request(repository, v3.AddDeployKeyRequestBody(
        application="ansible", can_push=can_push, key=line, key_title=title)))


def listed(emulator, repository=SERVICE):
    return emulator.call("v4", "list_repository_deploy_keys", v4.ListRepositoryDeployKeysRequest(repository))


@pytest.mark.parametrize("form, expected", [
    ("md5", md5_hex),
    ("md5_prefixed", lambda line: "MD5:" + md5_hex(line)),
    ("sha256", lambda line: "SHA256:" + base64.b64encode(hashlib.sha256(blob_of(line)).digest()).decode().rstrip("=")),
])
def test_the_fingerprint_takes_the_repositorys_form(emulator, form, expected):
    emulator.reset(projects=[{"project_id": "e" * 32, "path": "e",
                              "repositories": [{"id": 4300, "name": "r", "fingerprint": form}]}])
    line = key_line("one")
    add(emulator, line, repository=4300)
    [key] = listed(emulator, 4300).body
    assert key["fingerprint"] == expected(line)


def test_both_seeded_forms_differ_for_one_key(emulator):
    line = key_line("shared")
    add(emulator, line, SERVICE)
    add(emulator, line, FRONTEND)
    md5, sha = listed(emulator, SERVICE).body[0]["fingerprint"], listed(emulator, FRONTEND).body[0]["fingerprint"]
    assert md5 == md5_hex(line) and sha.startswith("SHA256:") and not sha.endswith("=")


def test_add_answers_key_id_as_a_string_and_the_key_without_its_comment(emulator):
    line = key_line("two", comment="laptop   key")
    answer = add(emulator, "  " + line.replace(" ", "    ", 1))
    result = answer.body["result"]
    assert answer.status == 200 and answer.body["status"] == "success"
    assert isinstance(result["key_id"], str) and result["key"] == " ".join(line.split()[:2])
    assert len(result["created_at"]) == 19 and "T" not in result["created_at"]  # the v2 form
    [item] = listed(emulator).body
    assert item["id"] == int(result["key_id"]) and "T" in item["created_at"]


def test_the_list_has_no_key_and_no_can_push_and_counts_in_x_total(emulator):
    for number in range(3):
        add(emulator, key_line("k%d" % number), title="k%d" % number)
    answer = emulator.call("v4", "list_repository_deploy_keys", v4.ListRepositoryDeployKeysRequest(SERVICE, 1, 1))
    assert answer.headers["X-Total"] == "3"
    assert [sorted(item) for item in answer.body] == [["created_at", "fingerprint", "id", "title"]]


def test_the_same_key_twice_in_one_repository_is_refused_with_http_200(emulator):
    add(emulator, key_line("dup"))
    again = add(emulator, key_line("dup", comment="another comment"), title="other title")
    assert again.status == 200 and again.body["status"] == "failed" and again.body["error"]["code"] == "CH.080002"
    assert emulator.log()[-1]["applied"] is False and len(listed(emulator).body) == 1


def test_the_same_key_in_two_repositories_is_refused_only_with_the_tenant_scope(emulator):
    assert add(emulator, key_line("x"), SERVICE).body["status"] == "success"
    assert add(emulator, key_line("x"), FRONTEND).body["status"] == "success"
    emulator.control("POST", "repository-settings", {"deploy_key_scope": "tenant"})
    assert add(emulator, key_line("x"), 3003).body["error"]["code"] == "CH.080002"


@pytest.mark.parametrize("policy, answered, stored, status", [
    ("ignored", False, False, "success"),
    ("honoured", True, True, "success"),
    ("refused", None, None, "failed"),
])
def test_can_push_true_is_ignored_honoured_or_refused_as_the_repository_says(emulator, policy, answered, stored, status):
    emulator.reset(projects=[{"project_id": "e" * 32, "path": "e",
                              "repositories": [{"id": 4300, "name": "r", "can_push": policy}]}])
    answer = add(emulator, key_line("p"), repository=4300, can_push=True)
    assert answer.body["status"] == status
    if status == "success":
        assert answer.body["result"]["can_push"] is answered
        assert emulator.stored(4300)["deploy_keys"][0]["can_push"] is stored


@pytest.mark.parametrize("line", [
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    "ssh-rsa " + key_line("mismatch").split()[1],  # the blob says ed25519
    "ssh-ed25519 not-base64!",
    "",
])
def test_anything_but_a_public_key_line_is_refused_with_http_200(emulator, line):
    answer = add(emulator, line)
    assert answer.status == 200 and answer.body["error"]["code"] == "DEV.CH.10001"


def test_delete_answers_204_then_404(emulator):
    key_id = int(add(emulator, key_line("d")).body["result"]["key_id"])
    request = v4.RemoveDeployKeyRequest(SERVICE, key_id)
    assert [emulator.call("v4", "remove_deploy_key", request).status for _attempt in range(2)] == [204, 404]


def test_a_read_only_user_is_refused_inside_the_wrapper(emulator):
    answer = emulator.call("v3", "add_deploy_key_v2", v3.AddDeployKeyV2Request(SERVICE, v3.AddDeployKeyRequestBody(
        application="", can_push=False, key=key_line("b"), key_title="b")), token="bob-token")
    assert answer.status == 200 and answer.body["error"]["code"] == "CH.004403"


def test_the_fingerprint_form_can_be_switched_on_a_seeded_repository(emulator):
    line = key_line("switch")
    add(emulator, line)
    emulator.control("POST", "repositories/%d/settings" % SERVICE, {"fingerprint": "md5_prefixed"})
    assert listed(emulator).body[0]["fingerprint"] == "MD5:" + md5_hex(line)

"""What the info module shows of a repository, from either v4 answer."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._repository.views import repository_view


def test_a_read_answer_keeps_its_path_and_names_its_status():
    view = repository_view({"id": 1, "path_with_namespace": "g/sub/r", "namespace": "ignored", "status": 1,
                            "ssh_url_to_repo": "git@x:g/sub/r.git", "http_url_to_repo": "https://x/g/sub/r.git"})
    assert view["path"] == "g/sub/r" and view["status"] == "creating"
    assert view["ssh_url"] == "git@x:g/sub/r.git" and view["http_url"] == "https://x/g/sub/r.git"


def test_a_list_answer_builds_the_path_from_its_namespace_and_no_status_means_ready():
    view = repository_view({"id": 2, "namespace": "demo/backend", "path": "svc"})
    assert view["path"] == "demo/backend/svc" and view["status"] == "ready"
    assert repository_view({"id": 3, "namespace": None, "path": "svc"})["path"] is None


def test_an_unknown_status_is_shown_as_the_service_gave_it():
    assert repository_view({"status": 9})["status"] == 9

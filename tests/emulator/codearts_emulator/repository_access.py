"""Finding the repository a request names and checking what the caller may do with it.

A caller's level on a repository is 'none', 'read' or 'write' (Repository.level_of): reads need read, changes
need write. v4 refuses with 403 or 404 in the v4 shape; v1/v2 calls refuse inside the wrapper, HTTP 200.
"""

from codearts_emulator import v4_answers, wrapped

NEEDS = {"read": ("read", "write"), "write": ("write",)}


def allowed(repo, user, need):
    return repo.level_of(user) in NEEDS[need]


def v4_repository(store, user, request, need):
    """(repository, None), or (None, refusal) when it is unknown, deleted, not ready, or the caller may not."""
    repo = store.repositories.by_id(int(request.params["repository_id"]))
    if repo is None or not repo.visible:
        return None, v4_answers.not_found("The repository")
    if not allowed(repo, user, need):
        return None, v4_answers.FORBIDDEN
    return repo, None


def wrapped_repository_by_id(store, user, request, need):
    """The same for a v2 call that names the repository by its numeric id, refusing inside the wrapper."""
    repo = store.repositories.by_id(int(request.params["repository_id"]))
    if repo is None or not repo.visible:
        return None, wrapped.no_such_repository()
    if not allowed(repo, user, need):
        return None, wrapped.forbidden()
    return repo, None

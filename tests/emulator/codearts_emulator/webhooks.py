"""Repository webhooks (v4): list (X-Total, include_system), create (201), show, update (PUT, full object), delete (204).

The secret (token) is stored as sent and answered as MASK on every read: a client that sends a read value back
stores the mask as the new secret (the admin view shows the real stored token, so tests catch it).
On PUT, token absent or null keeps the stored token, "" clears it, anything else (the mask too) replaces it.
Every other field is replaced whole by PUT: a field left out returns to its default.
"""

from codearts_emulator import v4_answers
from codearts_emulator.repository_access import v4_repository
from codearts_emulator.repository_store import now

MASK = "********"
TOKEN_TYPES = ("X-Repo-Token", "X-Gitlab-Token", "X-Auth-Token")
EVENTS = ("push_events", "tag_push_events", "merge_requests_events", "note_events")
LIMITS = {"url": 500, "name": 200, "description": 200, "push_events_branch_regex_filter": 500, "token": 2000,
          "token_type": 200}


def _text_problem(body):
    for field, limit in LIMITS.items():
        value = body.get(field)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            return "%s must be text of at most %d characters" % (field, limit)
    return None


def check(body):
    """Why the body is no acceptable WebhookParamsDto, or None.

    The group-level DTO's constraints are applied here too: at least one event; a branch regex with push events;
    a note filter with note events.
    """
    if not isinstance(body, dict):
        return "the body must be a webhook object"
    problem = _text_problem(body)
    if problem:
        return problem
    if not body.get("url") or not body["url"].startswith(("http://", "https://")):
        return "url is required: an http or https address of at most 500 characters"
    if any(not isinstance(body.get(event, False), bool) for event in EVENTS):
        return "the events must be true or false"
    if not any(body.get(event) for event in EVENTS):
        return "at least one of %s must be true" % ", ".join(EVENTS)
    if body.get("push_events") and not body.get("push_events_branch_regex_filter"):
        return "push_events needs push_events_branch_regex_filter"
    notes = body.get("note_plain_text_filter")
    if notes is not None and (not isinstance(notes, list) or len(notes) > 10
                              or not all(isinstance(note, str) and len(note) <= 50 for note in notes)):
        return "note_plain_text_filter holds at most 10 texts of at most 50 characters"
    if body.get("note_events") and not notes:
        return "note_events needs note_plain_text_filter"
    if body.get("token_type") is not None and body["token_type"] not in TOKEN_TYPES:
        return "token_type must be one of %s" % ", ".join(TOKEN_TYPES)
    return None


def stored_fields(body, previous_token=None):
    """The hook as stored from a valid body: every field, defaults for those left out, the token as sent."""
    token = body.get("token")
    return {"url": body["url"], "name": body.get("name") or "", "description": body.get("description") or "",
            "push_events": body.get("push_events", False),
            "push_events_branch_regex_filter": body.get("push_events_branch_regex_filter") or "",
            "note_plain_text_filter": list(body.get("note_plain_text_filter") or []),
            "tag_push_events": body.get("tag_push_events", False),
            "merge_requests_events": body.get("merge_requests_events", False),
            "note_events": body.get("note_events", False),
            "token": previous_token if token is None else token,
            "token_type": body.get("token_type") or "X-Repo-Token"}


def hook_dto(hook):
    """WebhookDto: the token masked (an empty string when none is stored)."""
    dto = dict((field, value) for field, value in hook.items() if field not in ("token", "system"))
    dto["token"] = MASK if hook["token"] else ""
    dto["note_plain_text_filter"] = list(hook["note_plain_text_filter"])
    dto.update({"event_cfgs": [], "project_cfgs": [], "branch_cfgs": []})
    return dto


def add_hook(store, repo, fields, service=None):
    moment = now()
    hook = dict(fields, id=store.repositories.next_id("hook"), created_at=moment, updated_at=moment, service=service,
                system=service is not None)
    repo.hooks.append(hook)
    return hook


def _hook(repo, request):
    hook_id = int(request.params["hook_id"])
    return next((hook for hook in repo.hooks if hook["id"] == hook_id), None)


def list_hooks(store, user, body, request):
    """System hooks (those with a service) only with include_system=true; X-Total counts what is listed."""
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    system = v4_answers.boolean(v4_answers.query(request).get("include_system"))
    found = [hook for hook in repo.hooks if system or not hook["system"]]
    status, items, headers = v4_answers.page(found, request, total_header=True)
    return (status, items, headers) if status != 200 else (200, [hook_dto(hook) for hook in items], headers)


def create_hook(store, user, body, request):
    """Two hooks may share a URL. Answered 201 (Huawei does not document the code)."""
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    problem = check(body)
    if problem:
        return v4_answers.bad_request(problem)
    return 201, hook_dto(add_hook(store, repo, stored_fields(body)))


def show_hook(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "read")
    if refusal:
        return refusal
    hook = _hook(repo, request)
    return (200, hook_dto(hook)) if hook else v4_answers.not_found("The webhook")


def update_hook(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    hook = _hook(repo, request)
    if hook is None:
        return v4_answers.not_found("The webhook")
    problem = check(body)
    if problem:
        return v4_answers.bad_request(problem)
    hook.update(stored_fields(body, hook["token"]), updated_at=now())
    return 200, hook_dto(hook)


def delete_hook(store, user, body, request):
    repo, refusal = v4_repository(store, user, request, "write")
    if refusal:
        return refusal
    hook = _hook(repo, request)
    if hook is None:
        return v4_answers.not_found("The webhook")
    repo.hooks.remove(hook)
    return 204, None

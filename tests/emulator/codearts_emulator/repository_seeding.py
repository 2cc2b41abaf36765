"""Filling a seeded repository from its spec: members, protected branches, webhooks and deploy keys.

Seeding uses the API's own checks (a bad spec is refused with the reason), except that a seeded rule need not
match a branch: a branch deleted after its rule was made is a state tests need.
"""

from codearts_emulator import deploy_keys, protected_branches, webhooks
from codearts_emulator.repository_store import CAN_PUSH_POLICIES, FINGERPRINT_FORMS, LEVELS, READY, CREATING, FAILED
from codearts_emulator.roles import ROLES


class SeedProblem(ValueError):
    """A seed spec the emulator cannot build; the message says why."""


def _check_repository(store, repo):
    for member in repo.members:
        if store.find_user(member.get("user", "")) is None or member.get("role") not in ROLES:
            raise SeedProblem("member %r needs an existing user and a role among %s" % (member, ", ".join(ROLES)))
    if any(level not in LEVELS for level in repo.access.values()):
        raise SeedProblem("access levels are %s" % ", ".join(LEVELS))
    if repo.fingerprint not in FINGERPRINT_FORMS or repo.can_push not in CAN_PUSH_POLICIES:
        raise SeedProblem("fingerprint is one of %s, can_push one of %s" % (FINGERPRINT_FORMS, CAN_PUSH_POLICIES))
    if repo.status not in (READY, CREATING, FAILED) or repo.outcome not in (READY, FAILED):
        raise SeedProblem("status is ready, creating or failed; outcome ready or failed")


def seed_contents(store, repo, spec):
    _check_repository(store, repo)
    for rule in spec.get("protected_branches", ()):
        actions, problem = protected_branches.parse_actions(store, repo, rule.get("actions", []))
        if problem or not rule.get("name"):
            raise SeedProblem("protected branch %r: %s" % (rule.get("name"), problem or "a name is required"))
        protected_branches.add_rule(store, repo, rule["name"], actions)
    for hook in spec.get("webhooks", ()):
        problem = webhooks.check(hook)
        if problem:
            raise SeedProblem("webhook %r: %s" % (hook.get("url"), problem))
        webhooks.add_hook(store, repo, webhooks.stored_fields(hook), hook.get("service"))
    for key in spec.get("deploy_keys", ()):
        if deploy_keys.parse_key(key.get("key"))[0] is None or not key.get("title"):
            raise SeedProblem("deploy key %r: a title and a public key line are required" % key.get("title"))
        added = deploy_keys.add_key(store, repo, key["title"], key["key"], False, key.get("application", ""))
        added["can_push"] = bool(key.get("can_push"))  # as seeded, whatever the repository's can_push policy

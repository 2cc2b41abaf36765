"""The emulator's users, issued verification codes, request log and repositories, shared by all request threads."""

import copy
import datetime
import hashlib
import secrets
import string
import threading

from codearts_emulator.faults import FaultBook
from codearts_emulator.repository_store import RepositoryStore

DOMAIN = "emulated-domain"


def _gpg_key(title, fingerprint, email):
    """A GPG key as ListUserGpgKeysResponse describes it (the SDK's model), with one subkey."""
    return {"created_at": "2025-04-02T09:30:00.000+08:00", "emails_with_verified_status": {email: True},
            "fingerprint": fingerprint, "key": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n(emulated %s)\n"
            "-----END PGP PUBLIC KEY BLOCK-----" % title, "description": "emulated key", "title": title,
            "primary_keyid": fingerprint[-16:], "active": True,
            "subkeys": [{"id": 1, "fingerprint": fingerprint[::-1], "gpg_key_id": 1, "keyid": fingerprint[::-1][-16:]}]}


# Each seed user shows one behaviour the tests need.
SEED_USERS = (
    # Needs a verification code to change the email, like the real service is expected to. Has all three
    # ways to authenticate: a token, an access key pair, and an IAM password.
    # Its GPG keys come as a list, as a real service more likely sends them.
    {"name": "alice", "token": "alice-token", "commit_email": "alice@example.com", "password": "alice-pw-4821",
     "gpg_keys": [_gpg_key("laptop", "5FDE09F4F30E6F2F7B87E0A93AA5C34371567BD2", "alice@example.com"),
                  _gpg_key("build server", "0F1E2D3C4B5A69788796A5B4C3D2E1F00A1B2C3D", "alice@example.com")],
     "access_keys": [{"access_key": "ALICEACCESSKEY000001", "secret_key": "alice-secret-key"}]},
    # Can read but not change its settings: PUT and POST answer 403.
    {"name": "bob", "token": "bob-token", "commit_email": "bob@example.com", "permissions": ["read"]},
    # Accepts a change without a verification code (the API documents the code as optional). Has temporary
    # access keys (with a security token) and an IAM password.
    # Its one GPG key comes as one object, as the API page and the SDK document it; HTTPS clone starts with
    # the login password refused.
    {"name": "carol", "token": "carol-token", "commit_email": "carol@example.com", "code_required": False,
     "password": "carol-pw-7305", "https_iam_auth": False, "gpg_answer_is_object": True,
     "gpg_keys": [_gpg_key("signing", "AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12", "carol@example.com")],
     "access_keys": [{"access_key": "CAROLTEMPACCESSKEY01", "secret_key": "carol-temp-secret",
                      "security_token": "carol-sts-8b41e"}]},
    # Stores addresses in lower case, as some services normalise them.
    {"name": "dora", "token": "dora-token", "commit_email": "dora@example.com", "code_required": False,
     "lowercases_email": True},
    # May do nothing: GET answers 403.
    {"name": "erin", "token": "erin-token", "commit_email": "erin@example.com", "permissions": []},
    # Locked in IAM: a password login is refused.
    {"name": "frank", "token": "frank-token", "commit_email": "frank@example.com", "password": "frank-pw-1964",
     "locked": True},
)


class AccessKey(object):
    def __init__(self, user, access_key, secret_key, security_token=None):
        self.user = user
        self.access_key = access_key
        self.secret_key = secret_key
        self.security_token = security_token


def _now():
    return datetime.datetime.now(datetime.timezone.utc).astimezone().isoformat(timespec="milliseconds")


class User(object):
    """One account: its token, what it may do, and the user object the API returns."""

    def __init__(self, number, name, token, commit_email, permissions=("read", "write"), code_required=True,
                 lowercases_email=False, password=None, domain=DOMAIN, locked=False, extra_fields=None,
                 https_iam_auth=True, gpg_keys=(), gpg_answer_is_object=False):
        self.token = token
        self.password = password
        self.domain = domain
        self.locked = locked
        self.permissions = frozenset(permissions)
        self.code_required = code_required
        self.lowercases_email = lowercases_email
        self.https_iam_auth = https_iam_auth
        self.gpg_keys = [dict(key, id=number * 100 + index + 1) for index, key in enumerate(gpg_keys)]
        self.gpg_answer_is_object = gpg_answer_is_object
        self.public = {
            "id": 21820 + number,
            "name": name,
            "username": hashlib.sha256(name.encode("utf-8")).hexdigest()[:32],
            "state": "active",
            "created_at": "2025-03-27T14:17:11.000+08:00",
            "updated_at": "2025-05-20T15:42:31.351+08:00",
            "last_activity_on": "2025-05-17",
            "commit_email": commit_email,
            "is_default": True,
        }
        # Exactly the SDK's ShowUserEmailsResponse fields unless a test adds fields the service might add later.
        self.public.update(extra_fields or {})

    @property
    def name(self):
        return self.public["name"]

    def set_email(self, email):
        self.public["commit_email"] = email.lower() if self.lowercases_email else email
        self.public["updated_at"] = _now()


def new_code():
    return "".join(secrets.SystemRandom().choices(string.ascii_uppercase, k=6))


class Store(object):
    """Everything the emulator remembers, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.users_by_token = {}
        self.access_keys = {}  # access key id -> AccessKey
        self.iam_tokens = {}  # token issued by the emulated IAM -> User
        self.codes = {}  # (user name, email) -> the code that is still valid
        self.mailbox = {}  # email -> every code sent to it, oldest first
        self.requests = []
        self.ssh_keys = {}  # user name -> that user's keys, oldest first; a key line is unique across users
        self._last_key_id = 9000
        self.faults = FaultBook()
        for seed in SEED_USERS:
            self.add_user(seed)
        self.repositories = RepositoryStore(self)  # projects, code groups, repositories: see repository_seeds.py
        self.repositories.seed()

    def add_user(self, spec):
        spec = dict(spec)
        access_keys = spec.pop("access_keys", ())
        user = User(len(self.users_by_token), **spec)
        self.users_by_token[user.token] = user
        for key in access_keys:
            self.access_keys[key["access_key"]] = AccessKey(user, **key)
        return user

    def login(self, name, password, domain):
        """(user, None) for a good password login, else (None, reason)."""
        user = self.find_user(name)
        if user is None or user.password is None or user.password != password or user.domain != domain:
            return None, "The username or password is wrong."
        if user.locked:
            return None, "The user is locked."
        return user, None

    def issue_iam_token(self, user):
        token = "iam-" + secrets.token_hex(16)
        self.iam_tokens[token] = user
        return token

    def next_key_id(self):
        self._last_key_id += 1
        return self._last_key_id

    def find_user(self, name):
        return next((user for user in self.users_by_token.values() if user.name == name), None)

    def issue_code(self, user, email):
        code = new_code()
        self.codes[(user.name, email)] = code
        self.mailbox.setdefault(email, []).append(code)
        return code

    def preset_code(self, user, email, code):
        """Make code the valid one for this user and email, as if it had been mailed."""
        self.codes[(user.name, email)] = code

    def take_code(self, user, email, code):
        """True, and the code is spent, when code is the valid one for this user and email."""
        if code is None or self.codes.get((user.name, email)) != code:
            return False
        del self.codes[(user.name, email)]
        return True

    def snapshot_requests(self):
        return copy.deepcopy(self.requests)

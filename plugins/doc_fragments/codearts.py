# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment(object):
    """The options and attributes every huaweicloud.codearts module shares."""

    DOCUMENTATION = r"""
options:
  endpoint:
    description:
      - Base URL of the CodeArts Repo API, for example V(https://codehub-ext.cn-north-4.myhuaweicloud.com).
      - Only a scheme, a host and an optional port. A path, query, fragment, white space, or a user name or password in it
        is rejected before any request; the refusal never shows the user name or password.
      - Takes precedence over O(region). Plain V(http://) works but warns, unless it goes straight to the loopback address
        (a proxy from the environment in between warns too).
      - If not set, the value of the E(HW_CODEARTS_ENDPOINT) environment variable is used.
    type: str
  region:
    description:
      - Huawei Cloud region whose CodeArts Repo endpoint to use when O(endpoint) is not set, for example V(cn-north-4).
      - The collection knows the endpoints of the regions in the official SDK's table; for any other region set O(endpoint).
      - Only the shape of a region name is accepted (letters, digits and hyphens), wherever it comes from, because it becomes
        part of host names and of the IAM token's scope. Letter case does not matter (V(CN-North-4) is V(cn-north-4));
        surrounding white space is removed.
      - If not set, the value of the E(HW_REGION_NAME) environment variable is used.
    type: str
  token:
    description:
      - IAM user token, sent in the C(X-Auth-Token) header. Tokens expire 24 hours after they are issued.
      - This and the other values that travel in (or sign) headers, O(access_key), O(secret_key), O(security_token) and
        the IAM project id, are rejected before any request when they hold a control character (such as a line break or NUL)
        or a character outside Latin-1, or are longer than 65,536 characters. The message names the option, never the value.
      - If not set, the value of the E(HW_AUTH_TOKEN) environment variable is used.
      - The first of three ways to authenticate; see the notes for how one is chosen.
    type: str
  access_key:
    description:
      - Access key ID (AK) of an access key pair. Every request is signed with C(SDK-HMAC-SHA256), as the official SDK does.
      - If not set, the value of the E(HW_ACCESS_KEY) environment variable is used, then E(HUAWEICLOUD_SDK_AK).
      - Needs O(secret_key).
    type: str
  secret_key:
    description:
      - Secret access key (SK) of the pair named by O(access_key). Used to sign, never sent.
      - If not set, the value of the E(HW_SECRET_KEY) environment variable is used, then E(HUAWEICLOUD_SDK_SK).
    type: str
  security_token:
    description:
      - Security token of temporary access keys, sent as C(X-Security-Token) and signed.
      - If not set, the value of the E(HW_SECURITY_TOKEN) environment variable is used, then E(HUAWEICLOUD_SDK_SECURITY_TOKEN).
    type: str
  user_name:
    description:
      - IAM user name for password login. The module asks IAM for a token once per run and then uses it.
      - If not set, the value of the E(HW_USER_NAME) environment variable is used.
      - Needs O(password) and O(domain_name).
    type: str
  password:
    description:
      - Password of the IAM user O(user_name).
      - If not set, the value of the E(HW_USER_PASSWORD) environment variable is used.
    type: str
  domain_name:
    description:
      - Account (domain) name the IAM user O(user_name) belongs to.
      - If not set, the value of the E(HW_DOMAIN_NAME) environment variable is used.
    type: str
  project_name:
    description:
      - Project the IAM token is scoped to.
      - If not set, the value of the E(HW_PROJECT_NAME) environment variable is used, then O(region).
    type: str
  auth_url:
    description:
      - IAM endpoint for password login, with or without its trailing C(/v3), for example V(https://iam.cn-north-4.myhuaweicloud.com/v3).
      - A user name or password in it is rejected before any request, without showing it. Plain V(http://) warns, as for O(endpoint).
      - If not set, the value of the E(HW_AUTH_URL) environment variable is used; else it is derived from O(region)
        (V(https://iam.eu-west-101.myhuaweicloud.eu/v3) for V(eu-west-101)).
    type: str
  validate_certs:
    description:
      - Whether to check the service's TLS certificate. Setting V(false) warns, because the token could then be read in transit.
      - Prefer O(ca_path) for a service behind a private certificate authority.
    type: bool
    default: true
  ca_path:
    description:
      - Path of a PEM file of CA certificates to check the service's certificate against, instead of the default bundle.
      - When not set, the bundle named by the E(REQUESTS_CA_BUNDLE) or E(CURL_CA_BUNDLE) environment variable is used if one
        is set (a path that does not exist fails, naming the variable), else the CA bundle of the C(requests) library.
    type: path
  timeout:
    description:
      - Seconds each attempt of a request may take in all, from connecting to reading the last byte of the answer.
        An answer that arrives too slowly, or never ends, is cut off at this deadline. Retries get a new deadline each;
        the waits between them are not counted. At most 3600.
    type: float
    default: 30
  retries:
    description:
      - How many times a request is repeated after a throttling answer (HTTP 429), a 500, 502, 503 or 504, or a connection failure,
        waiting with exponential backoff and jitter, or as long as the service's C(Retry-After) header asks (up to 60 seconds).
      - A read is repeated freely. A change is repeated only when the service cannot have acted on it (the connection was never
        made, or HTTP 429), or when repeating it cannot change more (a delete). After any other failure of a change the module
        reads again to learn whether it landed, so nothing is ever created twice and a one-time code is never spent twice.
      - V(0) turns retrying off; at most V(20).
    type: int
    default: 3
  task_timeout:
    description:
      - The most seconds the whole task may take, every request, retry and wait included (O(timeout) bounds one request).
      - A task that runs out of it fails saying how far it got, and names every change that had landed before.
      - Greater than V(0), at most V(86400).
    type: float
    default: 600
requirements:
  - requests (Python library, on the host that runs the module)
notes:
  - "Three ways to authenticate: a token (O(token)); an access key pair (O(access_key) and O(secret_key)); an IAM user's
    password (O(user_name), O(password) and O(domain_name)). A way set in the task's options or C(module_defaults) wins
    over one set only in environment variables; among ways set in the same place, the token wins over the access key,
    and the access key over the password."
  - A way that is only partly set (an access key without its secret key, a user name without a password or domain) fails
    before any request, naming what is missing. A task's own option always wins over the environment variable named for it.
  - Redirects are never followed, because the credentials would travel to another address; the task fails and names the redirect.
  - Besides the credential variables named above, the only environment variables that shape connections are the proxy
    variables E(HTTPS_PROXY), E(HTTP_PROXY), E(ALL_PROXY) and E(NO_PROXY) (in either case), and E(REQUESTS_CA_BUNDLE) or
    E(CURL_CA_BUNDLE) when O(ca_path) is not set. C(~/.netrc) is never read.
  - Answers larger than 1 MiB (after decompression), or JSON nested more than 32 levels deep, are refused with a clear
    message; the service's answers are a few hundred bytes.
  - Failures return C(status), C(error_code), C(error_msg) and C(request_id) next to C(msg)
    (each V(null) when the service gave none), so a playbook can act on them. No token, key or code ever appears in them.
"""

    # The IAM project id of signed requests, as the user-settings modules name it.
    IAM_PROJECT = r"""
options:
  project_id:
    description:
      - Project ID sent as C(X-Project-Id) with signed requests, and signed. Only sent when set; the collection never looks
        it up from IAM (see the user guide for when it is needed).
      - If not set, the value of the E(HW_PROJECT_ID) environment variable is used, then E(HUAWEICLOUD_SDK_PROJECT_ID).
    type: str
"""

    # The repository a task names, for the repository-level modules; their project_id is a CodeArts project, so they
    # extend IAM_PROJECT_ID too.
    REPOSITORY = r"""
options:
  repository:
    description:
      - The repository, by its numeric id, or by its path as in its clone URL without C(.git), such as
        V(my-project/backend/api/service).
      - A path must match exactly one repository; none or several fail, naming what was found (ids). A path at a project's
        root needs O(project_id), since it is looked up in the project's list; a deeper path is looked up in the list of
        the code group it names.
      - An id costs no request to find; a path costs the listings that find it.
    type: str
    required: true
  project_id:
    description:
      - The CodeArts project to look the O(repository) path up in, by its id of 32 hexadecimal digits, as in the project's URL.
    type: str
"""

    # The IAM project id of signed requests, for a module whose own project_id is a CodeArts project.
    IAM_PROJECT_ID = r"""
options:
  iam_project_id:
    description:
      - Project ID sent as C(X-Project-Id) with signed requests, and signed. Only sent when set; the collection never looks
        it up from IAM (see the user guide for when it is needed).
      - If not set, the value of the E(HW_PROJECT_ID) environment variable is used, then E(HUAWEICLOUD_SDK_PROJECT_ID).
    type: str
"""

    ACTION_GROUP = r"""
attributes:
  action_group:
    description: Use C(group/huaweicloud.codearts.codearts) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - huaweicloud.codearts.codearts
"""

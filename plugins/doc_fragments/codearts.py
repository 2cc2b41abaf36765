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
      - Only a scheme, a host and an optional port; a path, query or user name in it is rejected before any request.
      - Takes precedence over O(region). Plain V(http://) to a host other than the loopback address works but warns.
      - If not set, the value of the E(HW_CODEARTS_ENDPOINT) environment variable is used.
    type: str
  region:
    description:
      - Huawei Cloud region whose CodeArts Repo endpoint to use when O(endpoint) is not set, for example V(cn-north-4).
      - The collection knows the endpoints of the regions in the official SDK's table; for any other region set O(endpoint).
      - If not set, the value of the E(HW_REGION_NAME) environment variable is used.
    type: str
  token:
    description:
      - IAM user token, sent in the C(X-Auth-Token) header. Tokens expire 24 hours after they are issued.
      - If not set, the value of the E(HW_AUTH_TOKEN) environment variable is used.
    type: str
  validate_certs:
    description:
      - Whether to check the service's TLS certificate. Setting V(false) warns, because the token could then be read in transit.
      - Prefer O(ca_path) for a service behind a private certificate authority.
    type: bool
    default: true
  ca_path:
    description:
      - Path of a PEM file of CA certificates to check the service's certificate against, instead of the system's.
    type: path
  timeout:
    description:
      - Seconds to wait for the service to accept the connection, and again for each answer.
    type: float
    default: 30
  retries:
    description:
      - How many times a request is repeated after a throttling answer (HTTP 429), a 500, 502, 503 or 504, or a connection failure,
        waiting with exponential backoff and jitter, or as long as the service's C(Retry-After) header asks (up to 60 seconds).
      - A change (PUT) or a request for a verification code (POST) is repeated only when the service cannot have acted on it
        (the connection was never made, or HTTP 429). After any other failure of a change the user is read again to learn
        whether it landed, so a single-use verification code is never sent twice.
      - V(0) turns retrying off.
    type: int
    default: 3
requirements:
  - requests (Python library, on the host that runs the module)
notes:
  - A task's own option always wins over the environment variable named for it.
  - Redirects are never followed, because the credentials would travel to another address; the task fails and names the redirect.
  - Failures return C(status), C(error_code), C(error_msg) and C(request_id) next to C(msg)
    (each V(null) when the service gave none), so a playbook can act on them. No token, key or code ever appears in them.
"""

    ACTION_GROUP = r"""
attributes:
  action_group:
    description: Use C(group/huaweicloud.codearts.codearts) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - huaweicloud.codearts.codearts
"""

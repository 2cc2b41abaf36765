"""emulator_control: one request to the test emulator's control API (/_emulator/...), made on the controller.

Test plumbing, never shipped in a module. It replaces ansible.builtin.uri for these calls because uri starts a
Python process on the target for every call, about 0.3 s each: a third of the integration run went there.

Options: path (under /_emulator/, required), method (GET), query (a dict), body (sent as JSON), status (the
statuses expected, default 200 or 201). Uses the play's emulator_url and emulator_ca_path. Returns json (the
parsed answer) and status; fails on any other status (redirects are not followed), or an answer that is not
JSON, with the emulator's answer in the message.
"""

import json
import ssl
import urllib.error
import urllib.parse
import urllib.request

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(("path", "method", "query", "body", "status"))

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        args = self._task.args
        if not args.get("path"):
            raise AnsibleActionFail("emulator_control needs path")
        task_vars = task_vars or {}
        if "emulator_url" not in task_vars or "emulator_ca_path" not in task_vars:
            raise AnsibleActionFail("emulator_control needs the play variables emulator_url and emulator_ca_path")
        base_url = self._templar.template(task_vars["emulator_url"])
        ca_path = self._templar.template(task_vars["emulator_ca_path"])
        url = "%s/_emulator/%s" % (base_url, args["path"])
        if args.get("query"):
            url += "?" + urllib.parse.urlencode(args["query"])
        data = None if args.get("body") is None else json.dumps(args["body"]).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=args.get("method", "GET"),
                                         headers={"Content-Type": "application/json"})
        context = ssl.create_default_context(cafile=ca_path)
        opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect())
        expected = args.get("status", [200, 201])
        expected = [int(status) for status in (expected if isinstance(expected, list) else [expected])]
        try:
            with opener.open(request, timeout=30) as answer:
                status, text = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        except (OSError, ValueError) as error:
            raise AnsibleActionFail("the emulator could not be reached at %s: %s" % (url, error))
        if status not in expected:
            raise AnsibleActionFail("the emulator answered %s to %s %s, expected %s: %s" % (
                status, request.get_method(), url, expected, text[:2000].decode("utf-8", "replace")))
        try:
            document = json.loads(text) if text else None
        except ValueError:
            raise AnsibleActionFail("the emulator's answer to %s is not JSON: %r" % (url, text[:2000]))
        result.update(changed=False, status=status, json=document)
        return result


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check, not to follow: following would turn a POST into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None

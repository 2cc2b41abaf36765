# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every CodeArts Repo call the collection makes, described once.

A call says its method and path, the statuses that mean success, the IAM action a 403 names, and what
its answer is: a JSON object, any JSON value, or nothing to read (some answers are a bare word). The
client turns a call into a request; the modules never write a method or a path.
"""

import collections

OBJECT = "a JSON object"
ANY_JSON = "any JSON value"
NOTHING = "nothing to read"

HTTPS_CLONE_PATH = "/v4/user/https-password-setting"
GPG_KEYS_PATH = "/v4/user/gpg-keys"
GET_SETTING = "codeartsrepo::getUserSetting"
UPDATE_SETTING = "codeartsrepo::updateUserSetting"


class Call(collections.namedtuple("Call", "name method path success iam_action answer")):
    """One API call. path may hold {names} filled from the arguments of CodeArtsClient.call()."""

    @property
    def repeatable(self):
        """Whether sending it twice cannot change more than sending it once (so it may be retried freely).

        A DELETE is: a second one finds the key gone. A PUT here is not: the email change spends a code.
        """
        return self.method in ("GET", "HEAD", "DELETE")


READ_USER_EMAILS = Call("read the user's email settings", "GET", "/v4/user/emails", (200,), GET_SETTING, OBJECT)
UPDATE_USER_EMAIL = Call("change the user's email", "PUT", "/v4/user/emails", (200,), UPDATE_SETTING, OBJECT)
SEND_EMAIL_VERIFY_CODE = Call("mail a verification code", "POST", "/v4/user/email-verify-code", (200, 201),
                              UPDATE_SETTING, OBJECT)
READ_HTTPS_CLONE_MODE = Call("read the HTTPS clone authentication mode", "GET", HTTPS_CLONE_PATH, (200,), GET_SETTING,
                             ANY_JSON)
UPDATE_HTTPS_CLONE_MODE = Call("change the HTTPS clone authentication mode", "PUT", HTTPS_CLONE_PATH, (200,),
                               UPDATE_SETTING, NOTHING)
LIST_GPG_KEYS = Call("list the user's GPG keys", "GET", GPG_KEYS_PATH, (200,), GET_SETTING, ANY_JSON)
LIST_SSH_KEYS = Call("list the user's SSH keys", "GET", "/v4/user/keys", (200,), GET_SETTING, OBJECT)
ADD_SSH_KEY = Call("add an SSH key", "POST", "/v4/user/keys", (201,), "codeartsrepo::createUserSSHkey", OBJECT)
# The IAM action is named on the Chinese page only.
DELETE_SSH_KEY = Call("delete an SSH key", "DELETE", "/v4/user/keys/{key_id}", (204,), UPDATE_SETTING, NOTHING)

CALLS = (READ_USER_EMAILS, UPDATE_USER_EMAIL, SEND_EMAIL_VERIFY_CODE, READ_HTTPS_CLONE_MODE, UPDATE_HTTPS_CLONE_MODE,
         LIST_GPG_KEYS, LIST_SSH_KEYS, ADD_SSH_KEY, DELETE_SSH_KEY)

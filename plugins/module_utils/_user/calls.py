# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every call the user-settings modules make (v4): method, path, the IAM action a 403 names, and the answer."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import ANY_JSON, NOTHING, Call

HTTPS_CLONE_PATH = "/v4/user/https-password-setting"
GET_SETTING = "codeartsrepo::getUserSetting"
UPDATE_SETTING = "codeartsrepo::updateUserSetting"

READ_USER_EMAILS = Call("read the user's email settings", "GET", "/v4/user/emails", GET_SETTING)
UPDATE_USER_EMAIL = Call("change the user's email", "PUT", "/v4/user/emails", UPDATE_SETTING, repeatable=False)
SEND_EMAIL_VERIFY_CODE = Call("mail a verification code", "POST", "/v4/user/email-verify-code", UPDATE_SETTING)
READ_HTTPS_CLONE_MODE = Call("read the HTTPS clone authentication mode", "GET", HTTPS_CLONE_PATH, GET_SETTING, ANY_JSON)
UPDATE_HTTPS_CLONE_MODE = Call("change the HTTPS clone authentication mode", "PUT", HTTPS_CLONE_PATH, UPDATE_SETTING,
                               NOTHING, repeatable=False)
LIST_GPG_KEYS = Call("list the user's GPG keys", "GET", "/v4/user/gpg-keys", GET_SETTING, ANY_JSON)
LIST_SSH_KEYS = Call("list the user's SSH keys", "GET", "/v4/user/keys", GET_SETTING)
ADD_SSH_KEY = Call("add an SSH key", "POST", "/v4/user/keys", "codeartsrepo::createUserSSHkey")
# The IAM action is named on the Chinese page only.
DELETE_SSH_KEY = Call("delete an SSH key", "DELETE", "/v4/user/keys/{key_id}", UPDATE_SETTING, NOTHING)

CALLS = (READ_USER_EMAILS, UPDATE_USER_EMAIL, SEND_EMAIL_VERIFY_CODE, READ_HTTPS_CLONE_MODE, UPDATE_HTTPS_CLONE_MODE,
         LIST_GPG_KEYS, LIST_SSH_KEYS, ADD_SSH_KEY, DELETE_SSH_KEY)

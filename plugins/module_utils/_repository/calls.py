# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every call the repository modules make: v1 creates and deletes (wrapped answers, the 32-character uuid), v2
reads and adds deploy keys (wrapped), v4 reads and changes rules and hooks (bare answers, the numeric id)."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._api.calls import LIST, NOTHING, OBJECT, WRAPPED, Call

READ = "codeartsrepo:repository:getRepository"
WRITE = "codeartsrepo:repository:setRepository"
MEMBERS = "codeartsrepo:repository:getMembers"
# Not named on the pages seen: the pattern the others follow.
CREATE = "codeartsrepo:repository:createRepository"
DELETE = "codeartsrepo:repository:deleteRepository"
GROUPS = "codeartsrepo:group:getGroup"

BY_ID = "/v4/repositories/{repository_id}"
RULE = BY_ID + "/protected-branch"

CREATE_REPOSITORY = Call("create a repository", "POST", "/v1/repositories", CREATE, WRAPPED)
DELETE_REPOSITORY = Call("delete a repository", "DELETE", "/v1/repositories/{uuid}", DELETE, WRAPPED)
READ_REPOSITORY_BY_UUID = Call("read a repository by its uuid", "GET", "/v2/repositories/{uuid}", READ, WRAPPED)
LIST_PROJECT_REPOSITORIES_V2 = Call("list the project's repositories (v2)", "GET", "/v2/projects/{project_id}/repositories",
                                    READ, WRAPPED)
READ_REPOSITORY = Call("read a repository", "GET", BY_ID, READ)
LIST_PROJECT_REPOSITORIES = Call("list the project's repositories", "GET", "/v4/projects/{project_id}/repositories", READ, LIST)
LIST_GROUP_REPOSITORIES = Call("list a code group's repositories", "GET", "/v4/groups/{group_id}/repositories", READ, LIST)
LIST_GROUPS = Call("list the code groups", "GET", "/v4/groups/list", GROUPS, LIST)

LIST_BRANCHES = Call("list the branches", "GET", BY_ID + "/repository/branches", READ, LIST)
LIST_MEMBERS = Call("list the repository's members", "GET", BY_ID + "/members", MEMBERS, LIST)
LIST_RULES = Call("list the protected branches", "GET", BY_ID + "/protected-branches", READ, LIST)
CREATE_RULE = Call("protect a branch", "POST", BY_ID + "/protected-branches", WRITE, LIST)
# The rule is named in the query (branch_name); its body is a bare list of actions. Sending it twice sets the same.
UPDATE_RULE = Call("change a protected branch", "PUT", RULE, WRITE, OBJECT, repeatable=True)
DELETE_RULE = Call("unprotect a branch", "DELETE", RULE, WRITE, OBJECT)

LIST_HOOKS = Call("list the webhooks", "GET", BY_ID + "/hooks", READ, LIST)
CREATE_HOOK = Call("add a webhook", "POST", BY_ID + "/hooks", WRITE)
UPDATE_HOOK = Call("change a webhook", "PUT", BY_ID + "/hooks/{hook_id}", WRITE, repeatable=True)
DELETE_HOOK = Call("delete a webhook", "DELETE", BY_ID + "/hooks/{hook_id}", WRITE, NOTHING)

ADD_DEPLOY_KEY = Call("add a deploy key", "POST", "/v2/repositories/{repository_id}/deploy-keys", WRITE, WRAPPED)
LIST_DEPLOY_KEYS = Call("list the deploy keys", "GET", BY_ID + "/deploy-keys", READ, LIST)
DELETE_DEPLOY_KEY = Call("delete a deploy key", "DELETE", BY_ID + "/deploy-keys/{key_id}", WRITE, NOTHING)

CALLS = (CREATE_REPOSITORY, DELETE_REPOSITORY, READ_REPOSITORY_BY_UUID, LIST_PROJECT_REPOSITORIES_V2, READ_REPOSITORY,
         LIST_PROJECT_REPOSITORIES, LIST_GROUP_REPOSITORIES, LIST_GROUPS, LIST_BRANCHES, LIST_MEMBERS, LIST_RULES, CREATE_RULE,
         UPDATE_RULE, DELETE_RULE, LIST_HOOKS, CREATE_HOOK, UPDATE_HOOK, DELETE_HOOK, ADD_DEPLOY_KEY, LIST_DEPLOY_KEYS,
         DELETE_DEPLOY_KEY)

# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read every page of a list, trusting neither total nor the service's filter."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils.errors import CodeArtsRequestError

PAGE_SIZE = 100
# 200 pages of 100: far more keys than any user has; a service that pages on for ever is stopped here.
MAX_PAGES = 200


def _refusal(call, summary):
    return CodeArtsRequestError(call.method, call.path, summary,
                                hint="Nothing was changed: the list could not be trusted. Run again later, or report "
                                     "this answer to Huawei Cloud support.")


def read_all_pages(client, call, items_key, page_size=PAGE_SIZE, max_pages=MAX_PAGES):
    """Every item of a paged list, in order. A short page ends it; an id seen twice or too many pages is an error.

    The answer's total is never used: whether it counts the page or the whole list is not documented.
    """
    items, seen = [], set()
    for _page in range(max_pages):
        answer = client.call(call, query={"offset": len(items), "limit": page_size})
        page = answer.get(items_key)
        if not isinstance(page, list) or not all(isinstance(item, dict) for item in page):
            raise _refusal(call, "the service answered a page without a list of %s" % items_key)
        for item in page:
            if item.get("id") in seen:
                raise _refusal(call, "the service listed the same id %s twice" % item.get("id"))
            seen.add(item.get("id"))
        items.extend(page)
        if len(page) < page_size:
            return items
    raise _refusal(call, "the service listed more than %d pages of %d" % (max_pages, page_size))

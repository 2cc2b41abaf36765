# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read every page of a list, trusting neither total nor the service's filter."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._secrets.quoting import squeeze

PAGE_SIZE = 100
# 200 pages of 100: far more keys than any user has; a service that pages on for ever is stopped here.
MAX_PAGES = 200


def _refusal(call, summary):
    return CodeArtsRequestError(call.method, call.path, summary,
                                hint="The list could not be trusted. Run again later, or report this answer to Huawei "
                                     "Cloud support.", nothing_changed=True)


def read_all_pages(client, call, items_key, keep=dict, page_size=PAGE_SIZE, max_pages=MAX_PAGES):
    """keep(item) of every item of a paged list, in order; an id seen twice or too many pages is an error.

    The list ends at an empty page, or at a short page unless the answer's total claims more items than were read
    (a service that pages by its own smaller size). The total is never trusted beyond that: a total that claims too
    few is ignored, and one that claims too many costs one empty page. Each page is reduced by keep as it is read.
    """
    items, seen = [], set()
    for _page in range(max_pages):
        answer = client.call(call, query={"offset": len(items), "limit": page_size})
        page = answer.get(items_key)
        if not isinstance(page, list) or not all(isinstance(item, dict) for item in page):
            raise _refusal(call, "the service answered a page without a list of %s" % items_key)
        if len(page) > page_size:  # what is kept stays bounded: at most max_pages pages of page_size
            raise _refusal(call, "the service answered a page of %d %s, more than the %d asked for"
                           % (len(page), items_key, page_size))
        for item in page:
            marker = repr(item.get("id"))  # any JSON value, a list included, can be an id of a hostile answer
            if marker in seen:
                raise _refusal(call, "the service listed the same id %s twice" % squeeze(marker, 40))
            seen.add(marker)
            items.append(keep(item))
        total = answer.get("total")
        claims_more = isinstance(total, int) and not isinstance(total, bool) and total > len(items)
        if not page or (len(page) < page_size and not claims_more):
            return items
    raise _refusal(call, "the service listed more than %d pages of %d" % (max_pages, page_size))

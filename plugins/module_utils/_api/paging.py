# -*- coding: utf-8 -*-
# Copyright: huaweicloud.codearts contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read every page of a list, trusting neither its total nor the service's filter."""

from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.errors import CodeArtsRequestError
from ansible_collections.huaweicloud.codearts.plugins.module_utils._core.quoting import quoted

PAGE_SIZE = 100
# 200 pages of 100: far more items than any user or repository has; a service that pages on for ever is stopped here.
MAX_PAGES = 200


class UnreadableItem(ValueError):
    """Raised by a listing's keep() for an item it cannot read safely: a field of a type the API never answers."""

    def __init__(self, field, value):
        super(UnreadableItem, self).__init__(field)
        self.field, self.value = field, value


def field_of(item, field, kind, default):
    """item[field] when it is a kind (a type, or a tuple of types), default when absent or null; else UnreadableItem.
    A field the task may send back (a PUT carries a whole webhook) must never be guessed from a value of another type."""
    value = item.get(field)
    if value is None:
        return default
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise UnreadableItem(field, value)
    return value


def _refusal(call, summary, path):
    return CodeArtsRequestError(call.method, call.path.format(**path), summary,
                                hint="The list could not be trusted. Run again later, or report this answer to Huawei "
                                     "Cloud support.", nothing_changed=True)


def _total(answer, headers):
    """The number of items the answer claims the list has: its total field, or the X-Total header of v4 lists."""
    total = answer.get("total") if isinstance(answer, dict) else headers.get("X-Total")
    if isinstance(total, str) and total.strip().isdigit():
        total = int(total.strip())
    return total if isinstance(total, int) and not isinstance(total, bool) else None


def _page_query(by_index, page, read, page_size):
    """v4 lists page by offset and limit; v2 lists by page_index (from 1) and page_size."""
    return {"page_index": page + 1, "page_size": page_size} if by_index else {"offset": read, "limit": page_size}


def read_all_pages(client, call, items_key=None, keep=dict, page_size=PAGE_SIZE, max_pages=MAX_PAGES, query=None,
                   by_index=False, id_key="id", **path):
    """keep(item) of every item of a paged list, in order; an id seen twice or too many pages is an error.

    The page is the answer itself (a v4 list is a bare JSON array), or the answer's items_key. The list ends at an
    empty page, or at a short page unless the answer's total (or X-Total) claims more items than were read (a service
    that pages by its own smaller size). The total is never trusted beyond that: a total that claims too few is
    ignored, and one that claims too many costs one empty page. Each page is reduced by keep as it is read.
    """
    items, seen = [], set()
    for page_number in range(max_pages):
        answer, headers = client.call(call, query=dict(query or {}, **_page_query(by_index, page_number, len(items), page_size)),
                                      with_headers=True, **path)
        page = answer if items_key is None else (answer.get(items_key) if isinstance(answer, dict) else None)
        if not isinstance(page, list) or not all(isinstance(item, dict) for item in page):
            raise _refusal(call, "the service answered a page without a list of %s" % (items_key or "items"), path)
        if len(page) > page_size:  # what is kept stays bounded: at most max_pages pages of page_size
            raise _refusal(call, "the service answered a page of %d %s, more than the %d asked for"
                           % (len(page), items_key or "items", page_size), path)
        for item in page:
            marker = repr(item.get(id_key))  # any JSON value, a list included, can be an id of a hostile answer
            if marker in seen:
                raise _refusal(call, "the service listed the same id %s twice" % quoted(marker, 40), path)
            seen.add(marker)
            try:
                items.append(keep(item))
            except UnreadableItem as unreadable:
                raise _refusal(call, "the service listed an item whose %s is %s, of a type it never answers"
                               % (unreadable.field, quoted(repr(unreadable.value), 40)), path) from None
        total = _total(answer, headers)
        if not page or (len(page) < page_size and not (total is not None and total > len(items))):
            return items
    raise _refusal(call, "the service listed more than %d pages of %d" % (max_pages, page_size), path)

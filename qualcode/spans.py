"""Span arithmetic over character offsets: the one place it is done.

A span is ``(start, end)`` in code points, end exclusive. Spans that overlap
*or touch* (one ends where the next starts) join into one: a passage coded in
two adjoining pieces is one passage. Document coverage, intercoder agreement
and segments all count from these functions, so their figures agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

Span = tuple[int, int]
T = TypeVar("T")


def union(spans: Iterable[Span]) -> list[Span]:
    """The spans joined where they overlap or touch, sorted by start."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def length(spans: Iterable[Span]) -> int:
    """Characters covered by the spans, overlaps counted once."""
    return sum(end - start for start, end in union(spans))


def intersection(a: Iterable[Span], b: Iterable[Span]) -> list[Span]:
    """The characters covered by both ``a`` and ``b``, as sorted disjoint spans."""
    left, right = union(a), union(b)
    result: list[Span] = []
    i = j = 0
    while i < len(left) and j < len(right):
        low, high = max(left[i][0], right[j][0]), min(left[i][1], right[j][1])
        if high > low:
            result.append((low, high))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return result


def difference(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """The stretches of ``a`` that ``b`` does not cover (both already joined by :func:`union`)."""
    result: list[Span] = []
    j = 0
    for start, end in a:
        position = start
        while j < len(b) and b[j][1] <= position:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > position:
                result.append((position, b[k][0]))
            position = max(position, b[k][1])
            k += 1
        if position < end:
            result.append((position, end))
    return result


def merge(
    items: Iterable[T], span: Callable[[T], Span], *, presorted: bool = False
) -> list[tuple[int, int, list[T]]]:
    """Group items whose spans overlap or touch: ``(start, end, members)`` by start.

    Members keep their input order; unless ``presorted``, items are first
    sorted by their span. What belongs together (one code, one document) is
    the caller's choice.
    """
    groups: list[tuple[int, int, list[T]]] = []
    group: list[T] = []
    start = end = -1
    for item in items if presorted else sorted(items, key=span):
        item_start, item_end = span(item)
        if group and item_start <= end:
            group.append(item)
            if item_end > end:
                end = item_end
            continue
        if group:
            groups.append((start, end, group))
        group = [item]
        start, end = item_start, item_end
    if group:
        groups.append((start, end, group))
    return groups

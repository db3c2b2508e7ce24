"""Span arithmetic, checked against counting characters one by one."""

import random
from itertools import pairwise

from qualcode.spans import intersection, length, merge, union


def characters(spans):
    return {i for start, end in spans for i in range(start, end)}


def random_spans(rng: random.Random, count: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        start = rng.randrange(0, 200)
        spans.append((start, start + rng.randrange(1, 30)))
    return spans


def test_overlapping_and_touching_spans_join_and_separate_ones_stay_apart():
    assert union([(10, 20), (0, 5), (15, 25), (25, 30), (40, 41)]) == [(0, 5), (10, 30), (40, 41)]


def test_overlapping_coding_is_counted_once():
    assert length([(0, 10), (5, 15), (5, 15)]) == 15
    assert length([]) == 0


def test_intersection_is_what_both_cover():
    assert intersection([(0, 10), (20, 30)], [(5, 25)]) == [(5, 10), (20, 25)]
    assert intersection([(0, 5)], [(5, 9)]) == []


def test_union_length_and_intersection_agree_with_counting_characters():
    rng = random.Random(11)
    for _ in range(300):
        a, b = random_spans(rng, rng.randrange(0, 8)), random_spans(rng, rng.randrange(0, 8))
        assert characters(union(a)) == characters(a)
        assert length(a) == len(characters(a))
        assert characters(intersection(a, b)) == characters(a) & characters(b)
        joined = union(a)
        assert all(left[1] < right[0] for left, right in pairwise(joined))


def test_merge_groups_items_that_overlap_or_touch_and_keeps_them():
    items = [("c", 12, 14), ("a", 0, 5), ("b", 5, 8), ("d", 20, 22)]
    groups = merge(items, lambda item: (item[1], item[2]))
    assert [(start, end, [name for name, *_ in members]) for start, end, members in groups] == [
        (0, 8, ["a", "b"]),
        (12, 14, ["c"]),
        (20, 22, ["d"]),
    ]

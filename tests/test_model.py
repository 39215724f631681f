"""The core data objects: the canonical order a brief's articles are put in."""

from __future__ import annotations

import random
from datetime import date

from newsbrief.model import Article, in_canonical_order


def test_the_canonical_order_is_by_date_then_outlet_then_id_with_undated_last():
    articles = [Article("b", "x", outlet="Wire", published=date(2017, 1, 2)), Article("a", "x"),
                Article("c", "x", outlet="Post", published=date(2017, 1, 2)), Article("d", "x", published=date(2017, 1, 1))]
    assert [a.id for a in in_canonical_order(articles)] == ["d", "c", "b", "a"]


def test_numbers_in_ids_are_compared_as_numbers_and_any_input_order_gives_the_same_order():
    articles = [Article(i, "x") for i in ("doc/10", "doc/2", "doc/1", "a01", "a1", "x²", "x1²")]
    orders = set()
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        orders.add(tuple(a.id for a in in_canonical_order(shuffled)))
    (order,) = orders
    assert order.index("doc/2") < order.index("doc/10")

"""Fusing dense and keyword rankings into one."""
from __future__ import annotations

DENSE_WEIGHT = 0.7  # measured in design.md §5: 0.7/0.3 min-max blend beat either side alone


def minmax(scores: dict[int, float]) -> dict[int, float]:
    """Scale scores to 0..1 so that cosine and BM25 values can be added."""
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    if hi - lo < 1e-9:
        return {k: 1.0 for k in scores}
    return {k: (v - lo) / (hi - lo) for k, v in scores.items()}


def blend(dense: dict[int, float], keyword: dict[int, float], mode: str = "hybrid",
          dense_weight: float = DENSE_WEIGHT) -> list[tuple[int, float]]:
    """Rank ids by a weighted sum of min-max scaled scores.

    mode "dense" or "keyword" uses one side only (the evaluation baselines); an id
    missing on one side counts 0 there.
    """
    if mode == "dense":
        fused = minmax(dense)
    elif mode == "keyword":
        fused = minmax(keyword)
    else:
        d, k = minmax(dense), minmax(keyword)
        fused = {i: dense_weight * d.get(i, 0.0) + (1 - dense_weight) * k.get(i, 0.0) for i in set(d) | set(k)}
    return sorted(fused.items(), key=lambda kv: -kv[1])

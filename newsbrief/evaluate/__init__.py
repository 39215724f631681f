"""Evaluation used by benchmarks/ and the quality tests (not by briefing itself).

- `rouge`: `fit_budget` (cut sentences to a word budget) and `rouge` (ROUGE-1/2/Lsum F1 x100,
  Google rouge-score with stemming; needs the `test` extra).
- `multinews`: `load_clusters`, `Cluster`, `cluster_articles`, `reference_sentences`.
- `baselines`: reference extractive systems `lead`, `tfidf_centroid_mmr`, `oracle`.
"""

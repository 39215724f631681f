"""Measurement: used by `newsbrief evaluate`, benchmarks/ and the quality tests, never by briefing.

- `rouge`: `fit_budget` (cut sentences to a word budget) and `rouge` (ROUGE-1/2/Lsum F1 x100,
  Google rouge-score with stemming; needs the `test` extra).
- `multinews`: `load_clusters`, `Cluster`, `cluster_articles`, `reference_sentences`.
- `baselines`: reference extractive systems `lead`, `tfidf_centroid_mmr`, `oracle`;
  `systems` and `compare`: every system side by side.
- `clustering`, `storydata`: BCubed and the story-labelled sets; `extraction`: the article
  extraction benchmarks' own metrics; `facts`, `disagreements`: the facts against annotations
  and hand judgments.
"""

"""Sentence embeddings for summarization and story clustering, fast on CPU and free of torch.

    from newsbrief.embed import load_embedder
    vectors = load_embedder().encode(["First sentence.", "Second one."])  # (2, 256) float32, unit rows
"""

from newsbrief.embed.static import StaticEmbedder, load_embedder

__all__ = ["StaticEmbedder", "load_embedder"]

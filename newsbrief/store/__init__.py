"""The newsroom store: articles and stories that survive restarts and crashes.

    from newsbrief.store import Store
    store = Store("sqlite:///news.db")      # or "postgresql://...", or "" for the default file
"""

from newsbrief.store.repository import (CorrectionRow, StoredArticle, Store, StoreError, StoryRow, default_db_path,
                                       resolve_url)

__all__ = ["CorrectionRow", "Store", "StoreError", "StoredArticle", "StoryRow", "default_db_path", "resolve_url"]

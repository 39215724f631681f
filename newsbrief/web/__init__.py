"""Server-rendered web pages over the store (Jinja2, autoescaped, no scripts)."""

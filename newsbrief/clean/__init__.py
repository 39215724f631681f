"""Debris cleaning: `boilerplate.debris_reason` judges a line, `article.clean_article` cleans an article."""

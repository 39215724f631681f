"""Training and dataset code: how each shipped model under `newsbrief/data/` is rebuilt from `../shared/data/`.

Nothing at run time imports this package. `python -m newsbrief.learn.summarizer` (the learned
summarizer), `.debris` (the debris-line classifier), `.stories` (the story-pair model and IDF
table), `.distill` and `.export_onnx` (the embedders); `.dataset` builds the summarizer's
training rows.
"""

"""Quotation marks: pairs, continued paragraphs, single quotes, scare quotes and titles."""

from newsbrief.facts.quotes import find_quote_spans, mask_quotes, quote_text


def quotes(text: str) -> list[str]:
    return [quote_text(text, span) for span in find_quote_spans(text)]


def test_curly_and_straight_quotes_pair_within_a_paragraph():
    text = '“There is a mass exodus of civilians,” he said. "Bodies are on the ground," said Ahmad Edrees.'
    assert quotes(text) == ["There is a mass exodus of civilians", "Bodies are on the ground"]


def test_a_quote_left_open_continues_in_the_next_paragraph_that_opens_with_a_quote_mark():
    text = ("“It is going to be a very difficult situation.\n\n"
            "“We believe there are a large number of civilian casualties,” Abdallah added.")
    assert quotes(text) == ["It is going to be a very difficult situation. We believe there are a large number of civilian casualties"]


def test_single_quotes_are_quotes_but_apostrophes_are_not():
    text = "'If it sounds too good to be true, it probably is,'' Fandal said. Neu's arrest isn't news."
    assert quotes(text) == ["If it sounds too good to be true, it probably is"]


def test_scare_quotes_and_titles_are_not_speech():
    text = 'the "human corridors" and the "White Helmets" star in "Masters of Sex," on TV'
    assert quotes(text) == []


def test_masking_blanks_the_quoted_words_and_keeps_offsets():
    text = '“We said we would stay here,” she said.'
    masked = mask_quotes(text, find_quote_spans(text))
    assert len(masked) == len(text)
    assert "said" not in masked[:30] and masked.endswith("she said.")

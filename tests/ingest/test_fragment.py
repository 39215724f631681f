"""HTML fragments (feed entries, records' HTML) -> text, one block a line."""

from newsbrief.ingest.fragment import fragment_text


def test_blocks_and_line_breaks_become_lines():
    assert fragment_text("<p>One <b>bold</b> line.</p><div>Two<br>Three</div>") == "One bold line.\nTwo\nThree"


def test_scripts_and_styles_are_dropped_but_what_follows_them_kept():
    assert fragment_text("<p>Text.</p><script>var x = 1;</script><style>p {}</style>after") == "Text.\nafter"


def test_entities_are_decoded_in_markup_and_in_plain_text():
    assert fragment_text("<p>Q&amp;A</p>") == "Q&A"
    assert fragment_text("Q&amp;A   here") == "Q&A here"


def test_blank_lines_and_runs_of_space_collapse():
    assert fragment_text("<p>  a \n  b </p>\n\n<p></p><p>c</p>") == "a\nb\nc"

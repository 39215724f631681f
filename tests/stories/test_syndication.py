

def test_a_stored_signature_comes_back_the_same_and_one_of_another_size_is_refused():
    from newsbrief.stories.syndication import minhash, signature_bytes, signature_from

    signature = minhash("Syrian government forces made significant gains in eastern Aleppo on Sunday.")
    assert (signature_from(signature_bytes(signature)).hashvalues == signature.hashvalues).all()
    assert signature_from(signature_bytes(signature)[:-8]) is None  # another NUM_PERM: shingled again

"""Quote matching forgives invisible differences but not different words."""

from explainer.anchors import Ambiguous, Match, NotFound, find_quote

TEXT = "Iraq announced on Sunday that it had signed an agreement – the latest sign of Moscow’s  “ambitious” role."


def words(found) -> str:
    assert isinstance(found, Match), found
    return TEXT[found.start : found.end]


def test_exact_quote():
    assert words(find_quote(TEXT, "signed an agreement")) == "signed an agreement"


def test_straight_quotes_dashes_and_spaces_are_forgiven():
    found = find_quote(TEXT, 'agreement - the latest sign of Moscow\'s "ambitious"')
    assert words(found) == "agreement – the latest sign of Moscow’s  “ambitious”"


def test_line_breaks_in_yaml_folded_quote():
    assert words(find_quote(TEXT, "signed\n   an   agreement")) == "signed an agreement"


def test_different_words_are_not_forgiven():
    found = find_quote(TEXT, "signed a agreement")
    assert isinstance(found, NotFound)
    assert found.nearest == "signed an agreement"
    assert "the article has 'n'" in found.diff


def test_repeated_quote_needs_prefix_or_suffix():
    text = "the sluices and the sluices"
    assert find_quote(text, "the sluices") == Ambiguous(2)
    assert find_quote(text, "the sluices", prefix="and") == Match(16, 27)
    assert find_quote(text, "the sluices", suffix="and") == Match(0, 11)
    assert find_quote(text, "the sluices", suffix="nothing") == Ambiguous(0)


def test_span_ids_of_different_owners_never_collide():
    from explainer.validate import _span_id

    first = _span_id("east", "Eastern, Western", set())
    second = _span_id("east-eastern", "Western", set())
    assert first == "q-east--eastern-western" and second == "q-east-eastern--western"
    assert _span_id("a", "Islāmic State", set()) == "q-a--islamic-state"  # letters with marks keep their base
    used: set[str] = set()
    assert [_span_id("a", "same words", used) for _ in range(3)] == ["q-a--same-words", "q-a--same-words-2", "q-a--same-words-3"]

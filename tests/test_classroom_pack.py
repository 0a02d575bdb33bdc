"""What the classroom pages compute: the matching exercise's order and its clue-free definitions."""

from __future__ import annotations

from explainer import classroom, model


def test_matching_order_is_stable_and_puts_no_definition_beside_its_word():
    ids = [f"term-{n}" for n in range(9)]
    order = classroom.matching("an-article", ids)
    assert sorted(order) == list(range(9)) and order == classroom.matching("an-article", ids)
    assert all(row != i for row, i in enumerate(order))
    assert classroom.matching("another-article", ids) != order  # shuffled per article, not one fixed order
    for n in range(3, 12):
        assert all(row != i for row, i in enumerate(classroom.matching("x", [f"t{k}" for k in range(n)]))), n
    assert classroom.matching("x", ["only"]) == [0] and classroom.matching("x", []) == []


def test_definitions_do_not_name_their_own_word():
    term = model.Term(id="czar", term="czar", short='Once a title. In US news, an official in charge of one issue, like the "ISIS czar".',
                      definition="A nickname.")
    assert classroom.clue_free(term) == 'Once a title. In US news, an official in charge of one issue, like the "ISIS …".'
    plural = model.Term(id="sluice", term="sluice", case="insensitive", plurals=["sluices"],
                        short="Sluices are gates; a **sluice** controls water.", definition="A gate.")
    assert classroom.clue_free(plural) == "… are gates; a … controls water."

"""Definite nouns and pronouns over a chain of sentences, and plants named in another
clause, on sentences written for these tests (the firms are invented).

- A sentence whose subject is a pronoun or a definite noun takes up a firm; the next
  definite noun takes up that firm too, not a customer named after it.
- A definite noun with its complements, then a name in apposition ("Le seul fabricant
  russe de cellules en activité, X, produit ...") describes that name: it takes up no
  firm of an earlier sentence.
- "It builds its cars from kits that Y ships from its plant in Z": the plant belongs to
  the relative clause's own subject, even when that name is not linked.
- A town in a locative phrase ("X, à Freiberg, la filiale de Y") takes no firm's
  descriptor from the apposition after it.
- A role's phrase opening the sentence ("Filiale du holding X, l'entreprise ...") leaves
  its noun the subject, which takes up the firm of the sentence before.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import read_relations


def test_a_definite_noun_takes_up_the_firm_a_pronoun_took_up() -> None:
    found = relations(
        "Les Bobinages de la Risle ont perdu leur premier client en 2022. "
        "Elle livrait jusque-là des stators au groupe Varkon Motors, à Nijni Novgorod. "
        "L'entreprise produit aujourd'hui à Pont-Audemer des bobinages pour autobus.",
        "fr",
    )
    assert not {r for r in found if r[0] == "Varkon Motors" and r[2] == "production"}, found


def test_a_noun_in_apposition_to_a_later_name_takes_up_nothing() -> None:
    found = relations(
        "Renera Quellon, la filiale batteries du groupe Tverskoy, a achevé son usine. "
        "Le seul fabricant russe de cellules en activité, Liotex SAS, produit à Novossibirsk "
        "des cellules qui équipent les autobus de Varkon. "
        "L'entreprise, contrôlée par Rusnano, a compté un groupe chinois parmi ses actionnaires.",
        "fr",
    )
    assert ("Liotex SAS", "Novossibirsk", "production") in found, found
    assert ("Renera Quellon", "Novossibirsk", "production") not in found, found
    assert ("Rusnano", "Renera Quellon", "ownership") not in found, found


def test_a_plant_in_a_relative_clause_is_not_the_subjects() -> None:
    found = relations(
        "Nevsky Avtozavod LLC is a carmaker in St Petersburg. It builds its cars from kits "
        "that Xingchi ships by rail from its plant in Baoji, in China's Shaanxi province.",
        "en",
    )
    assert ("Nevsky Avtozavod LLC", "Baoji", "production") not in found, found
    # a relative clause that closes before the verb leaves the subject its production
    found = relations(
        "Volga Dongsheng Electric LLC, in which SGZ holds 51% and Dongsheng 49%, has "
        "assembled Sura electric buses at Novoulyanovsk since January.",
        "en",
    )
    assert ("Volga Dongsheng Electric LLC", "Novoulyanovsk", "production") in found, found


def test_a_town_in_a_locative_phrase_is_no_subsidiary() -> None:
    found = relations(
        "La société prévoit de livrer à partir de l'été Elbtal Batteriesysteme, à Freiberg, "
        "la filiale allemande de Jiangsu Ruidian New Energy.",
        "fr",
    )
    assert not {r for r in found if r[1] == "Freiberg" and r[2] == "ownership"}, found


def test_a_role_phrase_opening_the_sentence_leaves_its_noun_the_subject() -> None:
    # "Filiale du holding X, l'entreprise ...": the holding owns the firm taken up, and
    # receives nothing.
    found = read_relations(
        "Margilan Power Systems LLC est un assembleur de packs ouzbek. Filiale de "
        "l'association d'État Tashkent Elektr Holding JSC, la société assemble à Marguilan "
        "des packs de batteries à partir de cellules fournies par le chinois Hunan Lianxin "
        "Materials Co., Ltd.",
        "fr",
    )
    assert ("Tashkent Elektr Holding JSC", "Margilan Power Systems LLC", "ownership") in found, (
        found
    )
    assert not {r for r in found if r[1] == "Tashkent Elektr Holding JSC"}, found
    assert ("Tashkent Elektr Holding JSC", "Marguilan", "production") not in found, found

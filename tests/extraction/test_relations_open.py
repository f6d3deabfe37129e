"""Relation rules added for open-world folders, on sentences written for these tests.

Firms named here are invented ("Varkon Industries", "Quellon Motors") or well known; the
sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import folder_relations as table_relations
from tests.fixtures.extraction_shared import folder_rule_relations, tables_for


def check_relations(text: str, lang: str, wanted: set, unwanted: set) -> None:
    """Every ``wanted`` relation is found in ``text``, and none of ``unwanted``."""
    found = relations(text, lang)
    assert wanted <= found, found
    assert not unwanted & found, found


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # A short name defined with a clipped word ("Auto" of "Automobile") is the firm,
        # not a longer name that opens with it (a press release's media-contacts unit).
        (
            'Zhejiang Varkon Automobile Co., Ltd. ("Varkon Auto" or "the Company") today '
            "announced its results. Varkon Auto owns 51% of Quellon Motors LLP.\n\n"
            "Media Contacts\n\nVarkon Auto Global Communications\nCora Zhang\n",
            "en",
            {("Zhejiang Varkon Automobile Co., Ltd.", "Quellon Motors LLP", "ownership")},
            {("Varkon Auto Global Communications", "Quellon Motors LLP", "ownership")},
        ),
        # A dateline's town is where the story was filed: no production there.
        (
            "TAIZHOU, China, June 3, 2026 /PRNewswire/ -- Quellon Motors LLP, a joint "
            "venture in Almaty, started production of vans from kits supplied by Varkon "
            "Industries.",
            "en",
            {("Varkon Industries", "Quellon Motors LLP", "supply")},
            {("Quellon Motors LLP", "TAIZHOU", "production")},
        ),
        # A sentence opening with a firm's name in capitals is no dateline.
        (
            "BYD, which sold 3 million cars in 2023 - more than Tesla - builds cars in Hungary.",
            "en",
            {("BYD", "Hungary", "production")},
            {("Tesla", "Hungary", "production")},
        ),
        # A condition governs its clause, not one after a clause break; a relative clause
        # inside the condition does not free the main clause.
        (
            "If approved, the deal would close in May; Varkon Industries already owns 20% of "
            "Quellon Motors.",
            "en",
            {("Varkon Industries", "Quellon Motors", "ownership")},
            set(),
        ),
        (
            "If the deal, which was announced in May, closes, Varkon Industries would own "
            "Quellon Motors.",
            "en",
            set(),
            {("Varkon Industries", "Quellon Motors", "ownership")},
        ),
        # Only a negated finding takes its "that" clause out, and not past a clause break.
        (
            "It is not surprising that Varkon Industries bought Quellon Motors.",
            "en",
            {("Varkon Industries", "Quellon Motors", "acquisition")},
            set(),
        ),
        (
            "Brisault Énergie did not confirm that talks had started, but Quellon Motors buys "
            "cells from Varkon Industries.",
            "en",
            {("Varkon Industries", "Quellon Motors", "supply")},
            set(),
        ),
        # A firm's legal form is no partnership.
        (
            "Brisault Lindqvist LLP is a limited liability partnership registered in "
            "England and regulated by the Solicitors Regulation Authority.",
            "en",
            set(),
            {("Brisault Lindqvist LLP", "Solicitors Regulation Authority", "partnership")},
        ),
        # A relation that ended: "until" with a year inside a word, opening the sentence.
        (
            "Until mid-2024 Quellon Motors also bought anode from Varkon Industries; that "
            "contract was not renewed.",
            "en",
            set(),
            {("Varkon Industries", "Quellon Motors", "supply")},
        ),
        # The "that" clause of a negated finding states nothing.
        (
            "The Court is not satisfied that Varkon Industries supplied any kits to "
            "Quellon Motors.",
            "en",
            set(),
            {("Varkon Industries", "Quellon Motors", "supply")},
        ),
        (
            "Il n'est pas établi que Varkon Industries ait fourni des kits à Quellon Motors.",
            "fr",
            set(),
            {("Varkon Industries", "Quellon Motors", "supply")},
        ),
        # ... but a denied dispute or doubt affirms it.
        (
            "Il n'est pas contesté que Varkon Industries détient 40 % de Quellon Motors.",
            "fr",
            {("Varkon Industries", "Quellon Motors", "ownership")},
            set(),
        ),
        (
            "There is no doubt that Varkon Industries supplies cells to Quellon Motors.",
            "en",
            {("Varkon Industries", "Quellon Motors", "supply")},
            set(),
        ),
        # A plant sold: the buyer acquires it, the seller produces nothing there.
        (
            "Le groupe Renault a vendu son usine de Kalouga au distributeur Varkon Industries.",
            "fr",
            {("Varkon Industries", "Kaluga", "acquisition")},
            {("Renault", "Kaluga", "production")},
        ),
        # A stake sold: no ownership by the seller; the buyer acquires what was sold.
        (
            "Renault sold its 68% stake in AvtoVAZ to the state institute NAMI last year.",
            "en",
            {("NAMI", "AvtoVAZ", "acquisition")},
            {("Renault", "AvtoVAZ", "ownership")},
        ),
        # A passive with an adverb: the agent after "by" acquires the sentence's first actor.
        (
            "The Kaluga plant was taken over quickly by Quellon Motors.",
            "en",
            {("Quellon Motors", "Kaluga", "acquisition")},
            set(),
        ),
        # A former plant's owner is no producer there.
        (
            "L'ancienne usine Hyundai de Saint-Pétersbourg produit désormais des voitures "
            "chinoises pour Varkon Industries.",
            "fr",
            set(),
            {("Hyundai", "Saint Petersburg", "production")},
        ),
        # Clauses joined by "while" are apart: the first firm is not made in the second place.
        (
            "Quellon Motors assembles Chery models in Kostanay, while Varkon Industries builds "
            "Kia cars in Almaty.",
            "en",
            {("Varkon Industries", "Almaty", "production")},
            {("Chery", "Almaty", "production"), ("Quellon Motors", "Almaty", "production")},
        ),
        # An apposition is out of reach: Rosatom does not build the plant.
        (
            "Renera, the battery arm of Rosatom, assembles cells at its gigafactory in "
            "Kaliningrad.",
            "en",
            {("Renera", "Kaliningrad", "production")},
            {("Rosatom", "Kaliningrad", "production")},
        ),
        # A relative clause's agent is its antecedent, not the sentence's first firm.
        (
            "Changan discute avec Avtotor, à Kaliningrad, qui produit déjà des BAIC à partir "
            "de kits.",
            "fr",
            {("BAIC", "Avtotor", "supply")},
            {("BAIC", "Changan", "supply")},
        ),
        # A source of the statement is no party to it.
        (
            "According to estimates by Autostat, many cars were assembled in Belarus.",
            "en",
            set(),
            {("Autostat", "Belarus", "production")},
        ),
        # The plant's owner after the noun produces there.
        (
            "Une usine Hyundai en Chine pourrait servir à Xiaomi.",
            "fr",
            {("Hyundai", "China", "production")},
            set(),
        ),
        # A country adjective is no agent of a supply relation.
        (
            "Les importateurs chinois ont coupé leurs livraisons à Varkon Industries.",
            "fr",
            set(),
            {("China", "Varkon Industries", "supply")},
        ),
        # A joint venture belongs to its parents.
        (
            "Varkon Industries, a joint venture of Geely and Quellon Motors, assembles cars "
            "in Minsk.",
            "en",
            {("Geely", "Varkon Industries", "ownership")},
            set(),
        ),
        # A memorandum between two firms is a partnership.
        (
            "Un mémorandum d'entente entre Varkon Industries et Changan a été signé.",
            "fr",
            {("Varkon Industries", "Changan", "partnership")},
            set(),
        ),
        # A relative clause after a preposition is out of reach ("in which").
        (
            "Kamaz, in which Rostec holds a stake, has delivered buses to Varkon Industries.",
            "en",
            {("Kamaz", "Varkon Industries", "supply")},
            {("Rostec", "Varkon Industries", "supply")},
        ),
    ],
)
def test_open_world_relation_rules(text, lang, wanted, unwanted) -> None:
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # A copula opens an apposition too; a joint venture's owners are partners.
        (
            "Varkon Auto is Quellon Group's wholly owned subsidiary.",
            "en",
            {("Quellon Group", "Varkon Auto", "ownership")},
            set(),
        ),
        (
            "Quellon Batteries, a joint venture of Varkon Auto and Tessan Energy, makes cells "
            "in Pavlodar.",
            "en",
            {
                ("Varkon Auto", "Quellon Batteries", "ownership"),
                ("Tessan Energy", "Quellon Batteries", "ownership"),
                ("Varkon Auto", "Tessan Energy", "partnership"),
            },
            set(),
        ),
        (
            "Varkon Auto is the largest carmaker in the region, and Quellon Group is its rival.",
            "en",
            set(),
            {
                ("Quellon Group", "Varkon Auto", "ownership"),
                ("Varkon Auto", "Quellon Group", "ownership"),
            },
        ),
        # A venture's owners named after a description each ("of the Korean cathode maker
        # Y and the Kazakh state holding Z"), in English and French.
        (
            "Varkon Cathode, a joint venture of the Korean cathode maker Quellon Materials and "
            "the Kazakh state holding Samruk-Kazyna, opened a plant in Pavlodar.",
            "en",
            {
                ("Quellon Materials", "Varkon Cathode", "ownership"),
                ("Samruk-Kazyna", "Varkon Cathode", "ownership"),
            },
            set(),
        ),
        pytest.param(
            "Varkon Cathode, coentreprise du fabricant coréen de cathodes Quellon Materials et "
            "du fonds public kazakh Samruk-Kazyna, a ouvert une usine à Pavlodar.",
            "fr",
            {
                ("Quellon Materials", "Varkon Cathode", "ownership"),
                ("Samruk-Kazyna", "Varkon Cathode", "ownership"),
            },
            set(),
            # (the French NER tags 'Quellon Materials' as a person; "Materials", a word of
            # firms' names, types it as a firm)
        ),
        (
            "Varkon Cathode, coentreprise du groupe coréen Quellon Materials et du fonds "
            "public kazakh Samruk-Kazyna, a ouvert une usine à Pavlodar.",
            "fr",
            {
                ("Quellon Materials", "Varkon Cathode", "ownership"),
                ("Samruk-Kazyna", "Varkon Cathode", "ownership"),
            },
            set(),
        ),
        # Appositions state ownership for known actors too, with adjectives in between.
        (
            "Zeekr, la marque électrique haut de gamme de Geely, ouvre un salon à Moscou.",
            "fr",
            {("Geely", "Zeekr", "ownership")},
            set(),
        ),
        (
            "Jetour, Chery's fast-growing off-road brand, doubled its sales.",
            "en",
            {("Chery", "Jetour", "ownership")},
            set(),
        ),
        (
            "Varkon Industries, the maker of Lada, cut its working week.",
            "en",
            {("Varkon Industries", "Lada", "ownership")},
            set(),
        ),
        # An apposition is out of reach of the verb: the brand produces, not its parent.
        (
            "Haval, filiale de Great Wall Motor, possède sa propre usine en Russie.",
            "fr",
            {("Great Wall Motor", "Haval", "ownership"), ("Haval", "Russia", "production")},
            {("Great Wall Motor", "Russia", "production")},
        ),
        # A joint venture between two firms is owned by both.
        (
            "Quellon Motors, a joint venture between Nornickel and Rosatom, opened an office.",
            "en",
            {
                ("Nornickel", "Quellon Motors", "ownership"),
                ("Rosatom", "Quellon Motors", "ownership"),
            },
            set(),
        ),
        # A venture named with a possessive, a partner after "with"/"avec", its parents
        # before the head, or an abbreviation in brackets: the partners own it, and the
        # venture is no partner of its own parent.
        (
            "Brantell Cells, our exploration joint venture with Varkon Industries, is "
            "drilling near Pavlodar.",
            "en",
            {("Varkon Industries", "Brantell Cells", "ownership")},
            {
                ("Brantell Cells", "Varkon Industries", "partnership"),
                ("Varkon Industries", "Brantell Cells", "partnership"),
            },
        ),
        (
            "Brantell Cells, la coentreprise de Quellon Motors avec Varkon Industries, "
            "assemble des batteries à Pavlodar.",
            "fr",
            {("Varkon Industries", "Brantell Cells", "ownership")},
            {
                ("Brantell Cells", "Varkon Industries", "partnership"),
                ("Varkon Industries", "Brantell Cells", "partnership"),
            },
        ),
        (
            "Brantell Lithium, the Nornickel–Rosatom joint venture, is developing a "
            "deposit near Murmansk.",
            "en",
            {
                ("Nornickel", "Brantell Lithium", "ownership"),
                ("Rosatom", "Brantell Lithium", "ownership"),
            },
            {
                ("Brantell Lithium", "Nornickel", "partnership"),
                ("Nornickel", "Brantell Lithium", "partnership"),
            },
        ),
        (
            "Quellon Motors said Brantell Cells (BCS), its joint venture with Varkon "
            "Industries, had started production.",
            "en",
            {("Varkon Industries", "Brantell Cells", "ownership")},
            {("Brantell Cells", "Varkon Industries", "partnership")},
        ),
        # ... but a venture agreement signed by two firms makes them partners only.
        (
            "Quellon Motors signed a joint venture agreement with Varkon Industries in May.",
            "en",
            {("Quellon Motors", "Varkon Industries", "partnership")},
            {("Varkon Industries", "Quellon Motors", "ownership")},
        ),
        # Passive owners with shares in between, each of them.
        (
            "Quellon Motors, owned 60% by Nornickel and 40% by Varkon Industries, builds vans.",
            "en",
            {
                ("Nornickel", "Quellon Motors", "ownership"),
                ("Varkon Industries", "Quellon Motors", "ownership"),
            },
            set(),
        ),
        # "state-owned" is no passive cue.
        (
            "The state-owned Varkon Industries signed a deal with Chery.",
            "en",
            set(),
            {("Chery", "Varkon Industries", "ownership")},
        ),
        # "dont"/"in which" clauses name the antecedent's owner.
        (
            "Quellon Motors, dont l'allemand Volkswagen détient 30 %, construit une usine "
            "à Tachkent.",
            "fr",
            {("Volkswagen", "Quellon Motors", "ownership")},
            set(),
        ),
        (
            "Kamaz, in which Rostec holds a stake, has delivered buses to Varkon Industries.",
            "en",
            {("Rostec", "Kamaz", "ownership")},
            set(),
        ),
        # The seller of a plant leaves the plant's country.
        (
            "L'américain Ford a vendu l'an dernier son usine de Kalouga au groupe "
            "Varkon Industries.",
            "fr",
            {("Ford", "Russia", "exit"), ("Varkon Industries", "Kaluga", "acquisition")},
            set(),
        ),
        # A firm assembling another maker's brand is supplied by it; not its own brand.
        (
            "Quellon Motors assembles Kia and Chery models in Almaty.",
            "en",
            {("Kia", "Quellon Motors", "supply"), ("Chery", "Quellon Motors", "supply")},
            set(),
        ),
        # "its own brand": owned, not supplied.
        (
            "Varkon Industries produit ses Geely à Tachkent depuis 2019.",
            "fr",
            {("Varkon Industries", "Geely", "ownership")},
            {("Geely", "Varkon Industries", "supply")},
        ),
        (
            "AvtoVAZ produit des Lada à Togliatti.",
            "fr",
            {("AvtoVAZ", "Togliatti", "production")},
            {("Lada", "AvtoVAZ", "supply")},
        ),
        # Partnering "with X and Y": the subject with each, not X with Y.
        (
            "Varkon Industries is partnering with CATL and EVE Energy.",
            "en",
            {
                ("Varkon Industries", "CATL", "partnership"),
                ("Varkon Industries", "EVE Energy", "partnership"),
            },
            {("CATL", "EVE Energy", "partnership")},
        ),
        # A negated cue states no relation.
        (
            "Quellon Motors said it had no plans to invest in Kazakhstan.",
            "en",
            set(),
            {("Quellon Motors", "Kazakhstan", "investment")},
        ),
        (
            "Varkon Industries n'a pas investi en Ouzbékistan.",
            "fr",
            set(),
            {("Varkon Industries", "Uzbekistan", "investment")},
        ),
        # Countries named as a complement are not the subject; "de X, de Y et de Z".
        # The model may not set a licence's brands aside (relation_model.vetoable): the
        # one of 117 folders did, after the clause naming two countries.
        (
            "À Tachkent, ville coincée entre le Kazakhstan et le Kirghizistan, Varkon "
            "Industries assemble des voitures sous licence de Chery, de Geely et de FAW.",
            "fr",
            {
                ("Chery", "Varkon Industries", "supply"),
                ("Geely", "Varkon Industries", "supply"),
                ("FAW", "Varkon Industries", "supply"),
            },
            {("Chery", "Kyrgyzstan", "supply"), ("Chery", "Kazakhstan", "supply")},
        ),
        # A condition governs its main clause, not a relative clause after a comma.
        (
            "If the merger goes ahead, Varkon Industries would become the largest "
            "shareholder of Quellon Motors, which runs a cell plant in Karaganda.",
            "en",
            {("Quellon Motors", "Karaganda", "production")},
            {("Varkon Industries", "Quellon Motors", "ownership")},
        ),
        # "kits shipped from X": X supplies, the assembler does not supply X (and a
        # country named there is an origin: test_relation_agreements_and_origins).
        (
            "Quellon Motors builds vans from kits shipped from Varkon Industries.",
            "en",
            {("Varkon Industries", "Quellon Motors", "supply")},
            {("Quellon Motors", "Varkon Industries", "supply")},
        ),
        # A firm leaves a country: the nearest place whose country is known.
        (
            "Pour Madrid, c'est une chance pour l'emploi en Catalogne, après le départ de "
            "Quellon Motors d'Espagne.",
            "fr",
            {("Quellon Motors", "Spain", "exit")},
            set(),
        ),
        # A possessive owner's plant changes hands, not the owner.
        (
            "Hyundai's plant in Tashkent was bought by Varkon Industries last year.",
            "en",
            {("Varkon Industries", "Tashkent", "acquisition")},
            {("Varkon Industries", "Hyundai", "acquisition")},
        ),
        # Buying from a supplier is supply.
        (
            "Quellon Motors buys gearboxes from Chinese suppliers such as Weichai.",
            "en",
            {("Weichai", "Quellon Motors", "supply")},
            {("Quellon Motors", "Weichai", "acquisition")},
        ),
        # "que détiennent Y et Z": inverted subjects own the antecedent.
        (
            "Quellon Motors, la coentreprise que détiennent à 60 % Varkon Industries et à "
            "40 % Geely, investit à Minsk.",
            "fr",
            {
                ("Varkon Industries", "Quellon Motors", "ownership"),
                ("Geely", "Quellon Motors", "ownership"),
            },
            set(),
        ),
        # "passée sous le contrôle de Y": Y owns it.
        (
            "Varkon Industries est passée sous le contrôle de Rostec en 2024.",
            "fr",
            {("Rostec", "Varkon Industries", "ownership")},
            {("Varkon Industries", "Rostec", "ownership")},
        ),
        # A plant only agreed on or hoped for is no production.
        (
            "The ministry signed a memorandum with Quellon Motors on a possible assembly "
            "plant near Tashkent.",
            "en",
            set(),
            {("Quellon Motors", "Tashkent", "production")},
        ),
        # "X et sa marque A, B, C": only the brand right after the cue is X's.
        (
            "Les constructeurs chinois (Varkon Industries et sa marque Quellon Motors, FAW, "
            "Dongfeng) dominent.",
            "fr",
            {("Varkon Industries", "Quellon Motors", "ownership")},
            {("Varkon Industries", "FAW", "ownership")},
        ),
        # A place said by another participle is not where the cue's production is.
        (
            "À Tachkent, Varkon Industries a lancé la production de cellules sur des lignes "
            "achetées en Chine.",
            "fr",
            {("Varkon Industries", "Tashkent", "production")},
            {("Varkon Industries", "China", "production")},
        ),
        # "Chinese partner: X and Y" names the partners of someone else.
        (
            "Chinese partner: Chery and JAC (SKD kits).",
            "en",
            set(),
            {("Chery", "JAC", "partnership")},
        ),
        # A city is no producer ("north-east of Minsk").
        (
            "Its plant in Borisov, about 70 km north-east of Minsk, assembled 40,000 cars.",
            "en",
            set(),
            {("Minsk", "Borisov", "production")},
        ),
        # A new clause after ", and" is not coordinated with the object before it.
        (
            "Varkon Holding controls nickel assets through Nornickel, and Kazakhstan is "
            "exploring lithium.",
            "en",
            {("Varkon Holding", "Nornickel", "ownership")},
            {("Varkon Holding", "Kazakhstan", "ownership")},
        ),
    ],
)
def test_apposition_passive_and_assembly_rules(text, lang, wanted, unwanted) -> None:
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("row", "wanted"),
    [
        (
            "| Brand | Group | Units |\n|---|---|---:|\n| Exeed | Chery | 28,600 |",
            ("Chery", "Exeed", "ownership"),
        ),
        (
            "| Marque | Usine | Ventes |\n|---|---|---:|\n| Haval | Toula | 1 000 |",
            ("Haval", "Tula", "production"),
        ),
        (
            "| Assembler | Chinese partner | Contribution |\n|---|---|---|\n"
            "| Varkon Industries | Chery | SKD kits |",
            ("Chery", "Varkon Industries", "supply"),
        ),
        (
            "| Project | Chinese partner |\n|---|---|\n"
            "| Varkon Industries | Shanshan (joint venture, 49%) |",
            ("Shanshan", "Varkon Industries", "ownership"),
        ),
        (
            "| Project | Chinese partner |\n|---|---|\n"
            "| Varkon Industries | CATL — supplier of cells |",
            ("CATL", "Varkon Industries", "supply"),
        ),
    ],
)
def test_table_column_headers_state_relations(row, wanted, tmp_path) -> None:
    lang = "fr" if "Marque" in row else "en"
    intro = "Ventes par marque en 2025." if lang == "fr" else "Sales by brand in 2025."
    assert wanted in folder_rule_relations(tmp_path, f"# {intro}\n\n{intro}\n\n{row}\n"), wanted


def test_a_row_named_by_its_plant_takes_its_owner_as_subject(tmp_path) -> None:
    """ "Tashkent plant — owner : X ; partner : Y": X produces in Tashkent and partners Y;
    "Nickel — producer : X ; main buyer : Y": X supplies Y."""
    table = (
        "| Plant | Owner | Partner |\n|---|---|---|\n"
        "| Tashkent plant | Varkon Industries | Chery |\n"
    )
    minerals = (
        "| Metal | Producer | Main buyer |\n|---|---|---|\n| Nickel | Quellon Motors | CATL |\n"
    )
    # (the rules' reading: the model of 153 folders sets the invented nickel row aside,
    # below)
    found = folder_rule_relations(
        tmp_path, f"# Plants\n\nPlants in 2025.\n\n{table}\nMetals.\n\n{minerals}"
    )
    assert {
        ("Varkon Industries", "Tashkent", "production"),
        ("Varkon Industries", "Chery", "partnership"),
        ("Quellon Motors", "CATL", "supply"),
    } <= found, found


# (the model retrained on 153 folders set this row aside, 0.818 at a veto of 0.8: a
# carmaker named as a nickel producer; the models of 121 to 149 and of 161 keep it)
def test_a_producer_row_s_supply_survives_the_model(tmp_path) -> None:
    minerals = (
        "| Metal | Producer | Main buyer |\n|---|---|---|\n| Nickel | Quellon Motors | CATL |\n"
    )
    found = table_relations(tmp_path, f"# Metals\n\nMetals in 2025.\n\n{minerals}")
    assert ("Quellon Motors", "CATL", "supply") in found, found


@pytest.mark.parametrize(
    "row",
    [
        "| Assembler | Brands assembled | Capacity |\n|---|---|---:|\n"
        "| Varkon Industries | Kia | 10,000 |",
        "| Plant | Operator | Chinese brands assembled |\n|---|---|---|\n"
        "| Almaty plant | Varkon Industries | Kia |",
        "| Usine | Exploitant | Marques assemblées |\n|---|---|---|\n"
        "| Almaty | Varkon Industries | Kia |",
    ],
)
def test_a_column_of_brands_assembled_names_no_supplier_and_no_owner(row, tmp_path) -> None:
    """A plant assembling a brand says nothing of who ships its kits, and the brand is
    not the assembler's ("brands assembled" is not the owner's "brands" column)."""
    found = table_relations(tmp_path, f"# Assemblers\n\nAssemblers in 2025.\n\n{row}\n")
    assert not {r for r in found if "Kia" in r[:2]}, found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Quellon Motors plans to build a plant in Almaty."),
        ("en", "Quellon Motors could supply cells to Varkon Industries."),
        ("en", "Varkon Industries is expected to acquire Quellon Motors."),
        ("fr", "Quellon Motors pourrait fournir des cellules à Varkon Industries."),
        ("fr", "Quellon Motors construira une usine à Almaty."),
        ("fr", "Varkon Industries envisage de racheter Quellon Motors."),
        ("fr", "La Chine veut produire des voitures électriques au Kazakhstan."),
        ("en", "BYD will open a factory in Hungary next year."),
        ("fr", "Une initiative chinoise vise une production sur le sol kazakh."),
        # Opportunities evaluated or explored are no plant yet.
        ("en", "Varkon Industries is also evaluating opportunities for local assembly in Almaty."),
        ("fr", "Varkon Industries explore un assemblage local à Almaty."),
        # A sentence opening with a condition and speaking through a modal: the modal
        # governs its complements too.
        (
            "en",
            "If completed, the deal would make Varkon Industries the first Chinese carmaker "
            "to control a car plant in Almaty.",
        ),
        (
            "en",
            "Unless regulators object, the agreement will give Quellon Motors a plant in "
            "Almaty and kits from Varkon Industries.",
        ),
        ("en", "If approved, the deal would make Varkon Industries the owner of Quellon Motors."),
        ("en", "If the board agrees, Varkon Industries will buy Quellon Motors in March."),
        ("en", "Should the talks succeed, Quellon Motors would supply cells to Varkon Industries."),
        ("fr", "La Chine propose de localiser la production de voitures au Kazakhstan."),
    ],
)
def test_plans_and_possibilities_are_no_stated_relations(lang, sentence) -> None:
    """A cue governed by a plan, a modal or a French conditional or future is no fact."""
    rel = tables_for({"t": (sentence, lang)}).relations
    assert rel.empty, rel.to_string()


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted"),
    [
        ("fr", "Quellon Motors collabore avec Varkon Industries.", "partnership"),
        ("en", "Quellon Motors supplies cells to Varkon Industries.", "supply"),
        ("fr", "Varkon Industries a racheté Quellon Motors.", "acquisition"),
        # A condition without a modal, or a French "si" of contrast: stated.
        ("en", "If anything, Quellon Motors now supplies cells to Varkon Industries.", "supply"),
        (
            "fr",
            "Si Brisault Énergie a quitté le projet, Varkon Industries a racheté Quellon Motors.",
            "acquisition",
        ),
    ],
)
def test_stated_relations_in_the_present_or_past_stay(lang, sentence, wanted) -> None:
    """ "collabore" is a present the tagger may call a future: its ending says otherwise."""
    rel = tables_for({"t": (sentence, lang)}).relations
    assert wanted in set(rel["relation"]), rel.to_string()


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        (
            "en",
            "Quellon Motors, whose Varkon Industries subsidiary refines nickel, grew.",
            ("Quellon Motors", "Varkon Industries", "ownership"),
            ("Varkon Industries", "Quellon Motors", "ownership"),
        ),
        (
            "fr",
            "Contrôlé par le fonds Varkon Industries, Quellon Motors utilise une "
            "plateforme fournie sous licence par le chinois Dongfeng.",
            ("Dongfeng Motor", "Quellon Motors", "supply"),
            ("Dongfeng Motor", "Varkon Industries", "supply"),
        ),
        (
            "en",
            "Quellon Motors supplies cells to Varkon Industries, the bus maker that builds "
            "the trolleybuses of Kamaz.",
            ("Quellon Motors", "Varkon Industries", "supply"),
            ("Varkon Industries", "Kamaz", "ownership"),
        ),
    ],
)
def test_clauses_and_openings_say_who_does_what(lang, sentence, wanted, unwanted) -> None:
    """ "whose X subsidiary" is owned by the antecedent; an opening participle's agent is
    not the subject; a head noun's relative clause is not its complement."""
    rel = tables_for({"t": (sentence, lang)}).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert wanted in found and unwanted not in found, found


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted"),
    [
        (
            "fr",
            "Dans la région de Moscou, le distributeur Zorvex, qui a racheté une usine en "
            "2023, y assemble des camions à partir de kits fournis par le chinois Foton.",
            ("Foton", "Zorvex", "supply"),
        ),
        (
            "fr",
            "À Kazan, la holding Varkon Industries a relancé la marque Moskvich, qu'elle "
            "contrôle depuis 2022.",
            ("Varkon Industries", "Moskvich", "ownership"),
        ),
        (
            "en",
            "In Pavlodar, Ertis Bus Company uses cells supplied by CATL.",
            ("CATL", "Ertis Bus Company", "supply"),
        ),
        (
            "en",
            "Tau-Ken Samruk owns 25% of Tobol Lithium.",
            ("Tau-Ken Samruk", "Tobol Lithium", "ownership"),
        ),
    ],
)
def test_subjects_after_opening_phrases_and_in_object_clauses(lang, sentence, wanted) -> None:
    """The comma after "Dans la région de Moscou" opens the subject, not an apposition;
    "la marque X, qu'elle contrôle" is owned by the main clause's subject; a name ending
    with a firm's word is a firm even when NER misses it or calls it a person."""
    rel = tables_for({"t": (sentence, lang)}).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert wanted in found, found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Quellon Motors has denied that it is in talks with Varkon Industries."),
        ("fr", "La direction de Quellon Motors dément toute négociation avec Varkon Industries."),
    ],
)
def test_denied_relations_are_not_stated(lang, sentence) -> None:
    rel = tables_for({"t": (sentence, lang)}).relations
    assert rel.empty, rel.to_string()


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        (
            "en",
            "Quellon Motors sold its Almaty plant to Varkon Industries in 2023 and left "
            "Kazakhstan.",
            ("Quellon Motors", "Kazakhstan", "exit"),
            ("Varkon Industries", "Kazakhstan", "exit"),
        ),
        (
            "en",
            "Quellon Motors sold its Almaty plant to Varkon Industries in 2023.",
            ("Varkon Industries", "Almaty", "acquisition"),
            ("Quellon Motors", "Almaty", "acquisition"),
        ),
        (
            "en",
            "Varkon Industries assembles Kia cars in Almaty.",
            ("Varkon Industries", "Almaty", "production"),
            ("Kia", "Almaty", "production"),
        ),
        (
            "en",
            "Kia cars are built at Varkon Industries' plant in Almaty.",
            ("Varkon Industries", "Almaty", "production"),
            ("Kia", "Almaty", "production"),
        ),
        (
            "en",
            "Varkon Industries ships most of its output to Russia.",
            None,
            ("Varkon Industries", "Russia", "supply"),
        ),
        (
            "fr",
            "Il est possible que Quellon Motors signe un accord avec Varkon Industries.",
            None,
            ("Quellon Motors", "Varkon Industries", "partnership"),
        ),
        (
            "en",
            "The gigafactory of Varkon Industries in Almaty is still under construction.",
            None,
            ("Varkon Industries", "Almaty", "production"),
        ),
        (
            "fr",
            "Quellon Motors a repris l'usine d'Almaty après le retrait de Kia du Kazakhstan.",
            ("Kia", "Kazakhstan", "exit"),
            ("Quellon Motors", "Kazakhstan", "exit"),
        ),
        (
            "fr",
            "Le porte-parole de Quellon Motors dément que la future berline repose sur une "
            "plateforme Chery.",
            None,
            ("Chery", "Quellon Motors", "supply"),
        ),
        (
            "en",
            "Chery reportedly bought a stake in Quellon Motors.",
            None,
            ("Chery", "Quellon Motors", "acquisition"),
        ),
        (
            "fr",
            "Chery fournit ainsi à Quellon Motors des kits complets.",
            ("Chery", "Quellon Motors", "supply"),
            ("Quellon Motors", "Chery", "supply"),
        ),
        (
            "en",
            "Quellon Motors has signed a supply agreement with Weichai Power.",
            None,
            ("Quellon Motors", "Weichai", "supply"),
        ),
        (
            "fr",
            "Le groupe Varkon Industries dément avoir cédé sa participation dans Zorvex "
            "Motors à Quellon Motors.",
            None,
            ("Quellon Motors", "Zorvex Motors", "acquisition"),
        ),
        # "a repris lundi l'assemblage": resumed, not taken over; a plant is taken over.
        (
            "fr",
            "Varkon Industries a repris lundi l'assemblage dans son usine d'Almaty.",
            None,
            ("Varkon Industries", "Almaty", "acquisition"),
        ),
        (
            "fr",
            "Varkon Industries a repris l'usine d'Almaty en 2023.",
            ("Varkon Industries", "Almaty", "acquisition"),
            None,
        ),
        # A purchase agreed but pending is not stated as done.
        (
            "en",
            "Varkon Industries has agreed to buy Zorvex Motors; the deal still needs "
            "government approval.",
            None,
            ("Varkon Industries", "Zorvex Motors", "acquisition"),
        ),
        # "41 300 voitures Geely": the goods' brand, not the producer; "le fabricant de
        # camions Kamaz" is one.
        (
            "fr",
            "La coentreprise Zorvex Motors a produit 41 300 voitures Geely dans son usine "
            "de Borissov.",
            ("Zorvex Motors", "Borisov", "production"),
            ("Geely", "Borisov", "production"),
        ),
        (
            "fr",
            "Le fabricant de camions Kamaz produit à Naberejnye Tchelny.",
            ("Kamaz", "Naberezhnye Chelny", "production"),
            None,
        ),
    ],
)
def test_who_produces_sells_and_leaves(lang, sentence, wanted, unwanted) -> None:
    """The seller who "and left" is the leaver, not the buyer; the sale rule alone reads a
    sale; a brand assembled by another firm is no producer, the plant's owner is; a
    country is a market, not a customer; a site under construction produces nothing."""
    rel = tables_for({"t": (sentence, lang)}).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert wanted is None or wanted in found, found
    assert unwanted is None or unwanted not in found, found


def test_table_rows_of_former_plants_sites_not_built_and_unsettled_partners(tmp_path) -> None:
    """A first cell naming a past owner, a status "en construction", a partner "(talks)"
    and a mineral in the first cell state none of those relations."""
    table = (
        "| Site | City | Operator | Chinese partner | Status |\n|---|---|---|---|---|\n"
        "| Former Kia plant | Almaty | Varkon Industries | Chery | producing |\n"
        "| Quellon Motors plant | Tashkent | Quellon Motors | Geely (talks) "
        "| under construction |\n"
        "| Cobalt | Kolwezi | Zorvex Mining | BYD | producing |\n"
    )
    found = table_relations(tmp_path, f"# Sites\n\nSites in 2025.\n\n{table}")
    assert ("Varkon Industries", "Almaty", "production") in found, found
    assert not {r for r in found if "Kia" in r[:2] or "Geely" in r[:2]}, found
    assert ("Quellon Motors", "Tashkent", "production") not in found, found
    assert not {r for r in found if "Cobalt" in r[:2]}, found
    status = (
        "| Supplier | Customer | Status |\n|---|---|---|\n"
        "| CATL | Varkon Industries | Delivering since 2024 |\n"
        "| CALB | Quellon Motors | Talks; no agreement |\n"
    )
    found = table_relations(tmp_path, f"# Cells\n\nCell supply.\n\n{status}")
    assert ("CATL", "Varkon Industries", "supply") in found, found
    assert not {r for r in found if "CALB" in r[:2]}, found


def test_a_factsheet_heading_is_the_subject_of_its_record_lines(tmp_path) -> None:
    """ "### Varkon Industries" then "- Parent: Geely", "- Plants: Tashkent": the heading
    names the subject, and another heading ends its section."""
    text = (
        "# Assemblers of the region\n\n### Varkon Industries\n\n"
        "The assembler grew fast after 2022.\n\n"
        "- Parent: Geely (60%)\n- Plants: Tashkent\n\n"
        "### Key figures\n\n- Owner: Chery\n\n"
        "| Assembler | City |\n|---|---|\n| Zorvex Motors | Almaty |\n\n"
        "### Zorvex Motors\n\n- Platform: Dongfeng (licence)\n"
    )
    found = table_relations(tmp_path, text)
    assert {
        ("Geely", "Varkon Industries", "ownership"),
        ("Varkon Industries", "Tashkent", "production"),
        # The heading repeats the table row's first cell, and still opens its section.
        ("Dongfeng Motor", "Zorvex Motors", "supply"),
    } <= found, found
    assert not {r for r in found if "Chery" in r[:2]}, found


def test_a_discovered_name_takes_its_parent_from_its_apposition() -> None:
    """ "Zorvex Motors, a subsidiary of Geely": the discovered actor's parent is recorded
    as evidence, and the ownership as a relation."""
    tables = tables_for({"t": ("Zorvex Motors, a subsidiary of Geely, opened a plant.", "en")})
    evidence = tables.details["actor_evidence"]
    parent = evidence[(evidence["entity"] == "Zorvex Motors") & (evidence["attribute"] == "parent")]
    assert list(parent["value"]) == ["Geely"], evidence.to_string()
    rel = tables.relations
    assert ("Geely", "Zorvex Motors", "ownership") in set(
        zip(rel["source"], rel["target"], rel["relation"], strict=True)
    )


def test_a_brand_row_with_an_assembler_gives_the_assembler_production(tmp_path) -> None:
    # The brand's owner owns it and, when another firm assembles it, supplies that firm;
    # the plant's city is the assembler's production, not the brand's.
    table = (
        "| Marque | Groupe propriétaire | Assembleur | Ville |\n|---|---|---|---|\n"
        "| Kaiyi | Chery | Avtotor | Kaliningrad |\n"
        "| Lada | AvtoVAZ | AvtoVAZ | Togliatti |\n"
    )
    found = table_relations(tmp_path, f"# Qui assemble quoi\n\n{table}")
    assert {
        ("Chery", "Kaiyi", "ownership"),
        ("Chery", "Avtotor", "supply"),
        ("Avtotor", "Kaliningrad", "production"),
        ("AvtoVAZ", "Lada", "ownership"),
        ("AvtoVAZ", "Togliatti", "production"),
    } <= found, found
    assert ("Kaiyi", "Kaliningrad", "production") not in found
    assert ("AvtoVAZ", "AvtoVAZ", "supply") not in found


def test_a_plant_tables_brand_column_names_what_the_firm_assembles(tmp_path) -> None:
    """In a plant table, a brand of another group is assembled from that group's kits
    (supply from the group, when the article names it), a brand of the firm's own is
    owned, and a line that is "Suspended" or "Sold" states no production or supply."""
    table = (
        "| Firm | Brand | Site | Status |\n|---|---|---|---|\n"
        "| Varkon Industries | Kaiyi | Almaty | Operating |\n"
        "| Varkon Industries | Kia | Almaty | Suspended |\n"
        "| Quellon Motors | Quellon Star | Tashkent | Operating |\n"
        "| Zorvex Motors | Geely | Minsk | Sold |\n"
    )
    intro = "Assembly lines in 2025; Kaiyi is a brand of Chery."
    found = table_relations(tmp_path, f"# Plants\n\n{intro}\n\n{table}")
    assert {
        ("Chery", "Varkon Industries", "supply"),
        ("Varkon Industries", "Almaty", "production"),
        ("Quellon Motors", "Quellon Star", "ownership"),
        ("Quellon Motors", "Tashkent", "production"),
    } <= found, found
    assert not {r for r in found if r[1] == "Kaiyi" and r[0] != "Chery" and r[2] == "ownership"}
    assert not {r for r in found if "Kia" in r[:2] or "Hyundai" in r[:2]}, found
    assert not {r for r in found if "Zorvex Motors" in r[:2] and r[2] != "ownership"}, found


@pytest.mark.parametrize(
    ("lang", "sentence", "unwanted"),
    [
        ("en", "Most of the cells are made in China and sold in Belarus.", "China"),
        ("fr", "La Chine a racheté des usines en Asie centrale.", "China"),
        ("fr", "La Chine produit des voitures électriques au Kazakhstan.", "China"),
        ("fr", "Une initiative chinoise assure une production sur le sol kazakh.", "China"),
    ],
)
def test_a_country_neither_produces_nor_buys(lang, sentence, unwanted) -> None:
    found = relations(sentence, lang)
    assert not {r for r in found if r[0] == unwanted and r[2] in ("production", "acquisition")}


def test_a_dated_lead_is_no_part_of_the_name_after_it() -> None:
    """ "**Vendredi 6 mars — Zorvex quitte la Russie.**": the actor is Zorvex."""
    tables = tables_for(
        {"t": ("**Vendredi 6 mars — Zorvex quitte la Russie.** Le constructeur a fermé.", "fr")}
    )
    names = set(tables.entities["entity"])
    assert not {n for n in names if "mars" in n}, names


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Is Varkon Industries about to take a stake in Quellon Motors?"),
        ("fr", "Varkon Industries va-t-il racheter Quellon Motors ?"),
        ("en", '"Will Quellon Motors supply cells to Varkon Industries?"'),
    ],
)
def test_a_question_states_no_relation(lang, sentence) -> None:
    """A sentence that asks ("Is X about to take a stake in Y?") states nothing."""
    found = relations(sentence, lang)
    assert not {r for r in found if {"Varkon Industries", "Quellon Motors"} <= set(r[:2])}, found


def test_a_table_rows_site_is_the_place_not_its_country_or_region(tmp_path) -> None:
    """A row whose first cell is a country, or a town with its country in brackets, and
    a site cell "town, region": the operator produces at the town only."""
    table = (
        "| Country | Site | Operator | Status |\n|---|---|---|---|\n"
        "| Belarus | Mogilev | Varkon Industries | producing |\n"
        "| Kazakhstan | Ekibastuz, Pavlodar region | Quellon Lithium | producing |\n"
    )
    found = table_relations(tmp_path, f"# Sites\n\nSites in 2025.\n\n{table}")
    assert ("Varkon Industries", "Mogilev", "production") in found, found
    assert ("Quellon Lithium", "Ekibastuz", "production") in found, found
    coarse = {r for r in found if r[2] == "production" and r[1] in ("Belarus", "Kazakhstan")}
    assert not coarse, found
    assert not {r for r in found if r[2] == "production" and "Pavlodar" in r[1]}, found
    bracketed = (
        "| Site | Exploitant | Partenaire |\n|---|---|---|\n"
        "| Tokmok (Kirghizistan) | Zorvex Motors | Dongfeng |\n"
    )
    found = table_relations(tmp_path, f"# Sites\n\nLes sites.\n\n{bracketed}")
    assert not {r for r in found if r[2] == "production" and r[1] == "Kyrgyzstan"}, found


@pytest.mark.parametrize(
    ("lang", "sentence", "site", "coarse"),
    [
        (
            "fr",
            "La loparite lui est livrée par Varkon Minerals, qui l'extrait de la mine de "
            "Dolgaïa, près de Stavka, dans la région de Tomsk.",
            "Dolgaïa",
            "Tomsk",
        ),
        (
            "en",
            "Quellon Resources operates the Borlyk graphite mine in the East Kazakhstan region.",
            "Borlyk",
            "East Kazakhstan",
        ),
    ],
)
def test_a_mine_is_the_site_and_its_region_says_where(lang, sentence, site, coarse) -> None:
    """ "la mine de X, ..., dans la région de Y", "the X graphite mine in the Y region":
    the miner produces at X; the region only says where X is."""
    found = relations(sentence, lang)
    assert {r for r in found if r[1] == site and r[2] == "production"}, found
    assert not {r for r in found if coarse in r[1] and r[2] == "production"}, found
    assert not {r for r in found if r[0] == site}, found


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "seller"),
    [
        (
            "fr",
            "À Grodno, l'usine qu'exploitait jusqu'en 2022 l'équipementier allemand Varkon "
            "Antriebe a été rachetée par Quellon Privod.",
            {("Quellon Privod", "Grodno", "acquisition")},
            "Varkon Antriebe",
        ),
        (
            "fr",
            "Quellon Motors a racheté en 2023 les 30 % que détenait Varkon Industries dans "
            "la coentreprise.",
            set(),
            "Varkon Industries",
        ),
        (
            "en",
            "In Kaluga, the truck plant that had belonged to Varkon Trucks was bought by "
            "Quellon Group in 2023.",
            {("Quellon Group", "Kaluga", "acquisition")},
            "Varkon Trucks",
        ),
        (
            "en",
            "Quellon Motors bought the 51% stake held by Varkon Industries in their joint venture.",
            set(),
            "Varkon Industries",
        ),
        (
            "en",
            "Quellon Motors bought the 40% stake held by the Belarusian electronics holding "
            "Varkon Industries.",
            set(),
            "Varkon Industries",
        ),
        (
            "fr",
            "Quellon Motors a racheté les 40 % que détenait le holding biélorusse Varkon "
            "Industries.",
            set(),
            "Varkon Industries",
        ),
        (
            "ru",
            "«Квеллон Моторс» выкупила 40% акций, принадлежавших белорусскому холдингу "
            "«Варкон Индастриз».",
            set(),
            "Варкон Индастриз",
        ),
    ],
)
def test_the_former_holder_of_what_is_bought_is_not_bought(lang, sentence, wanted, seller):
    """ "l'usine qu'exploitait X ... a été rachetée par Y", "the stake held by X": X held
    what Y bought; X itself is not bought."""
    found = relations(sentence, lang)
    assert wanted <= found, found
    assert not {r for r in found if r[1] == seller and r[2] == "acquisition"}, found


@pytest.mark.parametrize(
    ("lang", "sentence", "unwanted"),
    [
        (
            "fr",
            "Varkon Motors a annoncé la fermeture définitive de son usine de Tver.",
            ("Varkon Motors", "Tver", "production"),
        ),
        (
            "en",
            "Quellon Motors closed its Kaluga plant in March.",
            ("Quellon Motors", "Kaluga", "production"),
        ),
        (
            "fr",
            "L'usine de Varkon Motors à Tver, rachetée par Quellon Group en 2023, assemble "
            "désormais des SUV.",
            ("Varkon Motors", "Tver", "production"),
        ),
    ],
)
def test_a_closed_or_sold_plant_is_no_production_of_its_owner(lang, sentence, unwanted) -> None:
    """ "la fermeture de son usine de X", "closed its X plant", "l'usine de Y à X,
    rachetée par Z": Y produces nothing there now."""
    assert unwanted not in relations(sentence, lang)


@pytest.mark.parametrize(
    ("lang", "text", "names", "not_names"),
    [
        (
            "fr",
            "Mme Sabine Quellec, directrice financière de Varkon Industries, a présenté les "
            "comptes. M. Julien Varnier lui a répondu.",
            {"Sabine Quellec", "Julien Varnier"},
            {"Mme Sabine Quellec", "M. Julien Varnier"},
        ),
        (
            "en",
            "Mr Tom Harwick, chief executive of Quellon Motors, and Dr Alina Pekarskaya spoke.",
            {"Tom Harwick", "Alina Pekarskaya"},
            {"Mr Tom Harwick", "Dr Alina Pekarskaya"},
        ),
    ],
)
def test_a_persons_honorific_is_no_part_of_the_name(lang, text, names, not_names) -> None:
    """ "Mme Sabine Quellec", "Mr Tom Harwick": the person is "Sabine Quellec"."""
    found = set(tables_for({"t": (text, lang)}).entities["entity"])
    assert names <= found, found
    assert not not_names & found, found


@pytest.mark.parametrize(
    ("lang", "text", "firm", "relation"),
    [
        (
            "en",
            "Jiangxi Varkon Rare Earth Co., Ltd. owns 60% of Quellon Metals.",
            "Jiangxi Varkon Rare Earth Co., Ltd.",
            ("Jiangxi Varkon Rare Earth Co., Ltd.", "Quellon Metals", "ownership"),
        ),
        (
            "fr",
            "Le chinois Hubei Quellon Battery Technology Co., Ltd. fournit des cellules à "
            "Varkon Motors.",
            "Hubei Quellon Battery Technology Co., Ltd.",
            ("Hubei Quellon Battery Technology Co., Ltd.", "Varkon Motors", "supply"),
        ),
    ],
)
def test_a_firms_legal_suffix_after_a_comma_is_part_of_its_name(lang, text, firm, relation):
    """ "X Co., Ltd.": one firm, whose name may open with a province ("Jiangxi ..."); neither
    "Ltd" nor the province is an actor of its own there."""
    tables = tables_for({"t": (text, lang)})
    names = set(tables.entities["entity"])
    assert firm in names, names
    assert not {"Ltd", "Ltd.", "Jiangxi", "Hubei"} & names, names
    rel = tables.relations
    assert relation in set(zip(rel["source"], rel["target"], rel["relation"], strict=True)), rel


@pytest.mark.parametrize(
    ("lang", "text", "not_names"),
    [
        # A section heading in capitals names no firm the knowledge base lacks: its words
        # are a topic ("CONNECTEURS"), and the firm it is about is named in the text.
        (
            "fr",
            "Varkon Industries a présenté ses comptes.\n\n2. CÂBLES ET CONNECTEURS\n\nLe "
            "groupe fabrique à Quimperlé des câbles pour utilitaires.\n\n3. FONDERIE ET "
            "ALLIAGES\n\nLe groupe a ouvert une fonderie à Vierzon.",
            {"CÂBLES", "CONNECTEURS", "ALLIAGES"},
        ),
        (
            "en",
            "Quellon Motors reported its results.\n\n2. WIRING AND CONNECTORS\n\nThe group "
            "makes wiring in Tver.",
            {"CONNECTORS", "WIRING"},
        ),
    ],
)
def test_a_heading_in_capitals_names_no_discovered_actor(lang, text, not_names) -> None:
    tables = tables_for({"t": (text, lang)})
    names = set(tables.entities["entity"])
    assert not not_names & names, names
    assert not not_names & set(tables.relations["source"]), tables.relations


@pytest.mark.parametrize(
    ("lang", "text", "not_names", "firm"),
    [
        # A size, a model or a reference code is no actor ("235/45 R18", "the Q7", "T8").
        (
            "en",
            "Quellon Motors fits 235/45 R18 tyres from the Kazan maker Varkon Tyres.",
            {"R18"},
            "Varkon Tyres",
        ),
        (
            "en",
            "Quellon Motors fits 245/40 R20 tyres and builds the Q7 from Varkon kits.",
            {"R20", "Q7"},
            "Quellon Motors",
        ),
        (
            "fr",
            "Le lot W12-04, expédié par Varkon Industries, contient des kits T8 pour Quellon "
            "Motors.",
            {"W12-04", "T8", "W12"},
            "Varkon Industries",
        ),
        (
            "fr",
            "Quellon Motors monte des pneus 235/45 R18 du fabricant Varkon Tyres sur le Q7.",
            {"R18", "Q7"},
            "Quellon Motors",
        ),
    ],
)
def test_a_size_model_or_code_is_no_actor(lang, text, not_names, firm) -> None:
    names = set(tables_for({"t": (text, lang)}).entities["entity"])
    assert firm in names, names
    assert not not_names & names, names


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "La presse locale évoque une deuxième usine de Quellon Motors à Tver."),
        ("fr", "Des analystes évoquent un rachat de Varkon Industries par Sollers."),
        ("en", "A second Quellon Motors plant in Tver has been mooted by local media."),
        ("en", "A takeover of Varkon Industries by Sollers was floated last week."),
    ],
)
def test_what_is_only_mooted_is_no_stated_relation(lang, sentence) -> None:
    """ "La presse évoque ...", "has been mooted": talk of a relation, not the relation."""
    rel = tables_for({"t": (sentence, lang)}).relations
    assert rel.empty, rel.to_string()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Le gouvernement discute avec Quellon Motors d'une usine de cellules près de Tver."),
        (
            "fr",
            "Le Kirghizistan négocie avec Quellon Motors un site d'assemblage à Tver, mais rien "
            "n'est fait.",
        ),
        (
            "fr",
            "Varkon Industries a signé un protocole d'accord avec Sollers pour étudier "
            "l'assemblage de camions Quellon à Tver.",
        ),
        ("en", "The ministry is discussing a cell plant near Tver with Quellon Motors."),
    ],
)
def test_a_plant_under_discussion_produces_nothing(lang, sentence) -> None:
    """A plant or an assembly talked of or studied is not yet production."""
    rel = tables_for({"t": (sentence, lang)}).relations
    assert "production" not in set(rel["relation"]), rel.to_string()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Après deux ans de négociations, Quellon Motors assemble des camions à Tver."),
        ("fr", "Quellon Motors, qui discute avec Sollers, a ouvert une usine à Tver en 2021."),
    ],
)
def test_a_plant_beside_talks_still_produces(lang, sentence) -> None:
    rel = tables_for({"t": (sentence, lang)}).relations
    assert "production" in set(rel["relation"]), rel.to_string()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Varkon Minerals plc - Annual Report 2025\n\nVarkon Minerals mines nickel at Tver."),
        ("fr", "Varkon Industries SA — Communiqué\n\nVarkon Industries assemble des bus à Tver."),
    ],
)
def test_a_spaced_dash_ends_a_name(lang, text) -> None:
    """A title's parts ("X plc - Annual Report") are no one name."""
    names = set(tables_for({"t": (text, lang)}).entities["entity"])
    assert not any(" - " in n or " — " in n for n in names), names


@pytest.mark.parametrize(
    ("lang", "text", "firm", "wanted"),
    [
        # NER calls "Brenvik" a place once and a person once; the agent of "fournis par"
        # is an organisation, which outweighs a label alone.
        (
            "fr",
            "Selon Brenvik, les ventes de bus ont doublé en 2025. À Tokmok, l'assembleur "
            "Kant Motors monte des bus à partir de kits fournis par Brenvik.",
            "Brenvik",
            ("Brenvik", "Kant Motors", "supply"),
        ),
    ],
)
def test_what_a_sentence_says_a_name_is_outweighs_a_ner_label(lang, text, firm, wanted):
    tables = tables_for({"t": (text, lang)})
    types = dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))
    assert types.get(firm) == "company", types
    rel = set(
        zip(
            tables.relations["source"],
            tables.relations["target"],
            tables.relations["relation"],
            strict=True,
        )
    )
    assert wanted in rel, rel


@pytest.mark.parametrize(
    ("lang", "text", "name", "kind"),
    [
        # The head after the comma describes the name it runs into, not the one before.
        ("fr", "À Tokmok, l'assembleur Kant Motors monte des bus chinois.", "Tokmok", "place"),
        ("en", "In Kovrov, the carmaker Brantell Motors builds trucks.", "Kovrov", "place"),
    ],
)
def test_an_apposition_that_runs_into_a_name_describes_that_name(lang, text, name, kind):
    tables = tables_for({"t": (text, lang)})
    types = dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))
    assert types.get(name) == kind, types


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # A stake bought from X: X sold it, and supplies nothing.
        (
            "en",
            "Varkon Industries bought the remaining 30% from Quellon Mining in February.",
            set(),
            {("Quellon Mining", "Varkon Industries", "supply")},
        ),
        (
            "fr",
            "En 2024, Varkon Industries acquiert 26 % du capital auprès de Quellon Holding.",
            set(),
            {("Quellon Holding", "Varkon Industries", "supply")},
        ),
        # A firm bought from its founder: the firm is bought, not supplied.
        (
            "en",
            "Brantell Group bought Kovrov Graphite outright in 2024 from its founder.",
            {("Brantell Group", "Kovrov Graphite", "acquisition")},
            {("Kovrov Graphite", "Brantell Group", "supply")},
        ),
        # What stands after "from" is the seller's, never what was bought.
        (
            "en",
            "Varkon Industries bought the 30% stake from a fund based in Almaty.",
            set(),
            {("Varkon Industries", "Almaty", "acquisition")},
        ),
        # Goods bought from X: X supplies them.
        (
            "en",
            "Varkon Industries buys gearboxes from Quellon Motors.",
            {("Quellon Motors", "Varkon Industries", "supply")},
            set(),
        ),
    ],
)
def test_the_seller_of_a_stake_or_a_firm_is_no_supplier(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # A fronted apposition names the subject's parent: the parent owns the subject and
        # is no agent of the clause after it.
        (
            "fr",
            "Filiale de Varkon Holding, Quellon Auto assemble à Kovrov des camions à partir "
            "de kits fournis par Zhenlong Trucks.",
            {
                ("Quellon Auto", "Kovrov", "production"),
                ("Zhenlong Trucks", "Quellon Auto", "supply"),
                ("Varkon Holding", "Quellon Auto", "ownership"),
            },
            {
                ("Varkon Holding", "Kovrov", "production"),
                ("Zhenlong Trucks", "Varkon Holding", "supply"),
            },
        ),
        (
            "en",
            "A subsidiary of Varkon Holding, Quellon Auto assembles trucks in Kovrov.",
            {
                ("Quellon Auto", "Kovrov", "production"),
                ("Varkon Holding", "Quellon Auto", "ownership"),
            },
            {("Varkon Holding", "Kovrov", "production")},
        ),
    ],
)
def test_a_fronted_apposition_names_the_parent_not_the_agent(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # the maker named right after "rebadged" supplies the models; the firm before
        # sells them
        (
            "en",
            "Quellon Auto started building rebadged Dongfeng SUVs at its plant in Kovrov.",
            {("Dongfeng Motor", "Quellon Auto", "supply")},
            {("Quellon Auto", "Dongfeng Motor", "supply")},
        ),
        # ... and does not own the brand its models are sold under
        (
            "en",
            "Vektor, Quellon Auto's brand of rebadged Dongfeng models, rose 61.1% in March.",
            {("Dongfeng Motor", "Quellon Auto", "supply")},
            {
                ("Dongfeng Motor", "Quellon Auto", "ownership"),
                ("Quellon Auto", "Dongfeng Motor", "supply"),
            },
        ),
        # a licence held is supplied by its grantor, no stake of the holder
        (
            "en",
            "Quellon Auto holds a licence from Zhenlong Motors to sell the model in Russia.",
            set(),
            {
                ("Quellon Auto", "Zhenlong Motors", "ownership"),
                ("Zhenlong Motors", "Quellon Auto", "ownership"),
            },
        ),
    ],
)
def test_rebadged_models_and_licences_held(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


def test_a_country_named_as_a_place_is_no_partner() -> None:
    """ "a partner who knows how to build in Kazakhstan": a country after a locative is
    where, not who (issue: two countries in one sentence are no relation unless a cue
    links them as actors)."""
    check_relations(
        '"Kovrov gives us cheap power, rail access to China and Europe, and a partner who '
        'knows how to build in Kazakhstan," said the chairman of Talvera Cathode.',
        "en",
        set(),
        {("China", "Kazakhstan", "partnership"), ("Kazakhstan", "China", "partnership")},
    )


@pytest.mark.parametrize(
    ("lang", "sentence", "partners"),
    [
        (
            "en",
            "The deal shows win-win cooperation between Chinese and Russian enterprises.",
            False,
        ),
        ("fr", "Une coopération entre entreprises chinoises et russes se dessine.", False),
        ("en", "The partnership between Russia and China deepened in 2024.", True),
        ("fr", "Une alliance russo-chinoise se dessine dans l'automobile.", True),
    ],
)
def test_two_country_adjectives_joined_qualify_one_noun(lang, sentence, partners) -> None:
    """ "between Chinese and Russian enterprises": the two adjectives qualify the firms,
    not the cue, so the countries are no partners; named countries, or a compound
    adjective on the cue itself, are."""
    rel = tables_for({"t": (sentence, lang)}).relations
    found = {
        frozenset((s, t))
        for s, t, r in zip(rel.source, rel.target, rel.relation, strict=True)
        if r == "partnership"
    }
    assert (frozenset(("Russia", "China")) in found) is partners, found


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        (
            "Quellon Motors ships Varkon Industries its axles from its plant in Baoding.",
            {("Quellon Motors", "Baoding", "production")},
            {("Varkon Industries", "Baoding", "production")},
        ),
        (
            "Quellon Motors said that it had no contract with Kamaz and that it supplied "
            "Varkon Industries only with axles, shipped from its plant in Baoding.",
            set(),
            {("Varkon Industries", "Baoding", "production"), ("Kamaz", "Baoding", "production")},
        ),
    ],
)
def test_a_plant_goods_are_sent_from_is_the_senders(sentence, wanted, unwanted) -> None:
    """ "from its plant": the sender's, who stands before the verb of delivery; the
    receiver after it owns no plant there, and a pronoun's plant is nobody's named."""
    rel = tables_for({"t": (sentence, "en")}).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert wanted <= found and not unwanted & found, found


def test_a_brands_owner_the_article_never_names_supplies_nothing(tmp_path) -> None:
    """ "X assemble des Fiat": the knowledge base knows Fiat's owner, the article does
    not name it, so no row has it as an end; named, it supplies the assembler."""
    unnamed = table_relations(tmp_path, "Varkon Industries assemble des Fiat à Bursa.\n")
    assert not [r for r in unnamed if "Stellantis" in r[:2]], unnamed
    named = table_relations(
        tmp_path, "Varkon Industries assemble des Fiat, marque du groupe Stellantis, à Bursa.\n"
    )
    assert ("Stellantis", "Varkon Industries", "supply") in named, named


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        (
            "fr",
            "Les Français ont vendu l'usine à Varkon Industries en 2022 et ont quitté la Russie.",
            set(),
            {("Varkon Industries", "Russia", "exit")},
        ),
        (
            "fr",
            "Renault a vendu l'usine à Varkon Industries en 2022 et a quitté la Russie.",
            {("Renault", "Russia", "exit")},
            {("Varkon Industries", "Russia", "exit")},
        ),
        (
            "en",
            "The plant had belonged to Quellon Motors, which left Russia in 2022.",
            {("Quellon Motors", "Russia", "exit")},
            set(),
        ),
    ],
)
def test_the_firm_a_site_went_to_does_not_leave(lang, sentence, wanted, unwanted) -> None:
    rel = tables_for({"t": (sentence, lang)}).relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert wanted <= found and not unwanted & found, found


def test_the_rules_read_a_licence_after_a_clause_naming_countries(monkeypatch) -> None:
    """The rules alone (no model): "de X, de Y et de Z" gives three supplies, and the two
    countries of the opening clause none (the model may not set these aside: the rule
    "assembles under licence")."""
    from analysis.extraction import assemble

    monkeypatch.setitem(assemble.combine.__kwdefaults__, "learned_relations", False)
    text = (
        "À Tachkent, ville coincée entre le Kazakhstan et le Kirghizistan, Varkon "
        "Industries assemble des voitures sous licence de Chery, de Geely et de FAW."
    )
    found = relations(text, "fr")
    assert {(b, "Varkon Industries", "supply") for b in ("Chery", "Geely", "FAW")} <= found
    assert not {("Chery", "Kyrgyzstan", "supply"), ("Chery", "Kazakhstan", "supply")} & found


@pytest.mark.xfail(
    strict=True,
    reason="the model sets the rules' row aside for the word 'new' (121 folders; 149 "
    "folders, probability of no relation 0.808 at a veto of 0.8); the models of 125 to "
    "145 folders kept it, and the model of 153 sets it aside too. The rules' reading is "
    "tested below.",
)
def test_uses_x_batteries_in_its_new_van_survives_the_model() -> None:
    check_relations(
        "Quellon Motors uses CATL batteries in its new van.",
        "en",
        {("CATL", "Quellon Motors", "supply")},
        set(),
    )


def test_the_rules_read_a_supply_from_uses_x_batteries(monkeypatch) -> None:
    """The rules alone (no model): "uses X batteries" gives X's supply, with or without
    "new" (the model's veto of the first is the known regression above)."""
    from analysis.extraction import assemble

    monkeypatch.setitem(assemble.combine.__kwdefaults__, "learned_relations", False)
    for text in (
        "Quellon Motors uses CATL batteries in its new van.",
        "Quellon Motors uses CATL batteries in its van.",
    ):
        assert ("CATL", "Quellon Motors", "supply") in relations(text, "en"), text
    # With the model, the sentence without "new" keeps its row.
    monkeypatch.setitem(assemble.combine.__kwdefaults__, "learned_relations", True)
    found = relations("Quellon Motors uses CATL batteries in its van.", "en")
    assert ("CATL", "Quellon Motors", "supply") in found


def test_a_status_column_with_a_date_and_a_supplier_s_role(tmp_path) -> None:
    """ "Status (May 2026)" is a status column: "Ended 2023" leaves its row unstated, and
    "Supplier since 2024" or "Licensor" makes the partner the maker's supplier."""
    table = (
        "| Maker | Partner | Status (May 2026) |\n|---|---|---|\n"
        "| Varkon Industries | Quellon Motors | Supplier since 2024 |\n"
        "| Tarsis Auto | Orvia Cells | Licensor |\n"
        "| Kestrel Motors | Sorvan Automotive | Ended 2023 |\n"
        "| Kestrel Motors | Quellon Motors | Operating since 2025 |\n"
    )
    found = table_relations(tmp_path, f"# Partners\n\nPartners in 2026.\n\n{table}")
    assert {
        ("Quellon Motors", "Varkon Industries", "supply"),
        ("Orvia Cells", "Tarsis Auto", "supply"),
        ("Kestrel Motors", "Quellon Motors", "partnership"),
    } <= found, found
    assert not {r for r in found if "Sorvan Automotive" in r[:2]}, found
    assert ("Varkon Industries", "Quellon Motors", "partnership") not in found, found

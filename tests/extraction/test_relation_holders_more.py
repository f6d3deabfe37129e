"""Who holds what, in wordings a rule misread: a co-owner listed after "en détient" or
with its own share, a licence agreement in French word order, a possessive apposition
whose head is former or qualifies another noun, deliveries a memorandum is about, and a
purchase that still awaits clearance.

The firms are invented and the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.extraction.test_relations_open import check_relations


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # "en" is what is owned: the firm after the share is a co-owner.
        (
            "Talvera Motors est une coentreprise de Varkon Industries et de Quellon Motors. "
            "Quellon Motors en détient 51 %, Varkon Industries 49 %.",
            "fr",
            set(),
            {
                ("Quellon Motors", "Varkon Industries", "ownership"),
                ("Varkon Industries", "Quellon Motors", "ownership"),
            },
        ),
        (
            "Quellon Motors détient 51 % de Varkon Industries.",
            "fr",
            {("Quellon Motors", "Varkon Industries", "ownership")},
            set(),
        ),
        # A licence agreement is a supply by the licensor, no partnership.
        (
            "L'assembleur kazakh Brixon Auto a signé un accord de licence avec Quellon "
            "Motors pour un pick-up.",
            "fr",
            {("Quellon Motors", "Brixon Auto", "supply")},
            {("Brixon Auto", "Quellon Motors", "partnership")},
        ),
        (
            "Brixon Auto a signé un accord de coopération avec Quellon Motors.",
            "fr",
            {("Brixon Auto", "Quellon Motors", "partnership")},
            set(),
        ),
        # A former owner owns nothing now; "joint-venture partner" is a partner's role.
        (
            "Delmont Motors, Quellon Motors's former truck unit, builds vans in Tver.",
            "en",
            set(),
            {("Quellon Motors", "Delmont Motors", "ownership")},
        ),
        (
            "Delmont Motors, Quellon Motors's former joint-venture partner at Tver, is "
            "negotiating a licence for a van.",
            "en",
            set(),
            {("Quellon Motors", "Delmont Motors", "ownership")},
        ),
        (
            "Delmont Motors, Quellon Motors's truck unit, builds vans in Tver.",
            "en",
            {("Quellon Motors", "Delmont Motors", "ownership")},
            set(),
        ),
    ],
)
def test_owners_co_owners_and_licensors(text, lang, wanted, unwanted) -> None:
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # A list of shareholders: each name with its own share is a co-owner.
        (
            "Brantell Holding détient 45 % du capital, Quellon Motors 35 % et Varkon "
            "Industries 20 %, selon le registre.",
            "fr",
            set(),
            {
                ("Brantell Holding", "Quellon Motors", "ownership"),
                ("Brantell Holding", "Varkon Industries", "ownership"),
            },
        ),
        (
            "Delmont Cells is owned by Quellon Motors (51%) and Varkon Industries (49%).",
            "en",
            {
                ("Quellon Motors", "Delmont Cells", "ownership"),
                ("Varkon Industries", "Delmont Cells", "ownership"),
            },
            set(),
        ),
        # A memorandum with X on deliveries: the deliveries are talked of.
        (
            "Delmont Mining signed a memorandum of understanding with Talvera Metals on "
            "deliveries of rare-earth oxides.",
            "en",
            {("Delmont Mining", "Talvera Metals", "partnership")},
            {
                ("Delmont Mining", "Talvera Metals", "supply"),
                ("Talvera Metals", "Delmont Mining", "supply"),
            },
        ),
        # A purchase that still awaits clearance is no acquisition yet.
        (
            "Quellon Motors's purchase of another 15% of Varkon Industries from Delmont "
            "Group still awaits the Competition Committee.",
            "en",
            set(),
            {("Quellon Motors", "Varkon Industries", "acquisition")},
        ),
    ],
)
def test_shareholder_lists_memoranda_and_pending_deals(text, lang, wanted, unwanted) -> None:
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # Each owner of a passive list with shares owns the firm.
        (
            "Kemin Talvera LLC, 51% owned by Quellon Motors and 20% by Varkon Magnetics, "
            "mines rare earths.",
            "en",
            {
                ("Quellon Motors", "Kemin Talvera LLC", "ownership"),
                ("Varkon Magnetics", "Kemin Talvera LLC", "ownership"),
            },
            set(),
        ),
        (
            "Delmont Cells is 60% owned by the Almaty dealer group Quellon Auto LLP and 40% "
            "by Varkon Industries.",
            "en",
            {
                ("Quellon Auto LLP", "Delmont Cells", "ownership"),
                ("Varkon Industries", "Delmont Cells", "ownership"),
            },
            set(),
        ),
        # The owned firm is the firm before the town, and the owner stands right after
        # "by", not further on.
        (
            "Brixon Motors, the Kostanay plant owned by Quellon Group, assembles pick-ups.",
            "en",
            {("Quellon Group", "Brixon Motors", "ownership")},
            {("Quellon Group", "Kostanay", "ownership")},
        ),
        # A venture's parents named in an apposition assemble nothing of their own.
        (
            "Delmont Auto, a joint venture of Quellon Motors, Brixon Group and Varkon "
            "Industries, assembles Talvera crossovers at Borisov.",
            "en",
            {("Delmont Auto", "Borisov", "production")},
            {("Talvera", "Varkon Industries", "supply")},
        ),
        # A town's own name is the town, not the industrial park named after it.
        (
            "Quellon Motors builds SUVs at its factory at Uzlovaya, in the Tula region.",
            "en",
            {("Quellon Motors", "Uzlovaya", "production")},
            {("Quellon Motors", "Uzlovaya industrial park", "production")},
        ),
    ],
)
def test_passive_owners_appositions_and_towns(text, lang, wanted, unwanted) -> None:
    check_relations(text, lang, wanted, unwanted)

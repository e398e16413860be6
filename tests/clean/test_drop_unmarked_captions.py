"""drop_unmarked_captions: lone short sentences between long blank-separated paragraphs."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_unmarked_captions"
# Long paragraphs in the layout of seeds 002/004 (Portuguese here): ~400 characters.
P1 = (
    "O primeiro-ministro afirmou que a cooperação entre as localidades dos dois países se "
    "tornou um dos pilares mais dinâmicos da parceria estratégica abrangente, com mais de "
    "cem acordos assinados entre províncias e cidades, projetos de água potável, formação "
    "profissional e preservação do património, e milhares de intercâmbios entre autarcas, "
    "funcionários, estudantes e artesãos ao longo das últimas três décadas."
)
P2 = (
    "Durante o fórum, cerca de vinte novos acordos foram assinados, abrangendo a gestão de "
    "resíduos urbanos, a formação em profissões do turismo, a cooperação hospitalar e os "
    "intercâmbios universitários, enquanto as empresas dos dois países realizaram mais de "
    "cem reuniões bilaterais à margem das sessões plenárias, segundo os organizadores do "
    "evento, que já preparam a próxima edição para daqui a dois anos."
)
P3 = (
    "Os organizadores anunciaram que a próxima conferência terá lugar em 2027, com o "
    "objetivo de duplicar o número de localidades participantes e de associar mais jovens "
    "empresários, universidades e organizações da sociedade civil à definição das "
    "prioridades comuns, num momento em que o comércio bilateral cresce a dois dígitos e "
    "novas rotas aéreas aproximam as duas regiões."
)
CAPTION = "O primeiro-ministro recebe a delegação das províncias japonesas."


def layout(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_lone_short_sentence_between_long_paragraphs() -> None:
    assert removed(layout(P1, CAPTION, P2, P3), RULE) == [(CAPTION, "caption")]


@pytest.mark.parametrize(
    "line",
    [
        "Quais são as perspetivas para os próximos dez anos?",  # a question
        "Trabalho! Trabalho! Trabalho e trabalho!",  # an exclamation
        "Uma nova fase nas relações bilaterais",  # a sub-heading
        "Energia : projetos-piloto de energia solar em três províncias.",  # label item
        "«Cooperamos como vizinhos próximos», disse o ministro.",  # a quotation
        "1. Reforçar a formação dos quadros locais.",  # a numbered item
        "Sim.",  # too few words to be a caption
        "O fórum terminou. Os delegados partiram.",  # two sentences
    ],
)
def test_leaves_what_is_not_a_caption(line: str) -> None:
    assert removed(layout(P1, line, P2, P3), RULE) == []


def test_leaves_an_enumeration_item_between_long_items() -> None:
    first = "Em primeiro lugar, " + P1
    second = "Em segundo lugar, as duas partes reforçarão a formação dos quadros locais."
    third = "Em terceiro lugar, " + P2
    assert removed(layout(first, second, third, P3), RULE) == []


def test_leaves_a_run_of_short_paragraphs() -> None:
    shorts = ["Os delegados saudaram a qualidade dos debates.", CAPTION]
    assert removed(layout(P1, *shorts, P2, P3), RULE) == []


def test_off_in_dense_layout() -> None:
    assert removed(page(P1, CAPTION, P2, P3), RULE) == []


def test_off_in_pages_of_short_paragraphs() -> None:
    wire = [
        "Flood waters began to recede across central Vietnam on Wednesday, officials said.",
        "At least 41 people have died and 12 remain missing after days of rain.",
        "Officials declined to give a timetable for reopening the highway.",
        "The government has released 500 tonnes of rice from national reserves.",
    ]
    assert removed(layout(*wire), RULE) == []


@pytest.mark.xfail(strict=True, reason="known limit: a real one-line paragraph looks the same")
def test_known_failure_short_real_paragraph_between_long_ones() -> None:
    closing = "O acordo entra em vigor no próximo mês."
    assert removed(layout(P1, P2, closing, P3), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)

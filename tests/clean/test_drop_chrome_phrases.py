"""drop_chrome_phrases: lexicon chrome in many languages, never prose about it."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_chrome_phrases"
BODY = "The council voted on Tuesday to extend the sea wall by another two kilometres."


@pytest.mark.parametrize(
    "line",
    [
        # navigation and account links
        "Skip to content",
        "Zum Inhalt springen",
        "Startseite",
        "Trang chủ",
        "本文へ移動",
        "跳到主要内容",
        "Перейти к содержимому",
        "الصفحة الرئيسية",
        # share, print and follow buttons
        "Share this:",
        "Teilen Sie dies mit:",
        "Facebook Twitter E-Mail",
        "Facebook | WhatsApp | Telegram",
        "Chia sẻ",
        "シェアする",
        "Поделиться",
        "طباعة",
        # advertisement labels
        "Advertisement",
        "Anzeige",
        "Quảng cáo",
        "広告",
        "Реклама",
        # comment section heads and forms
        "Leave a Reply",
        "Schreibe einen Kommentar",
        "HINTERLASSEN SIE EINE ANTWORT Antwort abbrechen",
        "Your email address will not be published.",
        "댓글 쓰기",
        # tags
        "Tags: Barbour, Jacke, Hund",
        "Schlagwörter: Energie, Klima",
        # newsletter and paywall prompts
        "Subscribe to our newsletter and never miss a story",
        "Newsletter abonnieren",
        "Subscribe to continue reading",
        "Оформите подписку, чтобы читать дальше",
        "この記事は有料会員限定です",
        # copyright footers
        "© 2025 Harbour Daily Ltd",
        "Copyright 2023 Hildesheimer Presse. Alle Rechte vorbehalten.",
        "版权所有 © 新华网",
        "جميع الحقوق محفوظة لموقع الخبر",
        # cookie notices
        "Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Website zu ermöglichen.",
        "We use cookies to improve your experience on our site. By continuing you accept them.",
        "Trang web sử dụng cookie để cải thiện trải nghiệm, bạn đồng ý khi tiếp tục.",
    ],
)
def test_chrome(line: str) -> None:
    assert removed(page(BODY, line, BODY), RULE) == [(line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Bake the cookies for twelve minutes, until golden.",
        "Subscribers to the service paid more than last year.",
        "The copyright dispute went to the supreme court on Monday.",
        "Share prices fell sharply after the announcement.",
        "Facebook said it would appeal the ruling.",
        "Comments from residents were mostly positive, the mayor said.",
        "Tags and labels are printed in three languages.",
        "Anzeigen gegen den Betreiber wurden bereits im Mai erstattet.",
    ],
)
def test_leaves_prose_about_chrome_words(line: str) -> None:
    assert removed(page(BODY, line, BODY), RULE) == []


def test_a_page_about_cookies_keeps_its_cookie_sentences() -> None:
    text = page(
        "The EU wants websites to ask before they set tracking cookies.",
        "Consent banners on every site annoy readers, the commission admits.",
        "Under the new rules a browser setting would replace the cookie banner.",
    )
    assert removed(text, RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)

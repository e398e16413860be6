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
        "Folgen Sie uns auf Facebook und Instagram!",
        "If you enjoyed reading this post, would you consider supporting our work?",
        "Zapraszamy też do subskrypcji naszego tygodnika.",
        "Síguenos en Facebook, Instagram y X.",
        # newsletter heads and buttons
        "GET THE BOING BOING NEWSLETTER",
        "Podcasts & Newsletter",
        "Nyhetsbrev",
        "ニュースレター登録",
        # affiliate disclosures, anywhere in a short line
        "When you buy through links on our site, we may earn an affiliate commission.",
        "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.",
        "Este artículo contiene enlaces de afiliado.",
        "本文包含推广链接。",
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
        "Lust auf mehr Bewegung im Alltag hat fast jeder zweite Befragte, so die Studie.",
        "The newsletter reaches 40,000 readers.",
        "Newsletters have become the main channel of many small publishers, who say "
        "readers open them more often than they visit the site",
        # an affiliate disclosure is short: a paragraph about affiliate links is prose
        "Affiliate links have become the main income of many blogs: " + BODY * 4,
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

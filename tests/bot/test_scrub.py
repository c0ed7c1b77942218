"""Personal data is replaced by tags before free text is stored, in every language and script."""

import pytest

from bot.scrub import clean, has_words, normalize, scrub


@pytest.mark.parametrize(
    "text, secret, tag",
    [
        # e-mail addresses
        ("write to me at ahmad.k+news@gmail.com please", "ahmad.k+news@gmail.com", "[email]"),
        ("meine Mail: jana_müller@web.de", "jana_müller@web.de", "[email]"),
        ("بريدي sami.h@hotmail.com شكرا", "sami.h@hotmail.com", "[email]"),
        # phone numbers, with and without country codes, in several formats and digit scripts
        ("call me on +49 151 23456789", "23456789", "[phone]"),
        ("meine Nummer ist 0176/12345678", "12345678", "[phone]"),
        ("mon numéro: 06 12 34 56 78", "12 34 56 78", "[phone]"),
        ("mi teléfono es +34 612 345 678", "345 678", "[phone]"),
        ("мій номер +380 67 123 45 67", "123 45 67", "[phone]"),
        ("звоните 8 (912) 345-67-89", "345-67-89", "[phone]"),
        ("numaram 0532 123 45 67", "123 45 67", "[phone]"),
        ("mój numer to 512 345 678 dzięki", "512 345 678", "[phone]"),
        ("شماره من ۰۹۱۲۳۴۵۶۷۸۹ است", "۰۹۱۲۳۴۵۶۷۸۹", "[phone]"),
        ("رقمي ٠١٥١٢٣٤٥٦٧٨٩", "٠١٥١٢٣٤٥٦٧٨٩", "[phone]"),
        # IBANs and payment cards
        ("IBAN DE89 3704 0044 0532 0130 00 for the refund", "0532 0130", "[iban]"),
        ("my account PL61109010140000071219812874", "109010140000071219812874", "[iban]"),
        ("card 4111 1111 1111 1111 was refused", "4111 1111", "[card]"),
        # ID, passport and residence permit numbers
        ("my passport number is C01X00T47", "C01X00T47", "[id-number]"),
        ("Aufenthaltstitel Nr. Y12345678X", "Y12345678X", "[id-number]"),
        ("паспорт НК123456 забрали", "НК123456", "[id-number]"),
        ("kimlik numaram U12345678", "U12345678", "[id-number]"),
        # links with personal paths
        ("see https://facebook.com/ahmad.karimi.77", "ahmad.karimi", "[link]"),
        ("my profile instagram.com/jana_92", "jana_92", "[link]"),
        # street addresses with a house number
        ("I live at Hauptstraße 12 in the back", "Hauptstraße 12", "[address]"),
        ("wir wohnen Berliner Str. 5a", "Str. 5a", "[address]"),
        ("it happened at 221 Baker Street", "221 Baker Street", "[address]"),
        ("j'habite 12 rue de la Paix", "rue de la Paix", "[address]"),
        ("vivo en calle Mayor 3", "calle Mayor 3", "[address]"),
        ("mieszkam ul. Marszałkowska 10", "Marszałkowska 10", "[address]"),
        ("живу вул. Хрещатик 22", "Хрещатик 22", "[address]"),
        ("я живу ул. Ленина 5", "Ленина 5", "[address]"),
        ("Atatürk Caddesi No: 5 adresinde", "Caddesi No: 5", "[address]"),
        ("أسكن في شارع الحمرا 14", "الحمرا 14", "[address]"),
        ("خانه‌ام خیابان آزادی پلاک 7 است", "آزادی پلاک 7", "[address]"),
    ],
)
def test_personal_data_is_replaced_by_a_tag(text, secret, tag):
    scrubbed, found = scrub(text, region="DE")
    assert secret not in scrubbed
    assert tag in scrubbed
    assert tag.strip("[]") in found


@pytest.mark.parametrize(
    "text",
    [
        "The woman at the Bürgeramt shouted at me in March 2026 because of my headscarf.",
        "Die Frau im Jobcenter hat mich am 12.03. ausgelacht, weil ich kein Deutsch kann.",
        "في مكتب الأجانب رفضوا مساعدتي لأنني لا أتكلم الألمانية",
        "У Jobcenter мені сказали повернутися через 3 тижні",
        "Bekledim 2 saat ve sonra kapattılar",
        "کارمند اداره با من بد رفتار کرد چون افغانی هستم",
        "Czekałam 4 godziny od 9:00 do 13:00, płaciłam 25 euro",
        "The office on Hauptstraße was closed",
    ],
)
def test_ordinary_text_is_kept(text):
    scrubbed, found = scrub(text, region="DE")
    assert scrubbed == normalize(text)
    assert found == ()


def test_bidi_overrides_and_control_characters_are_removed_but_zwnj_kept():
    text = "abc\u202edef\u2066x\u2069\x00\x07 می\u200cخواهم"
    assert normalize(text) == "abcdefx می\u200cخواهم"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE reports; --",
        "<b onmouseover=alert(1)>hi</b>",
        "\u202egnp.exe",
        "Привет مرحبا hello 你好",
    ],
)
def test_hostile_and_mixed_input_is_stored_as_plain_text(text):
    cleaned = clean(text, max_length=2000)
    assert cleaned.text == normalize(text)  # kept verbatim; escaping happens where it is shown
    assert not cleaned.truncated


def test_long_text_is_cut_at_the_limit_with_a_mark():
    text = ("word " * 5000).strip()  # about 25 KB
    cleaned = clean(text, max_length=2000)
    assert cleaned.truncated
    assert len(cleaned.text) <= 2000 + len(" […]")
    assert cleaned.text.endswith("[…]")


@pytest.mark.parametrize(
    "text, expected", [("", False), ("   ", False), ("😡😡😡", False), ("?!", False), ("ok", True), ("٣", True)]
)
def test_has_words(text, expected):
    assert has_words(text) is expected

"""Reading numbers: digits, scale words, number words and vague amounts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.extract.figures.numbers import read_number, vague_low


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("57,575", 57575),
        ("2.1 million", 2_100_000),
        ("thirteen", 13),
        ("fifty-seven", 57),
        ("a dozen", 12),
        ("half", 0.5),
        ("1.5bn", 1.5e9),
        ("two hundred and fifty thousand", 250_000),
        ("a million", 1e6),
        ("an hour", 1),
        ("0.5", 0.5),
        ("twenty one trillion three hundred", 21_000_000_000_300),
        ("4 thousand 3 hundred and 21", 4321),
        ("one thousand and five hundred", 1500),
        ("two thousand and two hundred", 2200),
        ("twelve hundred", 1200),
        ("6 crore and two hundred", 60_000_200),
        ("three and a fifth", 3.2),
        ("one and three quarters", 1.75),
        ("3 million and a half", 3_500_000),
        ("five billion and three quarters", 5.75e9),
        ("3/4", 0.75),
        ("10 1/2", 10.5),
    ],
)
def test_read_number(phrase, value):
    assert read_number(phrase) == pytest.approx(value)


@pytest.mark.parametrize(
    "phrase",
    ["thousands", "dozens", "hundreds", "banana", "", "9/11", "24/7"],
)
def test_not_a_plain_number(phrase):
    assert read_number(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "low"),
    [
        ("thousands", 2000),
        ("Dozens", 24),
        ("hundreds of thousands", 200_000),
        ("tens of thousands", 20_000),
        ("millions", 2e6),
        ("dozen", None),
    ],
)
def test_vague_low(phrase, low):
    assert vague_low(phrase) == low


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_separators_round_trip(number):
    assert read_number(f"{number:,}") == number
    assert read_number(str(number)) == number


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words_multiply(number, scale):
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert read_number(f"{number} {scale}") == pytest.approx(number * factor)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("4.1m", 4_100_000.0),
        ("4.1 million", 4_100_000.0),
        ("1.15bn", 1_150_000_000.0),
        ("33.3 million", 33_300_000.0),
        ("0.07 trillion", 70_000_000_000.0),
    ],
)
def test_values_are_exact(phrase, value):
    assert read_number(phrase) == value  # exactly: decimal arithmetic, one float at the end


@pytest.mark.issue(16)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["m", "bn", " million"]))
def test_decimal_scales_are_exact(hundredths, scale):
    factor = {"m": 10**6, "bn": 10**9, " million": 10**6}[scale]
    written = f"{hundredths // 100}.{hundredths % 100:02d}{scale}"
    assert read_number(written) == float(hundredths * factor // 100)

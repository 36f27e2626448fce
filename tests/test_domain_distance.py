"""Haversine distance: known city pairs, symmetry, and the bounds of a sphere."""

from __future__ import annotations

from math import pi

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.distance import EARTH_RADIUS_KM, haversine_km

MOSCOW = (55.7558, 37.6173)
SAINT_PETERSBURG = (59.9343, 30.3351)
BERLIN = (52.5200, 13.4050)
PARIS = (48.8566, 2.3522)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [(MOSCOW, SAINT_PETERSBURG, 634.0), (BERLIN, PARIS, 878.0)],
)
def test_known_distances(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.01)


def test_a_point_is_zero_from_itself_and_a_degree_of_latitude_is_111_km() -> None:
    assert haversine_km(*BERLIN, *BERLIN) == 0.0
    assert haversine_km(10.0, 20.0, 11.0, 20.0) == pytest.approx(111.2, abs=0.1)


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(pi * EARTH_RADIUS_KM)
    assert haversine_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(pi * EARTH_RADIUS_KM)


latitudes = st.floats(-90, 90)
longitudes = st.floats(-180, 180)


@given(latitudes, longitudes, latitudes, longitudes)
def test_symmetric_and_within_half_the_circumference(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    d = haversine_km(lat1, lon1, lat2, lon2)
    assert d == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-6)
    assert 0.0 <= d <= pi * EARTH_RADIUS_KM + 1e-6


@given(latitudes, longitudes, latitudes, longitudes, latitudes, longitudes)
def test_the_triangle_inequality(
    lat1: float, lon1: float, lat2: float, lon2: float, lat3: float, lon3: float
) -> None:
    direct = haversine_km(lat1, lon1, lat3, lon3)
    via = haversine_km(lat1, lon1, lat2, lon2) + haversine_km(lat2, lon2, lat3, lon3)
    assert direct <= via + 1e-6

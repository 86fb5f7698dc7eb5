"""Data the app reads at run time, shipped inside the package (declared as package data in
pyproject.toml) so an installed app does not depend on the repository's seed_data/ folder, which
holds only the demo seed and the evaluation sets.

- ``needs_taxonomy.json``: the needs, their words and UKCAT codes (curated by hand).
- ``geo/local_authorities_england.csv``, ``geo/places_england.csv``: the area names a service's
  own words may use (built by seed_data/build_seed.py; sources in seed_data/ATTRIBUTION.md), and
  ``geo/place_centres.csv``: where those places are (seed_data/build_steps/places.py), and
  ``geo/local_areas.csv``: former districts and dales as their postcode districts
  (seed_data/build_steps/local_areas.py).
- ``geo/lsoa21_england.csv``, ``geo/postcode_districts_gb.csv``, ``geo/trafford_postcodes.csv``,
  ``geo/trafford_wards.csv``: the gap report's areas (every English LSOA with its deprivation, GB
  postcode district centroids, Trafford's postcodes and wards), also built by build_seed.py.
- ``training/``: the development parts of the blind labelled sets the readers learn from.
- ``oruk/openapi.json``: the Open Referral UK profile our /openreferral API publishes.
- ``csv-template.md``: the CSV import template's guide, shown to curators at /curate/csv-template.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent

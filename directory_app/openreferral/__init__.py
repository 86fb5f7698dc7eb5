"""Open Referral UK 3.0 API: the profile's paths over our directory (api.py) and its queries (service.py)."""

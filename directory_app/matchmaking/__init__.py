"""The app's side of matching: place, candidates from Meilisearch, the text model, demand records.
The ranking itself is the pure ``matching`` library."""

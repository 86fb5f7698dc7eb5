"""Benchmarks: synthetic directories (``bench.synth``) and the side-by-side runner (``bench.run``)."""

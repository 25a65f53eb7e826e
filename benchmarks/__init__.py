"""Benchmarks of lkjip-xl (python benchmarks/run.py; docs/benchmarks.md)."""

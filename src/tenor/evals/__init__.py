"""Evaluation harnesses: metrics, data loaders and the ``tenor eval`` commands' logic."""

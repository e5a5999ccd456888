"""`course bench`: build time, rebuild time, PDF time, page weight and Lighthouse scores, with their targets.

Everything runs on a throw-away copy of the project (fresh caches, nothing written into the working tree but the
results), so measuring never disturbs a running `mkdocs serve` or the shared `.cache/`.
"""

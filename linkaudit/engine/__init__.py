"""The rule engine: rule pack, matching (evidence), scoring, hubs and groups.

`evaluate(inv, pack, config)` is the whole engine; `rules.load_pack()` reads the rule pack;
`examples.run_examples(pack)` runs the rules' pass/fail examples.
"""

from linkaudit.engine.evaluate import evaluate

__all__ = ["evaluate"]

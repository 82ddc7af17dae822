"""Print the scan JSON Schema generated from the models."""

import json

from linkaudit.schema import generate

print(json.dumps(generate(), indent=2, ensure_ascii=False, sort_keys=True))

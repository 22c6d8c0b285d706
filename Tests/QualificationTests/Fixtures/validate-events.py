"""Validate event fixtures against the crosshub event schemas.

Usage: validate-events.py SCHEMA_DIR FIXTURE_FILE

Each fixture line is EXPECTATION<TAB>MESSAGE<TAB>JSON. Prints one line per
fixture: "valid" or "invalid" followed by the first schema error. JSON that
Python rejects (NaN and Infinity included) counts as invalid.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name}")


def main():
    if "date-time" not in Draft202012Validator.FORMAT_CHECKER.checkers:
        sys.exit("jsonschema cannot check date-time formats: install rfc3339-validator (pip install rfc3339-validator)")
    schema_dir = pathlib.Path(sys.argv[1])
    paths = [schema_dir / "event.schema.json", *sorted((schema_dir / "events").glob("*.schema.json"))]
    schemas = [json.loads(path.read_text()) for path in paths]
    for schema in schemas:
        Draft202012Validator.check_schema(schema)
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas)
    validator = Draft202012Validator(schemas[0], registry=registry,
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)

    for line in pathlib.Path(sys.argv[2]).read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        _, _, text = line.split("\t", 2)
        try:
            instance = json.loads(text, parse_constant=reject_constant)
        except ValueError as error:
            print(f"invalid\tnot JSON: {error}")
            continue
        error = next(iter(sorted(validator.iter_errors(instance), key=lambda e: list(e.path))), None)
        print("valid" if error is None else f"invalid\t{list(error.path)}: {error.message}")


if __name__ == "__main__":
    main()

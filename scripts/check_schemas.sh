#!/bin/sh
# Check each data file given against its schema: data/actors/x.yaml -> schemas/actors.schema.json,
# data/glossary.yaml -> schemas/glossary.schema.json. Used by the pre-commit hook.
set -eu
status=0
for file in "$@"; do
  rel=${file#data/}
  kind=${rel%%/*}
  kind=${kind%.yaml}
  check-jsonschema --schemafile "schemas/$kind.schema.json" "$file" || status=1
done
exit $status

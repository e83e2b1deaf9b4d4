#!/usr/bin/env bash
# After changing the sentence-embedding model (SentenceEmbedder:Model, build/B12Bot.ModelQuantizer) or the content:
# writes the content's saved embeddings (dialogs/content-embeddings.bin) with the model the host runs, then refits the
# understanding model on them (deterministic, seeded). One command, so the two never describe different models.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project build/B12Bot.ContentEmbeddings
dotnet run -c Release --project eval/B12Bot.ModelFit

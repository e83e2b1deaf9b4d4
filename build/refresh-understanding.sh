#!/usr/bin/env bash
# After changing the sentence-embedding model (SentenceEmbedder:Model, build/B12Bot.ModelQuantizer) or the content:
# brings the content's saved embeddings (dialogs/content-embeddings.bin, generated, not committed) up to date with the
# model the host runs, then refits the understanding model on the content (deterministic, seeded). One command, so the
# two never describe different models.
# Any build writes the embeddings too: building build/B12Bot.ContentEmbeddings reruns the tool only when dialogs/*.yaml,
# appsettings.json or the sources of the embedder or the tool changed since the file was written (its target
# GenerateContentEmbeddings).
# To rewrite the file unconditionally: dotnet run -c Release --project build/B12Bot.ContentEmbeddings
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release --nologo -v m build/B12Bot.ContentEmbeddings
dotnet run -c Release --project eval/B12Bot.ModelFit

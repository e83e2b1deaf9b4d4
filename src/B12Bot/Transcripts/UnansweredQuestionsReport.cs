using B12Bot.Conversation.Telemetry;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Transcripts;

/// <summary>A group of similar questions the bot could not answer (or had to clarify), with how often each outcome came up.</summary>
public sealed record QuestionGroup(string Example, int Count, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyList<string> OtherWordings);

/// <summary>
/// What content editors need from the opt-in transcript: the unanswered and clarified questions, grouped by meaning with
/// the bot's own sentence embedder (a question joins the group whose first question is closest, when at least
/// <see cref="Similarity"/> alike), largest group first. Reads the transcript only, never logs.
/// </summary>
public sealed class UnansweredQuestionsReport(ITranscriptStore store, ISentenceEmbedder embedder)
{
    public const double Similarity = 0.7;

    public static readonly string[] Outcomes = [QuestionOutcomes.NotUnderstood, QuestionOutcomes.OutOfScope, QuestionOutcomes.Clarified];

    public async Task<IReadOnlyList<QuestionGroup>> BuildAsync(CancellationToken cancellationToken = default)
    {
        var entries = await store.ReadAsync(Outcomes, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return [];
        }

        var vectors = embedder.EmbedBatch([.. entries.Select(e => e.Text)]);
        var groups = new List<(float[] Anchor, List<int> Members)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var best = -1;
            var bestScore = Similarity;
            for (var g = 0; g < groups.Count; g++)
            {
                var score = Cosine(groups[g].Anchor, vectors[i]);
                if (score >= bestScore)
                {
                    (best, bestScore) = (g, score);
                }
            }

            if (best < 0)
            {
                groups.Add((vectors[i], [i]));
            }
            else
            {
                groups[best].Members.Add(i);
            }
        }

        return [.. groups
            .Select(g => new QuestionGroup(
                entries[g.Members[0]].Text,
                g.Members.Count,
                g.Members.GroupBy(m => entries[m].Outcome).ToDictionary(o => o.Key, o => o.Count(), StringComparer.Ordinal),
                [.. g.Members.Skip(1).Select(m => entries[m].Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(3)]))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Example, StringComparer.Ordinal)];
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>`dotnet run --project src/B12Bot -- unanswered`: prints the groups, largest first.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TranscriptOptions>>().Value;
        if (!options.Enabled)
        {
            // Nothing to read: with a shared store, reading would only create its empty table or container.
            await output.WriteLineAsync("The transcript is off (Transcript:Enabled=false): there is nothing to report. Nothing is ever read from logs.").ConfigureAwait(false);
            return 0;
        }

        var groups = await new UnansweredQuestionsReport(services.GetRequiredService<ITranscriptStore>(), services.GetRequiredService<ISentenceEmbedder>())
            .BuildAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{groups.Sum(g => g.Count)} unanswered or clarified question(s) in {groups.Count} group(s), largest first:").ConfigureAwait(false);
        foreach (var group in groups)
        {
            var outcomes = string.Join(", ", group.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));
            await output.WriteLineAsync($"{group.Count,5}  \"{group.Example}\"  ({outcomes})").ConfigureAwait(false);
            foreach (var other in group.OtherWordings)
            {
                await output.WriteLineAsync($"         also: \"{other}\"").ConfigureAwait(false);
            }
        }

        return 0;
    }
}

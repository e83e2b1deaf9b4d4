namespace B12Bot.Conversation.Content;

/// <summary>
/// language.yaml's spoken_forms: how voice typing writes a word ("be twelve shots"), put in its written form ("b12") before
/// a message is read; a phrase that starts with <see cref="Verb"/> is left as it is after one of <see cref="VerbAfter"/>,
/// which make it the verb ("she will be twelve in may"), unless one of <see cref="VerbUnlessBefore"/> follows it ("how long
/// will be twelve shots take").
/// </summary>
public sealed record SpokenForms(IReadOnlyList<SpokenForm> Forms, string? Verb, IReadOnlyList<string> VerbAfter, IReadOnlyList<string> VerbUnlessBefore)
{
    public static SpokenForms None { get; } = new([], null, [], []);
}

/// <summary>One written form and the phrases voice typing writes for it, tried in the file's order.</summary>
public sealed record SpokenForm(string Written, IReadOnlyList<string> Spoken);

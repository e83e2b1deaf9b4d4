namespace B12Bot.Conversation.Understanding;

/// <summary>What the words of a message say: a score per intent (0 to 1) and what kind of words it used.</summary>
public sealed class LexicalEvidence(double[] scores)
{
    /// <summary>Per intent (catalog order): the share of the message's weighted terms it explains, blended with its best phrasing's similarity.</summary>
    public double[] Scores { get; } = scores;

    /// <summary>The message names something the bot covers (a topic word).</summary>
    public bool HasTopic { get; init; }

    /// <summary>The message names B12 itself (b12, injection, deficiency ...), not just health in general.</summary>
    public bool HasAnchor { get; init; }

    /// <summary>The message has a longer word the content never uses (likely its real subject: "ozempic", "covid").</summary>
    public bool HasUnknownSubject { get; init; }

    /// <summary>The message names another medicine, vitamin or condition (language.yaml foreign_words).</summary>
    public bool HasForeignSubject { get; init; }

    /// <summary>The message names B12 itself or its shot (language.yaml b12_words).</summary>
    public bool NamesB12 { get; init; }

    /// <summary>The message names B12 itself (b12, cobalamin ...), not only a shot (language.yaml shot_words).</summary>
    public bool NamesB12Itself { get; init; }

    /// <summary>
    /// A message of several clauses whose question names another medicine, vitamin or condition and not B12, whatever the
    /// rest says: "i get b12 jabs, but how often can i use my asthma inhaler?".
    /// </summary>
    public bool QuestionAboutSomethingElse { get; init; }

    /// <summary>The questions name a word the content never uses and neither B12 nor its shot (a price asked of another service).</summary>
    public bool AsksOfUnknownThing { get; init; }

    /// <summary>
    /// When the questions ask about a subject another answer speaks of beside the shot (a vaccine) by itself: the intents
    /// whose title names it, the only ones that may answer (null: no such subject asked).
    /// </summary>
    public IReadOnlySet<int>? OnlyAnswersForSubjectAsked { get; init; }

    /// <summary>The share of the message's term weight carried by words the content never uses (0 to 1).</summary>
    public double UnknownShare { get; init; }

    /// <summary>Another medicine, vitamin or condition is named and B12 is not: the message is about something else.</summary>
    public bool IsAboutSomethingElse => HasForeignSubject && !NamesB12;

    /// <summary>The walkthrough start's score (how much of the message's words ask to be taken through the questions).</summary>
    public double WalkthroughScore { get; init; }

    /// <summary>
    /// A clause that tells, not asks, names a symptom the answer may have to be about (language.yaml story_symptom_words):
    /// "my feet have been numb for weeks. should i just start shots?".
    /// </summary>
    public bool StoryTellsSymptoms { get; init; }

    /// <summary>The message's last clause opens with a question word ("which blood tests are done ...?"): it asks for information.</summary>
    public bool LastClauseOpensWithQuestionWord { get; init; }

    /// <summary>The walkthrough start scores highest of all intents on the words.</summary>
    public bool WalkthroughLeads => WalkthroughScore > 0 && WalkthroughScore >= Scores.Max();

    /// <summary>The message's last clause asks for the symptom check itself (language.yaml request_words).</summary>
    public bool RequestsWalkthrough { get; init; }

    /// <summary>The last clause asks for the symptom check and nothing else ("can u do that self-check thing with me?").</summary>
    public bool RequestsOnlyWalkthrough { get; init; }

    /// <summary>For a message with several question clauses: the intents its clauses clearly ask for (at most two).</summary>
    public int[] QuestionIntents { get; init; } = [];
}

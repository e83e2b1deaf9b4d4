namespace B12Bot.Conversation.Content;

/// <summary>How messages are read: stop words, synonyms (concept -> words and phrases) and topic words.</summary>
public sealed class LanguageResources
{
    public required IReadOnlyList<string> Stopwords { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; }
    public required IReadOnlyList<string> TopicWords { get; init; }

    /// <summary>Concepts that say what kind of answer is wanted; they weigh more when matching.</summary>
    public IReadOnlyList<string> IntentCues { get; init; } = [];

    /// <summary>Concepts that tie a message to B12 itself (b12, injection, deficiency ...), as opposed to health in general.</summary>
    public IReadOnlyList<string> AnchorWords { get; init; } = [];

    /// <summary>Concepts that name another medicine, vitamin or condition: a message about them is out of scope.</summary>
    public IReadOnlyList<string> ForeignWords { get; init; } = [];

    /// <summary>
    /// The foreign_words that name a finding (another test's result, another condition): a question that points back at
    /// one ("my platelets were 460. what does that mean?") asks about it, not about B12.
    /// </summary>
    public IReadOnlyList<string> FindingWords { get; init; } = [];

    /// <summary>
    /// Concepts the content speaks of only beside B12 (folate): a question that names one and not B12 or its shot asks
    /// about it alone, whatever the story before it said.
    /// </summary>
    public IReadOnlyList<string> NeighbourWords { get; init; } = [];

    /// <summary>
    /// Conditions the content names only as another cause (thyroid, iron): a question asking for their signs that names
    /// no B12 is about them ("what are the symptoms of an underactive thyroid?").
    /// </summary>
    public IReadOnlyList<string> NeighbourConditions { get; init; } = [];

    /// <summary>
    /// Medicines the content names only as causes of low B12 (metformin, acid reducers): a question about their own side
    /// effects or dose that names no B12 is about them ("what other side effects does metformin have?").
    /// </summary>
    public IReadOnlyList<string> NeighbourMedicines { get; init; } = [];

    /// <summary>
    /// Words of the answers' titles that judge what was told rather than name a subject ("is it normal?", "is that
    /// common?"): such a question points back at what the story named.
    /// </summary>
    public IReadOnlyList<string> VerdictWords { get; init; } = [];

    /// <summary>Concepts that ask about a medicine itself: its side effects, its dose.</summary>
    public IReadOnlyList<string> MedicineQuestionWords { get; init; } = [];

    /// <summary>Symptoms that, told in a story, may be what the answer must be about (the sentence-embedding model decides such messages).</summary>
    public IReadOnlyList<string> StorySymptomWords { get; init; } = [];

    /// <summary>Concepts that ask for a condition's signs ("symptoms", "how can i tell").</summary>
    public IReadOnlyList<string> SignWords { get; init; } = [];

    /// <summary>
    /// Concepts that ask about having something with the shot ("the same day", "together"): a vaccine the content speaks of
    /// beside the shot stays its subject then ("i'm getting b12 shots. is it ok to have the flu jab the same day?").
    /// </summary>
    public IReadOnlyList<string> CombiningWords { get; init; } = [];

    /// <summary>
    /// Phrases that ask the same in plain words ("same day"), read as the words they are, not as a concept, so that they
    /// weigh in every other reading as before.
    /// </summary>
    public IReadOnlyList<string> CombiningPhrases { get; init; } = [];

    /// <summary>Concepts that make B12 itself (or its shot) the subject; without one, a foreign subject is out of scope.</summary>
    public IReadOnlyList<string> B12Words { get; init; } = [];

    /// <summary>Concepts that set B12 aside ("b12 aside", "not b12"): B12 named only in them is not the message's subject.</summary>
    public IReadOnlyList<string> B12SetAsideWords { get; init; } = [];

    /// <summary>The concept a word the content never uses is read as when it ends like a medicine name (<see cref="MedicineEndings"/>); null: none.</summary>
    public string? MedicineEndingConcept { get; init; }

    /// <summary>Endings of medicine names ("pril", "sartan", "statin"): language.yaml medicine_endings.</summary>
    public IReadOnlyList<string> MedicineEndings { get; init; } = [];

    /// <summary>Spoken and dictated spellings put in their written form before a message is read: language.yaml spoken_forms.</summary>
    public SpokenForms SpokenForms { get; init; } = SpokenForms.None;

    /// <summary>Another subject named only to liken the shot to it ("like after a flu jab"): language.yaml likening.</summary>
    public Likening Likening { get; init; } = Likening.None;

    /// <summary>Phrases that turn a message to another subject ("unrelated but", "random q"): language.yaml subject_turns.</summary>
    public IReadOnlyList<string> SubjectTurns { get; init; } = [];

    /// <summary>The b12_words that name any shot ("jab"): beside another subject they do not make B12 the subject by themselves.</summary>
    public IReadOnlyList<string> ShotWords { get; init; } = [];

    /// <summary>Words dropped at the start of a whole-message command or small talk ("hey", "ok so", "can you").</summary>
    public IReadOnlyList<string> LeadingFillers { get; init; } = [];

    /// <summary>Words dropped at the end of a whole-message command or small talk ("please", "mate").</summary>
    public IReadOnlyList<string> TrailingFillers { get; init; } = [];

    /// <summary>
    /// Words that may stand around a command phrase without turning the message into a question ("stop the questions",
    /// "restart this conversation", "nah forget it"), normalized single words.
    /// </summary>
    public IReadOnlyList<string> CommandWords { get; init; } = [];

    /// <summary>
    /// The subjects a reason told after a command opens with ("stop this checklist i changed my mind": "i"), normalized
    /// single words: the command stands when the rest of the message only tells why.
    /// </summary>
    public IReadOnlyList<string> ReasonOpeners { get; init; } = [];

    /// <summary>
    /// Owners a longer reason may open with ("start fresh, my husband wants to do it himself": "my"), normalized single
    /// words; a short one is what the command acts on ("reset my password", "help me with my homework").
    /// </summary>
    public IReadOnlyList<string> ReasonOwners { get; init; } = [];

    /// <summary>
    /// Words a reason or a telling beside a command or small talk uses for its teller ("I have got myself in a muddle":
    /// "myself"), normalized single words: there they are the teller, not the self-injection subject they may be in a
    /// question.
    /// </summary>
    public IReadOnlyList<string> TellerWords { get; init; } = [];

    /// <summary>
    /// Words that name the chat or the check itself ("conversation", "questions", "checklist"), normalized single words: a
    /// command that names one stands after any telling ("I'm so muddled. Can we begin the whole conversation again?"); a
    /// bare one ("can i stop?") only after a telling that names nothing the content is about.
    /// </summary>
    public IReadOnlyList<string> ChatWords { get; init; } = [];

    /// <summary>
    /// Words that name the symptom check ("check", "quiz", "questionnaire"), normalized single words: after a telling about
    /// B12 or a symptom, help with one of them asks for the check ("i think i'm low on b12, can you help me check?").
    /// </summary>
    public IReadOnlyList<string> CheckWords { get; init; } = [];

    /// <summary>Shorthand spelled out in whole-message lookups ("u" -> "you", "ty" -> "thank you"): the texting words and the whole-message section's own, normalized.</summary>
    public IReadOnlyDictionary<string, string> Shorthand { get; init; } = new Dictionary<string, string>();

    /// <summary>Texting shorthand spelled out before any reading of a message or the content ("hw" -> "how"), one word for one word.</summary>
    public IReadOnlyDictionary<string, string> Texting { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Words by which a question points back at the story before it ("does that affect ...", "can i still ..."): such a
    /// question is read with its story, not on its own.
    /// </summary>
    public IReadOnlyList<string> ReferringWords { get; init; } = [];

    /// <summary>Concepts of a question that asks nothing by itself ("what should i do"): it too is read with its story.</summary>
    public IReadOnlyList<string> OpenQuestionWords { get; init; } = [];

    /// <summary>Concepts by which a message asks for the symptom check itself ("ask me some questions", "do the self assessment").</summary>
    public IReadOnlyList<string> RequestWords { get; init; } = [];
}

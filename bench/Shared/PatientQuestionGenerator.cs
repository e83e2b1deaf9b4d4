namespace B12Bot.Bench;

/// <summary>
/// Composes FAQ questions the way patients write them (a greeting, a bit of their story, the question, a sign-off),
/// each one different from every other for the first <see cref="Count"/> indexes, so no cache can answer them: index i
/// is spread over the whole space by a stride coprime with its size, and split into the four parts.
/// </summary>
internal static class PatientQuestionGenerator
{
    private static readonly string[] Openers =
    [
        "", "hi, ", "Hello there. ", "quick question: ", "sorry to bother you but ", "hey ", "Good morning, ", "ok so ",
        "Hi team, ", "not sure who to ask, ", "Hiya! ", "Excuse me, ", "one more thing: ", "Hello, ", "hi again - ",
    ];

    private static readonly string[] Stories =
    [
        "", "I've been so tired lately and ", "my GP said my levels are low, ", "I'm vegan and ", "I had my first one on Monday, ",
        "I'm 63 and ", "my mum has pernicious anaemia and ", "I'm a bit nervous about needles, ", "my pharmacist suggested it and ",
        "I'm on metformin for diabetes, ", "I get pins and needles in my feet and ", "I just got my blood results back, ",
        "my friend swears by them, ", "I had gastric bypass surgery two years ago, ", "I've been reading online and ",
    ];

    private static readonly string[] Questions =
    [
        "how often do I need the b12 shot", "does the injection hurt", "what are the side effects of b12 injections",
        "can I drink alcohol after my b12 injection", "where does the needle actually go", "how long until I feel less tired",
        "are b12 jabs safe", "what does b12 even do in the body", "how do I know if my b12 is low",
        "are the shots better than tablets", "can I have them while pregnant", "do they help you lose weight",
        "what should I bring to my appointment", "how much does a b12 injection cost", "can b12 give you energy",
        "is it normal for my arm to be sore after", "what happens if I miss an injection", "can I take b12 with my other medicines",
        "what is pernicious anaemia", "who is most at risk of low b12", "can you overdose on b12",
        "what's the difference between cyanocobalamin and hydroxocobalamin", "do I need a blood test first",
        "can I do the injections myself at home", "how long does one shot last", "why would my doctor recommend injections",
        "is b12 deficiency serious", "what foods have b12 in them", "can low b12 cause memory problems",
        "what are the next steps if I want to start", "will it stop my hair falling out", "is 1000 mcg a normal dose",
    ];

    private static readonly string[] Closings =
    [
        "?", "??", "? thanks", "? thank you!", "? x", " please?", "? cheers", "", "? asking for my dad", " - thanks in advance",
        "? :)", "...",
    ];

    public static long Count { get; } = (long)Openers.Length * Stories.Length * Questions.Length * Closings.Length;

    /// <summary>A large prime that divides none of the part counts, so i → i·stride mod Count visits every combination once.</summary>
    private const long Stride = 1_000_003;

    public static string Compose(long index)
    {
        var spread = (index % Count * Stride) % Count;
        var question = Questions[spread % Questions.Length];
        spread /= Questions.Length;
        var story = Stories[spread % Stories.Length];
        spread /= Stories.Length;
        var opener = Openers[spread % Openers.Length];
        spread /= Openers.Length;
        var closing = Closings[spread % Closings.Length];
        return opener + story + question + closing;
    }
}

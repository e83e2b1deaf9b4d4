using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>The shipped content, matcher and safety triage, built once per test class as the host builds them once at start.</summary>
public sealed class ContentFixture
{
    public ContentFixture()
    {
        Content = B12ContentLoader.Load(RepositoryPaths.Dialogs, "911");
        Matcher = new FaqMatcher(Content);
        Triage = new SafetyTriage(Content.Safety, Matcher.Analyzer.IsKnownWord);
    }

    public B12Content Content { get; }

    public FaqMatcher Matcher { get; }

    public SafetyTriage Triage { get; }
}

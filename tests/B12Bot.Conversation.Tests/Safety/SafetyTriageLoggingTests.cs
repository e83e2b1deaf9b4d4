using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>What the visitor wrote is health data: the triage logs its class and rule id, never the message.</summary>
public sealed class SafetyTriageLoggingTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    [InlineData("my secret words: i want to kill myself", "Crisis", "self_harm_or_suicide")]
    [InlineData("my secret words: my toddler swallowed my pills", "Poisoning", "child_or_pet_swallowed_medicine")]
    [InlineData("my secret words: my throat is closing", "Emergency", "face_or_throat_swelling")]
    [InlineData("my secret words: itchy all over since the shot", "PossibleReaction", "symptom_after_injection")]
    // read by the learned crisis reading since its refit with fresh-safety-56..85 (the backstop's meaning read it before)
    [InlineData("my secret is i have nothing left to live for", "Crisis", "learned_crisis")]
    public async Task The_log_names_the_class_and_rule_but_never_the_message(string text, string triageClass, string ruleId)
    {
        var logs = new FakeLogCollector();
        var state = new ConversationState(new MemoryStorage());
        var middleware = new SafetyTriageMiddleware(fixture.Triage, new SafetyReplies(fixture.Content), state, new FakeLogger<SafetyTriageMiddleware>(logs),
            fixture.Backstop);
        var adapter = new TestAdapter().Use(middleware);

        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), (_, _) => Task.CompletedTask);

        var line = Assert.Single(logs.Entries);
        Assert.Contains(triageClass, line, StringComparison.Ordinal);
        Assert.Contains(ruleId, line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.OrdinalIgnoreCase);
    }
}

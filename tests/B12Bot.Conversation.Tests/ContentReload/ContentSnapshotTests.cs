using B12Bot.Conversation.Content;
using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.ContentReload;

/// <summary>
/// The content source as the host registers it (AddB12Conversation): a reload swaps the whole snapshot at once, and a
/// turn keeps the snapshot it started with, so an edit never lands halfway through an answer.
/// </summary>
public sealed class ContentSnapshotTests : IDisposable
{
    private const string Question = "What does vitamin B12 do?";
    private const string ShippedAnswer = "Vitamin B12 helps your body make **red blood cells**";
    private const string EditedAnswer = "Vitamin B12 is what your body uses to make **red blood cells**";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12bot-snapshot-" + Guid.NewGuid().ToString("N"));

    public ContentSnapshotTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Dialogs))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task An_edit_that_lands_while_a_message_is_answered_reaches_the_next_message_not_that_one()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(conversationState)
            .AddSingleton(ContentFixture.Embedder)
            .AddB12Conversation(_folder, "911");
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<B12ContentSource>();
        var editLands = new EditDuringTurn(source, () => Edit(ShippedAnswer, EditedAnswer));
        var adapter = new TestAdapter()
            .Use(new AutoSaveStateMiddleware(conversationState))
            .Use(provider.GetRequiredService<CurrentSafetyTriageMiddleware>())
            .Use(editLands);

        await new TestFlow(adapter, provider.GetRequiredService<IBot>())
            .Send(Question)
            .AssertReplyContains(ShippedAnswer, "the message that was being answered when the edit landed")
            .Send(Question)
            .AssertReplyContains(EditedAnswer, "the next message")
            .StartTestAsync();

        Assert.Equal(ContentReloadResult.Applied, editLands.Outcome?.Result);
        Assert.Equal(2, source.Current.Version);
        Assert.Contains(EditedAnswer, source.Current.Content.Faq[0].Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_same_bytes_again_rebuilds_nothing_and_a_refused_edit_keeps_every_part_of_the_live_snapshot()
    {
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new ConversationState(new MemoryStorage()))
            .AddSingleton(ContentFixture.Embedder)
            .AddB12Conversation(_folder, "911");
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<B12ContentSource>();
        var live = source.Current;

        File.SetLastWriteTimeUtc(Path.Combine(_folder, B12ContentLoader.FaqFile), DateTime.UtcNow);
        Assert.Equal(ContentReloadResult.Unchanged, (await source.ReloadAsync()).Result);

        File.WriteAllText(Path.Combine(_folder, UnderstandingModel.FileName), "{ \"candidate\": ");
        var refused = await source.ReloadAsync();

        Assert.Equal(ContentReloadResult.Refused, refused.Result);
        Assert.Contains(refused.Problems, p => p.File == UnderstandingModel.FileName && p.Line >= 1);
        Assert.Same(live, source.Current);
        Assert.Same(live.Matcher, provider.GetRequiredService<B12Bot.Conversation.Faq.FaqMatcher>());
        Assert.Same(live.Content, provider.GetRequiredService<B12Content>());
    }

    [Fact]
    public async Task A_handoff_edit_that_lands_during_a_turn_reaches_the_next_turn_not_that_one()
    {
        const string Shipped = "Sorry, I can't reach the clinic team right now.";
        const string Edited = "The clinic team is not reachable at the moment.";
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new ConversationState(new MemoryStorage()))
            .AddSingleton(ContentFixture.Embedder)
            .AddB12Conversation(_folder, "911")
            .AddHandoff(_folder, "911", new HandoffOptions { ClinicPhone = "555-0100" });
        await using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<B12ContentSource>();
        var texts = provider.GetRequiredService<HandoffTexts>();
        var recognizer = provider.GetRequiredService<HandoffRequestRecognizer>();
        using var turn = new TurnContext(new TestAdapter(), Message("talk to a person"));
        Assert.Contains(Shipped, texts.Get(turn, HandoffContent.Unavailable), StringComparison.Ordinal);

        var path = Path.Combine(_folder, HandoffContentLoader.FileName);
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace(Shipped, Edited, StringComparison.Ordinal)
            .Replace("phrases: [talk to a person,", "phrases: [page the front desk, talk to a person,", StringComparison.Ordinal));
        Assert.Equal(ContentReloadResult.Applied, (await source.ReloadAsync()).Result);

        // The turn in flight keeps its snapshot's texts and words; the next turn and code outside a turn get the edit.
        Assert.Contains(Shipped, texts.Get(turn, HandoffContent.Unavailable), StringComparison.Ordinal);
        Assert.False(recognizer.IsRequest(turn, "page the front desk"));
        using var next = new TurnContext(new TestAdapter(), Message("page the front desk"));
        Assert.Contains(Edited, texts.Get(next, HandoffContent.Unavailable), StringComparison.Ordinal);
        Assert.True(recognizer.IsRequest(next, "page the front desk"));
        Assert.Contains(Edited, texts.Get(HandoffContent.Unavailable), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracket_left_open_in_faq_yaml_is_reported_at_its_line_not_as_a_crash()
    {
        Edit("    title: What does B12 do?", "    title: [What does B12 do?");

        var invalid = Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder, "911"));

        Assert.Contains(invalid.Problems, p => p.ToString().StartsWith("faq.yaml:21: not valid YAML", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Edit(string find, string replacement)
    {
        var path = Path.Combine(_folder, B12ContentLoader.FaqFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replacement, StringComparison.Ordinal));
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "handoff-snapshot" },
        From = new ChannelAccount { Id = "visitor" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    /// <summary>Inside the turn, after the triage took this turn's snapshot and before the bot answers: the edit is saved and applied.</summary>
    private sealed class EditDuringTurn(B12ContentSource source, Action edit) : IMiddleware
    {
        public ContentReloadOutcome? Outcome { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            if (Outcome is null)
            {
                edit();
                Outcome = await source.ReloadAsync(cancellationToken);
            }

            await next(cancellationToken);
        }
    }
}

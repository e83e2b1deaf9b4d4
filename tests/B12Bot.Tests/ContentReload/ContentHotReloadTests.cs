using B12Bot.Conversation.Content;
using B12Bot.Conversation.Handoff;
using B12Bot.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace B12Bot.Tests.ContentReload;

/// <summary>
/// What a clinic's content editor sees on a running bot: a saved edit of dialogs/ answers from the next message, no
/// restart; a broken edit is refused with file:line in the log and visitors keep getting the reviewed answers.
/// Each test waits for the reload's outcome (applied / refused), never for a fixed time.
/// </summary>
public sealed class ContentHotReloadTests
{
    private const string WhatB12DoesQuestion = "What does vitamin B12 do?";
    private const string WhatB12DoesAnswerStart = "Vitamin B12 helps your body make **red blood cells**";
    private const string EditedAnswerStart = "Vitamin B12 is what your body uses to make **red blood cells**";

    // A topic the shipped content does not have, with phrasings the saved embeddings (content-embeddings.bin) lack.
    private const string ParkingEntry = """

          - id: parking
            title: Parking at the clinic
            source: The clinic's front desk
            questions:
              - where can I park at the clinic
              - is there parking near the clinic
              - do I have to pay for parking at my appointment
            keywords: [parking, car park, park]
            answer: |
              You can park for free in the lot behind the clinic. The entrance is on the side street, next to the
              pharmacy. Spaces near the door are kept for people who find walking hard. If the lot is full, there is
              street parking close by. Please leave a few extra minutes to find a space before your appointment.
            follow_ups: [cost, before_starting]
        """;

    [Fact]
    public async Task A_saved_answer_change_and_a_new_topic_are_answered_by_the_next_message_without_a_restart()
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();
        Assert.Contains(WhatB12DoesAnswerStart, Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "edit-1")), StringComparison.Ordinal);

        using var patience = Patience();
        var reloaded = content.NextOutcomeAsync(patience.Token);
        var faq = dialogs.Read(B12ContentLoader.FaqFile).Replace(WhatB12DoesAnswerStart, EditedAnswerStart, StringComparison.Ordinal);
        dialogs.Write(B12ContentLoader.FaqFile, faq + ParkingEntry);
        var outcome = await reloaded;

        Assert.Equal(ContentReloadResult.Applied, outcome.Result);
        Assert.Equal(2, outcome.Version);
        Assert.True(outcome.TextsEmbedded >= 3, $"the new phrasings are embedded during the reload ({outcome.TextsEmbedded} were)");
        Assert.True(outcome.TextsFromSavedEmbeddings > outcome.TextsEmbedded, "the unchanged texts come from content-embeddings.bin");
        Assert.Contains(bot.Logs.Entries, e => e.Contains("Content reload applied: version 2 is live", StringComparison.Ordinal));

        // Same conversation, next message: the edited answer; and the new topic is understood.
        var answer = Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "edit-1"));
        Assert.Contains(EditedAnswerStart, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(WhatB12DoesAnswerStart, answer, StringComparison.Ordinal);
        Assert.Contains("You can park for free in the lot behind the clinic", Turns.Text(await bot.SayAsync("where can I park at the clinic?", "edit-1")), StringComparison.Ordinal);
        Assert.Contains("You can park for free", Turns.Text(await bot.SayAsync("is there somewhere to park my car near the clinic", "edit-2")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> BrokenEdits => new()
    {
        // file, text to replace, its replacement, the line's marker in the edited file, what the problem says
        { B12ContentLoader.FaqFile, "    title: What does B12 do?", "    title: [What does B12 do?", "title: [What does B12 do?", "not valid YAML" },
        { B12ContentLoader.FaqFile, "    title: What does B12 do?\n", "", "- id: what_b12_does", "'title'" },
        { B12ContentLoader.FaqFile, "follow_ups: [deficiency_symptoms, risk_factors, oral_vs_injection]", "follow_ups: [deficiency_symptoms, risk_factor]",
            "follow_ups: [deficiency_symptoms, risk_factor]", "'risk_factor', which is not an entry id" },
    };

    [Theory]
    [MemberData(nameof(BrokenEdits))]
    public async Task A_broken_edit_is_refused_with_file_and_line_in_the_log_and_visitors_keep_the_reviewed_answer(
        string file, string find, string replacement, string lineMarker, string problemSays)
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();

        using var patience = Patience();
        var reloaded = content.NextOutcomeAsync(patience.Token);
        var edited = dialogs.Replace(file, find, replacement);
        var outcome = await reloaded;

        Assert.Equal(ContentReloadResult.Refused, outcome.Result);
        Assert.Equal(1, outcome.Version);
        var line = EditableDialogsFolder.LineOf(edited, lineMarker);
        var problem = outcome.Problems.FirstOrDefault(p => p.File == file && p.Line == line);
        Assert.True(problem is not null, $"expected a problem at {file}:{line}; the reload reported: {string.Join(" | ", outcome.Problems)}");
        Assert.Contains(problemSays, problem.Message, StringComparison.Ordinal);
        // The operator's log line: the same file:line list the start-up prints.
        Assert.Contains(bot.Logs.Entries, e => e.Contains("Content reload refused", StringComparison.Ordinal)
            && e.Contains($"  {file}:{line}: ", StringComparison.Ordinal) && e.Contains("version 1 stays live", StringComparison.Ordinal));

        Assert.Contains(WhatB12DoesAnswerStart, Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "broken-1")), StringComparison.Ordinal);
        Assert.Equal(1, content.Current.Version);
    }

    [Fact]
    public async Task After_a_refused_edit_is_fixed_the_fix_is_applied()
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();
        var shipped = dialogs.Read(B12ContentLoader.MessagesFile);

        using var patience = Patience();
        var refused = content.NextOutcomeAsync(patience.Token);
        dialogs.Write(B12ContentLoader.MessagesFile, shipped.Replace("main_topics:", "main_topics_typo:", StringComparison.Ordinal));
        Assert.Equal(ContentReloadResult.Refused, (await refused).Result);

        var applied = content.NextOutcomeAsync(patience.Token);
        dialogs.Replace(B12ContentLoader.FaqFile, WhatB12DoesAnswerStart, EditedAnswerStart);
        dialogs.Write(B12ContentLoader.MessagesFile, shipped);
        var outcome = await applied;

        Assert.Equal(ContentReloadResult.Applied, outcome.Result);
        Assert.Contains(EditedAnswerStart, Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "fixed-1")), StringComparison.Ordinal);
    }

    private const string ShippedUnavailable = "Sorry, I can't reach the clinic team right now. Please call the clinic at (555) 010-0199.";
    private const string EditedUnavailable = "The clinic team cannot be reached from the chat just now. Please phone (555) 010-0199.";

    [Fact]
    public async Task A_saved_handoff_edit_changes_what_asks_for_a_person_and_what_the_bot_says_from_the_next_message()
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();
        // Not yet installed in the clinic's team: asking for a person gets the "unavailable" text of handoff.yaml.
        Assert.Contains(ShippedUnavailable, Turns.Text(await bot.SayAsync("talk to a person", "handoff-edit-1")), StringComparison.Ordinal);
        Assert.DoesNotContain("can't reach", Turns.Text(await bot.SayAsync("page the front desk", "handoff-edit-1")), StringComparison.Ordinal);

        using var patience = Patience();
        var reloaded = content.NextOutcomeAsync(patience.Token);
        var yaml = dialogs.Read(HandoffContentLoader.FileName)
            .Replace("phrases: [talk to a person,", "phrases: [page the front desk, talk to a person,", StringComparison.Ordinal)
            .Replace("\"Sorry, I can't reach the clinic team right now. Please call the clinic at {clinicPhone}.\"",
                "\"The clinic team cannot be reached from the chat just now. Please phone {clinicPhone}.\"", StringComparison.Ordinal);
        dialogs.Write(HandoffContentLoader.FileName, yaml);
        var outcome = await reloaded;

        Assert.Equal(ContentReloadResult.Applied, outcome.Result);
        // The same conversation, next messages: the new phrase asks for a person, and the edited text answers.
        Assert.Contains(EditedUnavailable, Turns.Text(await bot.SayAsync("page the front desk", "handoff-edit-1")), StringComparison.Ordinal);
        Assert.Contains(EditedUnavailable, Turns.Text(await bot.SayAsync("talk to a person", "handoff-edit-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_or_deleted_handoff_file_is_refused_with_file_and_line_and_the_live_handoff_texts_stay()
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();
        var shipped = dialogs.Read(HandoffContentLoader.FileName);

        using var patience = Patience();
        var refused = content.NextOutcomeAsync(patience.Token);
        var edited = dialogs.Replace(HandoffContentLoader.FileName, "Please call the clinic at {clinicPhone}.", "Please call the clinic at {clinicphone}.");
        var outcome = await refused;

        Assert.Equal(ContentReloadResult.Refused, outcome.Result);
        var line = EditableDialogsFolder.LineOf(edited, "{clinicphone}");
        Assert.Contains(outcome.Problems, p => p.File == HandoffContentLoader.FileName && p.Line == line && p.Message.Contains("{clinicphone}", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Entries, e => e.Contains("Content reload refused", StringComparison.Ordinal) && e.Contains($"  {HandoffContentLoader.FileName}:{line}: ", StringComparison.Ordinal));
        Assert.Contains(ShippedUnavailable, Turns.Text(await bot.SayAsync("talk to a person", "handoff-broken-1")), StringComparison.Ordinal);

        // The live handoff reads the file: deleting it is refused as well, and visitors keep the reviewed texts.
        var deleted = content.NextOutcomeAsync(patience.Token);
        File.Delete(Path.Combine(dialogs.Path, HandoffContentLoader.FileName));
        outcome = await deleted;
        Assert.Equal(ContentReloadResult.Refused, outcome.Result);
        Assert.Contains(outcome.Problems, p => p.File == HandoffContentLoader.FileName && p.Line == 1);
        Assert.Contains(ShippedUnavailable, Turns.Text(await bot.SayAsync("talk to a person", "handoff-broken-1")), StringComparison.Ordinal);
        Assert.Equal(1, content.Current.Version);

        // Put back as it was: the same bytes as the live content, nothing to rebuild.
        dialogs.Write(HandoffContentLoader.FileName, shipped);
        Assert.Equal(ContentReloadResult.Unchanged, (await content.ReloadAsync(patience.Token)).Result);
    }

    [Fact]
    public async Task A_visitor_in_the_middle_of_the_symptom_check_carries_on_after_a_reload()
    {
        using var dialogs = new EditableDialogsFolder();
        await using var bot = await StartAsync(dialogs);
        var content = bot.Services.GetRequiredService<B12ContentSource>();
        var questions = content.Current.Content.Walkthrough.Questions;
        Assert.Contains(questions[0].Prompt, Turns.Text(await bot.SayAsync("check my symptoms", "walk-1")), StringComparison.Ordinal);

        using var patience = Patience();
        var reloaded = content.NextOutcomeAsync(patience.Token);
        dialogs.Replace(B12ContentLoader.FaqFile, WhatB12DoesAnswerStart, EditedAnswerStart);
        Assert.Equal(ContentReloadResult.Applied, (await reloaded).Result);

        // The answer to the first question is taken and the second question follows: the walkthrough was not lost.
        var next = Turns.Text(await bot.SayAsync("no", "walk-1"));
        Assert.Contains(questions[1].Prompt, next, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Contains("ApologizeAndResetErrorHandler", StringComparison.Ordinal));
        // A question asked during the walkthrough already gets the edited answer.
        Assert.Contains(EditedAnswerStart, Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "walk-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_reload_on_change_off_an_edit_waits_for_the_next_start()
    {
        using var dialogs = new EditableDialogsFolder();
        await using (var bot = await StartAsync(dialogs, "--B12Bot:Content:ReloadOnChange", "false"))
        {
            Assert.DoesNotContain(bot.Services.GetServices<IHostedService>(), service => service is B12Bot.Hosting.ContentReloadService);
            dialogs.Replace(B12ContentLoader.FaqFile, WhatB12DoesAnswerStart, EditedAnswerStart);
            // Nothing watches the folder: the content loaded at start is what visitors get.
            Assert.Equal(1, bot.Services.GetRequiredService<B12ContentSource>().Current.Version);
            Assert.Contains(WhatB12DoesAnswerStart, Turns.Text(await bot.SayAsync(WhatB12DoesQuestion, "off-1")), StringComparison.Ordinal);
        }

        await using var restarted = await StartAsync(dialogs, "--B12Bot:Content:ReloadOnChange", "false");
        Assert.Contains(EditedAnswerStart, Turns.Text(await restarted.SayAsync(WhatB12DoesQuestion, "off-2")), StringComparison.Ordinal);
    }

    private static Task<RunningBot> StartAsync(EditableDialogsFolder dialogs, params string[] settings) =>
        RunningBot.StartAsync(["--B12Bot:DialogsPath", dialogs.Path, "--B12Bot:Content:ReloadDelay", "00:00:00.200", .. settings]);

    /// <summary>A bound on a wait that should take well under a second, so a broken watcher fails the test instead of hanging it.</summary>
    private static CancellationTokenSource Patience() => new(TimeSpan.FromMinutes(2));
}

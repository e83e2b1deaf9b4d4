using System.Text.Json;
using B12Bot.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Tests;

/// <summary>The privacy notice setting as shipped in appsettings.json, and the first message a visitor gets with it.</summary>
public sealed class PrivacyNoticeSettingTests
{
    [Fact]
    public async Task The_shipped_settings_have_the_privacy_notice_placeholder_and_the_first_message_links_it()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var url = settings.RootElement.GetProperty("B12Bot").GetProperty("PrivacyNoticeUrl").GetString();
        Assert.Equal("https://clinic.example/privacy", url);

        // No override: the host reads appsettings.json as shipped.
        await using var bot = await RunningBot.StartAsync();
        var update = Turns.Message(null, "shipped-notice-1");
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("visitor-1")];
        var welcome = Assert.Single(await bot.SendAsync(update));

        Assert.Contains($"({url})", welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{privacyNoticeUrl}", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_placeholder_address_is_flagged_at_start()
    {
        await using var bot = await RunningBot.StartAsync("--environment", "Staging");

        Assert.Contains(bot.Logs.Entries, e => e.Contains("B12Bot:PrivacyNoticeUrl is still the placeholder", StringComparison.Ordinal));
    }
}

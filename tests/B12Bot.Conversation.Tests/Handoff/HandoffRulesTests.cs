using B12Bot.Conversation.Content;
using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Handoff;

/// <summary>What counts as asking for a person, office hours, callback contacts, and content errors with file and line.</summary>
public sealed class HandoffRulesTests
{
    private static readonly HandoffContent Content = HandoffContentLoader.Load(RepositoryPaths.Dialogs, "911");
    private readonly HandoffRequestRecognizer _recognizer = new(Content);

    [Theory]
    [InlineData("talk to a person")]
    [InlineData("Speak to a nurse!")]
    [InlineData("Talk to a person")]
    [InlineData("can I speak to someone about my results")]
    [InlineData("I need to talk to a real person please")]
    [InlineData("connect me to the staff")]
    [InlineData("human")]
    [InlineData("can i chat with a nurse")]
    [InlineData("I'd like to chat to someone at the clinic")]
    [InlineData("connect me with one of the nurses")]
    [InlineData("can someone talk to me")]
    [InlineData("could a nurse chat with me about my dose")]
    public void Asking_for_a_person_is_recognised(string text) => Assert.True(_recognizer.IsRequest(text));

    [Theory]
    [InlineData("should I ask my doctor about b12 shots")]
    [InlineData("are b12 injections safe")]
    [InlineData("can a nurse give me the injection at home")]
    [InlineData("who gives the injection")]
    [InlineData("")]
    [InlineData("is this chat automated or is someone typing")]
    [InlineData("is this chat a real person or a bot")]
    [InlineData("am I chatting with a person or a bot")]
    [InlineData("does someone read this chat")]
    [InlineData("I want to talk to a person about my b12 levels because my doctor said they were low and I am worried about the nerve symptoms I have")]
    public void Questions_are_not_requests_for_a_person(string text) => Assert.False(_recognizer.IsRequest(text));

    [Theory]
    [InlineData("end chat", true)]
    [InlineData("End", true)]
    [InlineData("stop please", true)]
    [InlineData("when should I stop the injections", false)]
    public void End_chat_is_the_whole_message(string text, bool isEnd) => Assert.Equal(isEnd, _recognizer.IsEnd(text));

    [Theory]
    [InlineData("2026-12-01T15:00:00Z", true)]  // Tuesday 10:00 in New York
    [InlineData("2026-12-01T12:59:00Z", false)] // Tuesday 07:59
    [InlineData("2026-12-01T23:00:00Z", false)] // Tuesday 18:00: closed
    [InlineData("2026-12-05T15:00:00Z", false)] // Saturday
    public void Office_hours_are_read_in_the_clinics_time_zone(string utc, bool open)
    {
        var hours = new OfficeHours(new HandoffOptions { ClinicPhone = "1" }, TimeProvider.System);
        Assert.Equal(open, hours.IsOpenAt(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("pat@example.org", true)]
    [InlineData("+1 (555) 010-2233", true)]
    [InlineData("07700 900123", true)]
    [InlineData("my arm hurts", false)]
    [InlineData("call me at 555 about my rash", false)]
    [InlineData("12345", false)]
    public void A_callback_contact_is_only_a_phone_number_or_an_email(string text, bool valid) => Assert.Equal(valid, ContactFormat.IsPhoneOrEmail(text));

    [Fact]
    public void A_misspelt_placeholder_is_refused_with_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("handoff-content").FullName;
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Dialogs, HandoffContentLoader.FileName))
            .Replace("questions, or call the clinic at {clinicPhone}", "questions, or call the clinic at {clinicphone}", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, HandoffContentLoader.FileName), yaml);

        var error = Assert.Throws<ContentValidationException>(() => HandoffContentLoader.Load(folder, "911"));

        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("{clinicphone}", StringComparison.Ordinal)) + 1;
        Assert.Contains($"handoff.yaml:{line}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{clinicphone}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_by_name()
    {
        Assert.Contains("Handoff:ClinicPhone", Assert.Throws<InvalidOperationException>(() => new HandoffOptions().Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("Handoff:TimeZone", Assert.Throws<InvalidOperationException>(() => new HandoffOptions { ClinicPhone = "1", TimeZone = "Mars/Olympus" }.Validate()).Message, StringComparison.Ordinal);
    }
}

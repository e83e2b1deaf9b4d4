using B12Bot.Conversation.Content;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Playwright;

namespace B12Bot.WebChat.Tests.Browser;

/// <summary>
/// A visitor's conversation with the real B12 bot on a chat page or widget: the welcome, a question with an answer, the
/// symptom check's first question, and an emergency. Expected texts come from the content the bot loaded (dialogs/).
/// </summary>
public sealed class B12Visitor(ChatPage chat, B12Content content)
{
    public const string EmergencyReport = "I just had my B12 shot and now my throat is swelling and I can't breathe";

    public ChatPage Chat => chat;

    public B12Content Content => content;

    public FaqEntry AnsweredEntry => content.GetEntry("dose_frequency");

    public string Question => AnsweredEntry.Questions.First(q => q.Contains("too much", StringComparison.OrdinalIgnoreCase)) + "?";

    public WalkthroughQuestion FirstWalkthroughQuestion => content.Walkthrough.Questions[0];

    public string UrgentExcerpt => ContentText.Excerpt(content.Safety.UrgentMessage);

    /// <summary>The bubble holding the urgent message (the newest one, if it came more than once).</summary>
    public ILocator UrgentBubble => chat.Bubbles.Filter(new() { HasText = UrgentExcerpt }).Last;

    public Task ExpectWelcomeAsync() => chat.ExpectMessageAsync(ContentText.Excerpt(content.Messages.Welcome));

    public async Task AskAQuestionAsync()
    {
        await chat.SendAsync(Question);
        await chat.ExpectMessageAsync(ContentText.Excerpt(AnsweredEntry.Answer));
    }

    public async Task StartTheWalkthroughAsync()
    {
        await chat.SendAsync(content.Walkthrough.Triggers[0]);
        await chat.ExpectMessageAsync(ContentText.Excerpt(FirstWalkthroughQuestion.Prompt));
    }

    public async Task ReportAnEmergencyAsync()
    {
        await chat.SendAsync(EmergencyReport);
        await chat.ExpectMessageAsync(UrgentExcerpt);
    }

    /// <summary>The conversation the accessibility checks run after: an answer, a walkthrough question, the urgent message.</summary>
    public async Task HaveTheFullConversationAsync()
    {
        await ExpectWelcomeAsync();
        await AskAQuestionAsync();
        await StartTheWalkthroughAsync();
        await ReportAnEmergencyAsync();
        await chat.ExpectAllSentAsync();
    }
}

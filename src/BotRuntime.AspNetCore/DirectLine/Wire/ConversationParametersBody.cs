using BotRuntime.Schema;

namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>
/// The optional body of <c>POST /tokens/generate</c> (TokenParameters) and <c>POST /conversations</c>
/// (directlinejs sends <c>{user:{id}, locale}</c>). Unknown fields are ignored.
/// </summary>
public sealed class ConversationParametersBody
{
    public ChannelAccount? User { get; set; }

    public string? Locale { get; set; }

    public List<string>? TrustedOrigins { get; set; }
}

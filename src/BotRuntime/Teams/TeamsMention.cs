namespace BotRuntime.Teams;

/// <summary>One Teams mention entity: the mentioned account and the markup ("&lt;at&gt;Name&lt;/at&gt;") in the text.</summary>
public readonly record struct TeamsMention(string? Id, string? Name, string? Text);

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>The values of the <c>MicrosoftAppType</c> setting, compared case-insensitively.</summary>
public static class MicrosoftAppTypes
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>The canonical app type; an empty setting means MultiTenant, as in the SDK. Null for an unknown value.</summary>
    public static string? Normalize(string? appType) =>
        string.IsNullOrWhiteSpace(appType) ? MultiTenant
        : string.Equals(appType.Trim(), MultiTenant, StringComparison.OrdinalIgnoreCase) ? MultiTenant
        : string.Equals(appType.Trim(), SingleTenant, StringComparison.OrdinalIgnoreCase) ? SingleTenant
        : string.Equals(appType.Trim(), UserAssignedMsi, StringComparison.OrdinalIgnoreCase) ? UserAssignedMsi
        : null;
}

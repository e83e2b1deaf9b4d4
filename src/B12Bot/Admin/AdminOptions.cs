namespace B12Bot.Admin;

/// <summary>
/// The clinic dashboard at /admin, bound from "B12Bot:Admin". Sign-in is Microsoft Entra ID when <see cref="TenantId"/>
/// and <see cref="ClientId"/> are set, the operator key otherwise (or as well); with neither, /admin is off.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "B12Bot:Admin";

    /// <summary>The shortest operator key accepted: long enough that guessing it is hopeless.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>A shared secret (32+ characters) the operator sends as the X-Operator-Key header or enters once on the sign-in form.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>The clinic's Entra ID tenant (directory) id; with <see cref="ClientId"/> it turns on Entra sign-in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration (client id) the dashboard signs in with; also the audience of bearer tokens.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret for the authorization code flow; empty: the ID token comes back by form post.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Entra ID sign-in address (other clouds: e.g. https://login.microsoftonline.us/).</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>An app role the signed-in person must hold (e.g. "Dashboard.Read"); empty: anyone in the tenant the app registration lets in.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>How long a sign-in with the operator key lasts before the form is shown again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often each instance adds its counts to the stored daily totals.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The SQLite file of the daily totals when BotState:Provider is Sqlite (relative to the content root).</summary>
    public string SqlitePath { get; set; } = "data/b12bot-dashboard.db";

    /// <summary>The PostgreSQL table of the daily totals when BotState:Provider is PostgreSql.</summary>
    public string PostgreSqlTable { get; set; } = "bot_dashboard";

    /// <summary>The blob container of the daily totals when BotState:Provider is AzureBlobs.</summary>
    public string AzureBlobsContainer { get; set; } = "bot-dashboard";

    public bool EntraEnabled => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public bool OperatorKeyEnabled => !string.IsNullOrEmpty(OperatorKey);

    public bool Enabled => EntraEnabled || OperatorKeyEnabled;

    /// <summary>The problems with these settings, for a clear stop at start.</summary>
    public IEnumerable<string> Problems()
    {
        if (OperatorKeyEnabled && OperatorKey!.Length < MinimumKeyLength)
        {
            yield return $"{SectionName}:OperatorKey must be at least {MinimumKeyLength} characters (e.g. openssl rand -hex 32).";
        }

        if (string.IsNullOrWhiteSpace(TenantId) != string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{SectionName}:TenantId and {SectionName}:ClientId go together: set both for Entra ID sign-in, or neither.";
        }

        if (!Instance.IsAbsoluteUri || Instance.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"{SectionName}:Instance must be an absolute https address.";
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > TimeSpan.FromDays(30))
        {
            yield return $"{SectionName}:SessionLifetime must be between one minute and 30 days.";
        }

        if (FlushInterval < TimeSpan.FromMilliseconds(50) || FlushInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"{SectionName}:FlushInterval must be between 50 ms and 10 minutes.";
        }
    }
}

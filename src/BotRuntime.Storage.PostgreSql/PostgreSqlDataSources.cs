using System.Data.Common;
using Npgsql;

namespace BotRuntime.Storage.PostgreSql;

/// <summary>
/// How the runtime's PostgreSQL stores connect, in one place. Unless the connection string says otherwise, the
/// statements they send on every turn are prepared on each pooled connection once used twice (Npgsql's automatic
/// preparation), so the server parses and plans them once per connection instead of on every call. Behind a pooler
/// that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode), set <c>Max Auto Prepare=0</c>.
/// And a connection going back to the pool is not reset (<c>No Reset On Close</c>): the stores change no session
/// state, and the reset was seven more statements for the server on every call.
/// </summary>
public static class PostgreSqlDataSources
{
    /// <summary>Statements kept prepared per connection when the connection string does not choose.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    public static NpgsqlDataSource Create(string connectionString, Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Names(connectionString, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        configure?.Invoke(builder);
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Whether the connection string sets the keyword itself (in any of its spellings: spaces and case vary).</summary>
    private static bool Names(string connectionString, string keyword)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (string.Equals(key.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

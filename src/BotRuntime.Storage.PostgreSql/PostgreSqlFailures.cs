using Npgsql;

namespace BotRuntime.Storage.PostgreSql;

/// <summary>
/// How every PostgreSQL store of the runtime (bot state, Direct Line history) reads a failure, in one place: whether it
/// may pass when the call is tried again (then it becomes a <see cref="StorageUnavailableException"/> for the retry
/// pipeline and the visitor's "try again in a moment"), and whether a schema statement merely lost a race.
/// </summary>
public static class PostgreSqlFailures
{
    /// <summary>
    /// True for a broken or refused connection (any Npgsql error that is not the server's answer), a timeout, an error
    /// the server marks as transient, a lost serialization or a deadlock, a server starting or shutting down, and a
    /// server with no connection to spare. False for everything that would fail the same way again (bad SQL, a
    /// constraint) and for cancellation.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException server => server.IsTransient || server.SqlState is PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.TooManyConnections,
        NpgsqlException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// True when CREATE ... IF NOT EXISTS failed because another instance created the same object at the same moment
    /// (IF NOT EXISTS is not atomic across sessions): the schema is there, which is all the caller wanted.
    /// </summary>
    public static bool IsConcurrentSchemaCreation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateTable };
}

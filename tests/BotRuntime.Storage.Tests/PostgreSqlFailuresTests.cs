using BotRuntime.Storage.PostgreSql;
using Npgsql;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// Which PostgreSQL failures the state store and the Direct Line history retry (and answer "try again in a moment")
/// and which they let through as they are: one classification both stores share.
/// </summary>
public sealed class PostgreSqlFailuresTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void A_server_that_is_busy_starting_stopping_or_lost_a_race_is_worth_another_try(string sqlState) =>
        Assert.True(PostgreSqlFailures.IsTransient(ServerError(sqlState)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.SyntaxError)]
    [InlineData(PostgresErrorCodes.InvalidTextRepresentation)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege)]
    public void An_error_that_would_fail_the_same_way_again_is_not_retried(string sqlState) =>
        Assert.False(PostgreSqlFailures.IsTransient(ServerError(sqlState)));

    [Fact]
    public void A_broken_connection_or_a_timeout_is_worth_another_try_and_cancellation_or_a_bug_is_not()
    {
        Assert.True(PostgreSqlFailures.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))));
        Assert.True(PostgreSqlFailures.IsTransient(new TimeoutException()));
        Assert.False(PostgreSqlFailures.IsTransient(new OperationCanceledException()));
        Assert.False(PostgreSqlFailures.IsTransient(new InvalidOperationException("a bug")));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, true)]
    [InlineData(PostgresErrorCodes.DuplicateObject, true)]
    [InlineData(PostgresErrorCodes.DuplicateTable, true)]
    [InlineData(PostgresErrorCodes.UndefinedTable, false)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege, false)]
    public void Only_another_instance_creating_the_same_schema_object_counts_as_a_lost_schema_race(string sqlState, bool race) =>
        Assert.Equal(race, PostgreSqlFailures.IsConcurrentSchemaCreation(ServerError(sqlState)));

    [Fact]
    public void A_broken_connection_during_a_schema_statement_is_not_a_schema_race() =>
        Assert.False(PostgreSqlFailures.IsConcurrentSchemaCreation(new NpgsqlException("broken", new IOException("connection reset"))));

    private static PostgresException ServerError(string sqlState) => new("test error", "ERROR", "ERROR", sqlState);
}

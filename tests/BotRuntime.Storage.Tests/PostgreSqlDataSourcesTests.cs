using BotRuntime.Storage.PostgreSql;
using Npgsql;

namespace BotRuntime.Storage.Tests;

/// <summary>The connection settings the PostgreSQL stores add by default, and that an administrator's own choice wins.</summary>
public sealed class PostgreSqlDataSourcesTests
{
    [Fact]
    public async Task Statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        await using var dataSource = PostgreSqlDataSources.Create("Host=127.0.0.1;Username=postgres");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(PostgreSqlDataSources.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;maxautoprepare=0;NoResetOnClose=false")]
    public async Task An_administrators_own_settings_are_kept_in_any_spelling(string connectionString)
    {
        await using var dataSource = PostgreSqlDataSources.Create(connectionString);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    [Fact]
    public async Task A_store_can_add_its_own_settings()
    {
        await using var dataSource = PostgreSqlDataSources.Create("Host=127.0.0.1", builder => builder.KeepAlive = 30);

        Assert.Equal(30, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).KeepAlive);
    }
}

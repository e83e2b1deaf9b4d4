using Microsoft.Data.Sqlite;

namespace BotRuntime.Storage.Sqlite;

/// <summary>
/// The writer thread's connection to the state file with its statements prepared once (SQLite parses each only the
/// first time): the transaction and savepoint commands and the bot_state writes.
/// </summary>
internal sealed class SqliteWriterConnection : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];

    public SqliteWriterConnection(SqliteDatabaseFile file)
    {
        Connection = file.Open();
        Begin = Prepare("BEGIN IMMEDIATE");
        CommitCommand = Prepare("COMMIT");
        Rollback = Prepare("ROLLBACK");
        Savepoint = Prepare("SAVEPOINT operation");
        Release = Prepare("RELEASE operation");
        RollbackToSavepoint = Prepare("ROLLBACK TO operation");
        Upsert = Prepare("""
            INSERT INTO bot_state (key, etag, document, updated_utc) VALUES ($key, $etag, $document, $updated)
            ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_utc = excluded.updated_utc
            """, "$key", "$etag", "$document", "$updated");
        // A missing row is created; a stored row is replaced only while it still has the eTag the caller read (no row
        // changed = a conflict). The absent-eTag marker never matches a stored eTag, so it creates only.
        ConditionalUpsert = Prepare("""
            INSERT INTO bot_state (key, etag, document, updated_utc) VALUES ($key, $etag, $document, $updated)
            ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_utc = excluded.updated_utc
            WHERE bot_state.etag = $expected
            """, "$key", "$etag", "$document", "$updated", "$expected");
        Delete = Prepare("DELETE FROM bot_state WHERE key = $key", "$key");
        RemoveIdle = Prepare("DELETE FROM bot_state WHERE updated_utc < $cutoff", "$cutoff");
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Begin { get; }

    public SqliteCommand CommitCommand { get; }

    public SqliteCommand Rollback { get; }

    public SqliteCommand Savepoint { get; }

    public SqliteCommand Release { get; }

    public SqliteCommand RollbackToSavepoint { get; }

    public SqliteCommand Upsert { get; }

    public SqliteCommand ConditionalUpsert { get; }

    public SqliteCommand Delete { get; }

    public SqliteCommand RemoveIdle { get; }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        _commands.Add(command);
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}

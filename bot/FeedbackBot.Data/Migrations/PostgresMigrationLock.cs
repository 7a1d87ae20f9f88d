using System.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Makes <c>Database.MigrateAsync()</c> safe when several instances start against one PostgreSQL database at once.
/// </summary>
/// <remarks>
/// The provider's own lock is <c>LOCK TABLE "__EFMigrationsHistory"</c>, which PostgreSQL releases when the transaction
/// ends, and EF Core applies each migration in a transaction of its own while deciding which migrations are pending only
/// once, at the start. With two or more pending migrations, an instance that waited for the first one's transaction
/// then applies the second migration alongside the instance that already applied the first, and one of them fails with
/// "relation already exists". A session-level advisory lock is held by the connection across every migration's
/// transaction, so the second instance only reads the history once the first has finished all of its migrations.
/// </remarks>
#pragma warning disable EF1001 // Subclassing the provider's history repository keeps its SQL; only the lock changes.
public sealed class PostgresMigrationLock(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    /// <summary>An arbitrary application-wide key (ASCII "FBMIGRAT"); nothing else in the database takes it.</summary>
    internal const long AdvisoryLockKey = 0x46424D4947524154;

    private static readonly string LockSql = FormattableString.Invariant($"SELECT pg_advisory_lock({AdvisoryLockKey})");
    private static readonly string UnlockSql = FormattableString.Invariant($"SELECT pg_advisory_unlock({AdvisoryLockKey})");

    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Connection;

    public override IMigrationsDatabaseLock AcquireDatabaseLock()
    {
        Execute(Dependencies.Connection, LockSql);
        return new SessionLock(this);
    }

    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(Dependencies.Connection, LockSql, cancellationToken);
        return new SessionLock(this);
    }

    private static void Execute(IRelationalConnection connection, string sql)
    {
        using var command = CreateCommand(connection, sql);
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(IRelationalConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(IRelationalConnection connection, string sql)
    {
        var command = connection.DbConnection.CreateCommand();
#pragma warning disable CA2100 // Fixed text: the only variable part is a compile-time constant key.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private sealed class SessionLock(PostgresMigrationLock owner) : IMigrationsDatabaseLock
    {
        public IHistoryRepository HistoryRepository => owner;

        // A session lock survives transactions; it is only lost with the connection, and then it is taken again.
        public IMigrationsDatabaseLock ReacquireIfNeeded(bool connectionReopened, bool? transactionRestarted) =>
            connectionReopened ? owner.AcquireDatabaseLock() : this;

        public async Task<IMigrationsDatabaseLock> ReacquireIfNeededAsync(
            bool connectionReopened, bool? transactionRestarted, CancellationToken cancellationToken = default) =>
            connectionReopened ? await owner.AcquireDatabaseLockAsync(cancellationToken) : this;

        public void Dispose()
        {
            if (owner.Dependencies.Connection.DbConnection.State == System.Data.ConnectionState.Open)
            {
                Execute(owner.Dependencies.Connection, UnlockSql);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (owner.Dependencies.Connection.DbConnection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(owner.Dependencies.Connection, UnlockSql, CancellationToken.None);
            }
        }
    }
}

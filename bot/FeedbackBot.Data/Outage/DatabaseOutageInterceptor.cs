using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedbackBot.Data.Outage;

/// <summary>
/// Tells <see cref="DatabaseOutage"/> what every connection and command of every context finds: a connection that
/// opens means the database is there; one that fails to open, or a command cut off by a lost connection, means it
/// is not.
/// </summary>
public sealed class DatabaseOutageInterceptor(DatabaseOutage outage) : DbConnectionInterceptor, IDbCommandInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => outage.Reached();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        outage.Reached();
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Note(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Note(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Note(Exception exception)
    {
        if (DatabaseOutage.IsOutage(exception))
        {
            outage.Failed(exception);
        }
    }
}

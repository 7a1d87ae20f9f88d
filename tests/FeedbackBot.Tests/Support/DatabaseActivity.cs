using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Support;

/// <summary>
/// Records the SQL the host sends and the <c>SaveChanges</c> calls it makes, through EF Core's interceptors, so a test
/// can say how much database work one turn does.
/// </summary>
internal sealed class DatabaseActivity : DbCommandInterceptor, ISaveChangesInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _saves;

    public IReadOnlyList<string> Commands => [.. _commands];

    public int Saves => Volatile.Read(ref _saves);

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(this);
    }

    public void Clear()
    {
        _commands.Clear();
        Interlocked.Exchange(ref _saves, 0);
    }

    /// <summary>The queries that read the table, e.g. <c>people</c>.</summary>
    public int ReadsOf(string table) =>
        Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && c.Contains($"FROM \"{table}\"", StringComparison.Ordinal));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _saves);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saves);
        return ValueTask.FromResult(result);
    }
}

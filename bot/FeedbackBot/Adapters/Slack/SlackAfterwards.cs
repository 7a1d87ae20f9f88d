using System.Collections.Concurrent;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// Runs small follow-ups after Slack has had its answer, in memory only: turning a pulse message into its
/// thank-you. The thank-you shows the person's answers, so it is deliberately not written to the inbox beside their
/// channel; if the process stops first, the answer itself is stored and only the message keeps its button.
/// </summary>
internal sealed class SlackAfterwards(IServiceScopeFactory scopes, ILogger<SlackAfterwards> log) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Run(Func<IServiceProvider, CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, _stopping.Token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "A Slack follow-up failed");
            }
            catch (OperationCanceledException)
            {
            }
        });
        _running[task] = true;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Give follow-ups in hand the shutdown's grace period, then cancel them.
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync();
    }

    public void Dispose() => _stopping.Dispose();
}

namespace FeedbackBot.Jobs.Outbox;

/// <summary>
/// A wake-up that cannot be missed: the dispatcher takes <see cref="Next"/> before it looks for work, so a
/// <see cref="Notify"/> that comes while it is looking completes the task it is about to wait on.
/// </summary>
public sealed class OutboxSignal : IOutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first <see cref="Notify"/> after it was read.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

namespace FeedbackBot.Core.Delivery;

/// <summary>
/// Tells whoever is sending a message the moment it starts to leave for the platform: after any wait for the
/// platform's rate limits, before the first byte. Until then a crash loses nothing (the message can be sent again
/// safely); from then on whether it arrived cannot be known. The outbox sets the callback around a send, and each
/// channel client calls <see cref="StartingAsync"/> once it is about to transmit.
/// </summary>
public static class OutboundTransmission
{
    private static readonly AsyncLocal<Callback?> Current = new();

    /// <summary>Runs <paramref name="starting"/> once, when the send begun in this flow starts to transmit.</summary>
    public static IDisposable Begin(Func<Task> starting)
    {
        ArgumentNullException.ThrowIfNull(starting);
        var previous = Current.Value;
        Current.Value = new Callback(starting);
        return new Scope(previous);
    }

    /// <summary>Called by a channel client just before it transmits; only the first call of a send does anything.</summary>
    public static Task StartingAsync() =>
        Current.Value is { } callback && Interlocked.Exchange(ref callback.Starting, null) is { } starting ? starting() : Task.CompletedTask;

    private sealed class Callback(Func<Task> starting)
    {
        public Func<Task>? Starting = starting;
    }

    private sealed class Scope(Callback? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

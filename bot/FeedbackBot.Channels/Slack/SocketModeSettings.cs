namespace FeedbackBot.Channels.Slack;

/// <summary>How the Socket Mode client reconnects and how long it gives a handler before acknowledging without it.</summary>
public sealed record SocketModeSettings
{
    public static SocketModeSettings Default { get; } = new();

    /// <summary>The wait before reconnecting after the first failure in a row; it doubles with each further one.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an interactive or slash command handler may take to produce the acknowledgement's payload. Slack
    /// gives 3 s in all; after this the envelope is acknowledged without a payload so it is not redelivered.
    /// </summary>
    public TimeSpan ResponseDeadline { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>A message larger than this is refused (the connection is dropped and opened again).</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How often the socket pings, and how long it waits for the pong before it counts the connection as dead.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ReconnectDelay(int failuresInARow, double random)
    {
        var exponential = ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failuresInARow - 1, 0, 30));
        var capped = Math.Min(exponential, ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The conversation features as the playground sees them: one call per activity a person sends from the playground
/// page, and one <c>conversationUpdate</c> when a conversation starts. Resolved from a fresh DI scope for every turn,
/// so an implementation may be scoped and use the database.
/// </summary>
public interface IPlaygroundBot
{
    /// <summary>Handles one incoming activity; replies go through <paramref name="turn"/>.</summary>
    /// <remarks>
    /// An exception fails the post with 502, and the same client activity posted again is handed over again; once a
    /// call returns, the same client activity posted again is acknowledged without a second call.
    /// </remarks>
    Task OnActivityAsync(PlaygroundTurn turn, CancellationToken cancellationToken);
}

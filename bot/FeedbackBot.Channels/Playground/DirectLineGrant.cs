namespace FeedbackBot.Channels.Playground;

/// <summary>A valid bearer token and the one conversation it opens.</summary>
/// <param name="Conversation">The conversation the token opens.</param>
/// <param name="Token">The bearer token itself.</param>
/// <param name="ExpiresIn">How long the token still works.</param>
public sealed record DirectLineGrant(PlaygroundConversation Conversation, string Token, TimeSpan ExpiresIn)
{
    /// <summary>As Direct Line answers it: the conversation, the token and its whole seconds left.</summary>
    public DirectLineConversation ToResponse() => new(Conversation.Id, Token, (int)Math.Max(0, Math.Floor(ExpiresIn.TotalSeconds)));
}

namespace FeedbackBot.Channels.Teams;

/// <summary>Whether an inbound request was proven to come from the Bot Framework, and if not, why.</summary>
public sealed record AuthenticationResult
{
    private AuthenticationResult(bool succeeded, string? failureReason)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
    }

    public static AuthenticationResult Success { get; } = new(true, null);

    public bool Succeeded { get; }

    /// <summary>For the log, never for the caller: the answer to a refused request is a bare 401.</summary>
    public string? FailureReason { get; }

    public static AuthenticationResult Failure(string reason) => new(false, reason);
}

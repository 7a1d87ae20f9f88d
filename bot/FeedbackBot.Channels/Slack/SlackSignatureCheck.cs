namespace FeedbackBot.Channels.Slack;

/// <summary>Why a request claiming to come from Slack was accepted or refused.</summary>
public enum SlackSignatureStatus
{
    Valid,

    /// <summary>No signing secret is configured, so nothing can be verified and everything is refused.</summary>
    NotConfigured,

    /// <summary>X-Slack-Request-Timestamp or X-Slack-Signature is absent or empty.</summary>
    MissingHeader,

    /// <summary>The timestamp is more than five minutes from now, either way: a replay, or a badly wrong clock.</summary>
    StaleTimestamp,

    /// <summary>The timestamp is not a number, or the signature is not <c>v0=</c> and 64 hex digits.</summary>
    Malformed,

    /// <summary>Well formed, but not made with our signing secret over this timestamp and body.</summary>
    BadSignature,
}

/// <summary>The outcome of checking one request's signature, with a reason fit for a log line (never the secret).</summary>
public readonly record struct SlackSignatureCheck(SlackSignatureStatus Status, string Reason)
{
    public bool IsValid => Status == SlackSignatureStatus.Valid;
}

namespace FeedbackBot.Channels.Playground;

/// <summary>How a Direct Line call ended; the host turns each into its HTTP status.</summary>
public enum DirectLineOutcome
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>400: the request is malformed or names an unknown identity.</summary>
    BadRequest,

    /// <summary>401: no bearer token.</summary>
    Unauthorized,

    /// <summary>403: a token that is unknown, expired, revoked, or for another conversation.</summary>
    Forbidden,

    /// <summary>413: the body is larger than <see cref="DirectLineLimits.MaxPostedActivityBytes"/>.</summary>
    TooLarge,

    /// <summary>415: a body that is not JSON.</summary>
    UnsupportedMediaType,

    /// <summary>502: the bot failed while handling the activity; posting it again retries.</summary>
    BotFailed,

    /// <summary>503: no conversation features are registered to answer.</summary>
    BotUnavailable,
}

/// <summary>Makes <see cref="DirectLineResult{T}"/> values.</summary>
public static class DirectLineResult
{
    public static DirectLineResult<T> Ok<T>(T value)
        where T : class => new(DirectLineOutcome.Ok, value, null);

    public static DirectLineResult<T> Fail<T>(DirectLineOutcome outcome, string error)
        where T : class => new(outcome, null, error);
}

/// <summary>The value of a Direct Line call, or why there is none.</summary>
public sealed record DirectLineResult<T>(DirectLineOutcome Outcome, T? Value, string? Error)
    where T : class
{
    /// <summary>The same failure for another value type.</summary>
    public DirectLineResult<TOther> As<TOther>()
        where TOther : class => Outcome == DirectLineOutcome.Ok
        ? throw new InvalidOperationException("A successful result has a value of its own type.")
        : new(Outcome, null, Error);
}

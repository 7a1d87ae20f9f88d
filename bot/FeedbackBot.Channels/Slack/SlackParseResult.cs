using System.Diagnostics.CodeAnalysis;

namespace FeedbackBot.Channels.Slack;

/// <summary>Why a payload from Slack could not be read.</summary>
public enum SlackPayloadError
{
    None,

    /// <summary>Not what Slack sends: bad JSON, bad form encoding, or a required field missing. Answer 400.</summary>
    Malformed,

    /// <summary>Well formed, but a kind the bot does not handle. Acknowledge it (2xx) so Slack does not retry.</summary>
    Unsupported,
}

/// <summary>A parsed payload, or a clear reason why there is none. Parsers return this instead of throwing.</summary>
public sealed record SlackParseResult<T>
    where T : class
{
    internal SlackParseResult(T? value, SlackPayloadError error, string? message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    public T? Value { get; }

    public SlackPayloadError Error { get; }

    /// <summary>What was wrong, fit for a log line or a 400 body; null when the payload was read.</summary>
    public string? Message { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsOk => Value is not null;
}

/// <summary>Builds <see cref="SlackParseResult{T}"/> values.</summary>
public static class SlackParseResult
{
    public static SlackParseResult<T> Ok<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), SlackPayloadError.None, null);

    public static SlackParseResult<T> Malformed<T>(string message)
        where T : class => new(null, SlackPayloadError.Malformed, message);

    public static SlackParseResult<T> Unsupported<T>(string message)
        where T : class => new(null, SlackPayloadError.Unsupported, message);
}

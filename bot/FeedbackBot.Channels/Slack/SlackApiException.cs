using System.Net;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// A Web API call failed: Slack answered <c>ok: false</c>, refused it over HTTP, or was still throttling or failing
/// after the last retry. The message names the method and Slack's error, e.g.
/// <c>chat.postMessage failed: channel_not_found</c>.
/// </summary>
public class SlackApiException : Exception
{
    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string error, HttpStatusCode? statusCode = null, string? detail = null)
        : base($"{method} failed: {error}" + (string.IsNullOrEmpty(detail) ? "" : $" ({detail})"))
    {
        Method = method;
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>The Web API method, such as <c>chat.postMessage</c>, or <c>response_url</c>.</summary>
    public string? Method { get; }

    /// <summary>Slack's error code, such as <c>channel_not_found</c>; <c>http_404</c> when Slack gave only a status.</summary>
    public string? Error { get; }

    public HttpStatusCode? StatusCode { get; }
}

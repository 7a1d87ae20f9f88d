using System.Net;

namespace FeedbackBot.Channels.Teams;

/// <summary>A Connector call failed: refused, or still throttled or failing after the last retry.</summary>
public class BotConnectorException : Exception
{
    public BotConnectorException()
    {
    }

    public BotConnectorException(string message)
        : base(message)
    {
    }

    public BotConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BotConnectorException(string message, HttpStatusCode? statusCode, string? errorCode, string? correlationId)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        CorrelationId = correlationId;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Connector's own code for the failure (such as <c>MessageWritesBlocked</c>), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The response's X-Correlating-OperationId, which Microsoft support asks for.</summary>
    public string? CorrelationId { get; }
}

using System.Net;

namespace FeedbackBot.Infrastructure.Hosting;

/// <summary>
/// Whether a request comes from the machine the bot runs on: the person at the keyboard, not someone on the network.
/// The admin pages and the playground trust such a request without a password.
/// </summary>
internal static class LocalRequests
{
    // A reverse proxy on the same machine makes every request look local; the headers it adds give it away.
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For")
        && !context.Request.Headers.ContainsKey("Forwarded");
}

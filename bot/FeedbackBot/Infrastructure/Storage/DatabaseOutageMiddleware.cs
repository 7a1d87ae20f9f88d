using FeedbackBot.Data.Outage;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>
/// A request that failed because the database is away is answered 503 with <c>Retry-After</c> (the platforms and
/// browsers try again) and logged as one line without a stack trace: the outage itself is logged once by
/// <see cref="DatabaseOutage"/>, and a trace per request only buries it. Any other exception goes on as before.
/// </summary>
internal sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    private const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Method} {Path} failed: the database cannot be reached; answered 503.", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(
                new { error = "The bot's database is unavailable for a moment; nothing was stored. Try again shortly." }, context.RequestAborted);
        }
    }
}

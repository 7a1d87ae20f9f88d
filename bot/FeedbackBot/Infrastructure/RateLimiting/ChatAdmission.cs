using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>
/// Keeps the chat endpoints answering inside the platforms' time limits when more arrives than the bot can store:
/// at most <c>RateLimits:ChatConcurrency</c> chat requests are worked on at once, the rest wait in arrival order, and
/// one that has waited <c>RateLimits:ChatQueueSeconds</c> is answered 503 with <c>Retry-After</c> before anything in it
/// is read. Without this every request waits its turn however long the queue, so past its capacity the bot answers
/// nothing in time (Slack gives up after 3 s, Teams after 15 s) and the platforms' retries pile onto the queue.
/// A refused request changed nothing, and the platforms retry it.
/// </summary>
internal sealed class ChatAdmission(RequestDelegate next, IOptions<InboundLimitsOptions> options) : IAsyncDisposable
{
    public const string Message = "The bot is busy; nothing was stored. Try again after the time in Retry-After.";

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ChatConcurrency,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        // The wait is bounded by time, not by length: how long a queue takes to drain depends on the machine.
        QueueLimit = int.MaxValue,
    });

    private readonly TimeSpan _wait = TimeSpan.FromSeconds(options.Value.ChatQueueSeconds);

    public async Task InvokeAsync(HttpContext http)
    {
        if (InboundLimits.KindOf(http.Request.Path) != EndpointKind.Chat)
        {
            await next(http);
            return;
        }

        using var waited = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        waited.CancelAfter(_wait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, waited.Token);
        }
        catch (OperationCanceledException)
        {
            // A caller that went away while waiting gets nothing; one that waited too long is told to come back.
            if (!http.RequestAborted.IsCancellationRequested)
            {
                await RefuseAsync(http);
            }

            return;
        }

        using (lease)
        {
            await next(http);
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private static async Task RefuseAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        await http.Response.WriteAsJsonAsync(new { error = "busy", message = Message }, http.RequestAborted);
    }
}

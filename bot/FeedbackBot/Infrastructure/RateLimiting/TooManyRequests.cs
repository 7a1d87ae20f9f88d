using System.Globalization;
using System.Threading.RateLimiting;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>The one answer a refused request gets, from either limiter: 429, <c>Retry-After</c> in seconds and a short reason.</summary>
internal static class TooManyRequests
{
    public const string Message = "Too many requests; nothing was stored. Try again after the time in Retry-After.";

    public static IResult Result(HttpContext http, RateLimitLease lease)
    {
        SetRetryAfter(http, lease);
        return Results.Json(new { error = "rate_limited", message = Message }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    public static void SetRetryAfter(HttpContext http, RateLimitLease lease)
    {
        // Without metadata (a limiter that keeps none) a minute is the honest upper bound of every window used here.
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}

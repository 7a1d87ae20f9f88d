using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>
/// Requests a minute per Teams tenant or Slack workspace. The tenant is only known once a request is authenticated and
/// parsed, so the chat endpoints ask here after their signature check and before anything is stored: a forger cannot
/// spend another tenant's allowance, and a refused request changes nothing.
/// </summary>
internal sealed class TenantRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public TenantRateLimiter(IOptions<InboundLimitsOptions> options)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return;
        }

        var permits = limits.PerTenantPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetFixedWindowLimiter(
            tenant,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>
    /// Null when the tenant may go on; otherwise the 429 to answer with. A request without a tenant (Slack's URL
    /// check, say) is not counted here: the per-address limit still applies to it.
    /// </summary>
    public IResult? Refuse(HttpContext http, string channel, string? tenant)
    {
        if (_limiter is null || string.IsNullOrEmpty(tenant))
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(channel + ":" + tenant);
        if (lease.IsAcquired)
        {
            return null;
        }

        return TooManyRequests.Result(http, lease);
    }

    public void Dispose() => _limiter?.Dispose();
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>
/// Limits on what the public endpoints take in: requests a minute per client address (web pages and platform
/// endpoints counted apart), per tenant (<see cref="TenantRateLimiter"/>), chat requests worked on at once
/// (<see cref="ChatAdmission"/>), and the size of any request body.
/// </summary>
internal static class InboundLimits
{
    // Larger than any body a handler here accepts (Slack's 512 KB is the largest); each handler keeps its own smaller cap.
    public const long MaxRequestBodyBytes = 1024 * 1024;

    private const string KestrelBodyLimitKey = "Kestrel:Limits:MaxRequestBodySize";

    public static WebApplicationBuilder AddInboundLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InboundLimitsOptions>().Configure(o => o.Read(builder.Configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundLimitsOptions>, InboundLimitsOptionsValidator>();
        services.AddSingleton<TenantRateLimiter>();

        // Kestrel's own default is 30 MB; an operator who sets the limit keeps theirs.
        if (string.IsNullOrWhiteSpace(builder.Configuration[KestrelBodyLimitKey]))
        {
            services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                TooManyRequests.SetRetryAfter(rejected.HttpContext, rejected.Lease);
                await rejected.HttpContext.Response.WriteAsJsonAsync(new { error = "rate_limited", message = TooManyRequests.Message }, cancellationToken);
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<InboundLimitsOptions>>((o, limits) =>
        {
            var perClient = limits.Value.PerClientPerMinute;
            var chatPerClient = limits.Value.ChatPerClientPerMinute;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionKey(http) switch
            {
                null => RateLimitPartition.GetNoLimiter(""),
                { Kind: EndpointKind.Chat, Key: var key } => PerMinute(key, chatPerClient),
                { Key: var key } => PerMinute(key, perClient),
            });
        });

        if (builder.Configuration[InboundLimitsOptions.TrustForwardedForKey] is { } trust && bool.TryParse(trust.Trim(), out var trusted) && trusted)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The proxy's own address is not known in advance (a container network); the setting says every
                // caller is one, so the bot must not be reachable except through it (docs/deploy.md).
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        return builder;
    }

    /// <summary>Before anything else reads the client's address or the database.</summary>
    public static WebApplication UseInboundLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<InboundLimitsOptions>>().Value;
        if (limits.TrustForwardedFor)
        {
            app.UseForwardedHeaders();
        }

        if (limits.Enabled)
        {
            app.UseRateLimiter();
            app.UseMiddleware<ChatAdmission>();
        }

        return app;
    }

    /// <summary>
    /// Which per-address allowance a request spends, or null for one that is not limited here (health probes, the
    /// playground, which has its own limits, and the loopback-only admin dashboard).
    /// </summary>
    public static (EndpointKind Kind, string Key)? PartitionKey(HttpContext http)
    {
        var kind = KindOf(http.Request.Path);
        if (kind is null)
        {
            return null;
        }

        var address = http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip) : IPAddress.None;
        return (kind.Value, (kind == EndpointKind.Chat ? "chat:" : "web:") + address);
    }

    public static EndpointKind? KindOf(PathString path)
    {
        if (path.Equals("/api/messages", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/api/interactions", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/slack/events", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/slack/interactions", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/slack/commands", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointKind.Chat;
        }

        if (path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/reviews", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/u", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/slack/install", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/slack/oauth/callback", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointKind.Web;
        }

        return null;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

/// <summary>Web pages people open, or endpoints the chat platforms and helpdesks call.</summary>
internal enum EndpointKind
{
    Web,
    Chat,
}

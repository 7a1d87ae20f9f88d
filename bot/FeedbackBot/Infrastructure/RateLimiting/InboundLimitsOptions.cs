using System.Globalization;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>
/// <c>RateLimits:*</c>: how many requests a minute the public endpoints take from one client address and from one
/// Teams tenant or Slack workspace. The defaults are far above what the platforms and people send, so only a flood is
/// refused; tests set them low.
/// </summary>
internal sealed class InboundLimitsOptions
{
    public const string EnabledKey = "RateLimits:Enabled";
    public const string PerClientKey = "RateLimits:PerClientPerMinute";
    public const string ChatPerClientKey = "RateLimits:ChatPerClientPerMinute";
    public const string PerTenantKey = "RateLimits:PerTenantPerMinute";
    public const string TrustForwardedForKey = "RateLimits:TrustForwardedFor";
    public const string ChatConcurrencyKey = "RateLimits:ChatConcurrency";
    public const string ChatQueueSecondsKey = "RateLimits:ChatQueueSeconds";

    // A person opening a survey or a report makes three or four requests; a whole office behind one address still fits.
    public const int DefaultPerClient = 300;

    // Teams and Slack send every tenant's traffic from a handful of addresses: 1,000 a second from one of them is
    // a platform's busy minute, not an attack.
    public const int DefaultChatPerClient = 60_000;

    // A 10,000-person fan-out's answers arrive at about 50 a second (3,000 a minute); four times that is never refused.
    public const int DefaultPerTenant = 12_000;

    public const int MaxPerMinute = 10_000_000;

    // Chat requests worked on at once: enough to keep the database's connections busy (Npgsql's pool holds 100), few
    // enough that a two-core machine does not spend its time switching between them. More wait in arrival order.
    public const int DefaultChatConcurrency = 64;

    // How long a chat request may wait for its turn before it is refused with 503: well inside Slack's 3 s, so what is
    // admitted is still answered in time.
    public const int DefaultChatQueueSeconds = 2;

    public const int MaxChatConcurrency = 10_000;

    public const int MaxChatQueueSeconds = 60;

    public string? ConfiguredEnabled { get; set; }

    public string? ConfiguredPerClient { get; set; }

    public string? ConfiguredChatPerClient { get; set; }

    public string? ConfiguredPerTenant { get; set; }

    public string? ConfiguredTrustForwardedFor { get; set; }

    public string? ConfiguredChatConcurrency { get; set; }

    public string? ConfiguredChatQueueSeconds { get; set; }

    public bool Enabled => !bool.TryParse(ConfiguredEnabled?.Trim(), out var enabled) || enabled;

    public bool TrustForwardedFor => bool.TryParse(ConfiguredTrustForwardedFor?.Trim(), out var trust) && trust;

    public int PerClientPerMinute => Parse(ConfiguredPerClient) ?? DefaultPerClient;

    public int ChatPerClientPerMinute => Parse(ConfiguredChatPerClient) ?? DefaultChatPerClient;

    public int PerTenantPerMinute => Parse(ConfiguredPerTenant) ?? DefaultPerTenant;

    public int ChatConcurrency => Parse(ConfiguredChatConcurrency) ?? DefaultChatConcurrency;

    public int ChatQueueSeconds => Parse(ConfiguredChatQueueSeconds) ?? DefaultChatQueueSeconds;

    public void Read(IConfiguration configuration)
    {
        ConfiguredEnabled = configuration[EnabledKey];
        ConfiguredPerClient = configuration[PerClientKey];
        ConfiguredChatPerClient = configuration[ChatPerClientKey];
        ConfiguredPerTenant = configuration[PerTenantKey];
        ConfiguredTrustForwardedFor = configuration[TrustForwardedForKey];
        ConfiguredChatConcurrency = configuration[ChatConcurrencyKey];
        ConfiguredChatQueueSeconds = configuration[ChatQueueSecondsKey];
    }

    public static int? Parse(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}

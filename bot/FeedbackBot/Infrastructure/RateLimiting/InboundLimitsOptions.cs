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

    // A person opening a survey or a report makes three or four requests; a whole office behind one address still fits.
    public const int DefaultPerClient = 300;

    // Teams and Slack send every tenant's traffic from a handful of addresses: 1,000 a second from one of them is
    // a platform's busy minute, not an attack.
    public const int DefaultChatPerClient = 60_000;

    // A 10,000-person fan-out's answers arrive at about 50 a second (3,000 a minute); four times that is never refused.
    public const int DefaultPerTenant = 12_000;

    public const int MaxPerMinute = 10_000_000;

    public string? ConfiguredEnabled { get; set; }

    public string? ConfiguredPerClient { get; set; }

    public string? ConfiguredChatPerClient { get; set; }

    public string? ConfiguredPerTenant { get; set; }

    public string? ConfiguredTrustForwardedFor { get; set; }

    public bool Enabled => !bool.TryParse(ConfiguredEnabled?.Trim(), out var enabled) || enabled;

    public bool TrustForwardedFor => bool.TryParse(ConfiguredTrustForwardedFor?.Trim(), out var trust) && trust;

    public int PerClientPerMinute => Parse(ConfiguredPerClient) ?? DefaultPerClient;

    public int ChatPerClientPerMinute => Parse(ConfiguredChatPerClient) ?? DefaultChatPerClient;

    public int PerTenantPerMinute => Parse(ConfiguredPerTenant) ?? DefaultPerTenant;

    public void Read(IConfiguration configuration)
    {
        ConfiguredEnabled = configuration[EnabledKey];
        ConfiguredPerClient = configuration[PerClientKey];
        ConfiguredChatPerClient = configuration[ChatPerClientKey];
        ConfiguredPerTenant = configuration[PerTenantKey];
        ConfiguredTrustForwardedFor = configuration[TrustForwardedForKey];
    }

    public static int? Parse(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}

using System.Globalization;

namespace FeedbackBot.Infrastructure.Email;

/// <summary>
/// How the bot sends e-mail (customer survey invitations and their reminder): an SMTP relay, the sender's address and
/// a pace. With no <c>Email:Smtp:Host</c> e-mail is off: customers are still drawn and their invitations recorded,
/// but nothing is queued for sending until a host is set (docs/customers.md).
/// </summary>
internal sealed class EmailOptions
{
    public const string HostKey = "Email:Smtp:Host";
    public const string PortKey = "Email:Smtp:Port";
    public const string UsernameKey = "Email:Smtp:Username";
    public const string PasswordKey = "Email:Smtp:Password";
    public const string FromKey = "Email:Smtp:From";
    public const string UseTlsKey = "Email:Smtp:UseTls";
    public const string PerMinuteKey = "Email:PerMinute";

    /// <summary>Submission with STARTTLS, what relays such as Microsoft 365, Google and SendGrid expect.</summary>
    public const int DefaultPort = 587;

    /// <summary>
    /// Microsoft 365 accepts 30 messages a minute from one mailbox; a relay that allows more is set higher. Below a
    /// provider's limit its refusals never start, which is cheaper than waiting them out.
    /// </summary>
    public const int DefaultPerMinute = 30;

    public const int MaxPerMinute = 100_000;

    public string? Host { get; set; }

    public string? ConfiguredPort { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public string? ConfiguredUseTls { get; set; }

    public string? ConfiguredPerMinute { get; set; }

    /// <summary>Whether e-mail is on: a host is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public int Port => int.TryParse(ConfiguredPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : DefaultPort;

    /// <summary>TLS unless switched off (only for a relay on this machine or a test server).</summary>
    public bool UseTls => !bool.TryParse(ConfiguredUseTls?.Trim(), out var useTls) || useTls;

    public int PerMinute => int.TryParse(ConfiguredPerMinute, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) ? perMinute : DefaultPerMinute;

    public void Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Host = configuration[HostKey]?.Trim();
        ConfiguredPort = configuration[PortKey]?.Trim();
        Username = configuration[UsernameKey];
        Password = configuration[PasswordKey];
        From = configuration[FromKey]?.Trim();
        ConfiguredUseTls = configuration[UseTlsKey];
        ConfiguredPerMinute = configuration[PerMinuteKey]?.Trim();
    }
}

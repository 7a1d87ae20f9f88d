using System.Globalization;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Reviews;

/// <summary>How report links are made: the address they point at and how long they work.</summary>
internal sealed class ReportOptions
{
    public const string BaseUrlKey = "Reports:BaseUrl";
    public const string LinkLifetimeKey = "Reports:LinkLifetime";

    /// <summary>Where managers reach the bot; links are built on it.</summary>
    public string? ConfiguredBaseUrl { get; set; }

    /// <summary>How long a link works, as a TimeSpan (d.hh:mm:ss).</summary>
    public string? ConfiguredLinkLifetime { get; set; }

    public Uri BaseUrl => new(string.IsNullOrWhiteSpace(ConfiguredBaseUrl) ? Infrastructure.Hosting.BotWebApplication.DefaultUrl : ConfiguredBaseUrl.TrimEnd('/') + "/");

    public TimeSpan LinkLifetime => string.IsNullOrWhiteSpace(ConfiguredLinkLifetime)
        ? TimeSpan.FromDays(7)
        : TimeSpan.Parse(ConfiguredLinkLifetime, CultureInfo.InvariantCulture);
}

/// <summary>Rejects a report setting at start-up, naming its key.</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConfiguredBaseUrl)
            && (!Uri.TryCreate(options.ConfiguredBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ValidateOptionsResult.Fail($"{ReportOptions.BaseUrlKey} must be an absolute http or https address, not '{options.ConfiguredBaseUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConfiguredLinkLifetime)
            && (!TimeSpan.TryParse(options.ConfiguredLinkLifetime, CultureInfo.InvariantCulture, out var lifetime)
                || lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366)))
        {
            return ValidateOptionsResult.Fail(
                $"{ReportOptions.LinkLifetimeKey} must be a duration between 00:00:01 and 366.00:00:00 (d.hh:mm:ss), not '{options.ConfiguredLinkLifetime}'.");
        }

        return ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.RateLimiting;

/// <summary>Rejects a <c>RateLimits:*</c> setting at start-up, naming its key.</summary>
internal sealed class InboundLimitsOptionsValidator : IValidateOptions<InboundLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (key, value) in new[]
                 {
                     (InboundLimitsOptions.EnabledKey, options.ConfiguredEnabled),
                     (InboundLimitsOptions.TrustForwardedForKey, options.ConfiguredTrustForwardedFor),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value) && !bool.TryParse(value.Trim(), out _))
            {
                return ValidateOptionsResult.Fail($"{key} must be true or false, not '{value}'.");
            }
        }

        foreach (var (key, value) in new[]
                 {
                     (InboundLimitsOptions.PerClientKey, options.ConfiguredPerClient),
                     (InboundLimitsOptions.ChatPerClientKey, options.ConfiguredChatPerClient),
                     (InboundLimitsOptions.PerTenantKey, options.ConfiguredPerTenant),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value)
                && InboundLimitsOptions.Parse(value) is not (>= 1 and <= InboundLimitsOptions.MaxPerMinute))
            {
                return ValidateOptionsResult.Fail(
                    $"{key} must be a whole number of requests a minute from 1 to {InboundLimitsOptions.MaxPerMinute}, not '{value}'.");
            }
        }

        foreach (var (key, value, max, unit) in new[]
                 {
                     (InboundLimitsOptions.ChatConcurrencyKey, options.ConfiguredChatConcurrency, InboundLimitsOptions.MaxChatConcurrency, "requests at once"),
                     (InboundLimitsOptions.ChatQueueSecondsKey, options.ConfiguredChatQueueSeconds, InboundLimitsOptions.MaxChatQueueSeconds, "seconds"),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value) && (InboundLimitsOptions.Parse(value) is not { } parsed || parsed < 1 || parsed > max))
            {
                return ValidateOptionsResult.Fail($"{key} must be a whole number of {unit} from 1 to {max}, not '{value}'.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Teams;

/// <summary>Checks the Teams settings at start-up; every message names the setting to fix.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasAppId = !string.IsNullOrWhiteSpace(options.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.AppPassword);

        if (hasAppId && !hasPassword)
        {
            errors.Add($"{TeamsOptions.AppPasswordKey} is required when {TeamsOptions.AppIdKey} is set.");
        }

        if (hasPassword && !hasAppId)
        {
            errors.Add($"{TeamsOptions.AppIdKey} is required when {TeamsOptions.AppPasswordKey} is set.");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !IsTenantName(options.TenantId.Trim()))
        {
            errors.Add($"{TeamsOptions.TenantIdKey} must be a tenant id (a GUID) or a tenant domain, not '{options.TenantId}'.");
        }

        if (!EndpointRules.TryParse(options.ResolvedOpenIdMetadataUrl, out _))
        {
            errors.Add($"{TeamsOptions.OpenIdMetadataUrlKey} must be an absolute https URL (http only on loopback), not '{options.OpenIdMetadataUrl}'.");
        }

        if (!EndpointRules.TryParse(options.ResolvedTokenEndpoint, out _))
        {
            errors.Add($"{TeamsOptions.TokenEndpointKey} must be an absolute https URL (http only on loopback), not '{options.TokenEndpoint}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsTenantName(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}

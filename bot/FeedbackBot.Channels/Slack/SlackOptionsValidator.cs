using FeedbackBot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Channels.Slack;

/// <summary>Checks the Slack settings at start-up; every message names the setting to fix.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasBotToken = HasValue(options.BotToken);
        var hasClientId = HasValue(options.ClientId);
        var hasClientSecret = HasValue(options.ClientSecret);

        if (hasBotToken && !options.BotToken!.Trim().StartsWith(SlackOptions.BotTokenPrefix, StringComparison.Ordinal))
        {
            errors.Add($"{SlackOptions.BotTokenKey} must be a bot token starting with '{SlackOptions.BotTokenPrefix}'.");
        }

        if (HasValue(options.AppToken) && !options.AppToken!.Trim().StartsWith(SlackOptions.AppTokenPrefix, StringComparison.Ordinal))
        {
            errors.Add($"{SlackOptions.AppTokenKey} must be an app-level token starting with '{SlackOptions.AppTokenPrefix}' (Socket Mode).");
        }

        if (hasClientId && !hasClientSecret)
        {
            errors.Add($"{SlackOptions.ClientSecretKey} is required when {SlackOptions.ClientIdKey} is set (OAuth install).");
        }

        if (hasClientSecret && !hasClientId)
        {
            errors.Add($"{SlackOptions.ClientIdKey} is required when {SlackOptions.ClientSecretKey} is set (OAuth install).");
        }

        if (hasBotToken && hasClientId)
        {
            // One fixed workspace and installs into many are different set-ups; mixing them would leave it unclear
            // which token a workspace's messages go out with.
            errors.Add($"{SlackOptions.BotTokenKey} and {SlackOptions.ClientIdKey} cannot both be set: use a bot token for one workspace, or the OAuth install for many.");
        }

        if (options.IsConfigured)
        {
            if (!HasValue(options.SigningSecret) && !options.UsesSocketMode)
            {
                errors.Add($"{SlackOptions.SigningSecretKey} is required when Slack is configured without {SlackOptions.AppTokenKey} (Socket Mode): it verifies every request from Slack.");
            }

            if (!hasBotToken && !hasClientId && !hasClientSecret)
            {
                errors.Add($"{SlackOptions.BotTokenKey} is required when Slack is configured, unless {SlackOptions.ClientIdKey} and {SlackOptions.ClientSecretKey} are set for the OAuth install.");
            }
        }

        if (!EndpointRules.TryParse(options.ResolvedApiBaseUrl, out _))
        {
            errors.Add($"{SlackOptions.ApiBaseUrlKey} must be an absolute https URL (http only on loopback), not '{options.ApiBaseUrl}'.");
        }

        if (HasValue(options.OAuthRedirectUrl) && !EndpointRules.TryParse(options.OAuthRedirectUrl, out _))
        {
            errors.Add($"{SlackOptions.OAuthRedirectUrlKey} must be an absolute https URL (http only on loopback), not '{options.OAuthRedirectUrl}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool HasValue(string? value) => !string.IsNullOrWhiteSpace(value);
}

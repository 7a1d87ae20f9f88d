using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.HelpdeskTriggers;

/// <summary>The shared secret a helpdesk signs its requests to <c>POST /api/interactions</c> with.</summary>
internal sealed class WebhookOptions
{
    public const string SecretKey = "Webhooks:Secret";

    /// <summary>Shorter secrets can be guessed; 32 characters of a generator's output is what the docs ask for.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>Null or empty turns helpdesk triggers off: every request is refused.</summary>
    public string? Secret { get; set; }
}

/// <summary>Rejects a secret too short to be safe at start-up, naming its key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        string.IsNullOrEmpty(options.Secret) || options.Secret.Length >= WebhookOptions.MinimumSecretLength
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{WebhookOptions.SecretKey} must be at least {WebhookOptions.MinimumSecretLength} characters (generate one, for example with 'openssl rand -hex 32').");
}

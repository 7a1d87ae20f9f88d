using Microsoft.Extensions.Options;

namespace FeedbackBot.Playground;

/// <summary>Rejects a playground setting at start-up, naming its key.</summary>
internal sealed class PlaygroundOptionsValidator : IValidateOptions<PlaygroundOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaygroundOptions options) =>
        string.IsNullOrWhiteSpace(options.ConfiguredEnabled) || bool.TryParse(options.ConfiguredEnabled.Trim(), out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PlaygroundOptions.EnabledKey} must be true or false, not '{options.ConfiguredEnabled}'.");
}

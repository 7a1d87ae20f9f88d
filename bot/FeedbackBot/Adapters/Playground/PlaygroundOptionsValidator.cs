using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Playground;

/// <summary>Rejects a playground setting at start-up, naming its key.</summary>
internal sealed class PlaygroundOptionsValidator : IValidateOptions<PlaygroundOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaygroundOptions options)
    {
        foreach (var (key, value) in new[] { (PlaygroundOptions.EnabledKey, options.ConfiguredEnabled), (PlaygroundOptions.AllowRemoteKey, options.ConfiguredAllowRemote) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !bool.TryParse(value.Trim(), out _))
            {
                return ValidateOptionsResult.Fail($"{key} must be true or false, not '{value}'.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}

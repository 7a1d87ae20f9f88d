using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Outbox;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        if (options.Parallelism is < 1 or > 512)
        {
            errors.Add("Outbox:Parallelism must be between 1 and 512.");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add("Outbox:MaxAttempts must be at least 1.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add("Outbox:PollInterval and Outbox:SweepInterval must be positive.");
        }

        if (options.ClaimLifetime < TimeSpan.FromSeconds(10))
        {
            errors.Add("Outbox:ClaimLifetime must be at least 10 seconds: a claim that runs out during a send would leave the message Uncertain.");
        }

        if (options.SendLeaseLifetime < TimeSpan.FromSeconds(10))
        {
            errors.Add("Outbox:SendLeaseLifetime must be at least 10 seconds ; half of it should outlast the pacers' longest window, a minute.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("Outbox:RetryBaseDelay must not be negative, nor above Outbox:RetryMaxDelay.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FeedbackBot.Infrastructure.Email;

/// <summary>Rejects an e-mail setting at start-up, naming its key. With no host nothing else is checked: e-mail is off.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConfiguredPerMinute)
            && (!int.TryParse(options.ConfiguredPerMinute, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) || perMinute < 1 || perMinute > EmailOptions.MaxPerMinute))
        {
            return ValidateOptionsResult.Fail($"{EmailOptions.PerMinuteKey} must be a whole number of messages from 1 to {EmailOptions.MaxPerMinute}, not '{options.ConfiguredPerMinute}'.");
        }

        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            return ValidateOptionsResult.Fail($"{EmailOptions.HostKey} must be a host name or IP address, such as smtp.example.com, not '{options.Host}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConfiguredPort)
            && (!int.TryParse(options.ConfiguredPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535))
        {
            return ValidateOptionsResult.Fail($"{EmailOptions.PortKey} must be a port number from 1 to 65535, not '{options.ConfiguredPort}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConfiguredUseTls) && !bool.TryParse(options.ConfiguredUseTls.Trim(), out _))
        {
            return ValidateOptionsResult.Fail($"{EmailOptions.UseTlsKey} must be true or false, not '{options.ConfiguredUseTls}'.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"{EmailOptions.FromKey} must be the address invitations are sent from, such as \"Customer Care <care@example.com>\", when {EmailOptions.HostKey} is set.");
        }

        if (!string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Password))
        {
            return ValidateOptionsResult.Fail($"{EmailOptions.PasswordKey} must be set when {EmailOptions.UsernameKey} is.");
        }

        return ValidateOptionsResult.Success;
    }
}

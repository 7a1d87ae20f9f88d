using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// How a customer's e-mail address is kept: encrypted with the bot's data-protection keys, to be written to, and as a
/// keyed hash of its normalised form, to recognise the same address again (a later import, a helpdesk trigger, an
/// unsubscribe) without decrypting anything. The hash key is an installation secret, so the hash of a known address
/// cannot be computed from outside.
/// </summary>
internal sealed class ContactEmails(IServiceScopeFactory scopes, IDataProtectionProvider protection) : IDisposable
{
    public const string SecretName = "contact-email";

    private readonly IDataProtector _protector = protection.CreateProtector("FeedbackBot.ContactEmail.v1");
    private readonly CachedSecret _secret = new(scopes, SecretName);

    public void Dispose() => _secret.Dispose();

    /// <summary>The address as compared: trimmed and in lower case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Whether the text is shaped like one e-mail address (one '@', something on both sides, no spaces).</summary>
    public static bool LooksLikeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 320)
        {
            return false;
        }

        var value = text.Trim();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
            && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace);
    }

    public string Protect(string email) => _protector.Protect(Normalize(email));

    public string Unprotect(string protectedEmail) => _protector.Unprotect(protectedEmail);

    /// <summary>
    /// Creates the hash key and the data-protection key ring now if this is the first use, each in its own short
    /// transaction. Called before a long transaction that will hash and protect addresses: on SQLite the keys' own
    /// writes would otherwise wait on that transaction's lock for good.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _secret.GetAsync(cancellationToken);
        _protector.Unprotect(_protector.Protect("prepare@example.invalid"));
    }

    /// <summary>The keyed hash of an address (64 hex characters).</summary>
    public async Task<string> HashAsync(string email, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await _secret.GetAsync(cancellationToken), Encoding.UTF8.GetBytes(Normalize(email))));
}

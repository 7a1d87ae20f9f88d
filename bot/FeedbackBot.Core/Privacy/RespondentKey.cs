using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Core.Privacy;

/// <summary>
/// The pseudonymous key under which a staff member's answers in one cycle are stored. It is a keyed hash of the
/// tenant, the person's channel id and the cycle, so the same person answering twice in one cycle is recognised
/// as a duplicate, but nothing stored beside the answers leads back to the person, and keys of different cycles
/// cannot be linked to each other without the secret.
/// </summary>
public static class RespondentKey
{
    /// <summary>The least secret length accepted, in bytes.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>Derives the key for one person in one cycle.</summary>
    /// <param name="secret">The installation's secret; at least <see cref="MinimumSecretLength"/> bytes.</param>
    /// <param name="tenantId">The tenant the person belongs to.</param>
    /// <param name="channelUserId">The person's id on their chat channel.</param>
    /// <param name="cycleId">The review cycle.</param>
    /// <returns>A 64-character lower-case hexadecimal string prefixed with <c>s:</c>, marking it as a staff key.</returns>
    public static string ForStaff(ReadOnlySpan<byte> secret, Guid tenantId, string channelUserId, Guid cycleId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelUserId);
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"The respondent key secret must be at least {MinimumSecretLength} bytes.", nameof(secret));
        }

        // Length-prefixing the user id keeps distinct (user, cycle) pairs from ever producing the same message.
        var message = Encoding.UTF8.GetBytes(
            FormattableString.Invariant($"{tenantId:N}|{channelUserId.Length}:{channelUserId}|{cycleId:N}"));
        var hash = HMACSHA256.HashData(secret, message);
        return "s:" + Convert.ToHexStringLower(hash);
    }
}

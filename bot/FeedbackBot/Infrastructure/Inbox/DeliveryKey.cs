using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Infrastructure.Inbox;

/// <summary>Builds the key a delivery is recognised by from the platform's ids, within the column's length.</summary>
internal static class DeliveryKey
{
    public const int MaxLength = 300;

    public static string Of(params string[] parts)
    {
        var key = string.Join('|', parts);
        // Teams channel conversation ids can be long; a digest keeps the key unique and within the column.
        return key.Length <= MaxLength ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

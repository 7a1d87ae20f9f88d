using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// The idempotency key of an imported row: SHA-256 (hex) of the file's column names and the row's cells. Each name
/// and cell is written with its length in front, so no two different rows can give the same text to hash.
/// </summary>
internal static class ContentKey
{
    public static string Of(IReadOnlyList<string> columns, IReadOnlyList<string> cells)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "columns", columns.Count);
        foreach (var column in columns)
        {
            Append(hash, column);
        }

        // Only the named columns: a trailing separator in some rows must not make two copies of a row differ.
        Append(hash, "cells", columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            Append(hash, i < cells.Count ? cells[i] : string.Empty);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string label, int count) =>
        hash.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{label}#{count};")));

    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{bytes.Length}:")));
        hash.AppendData(bytes);
    }
}

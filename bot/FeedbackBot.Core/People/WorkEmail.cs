namespace FeedbackBot.Core.People;

/// <summary>
/// A work e-mail address as a roster gives it: how a roster row and a platform user are recognised as one person.
/// Addresses are compared in one normal form (trimmed, lower case), because rosters, Teams and Slack spell the same
/// address with different capitals, and two spellings of one colleague must not become two people.
/// </summary>
public static class WorkEmail
{
    /// <summary>The longest address kept: the most a mail path allows (RFC 5321).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>What an address must look like, for error messages.</summary>
    public const string Rule = "an e-mail address such as ana.lima@example.com (no spaces, one @, a domain with a dot)";

    /// <summary>
    /// Reads an address: the ordinary form mail systems and directories hand out (a local part of letters, digits and
    /// <c>.!#$%&amp;'*+/=?^_`{|}~-</c>, no leading, trailing or double dot; a domain of letters, digits and hyphens in
    /// dot-separated labels, at least two of them). Quoted local parts and address literals are refused: no
    /// directory hands those out as a work address, and a typo is far likelier.
    /// </summary>
    /// <returns>True with the normal (lower-case) form; false when <paramref name="text"/> is not such an address.</returns>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = string.Empty;
        var address = text?.Trim() ?? string.Empty;
        if (address.Length is 0 or > MaxLength)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || !IsLocalPart(address[..at]) || !IsDomain(address[(at + 1)..]))
        {
            return false;
        }

        normalized = address.ToLowerInvariant();
        return true;
    }

    /// <summary>Whether a roster's person cell means an e-mail address (it has an @) rather than a platform user id.</summary>
    public static bool LooksLikeEmail(string text) => text.Contains('@', StringComparison.Ordinal);

    private static bool IsLocalPart(string local)
    {
        if (local.Length > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "._%+-!#$&'*/=?^`{|}~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        // A top-level domain is letters (or an IDN's xn-- form), never digits alone: 10.0.0.1 is not a mail domain.
        return !labels[^1].All(char.IsAsciiDigit);
    }
}

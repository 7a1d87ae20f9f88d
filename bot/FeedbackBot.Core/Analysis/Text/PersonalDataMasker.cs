using System.Text;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Masks personal data in a comment before it is quoted: e-mail addresses become <c>[email]</c>, phone numbers
/// <c>[phone]</c>, payment-card-like numbers <c>[number]</c> and people's names <c>[name]</c>. Ordinary capitalised
/// words (products, weekdays, months) are left alone. Masking errs towards hiding: an order number of seven or
/// more digits is masked as a phone number.
/// </summary>
public static class PersonalDataMasker
{
    private const string EmailMask = "[email]";

    /// <summary>The text with personal data masked; the same text when there is none.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PersonNames.MaskNames(PhoneAndCardNumbers.MaskNumbers(MaskEmails(text)));
    }

    private static string MaskEmails(string text)
    {
        StringBuilder? masked = null;
        var copied = 0;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at;
            while (start > copied && IsLocalPart(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-'))
            {
                end++;
            }

            // A sentence's full stop after the address is not part of it.
            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            var next = at + 1;
            if (start < at && IsDomain(text.AsSpan(at + 1, end - at - 1)))
            {
                masked ??= new StringBuilder(text.Length);
                masked.Append(text, copied, start - copied).Append(EmailMask);
                copied = end;
                next = end;
            }

            at = next < text.Length ? text.IndexOf('@', next) : -1;
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsLocalPart(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    // example.co.uk: labels separated by full stops, ending in a top-level domain of letters.
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2)
        {
            return false;
        }

        foreach (var c in domain[(dot + 1)..])
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}

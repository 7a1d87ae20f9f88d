namespace FeedbackBot.Core.Plans;

/// <summary>The identifier rule shared by plan, question, KPI, feature and theme ids: safe in URLs, file names and chat commands.</summary>
internal static class Slugs
{
    public const int MaxLength = 64;

    public const string Rule =
        "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

    public static bool IsValid(string text)
    {
        if (text.Length is 0 or > MaxLength || !IsLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}

namespace FeedbackBot.Core.Text;

/// <summary>
/// "Did you mean ...?" for a name typed wrong: the closest of the names a closed vocabulary allows, when it is close
/// enough that the typo is the likely story. Used for plan fields, metrics and enum-like values, and for chat commands.
/// </summary>
public static class Suggestion
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/>, or null when none is close enough to suggest. Letters are
    /// compared without regard to case, and swapping two neighbouring letters counts as one edit, so "mena" finds
    /// "mean" and "Rating5" finds "rating5". The first of equally close candidates wins, so put the likelier first.
    /// </summary>
    /// <remarks>
    /// Close enough means at most one edit for every three characters of the longer name, and at least one: short
    /// names tolerate one slip, long ones a few, and unrelated names ("foo" against "id") are never offered.
    /// </remarks>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var typed = input.Trim();
        if (typed.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrEmpty(candidate) || string.Equals(candidate, typed, StringComparison.Ordinal))
            {
                continue;
            }

            var limit = Math.Clamp(Math.Max(typed.Length, candidate.Length) / 3, 1, 3);
            var distance = Distance(typed, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The number of single-letter insertions, deletions, substitutions and swaps of neighbouring letters that turn
    /// one name into the other, ignoring case (the optimal string alignment distance).
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.ToLowerInvariant();
        var y = b.ToLowerInvariant();

        // Three rows suffice: a swap looks back two rows, every other edit one.
        var previous2 = new int[y.Length + 1];
        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (var j = 0; j <= y.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[y.Length];
    }
}

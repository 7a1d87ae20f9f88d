using System.Text;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Finds people's names: a word after a cue ("spoke to", "my name is", "Mrs"), a signature ("- Anna" ending a
/// line), or a known first name written with a capital. A name that is also an everyday word (Will, Grace) counts
/// only where its capital cannot come from starting a sentence.
/// </summary>
internal static class PersonNames
{
    private const string Mask = "[name]";
    private const string ConnectingPunctuation = ",:;-\u2013\u2014\"'\u201C\u201D\u2018\u2019(";

    private static readonly HashSet<string> Known =
        [.. FirstNames.Unambiguous.Concat(FirstNames.Ambiguous)];

    private static readonly HashSet<string> Ambiguous = [.. FirstNames.Ambiguous];
    private static readonly HashSet<string> NotNames = [.. NameCues.NotNames];
    private static readonly HashSet<string> Titles = [.. NameCues.Titles];
    private static readonly string[][] Introducers = [.. NameCues.Introducers.Select(c => Tokenizer.Words(c).ToArray())];

    // Words the lexicon and the default themes know are ordinary words, not names: "Thanks Great service".
    private static readonly HashSet<string> CommonWords =
    [
        .. NameCues.NotNames,
        .. new[] { PositiveWords.Strong, PositiveWords.Moderate, PositiveWords.Mild, NegativeWords.Strong, NegativeWords.Moderate, NegativeWords.Mild }
            .Concat(DefaultThemes.All.Select(t => t.Keywords.ToArray()))
            .SelectMany(list => list)
            .SelectMany(Tokenizer.Words),
    ];

    /// <summary>The text with each name, and a surname after it, replaced by <c>[name]</c>.</summary>
    public static string MaskNames(string text)
    {
        var words = Words(text);
        StringBuilder? masked = null;
        var copied = 0;
        for (var k = 0; k < words.Count; k++)
        {
            if (!IsName(text, words, k))
            {
                continue;
            }

            var last = HasSurname(text, words, k) ? k + 1 : k;
            masked ??= new StringBuilder(text.Length);
            masked.Append(text, copied, words[k].Start - copied).Append(Mask);
            copied = words[last].CoreEnd;
            k = last;
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsName(string text, List<Word> words, int k)
    {
        var word = words[k];
        if (FollowsCue(text, words, k))
        {
            return (Known.Contains(word.Lower) && (word.Capitalised || !Ambiguous.Contains(word.Lower))) ||
                   (word.Capitalised && !CommonWords.Contains(word.Lower));
        }

        if (IsSignature(text, words, k))
        {
            return word.Capitalised && (Known.Contains(word.Lower) || !CommonWords.Contains(word.Lower));
        }

        return word.Capitalised && Known.Contains(word.Lower) && !NotNames.Contains(word.Lower) &&
               (!Ambiguous.Contains(word.Lower) || (!word.AllCapitals && !StartsSentence(text, word.Start)));
    }

    private static bool FollowsCue(string text, List<Word> words, int k)
    {
        if (k == 0)
        {
            return false;
        }

        var previous = words[k - 1];
        if (Titles.Contains(previous.Lower) && Gap(text, previous.End, words[k].Start, allowPunctuation: true, allowFullStop: true))
        {
            return true;
        }

        if (!Gap(text, previous.End, words[k].Start, allowPunctuation: true, allowFullStop: false))
        {
            return false;
        }

        foreach (var cue in Introducers)
        {
            if (k >= cue.Length && Matches(text, words, k - cue.Length, cue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string text, List<Word> words, int start, string[] cue)
    {
        for (var j = 0; j < cue.Length; j++)
        {
            var word = words[start + j];
            if (word.Lower != cue[j] || word.CoreEnd != word.End ||
                (j > 0 && !Gap(text, words[start + j - 1].End, word.Start, allowPunctuation: false, allowFullStop: false)))
            {
                return false;
            }
        }

        return true;
    }

    // "- Anna" or "— Anna Smith" closing a line or the text.
    private static bool IsSignature(string text, List<Word> words, int k)
    {
        var gapStart = k == 0 ? 0 : words[k - 1].End;
        var dash = text.AsSpan(gapStart, words[k].Start - gapStart).IndexOfAny("-\u2013\u2014~");
        if (dash < 0 || text.AsSpan(gapStart + dash + 1, words[k].Start - gapStart - dash - 1).Trim().Length > 0)
        {
            return false;
        }

        var dashAt = gapStart + dash;
        if (dashAt > 0 && !char.IsWhiteSpace(text[dashAt - 1]))
        {
            return false;
        }

        var end = HasSurname(text, words, k) ? words[k + 1].End : words[k].End;
        foreach (var c in text.AsSpan(end))
        {
            if (c == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && c is not ('.' or '!'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSurname(string text, List<Word> words, int k)
    {
        if (k + 1 >= words.Count || words[k].CoreEnd != words[k].End)
        {
            return false;
        }

        var next = words[k + 1];
        var gap = text.AsSpan(words[k].End, next.Start - words[k].End);
        return gap.Length > 0 && !gap.ContainsAnyExcept(' ') && next.Capitalised && !next.AllCapitals &&
               !CommonWords.Contains(next.Lower) && !Titles.Contains(next.Lower);
    }

    private static bool Gap(string text, int from, int to, bool allowPunctuation, bool allowFullStop)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            var allowed = char.IsWhiteSpace(c) ||
                          (allowPunctuation && ConnectingPunctuation.Contains(c, StringComparison.Ordinal)) ||
                          (allowFullStop && c == '.');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n' || c is '.' or '!' or '?' or ':' or ';')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && !"\"'\u201C\u201D\u2018\u2019([*\u2022-\u2013\u2014".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < text.Length &&
                   (char.IsLetter(text[end]) ||
                    (text[end] is '\'' or '\u2019' or '-' && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
            {
                end++;
            }

            var coreEnd = end - i > 2 && text[end - 1] is 's' or 'S' && text[end - 2] is '\'' or '\u2019' ? end - 2 : end;
            var core = text.AsSpan(i, coreEnd - i);
            words.Add(new Word(
                i,
                end,
                coreEnd,
                Tokenizer.Normalise(core.ToString()),
                char.IsUpper(core[0]),
                core.Length > 1 && !HasLower(core)));
            i = end;
        }

        return words;
    }

    private static bool HasLower(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="Start">Index of the first letter.</param>
    /// <param name="End">Index after the last letter, a possessive "'s" included.</param>
    /// <param name="CoreEnd">Index after the word without a possessive "'s".</param>
    /// <param name="Lower">The word without a possessive, lower case.</param>
    /// <param name="Capitalised">Whether it starts with a capital.</param>
    /// <param name="AllCapitals">Whether it is written in capitals only.</param>
    private readonly record struct Word(int Start, int End, int CoreEnd, string Lower, bool Capitalised, bool AllCapitals);
}

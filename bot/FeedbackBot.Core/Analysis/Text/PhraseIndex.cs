namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Phrases of known words, found in a text by their first word; the longest phrase at a place wins.</summary>
internal sealed class PhraseIndex<T>
{
    private readonly Dictionary<int, List<Phrase>> _byFirstWord = [];

    /// <summary>Adds a phrase; each of its words may be any of several vocabulary numbers.</summary>
    public void Add(IReadOnlyList<int[]> words, T value)
    {
        var phrase = new Phrase([.. words], value);
        foreach (var id in words[0])
        {
            if (!_byFirstWord.TryGetValue(id, out var list))
            {
                list = [];
                _byFirstWord.Add(id, list);
            }

            list.Add(phrase);
        }
    }

    /// <summary>
    /// The length in words of the longest phrase starting at a token within its clause, 0 if none; every phrase of
    /// that length is added to <paramref name="found"/> in the order added, once each.
    /// </summary>
    public int LongestAt(ResolvedText text, int token, List<T> found)
    {
        found.Clear();
        var best = 0;
        List<Phrase>? seen = null;
        foreach (var id in text.IdsOf(token))
        {
            if (!_byFirstWord.TryGetValue(id, out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                var length = phrase.Words.Length;
                if (length < best || !Matches(text, token, phrase))
                {
                    continue;
                }

                if (length > best)
                {
                    best = length;
                    found.Clear();
                    seen?.Clear();
                }

                seen ??= [];
                if (!seen.Contains(phrase))
                {
                    seen.Add(phrase);
                    found.Add(phrase.Value);
                }
            }
        }

        return best;
    }

    private static bool Matches(ResolvedText text, int token, Phrase phrase)
    {
        var tokens = text.Tokens;
        if (token + phrase.Words.Length > tokens.Count || tokens[token + phrase.Words.Length - 1].Clause != tokens[token].Clause)
        {
            return false;
        }

        for (var k = 1; k < phrase.Words.Length; k++)
        {
            var ids = text.IdsOf(token + k);
            var any = false;
            foreach (var id in phrase.Words[k])
            {
                if (ids.Contains(id))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Phrase(int[][] words, T value)
    {
        public int[][] Words { get; } = words;

        public T Value { get; } = value;
    }
}

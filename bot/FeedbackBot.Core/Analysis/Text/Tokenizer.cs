namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Splits a comment into words, clauses and segments.</summary>
internal static class Tokenizer
{
    private enum Role
    {
        ShiftingContrast,
        Contrast,
        Conjunction,
    }

    private static readonly Dictionary<string, Role> Roles = BuildRoles();
    private static readonly Dictionary<string, Role>.AlternateLookup<ReadOnlySpan<char>> RoleLookup =
        Roles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-cases a text and writes every apostrophe as <c>'</c>, keeping every character where it was.</summary>
    public static string Normalise(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is '\u2019' or '\u2018' or '`' or '\u02BC' or '\u00B4' ? '\'' : char.ToLowerInvariant(c);
        }
    });

    /// <summary>The words of a normalised text, with the clause and segment of each.</summary>
    /// <param name="text">A text from <see cref="Normalise"/>.</param>
    /// <param name="tokens">Receives the words.</param>
    /// <param name="shiftedClauses">Receives, per clause, whether it follows a "but"-like contrast.</param>
    public static void Tokenize(string text, List<Token> tokens, List<bool> shiftedClauses)
    {
        tokens.Clear();
        shiftedClauses.Clear();
        shiftedClauses.Add(false);
        var clause = 0;
        var segment = 0;
        var newClause = false;
        var newSegment = false;
        var shiftNext = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (EndsClause(c))
                {
                    newClause = true;
                }
                else if (EndsSegment(text, i))
                {
                    newSegment = true;
                }

                i++;
                continue;
            }

            var end = WordEnd(text, i);
            if (tokens.Count > 0 && newClause)
            {
                clause++;
                segment++;
                shiftedClauses.Add(shiftNext);
            }
            else if (tokens.Count > 0 && newSegment)
            {
                segment++;
            }

            var firstInClause = tokens.Count == 0 || tokens[^1].Clause != clause;
            newClause = newSegment = shiftNext = false;
            tokens.Add(new Token(i, end - i, clause, segment));
            if (RoleLookup.TryGetValue(text.AsSpan(i, end - i), out var role))
            {
                switch (role)
                {
                    // A contrast opening its clause ("... slow. But kind") shifts that clause; mid-clause it starts the next.
                    case Role.ShiftingContrast when firstInClause:
                        shiftedClauses[clause] = true;
                        break;
                    case Role.ShiftingContrast:
                        newClause = shiftNext = true;
                        break;
                    case Role.Contrast:
                        newClause = !firstInClause;
                        break;
                    case Role.Conjunction:
                        newSegment = true;
                        break;
                }
            }

            i = end;
        }
    }

    /// <summary>The words of a keyword or lexicon phrase, normalised.</summary>
    public static List<string> Words(string phrase)
    {
        var text = Normalise(phrase);
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                var end = WordEnd(text, i);
                words.Add(text[i..end]);
                i = end;
            }
            else
            {
                i++;
            }
        }

        return words;
    }

    // Apostrophes inside a word belong to it: "didn't", "agent's".
    private static int WordEnd(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length &&
               (char.IsLetterOrDigit(text[end]) ||
                (text[end] == '\'' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    private static bool EndsClause(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026';

    // A hyphen inside a word ("follow-up") joins; one standing apart ("slow - but") separates.
    private static bool EndsSegment(string text, int i) => text[i] switch
    {
        ',' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '/' or '&' or '|' or '*' or '\u2022' or '\u2013' or '\u2014' => true,
        '-' => i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static Dictionary<string, Role> BuildRoles()
    {
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var word in SentimentModifiers.ShiftingContrasts)
        {
            roles[word] = Role.ShiftingContrast;
        }

        foreach (var word in SentimentModifiers.Contrasts)
        {
            roles[word] = Role.Contrast;
        }

        foreach (var word in SentimentModifiers.Conjunctions)
        {
            roles[word] = Role.Conjunction;
        }

        return roles;
    }
}

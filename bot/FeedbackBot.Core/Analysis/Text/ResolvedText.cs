namespace FeedbackBot.Core.Analysis.Text;

/// <summary>A comment's words with the vocabulary numbers each may stand for.</summary>
internal sealed class ResolvedText
{
    private readonly List<int> _ids = [];
    private readonly List<int> _offsets = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>Per clause, whether it follows a "but"-like contrast.</summary>
    public List<bool> ShiftedClauses { get; } = [];

    public int ClauseCount => ShiftedClauses.Count;

    public int SegmentCount => Tokens.Count == 0 ? 0 : Tokens[^1].Segment + 1;

    public static ResolvedText Of(string text, Vocabulary vocabulary)
    {
        var resolved = new ResolvedText();
        var normalised = Tokenizer.Normalise(text);
        Tokenizer.Tokenize(normalised, resolved.Tokens, resolved.ShiftedClauses);
        Span<char> buffer = stackalloc char[WordForms.BufferLength];
        Span<Range> forms = stackalloc Range[WordForms.MaxForms];
        foreach (var token in resolved.Tokens)
        {
            resolved._offsets.Add(resolved._ids.Count);
            vocabulary.Resolve(normalised.AsSpan(token.Start, token.Length), buffer, forms, resolved._ids);
        }

        resolved._offsets.Add(resolved._ids.Count);
        return resolved;
    }

    /// <summary>The vocabulary numbers the word at an index may stand for, most literal first.</summary>
    public ReadOnlySpan<int> IdsOf(int token)
    {
        var start = _offsets[token];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids).Slice(start, _offsets[token + 1] - start);
    }
}

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Every word a text model knows, each with a number, so phrases compare numbers instead of strings.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of a word, adding it if it is new.</summary>
    public int Intern(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _ids.Count;
            _ids.Add(word, id);
        }

        return id;
    }

    /// <summary>The numbers of a word and of the forms it derives from, most literal first.</summary>
    public int[] InternWithForms(string word)
    {
        Span<char> buffer = stackalloc char[WordForms.BufferLength];
        Span<Range> forms = stackalloc Range[WordForms.MaxForms];
        var count = WordForms.Write(word, buffer, forms);
        var ids = new List<int> { Intern(word) };
        for (var i = 0; i < count; i++)
        {
            // Short stems ("car" from "caring") would match unrelated words.
            if (forms[i].GetOffsetAndLength(buffer.Length).Length >= 4)
            {
                ids.Add(Intern(buffer[forms[i]].ToString()));
            }
        }

        return [.. ids.Distinct()];
    }

    /// <summary>Appends the numbers of the known words a text word may be, most literal first.</summary>
    public void Resolve(ReadOnlySpan<char> word, Span<char> buffer, Span<Range> forms, List<int> ids)
    {
        var first = ids.Count;
        if (_lookup.TryGetValue(word, out var id))
        {
            ids.Add(id);
        }

        var count = WordForms.Write(word, buffer, forms);
        for (var i = 0; i < count; i++)
        {
            if (_lookup.TryGetValue(buffer[forms[i]], out id) && ids.IndexOf(id, first) < 0)
            {
                ids.Add(id);
            }
        }
    }
}

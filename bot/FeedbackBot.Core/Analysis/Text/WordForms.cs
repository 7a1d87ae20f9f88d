namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// The plain forms a word may be an inflection of: "waiting" may be "wait" or "waite", "replies" may be "reply".
/// Each candidate is only looked up, so a wrong guess costs a failed look-up and never a false match on its own.
/// These are English's regular inflections, not a stemmer: "friendly" stays apart from "friend".
/// </summary>
internal static class WordForms
{
    /// <summary>At most this many forms besides the word itself.</summary>
    public const int MaxForms = 10;

    /// <summary>Longer words get no derived forms.</summary>
    public const int MaxLength = 32;

    /// <summary>The buffer <see cref="Write"/> needs.</summary>
    public const int BufferLength = MaxForms * (MaxLength + 1);

    /// <summary>Writes the forms a lower-case word may derive from, other than the word itself; returns how many.</summary>
    public static int Write(ReadOnlySpan<char> word, Span<char> buffer, Span<Range> forms)
    {
        var writer = new Writer(word, buffer, forms);
        var w = word;
        if (w.Length > 2 && w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
            writer.Add(w, default);
        }

        if (w.Length > MaxLength)
        {
            return writer.Count;
        }

        if (w.Length >= 5 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            writer.Add(w[..^3], "y");
        }

        if (w.Length >= 5 && w.EndsWith("es", StringComparison.Ordinal))
        {
            writer.Add(w[..^2], default);
        }

        if (w.Length >= 4 && w[^1] == 's' && w[^2] != 's')
        {
            writer.Add(w[..^1], default);
        }

        if (w.Length >= 5 && w.EndsWith("ied", StringComparison.Ordinal))
        {
            writer.Add(w[..^3], "y");
        }
        else if (w.Length >= 5 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            AddStem(ref writer, w[..^2]);
        }

        if (w.Length >= 6 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            AddStem(ref writer, w[..^3]);
        }

        return writer.Count;
    }

    // "charged" may be "charg"+"e"; "stopped" may be "stop".
    private static void AddStem(ref Writer writer, ReadOnlySpan<char> stem)
    {
        writer.Add(stem, default);
        writer.Add(stem, "e");
        if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
        {
            writer.Add(stem[..^1], default);
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private ref struct Writer(ReadOnlySpan<char> word, Span<char> buffer, Span<Range> forms)
    {
        private readonly ReadOnlySpan<char> _word = word;
        private readonly Span<char> _buffer = buffer;
        private readonly Span<Range> _forms = forms;
        private int _used;

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<char> stem, ReadOnlySpan<char> suffix)
        {
            var length = stem.Length + suffix.Length;
            if (length < 2 || Count == _forms.Length || _used + length > _buffer.Length)
            {
                return;
            }

            var target = _buffer.Slice(_used, length);
            stem.CopyTo(target);
            suffix.CopyTo(target[stem.Length..]);
            if (target.SequenceEqual(_word))
            {
                return;
            }

            for (var i = 0; i < Count; i++)
            {
                if (_buffer[_forms[i]].SequenceEqual(target))
                {
                    return;
                }
            }

            _forms[Count++] = new Range(_used, _used + length);
            _used += length;
        }
    }
}

namespace FeedbackBot.Core.Plans;

/// <summary>The names a plan file may use for the values of an enum, in the order they are offered to the author.</summary>
internal sealed class Vocabulary<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _entries;

    public Vocabulary(params (string Name, T Value)[] entries)
    {
        _entries = entries;
        Expected = string.Join(", ", entries.Select(e => e.Name));
    }

    /// <summary>Every name, comma-separated, for messages that say what is expected.</summary>
    public string Expected { get; }

    /// <summary>Every name, in the order offered.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    public bool TryGet(string name, out T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string NameOf(T value)
    {
        foreach (var entry in _entries)
        {
            if (EqualityComparer<T>.Default.Equals(entry.Value, value))
            {
                return entry.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "The value has no name in this vocabulary.");
    }
}

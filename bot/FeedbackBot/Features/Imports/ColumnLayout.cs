namespace FeedbackBot.Features.Imports;

/// <summary>
/// The columns of an import file, checked against what the import expects: every required column present, none
/// unknown, none twice. Names are matched ignoring case and surrounding spaces.
/// </summary>
internal sealed class ColumnLayout
{
    private readonly Dictionary<string, int> _indexes;

    private ColumnLayout(IReadOnlyList<string> names, Dictionary<string, int> indexes)
    {
        Names = names;
        _indexes = indexes;
    }

    /// <summary>The named columns, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>Reads a header, adding an error (on row 1) for each problem.</summary>
    /// <param name="file">The file, for error messages.</param>
    /// <param name="header">The header's names as read.</param>
    /// <param name="required">Columns that must be present.</param>
    /// <param name="optional">Columns that may be present.</param>
    /// <param name="isAllowed">Other names that may be present (such as the plan's question ids).</param>
    /// <param name="unknown">The message for a name that is none of these.</param>
    /// <param name="errors">Receives the problems.</param>
    public static ColumnLayout Read(
        string file,
        IReadOnlyList<string> header,
        IReadOnlyList<string> required,
        IReadOnlyList<string> optional,
        Func<string, bool> isAllowed,
        Func<string, string> unknown,
        List<ImportError> errors)
    {
        // Spreadsheets often save a trailing separator; unnamed columns at the end are not columns.
        var names = header.ToList();
        while (names.Count > 0 && names[^1].Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }

        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            errors.Add(new ImportError(file, 1, null,
                $"the file has no header; its first line must name the columns, starting with {string.Join(",", required)}"));
            return new ColumnLayout(names, indexes);
        }

        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.Length == 0)
            {
                errors.Add(new ImportError(file, 1, $"column {i + 1}", $"column {i + 1} has no name"));
                continue;
            }

            if (indexes.TryGetValue(name, out var first))
            {
                errors.Add(new ImportError(file, 1, name, $"column '{name}' appears twice (columns {first + 1} and {i + 1})"));
                continue;
            }

            indexes[name] = i;
            var known = required.Contains(name, StringComparer.OrdinalIgnoreCase) || optional.Contains(name, StringComparer.OrdinalIgnoreCase);
            if (!known && !isAllowed(name))
            {
                errors.Add(new ImportError(file, 1, name, unknown(name)));
            }
        }

        foreach (var column in required.Where(c => !indexes.ContainsKey(c)))
        {
            errors.Add(new ImportError(file, 1, column, $"required column '{column}' is missing"));
        }

        return new ColumnLayout(names, indexes);
    }

    /// <summary>The index of a column, or null when the file does not have it.</summary>
    public int? IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : null;
}

namespace FeedbackBot.Features.Imports;

/// <summary>One data row being checked: its cells by column name, and the errors and warnings found in it.</summary>
internal sealed class RowCells
{
    private readonly string _file;
    private readonly ColumnLayout _layout;
    private readonly List<ImportError> _errors;
    private readonly List<ImportError>? _warnings;
    private readonly int _errorsBefore;

    public RowCells(string file, ColumnLayout layout, ImportRow row, List<ImportError> errors, List<ImportError>? warnings = null)
    {
        _file = file;
        _layout = layout;
        _errors = errors;
        _warnings = warnings;
        _errorsBefore = errors.Count;
        Row = row;
        CheckShape();
    }

    public ImportRow Row { get; }

    /// <summary>Whether no error has been found in the row so far.</summary>
    public bool IsValid => _errors.Count == _errorsBefore;

    /// <summary>The cell of a column, trimmed; empty when the file has no such column.</summary>
    public string Text(string column) => _layout.IndexOf(column) is { } index && index < Row.Cells.Count ? Row.Cells[index].Trim() : string.Empty;

    /// <summary>Whether the file has the column at all.</summary>
    public bool Has(string column) => _layout.IndexOf(column) is not null;

    public void Error(string column, string message) => _errors.Add(new ImportError(_file, Row.Line, column, message));

    /// <summary>Something stored as given on purpose that the person importing should still hear about; not an error.</summary>
    public void Warn(string column, string message) => _warnings?.Add(new ImportError(_file, Row.Line, column, message));

    private void CheckShape()
    {
        if (Row.Unreadable is not null)
        {
            _errors.Add(Row.Unreadable);
            return;
        }

        var cells = Row.Cells;
        if (cells.Count < _layout.Count)
        {
            Error(_layout.Names[cells.Count],
                $"the row has {cells.Count} value(s) but the header names {_layout.Count} columns; values from '{_layout.Names[cells.Count]}' on are missing");
            return;
        }

        // Empty cells past the last named column are a trailing separator, not data.
        for (var i = _layout.Count; i < cells.Count; i++)
        {
            if (cells[i].Trim().Length > 0)
            {
                Error($"column {i + 1}", $"the row has {cells.Count} values but the header names only {_layout.Count} columns");
                return;
            }
        }
    }
}

using FeedbackBot.Core.People;
using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.People;

/// <summary>
/// Reads the rows of a people roster: <c>person</c> (an e-mail address or a platform user id), optional <c>name</c>,
/// <c>role</c> and <c>team</c>, and any other column as a segment attribute named by its header. A person listed twice
/// is an error on the second row.
/// </summary>
internal sealed class RosterRowReader : IRowReader<RosterRow>
{
    public const string PersonColumn = "person";
    public const string NameColumn = "name";
    public const string RoleColumn = "role";

    /// <summary>The longest platform user id kept (the database's column size); Teams' and Slack's are far shorter.</summary>
    public const int MaxUserIdLength = 200;

    /// <summary>The longest name kept (the database's column size).</summary>
    public const int MaxNameLength = 200;

    private static readonly string[] Required = [PersonColumn];
    private static readonly string[] Optional = [NameColumn, RoleColumn, SegmentNames.Team];

    private readonly IReadOnlyList<(string Column, string Segment)> _segments;

    // Memory grows with the number of people, not with the file's size: a roster is thousands of rows, not millions.
    private readonly Dictionary<string, long> _firstRow = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedWithErrors = new(StringComparer.Ordinal);

    private RosterRowReader(ColumnLayout layout)
    {
        Layout = layout;
        _segments = [.. layout.Names
            .Where(n => n.Length > 0 && !n.Equals(PersonColumn, StringComparison.OrdinalIgnoreCase)
                && !n.Equals(NameColumn, StringComparison.OrdinalIgnoreCase) && !n.Equals(RoleColumn, StringComparison.OrdinalIgnoreCase))
            .Select(n => (n, SegmentNames.FromHeader(n) ?? n))];
    }

    public ColumnLayout Layout { get; }

    /// <summary>The segment attributes the file gives, by name.</summary>
    public IEnumerable<string> SegmentColumns => _segments.Select(s => s.Segment);

    /// <summary>
    /// People named on rows that were left out for errors (under --skip-bad): the roster still lists them, so they
    /// are not marked as left, only not changed.
    /// </summary>
    public IReadOnlyCollection<string> ListedWithErrors => _listedWithErrors;

    public static RosterRowReader Create(string file, IReadOnlyList<string> header, List<ImportError> errors) =>
        new(ColumnLayout.Read(file, header, Required, Optional, name => SegmentNames.FromHeader(name) is not null, Unknown, errors));

    public RosterRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (person, byEmail) = ReadPerson(row);
        var name = row.Text(NameColumn);
        if (name.Length > MaxNameLength)
        {
            row.Error(NameColumn, $"name is {ImportValues.Count(name.Length)} characters long; at most {MaxNameLength} are kept");
        }

        var role = ReadRole(row);
        var segments = new List<KeyValuePair<string, string?>>(_segments.Count);
        foreach (var (column, segment) in _segments)
        {
            var value = row.Text(column);
            if (value.Length > SegmentNames.MaxValueLength)
            {
                row.Error(column, $"{column} is {ImportValues.Count(value.Length)} characters long; at most {SegmentNames.MaxValueLength} are kept");
            }

            segments.Add(new(segment, value.Length == 0 ? null : value));
        }

        if (person is null)
        {
            return null;
        }

        var result = new RosterRow(row.Row.Line, person, byEmail, name.Length == 0 ? null : name, role, segments);
        if (_firstRow.TryGetValue(result.Key, out var first))
        {
            row.Error(PersonColumn, $"{ImportValues.Quote(row.Text(PersonColumn))} is listed twice: first on row {first}; give each person one row");
            return null;
        }

        _firstRow[result.Key] = row.Row.Line;
        if (!row.IsValid)
        {
            _listedWithErrors.Add(result.Key);
            return null;
        }

        return result;
    }

    private static (string? Person, bool ByEmail) ReadPerson(RowCells row)
    {
        var text = row.Text(PersonColumn);
        if (text.Length == 0)
        {
            row.Error(PersonColumn, "person is empty; every row needs the person's work e-mail address or their Teams or Slack user id");
            return (null, false);
        }

        if (WorkEmail.LooksLikeEmail(text))
        {
            if (WorkEmail.TryNormalize(text, out var email))
            {
                return (email, true);
            }

            row.Error(PersonColumn, $"{ImportValues.Quote(text)} is not an e-mail address: expected {WorkEmail.Rule}");
            return (null, true);
        }

        if (text.Length > MaxUserIdLength || text.Any(char.IsWhiteSpace))
        {
            row.Error(PersonColumn,
                $"{ImportValues.Quote(text)} is neither an e-mail address nor a user id: a Teams id looks like 29:1a2b3c..., a Slack id like U0123ABCD, with no spaces");
            return (null, false);
        }

        return (text, false);
    }

    private static PersonRole? ReadRole(RowCells row)
    {
        var text = row.Text(RoleColumn);
        switch (text.ToLowerInvariant())
        {
            case "":
                return null;
            case "staff":
                return PersonRole.Staff;
            case "manager":
                return PersonRole.Manager;
            case "admin":
                row.Error(RoleColumn, "'admin' is not a role a roster gives: use staff or manager (the admin is whoever installed the bot)");
                return null;
            default:
                row.Error(RoleColumn, $"{ImportValues.Quote(text)} is not a role; use staff or manager, or leave it empty");
                return null;
        }
    }

    private static string Unknown(string column) =>
        SegmentNames.Suggest(column) is { } suggestion
            ? $"column '{column}' is not a segment name ({SegmentNames.Rule}); call it {suggestion}"
            : $"column '{column}' is not a segment name ({SegmentNames.Rule})";
}

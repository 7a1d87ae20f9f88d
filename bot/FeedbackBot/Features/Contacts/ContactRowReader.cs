using FeedbackBot.Core.Scorecards;
using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// Reads the rows of a contacts file: <c>contact_id</c>, optional <c>email</c>, <c>interaction_id</c>, <c>agent</c>,
/// <c>channel</c>, <c>last_contact_at</c>, and any other column as a segment attribute. No message ever quotes an
/// e-mail address: the file's addresses are personal data, and errors go to terminals and CI logs.
/// </summary>
internal sealed class ContactRowReader : IRowReader<ContactRow>
{
    public const string ContactIdColumn = "contact_id";
    public const string EmailColumn = "email";
    public const string InteractionIdColumn = "interaction_id";
    public const string AgentColumn = "agent";
    public const string ChannelColumn = "channel";
    public const string LastContactAtColumn = "last_contact_at";

    /// <summary>The channels of an interaction, as <c>channel</c> names them.</summary>
    public static readonly IReadOnlyList<string> Channels = InteractionChannels.Names;

    // The database's column sizes.
    private const int MaxKeyLength = 200;
    private const int MaxEmailLength = 320;
    private const int MaxNameLength = 200;
    private const int MaxSegmentNameLength = 64;

    private static readonly string[] Required = [ContactIdColumn];
    private static readonly string[] Optional = [EmailColumn, InteractionIdColumn, AgentColumn, ChannelColumn, LastContactAtColumn];

    private readonly IReadOnlyList<string> _segmentColumns;

    private ContactRowReader(ColumnLayout layout, ContactColumns columns, IReadOnlyList<string> segmentColumns)
    {
        Layout = layout;
        Columns = columns;
        _segmentColumns = segmentColumns;
    }

    public ColumnLayout Layout { get; }

    public ContactColumns Columns { get; }

    public static ContactRowReader Create(string file, IReadOnlyList<string> header, List<ImportError> errors)
    {
        var layout = ColumnLayout.Read(file, header, Required, Optional, IsSegmentName,
            name => $"'{name}' cannot be a segment attribute: name segment columns as plans name them in 'sample: by' " +
                "(letters, digits, '-' and '_', starting with a letter or digit, such as region or tier); the other columns are " +
                string.Join(", ", [.. Required, .. Optional]),
            errors);
        var segments = layout.Names
            .Where(n => n.Length > 0 && !Required.Contains(n, StringComparer.OrdinalIgnoreCase) && !Optional.Contains(n, StringComparer.OrdinalIgnoreCase) && IsSegmentName(n))
            .ToList();
        var columns = new ContactColumns(
            layout.IndexOf(EmailColumn) is not null,
            layout.IndexOf(InteractionIdColumn) is not null,
            layout.IndexOf(AgentColumn) is not null,
            layout.IndexOf(ChannelColumn) is not null,
            layout.IndexOf(LastContactAtColumn) is not null,
            [.. segments.Select(n => n.ToLowerInvariant())]);
        return new ContactRowReader(layout, columns, segments);
    }

    public ContactRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.Text(ContactIdColumn);
        if (key.Length == 0)
        {
            row.Error(ContactIdColumn, "contact_id is empty; every contact needs the customer's id in your CRM or helpdesk");
        }
        else if (key.Length > MaxKeyLength)
        {
            row.Error(ContactIdColumn, $"contact_id is {ImportValues.Count(key.Length)} characters long; at most {MaxKeyLength} are kept");
        }
        else if (ContactEmails.LooksLikeEmail(key))
        {
            // Ids are stored in clear and addresses only encrypted: an address used as the id would undo that.
            row.Error(ContactIdColumn, "contact_id looks like an e-mail address (not shown); use the customer's id in your CRM or helpdesk, and put the address in the email column");
        }

        var email = row.Text(EmailColumn);
        // MimeKit must be able to write it in a To header too, or the e-mail could never be sent.
        if (email.Length > 0 && (email.Length > MaxEmailLength || !ContactEmails.LooksLikeEmail(email) || !MimeKit.MailboxAddress.TryParse(email, out _)))
        {
            row.Error(EmailColumn, "email is not one e-mail address (the value is not shown): expected name@domain.example, with no spaces");
        }

        var interaction = Limited(row, InteractionIdColumn);
        var agent = Limited(row, AgentColumn);
        var channel = Channel(row);
        DateTime? lastContact = null;
        var lastContactText = row.Text(LastContactAtColumn);
        if (lastContactText.Length > 0)
        {
            if (ImportValues.TryParseInstant(lastContactText, out var at))
            {
                // PostgreSQL keeps microseconds: finer ticks would read back different and look changed on every import.
                lastContact = at.AddTicks(-(at.Ticks % 10));
            }
            else
            {
                row.Error(LastContactAtColumn,
                    $"{ImportValues.Quote(lastContactText)} is not an ISO 8601 date or date and time, such as 2026-10-05 or 2026-10-05T14:30:00Z (no offset means UTC)");
            }
        }

        var segments = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in _segmentColumns)
        {
            var value = row.Text(column);
            if (value.Length > MaxNameLength)
            {
                row.Error(column, $"{column} is {ImportValues.Count(value.Length)} characters long; at most {MaxNameLength} are kept");
            }

            segments[column.ToLowerInvariant()] = value.Length == 0 ? null : value;
        }

        if (System.Text.Json.JsonSerializer.Serialize(segments).Length > ContactSegments.MaxStoredLength)
        {
            row.Error(_segmentColumns[0], $"the row's segment attributes together are longer than the {ContactSegments.MaxStoredLength} characters kept");
        }

        return row.IsValid
            ? new ContactRow(key, email.Length == 0 ? null : ContactEmails.Normalize(email), interaction, agent, channel, lastContact, segments)
            : null;
    }

    private static string? Limited(RowCells row, string column)
    {
        var value = row.Text(column);
        if (value.Length > MaxNameLength)
        {
            row.Error(column, $"{column} is {ImportValues.Count(value.Length)} characters long; at most {MaxNameLength} are kept");
        }

        return value.Length == 0 ? null : value;
    }

    private static string? Channel(RowCells row)
    {
        var text = row.Text(ChannelColumn);
        if (text.Length == 0)
        {
            return null;
        }

        // "Face to face", "face-to-face" and "FACE_TO_FACE" are one channel; spreadsheets write it every way.
        var name = text.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        if (Channels.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        row.Error(ChannelColumn, $"{ImportValues.Quote(text)} is not a channel; use one of: {string.Join(", ", Channels)}");
        return null;
    }

    /// <summary>The rule of plan ids and of <c>sample: by</c>, in either case: a column that a plan can stratify by.</summary>
    private static bool IsSegmentName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Length is > 0 and <= MaxSegmentNameLength
            && char.IsAsciiLetterOrDigit(lower[0])
            && lower.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
    }
}

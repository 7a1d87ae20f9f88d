using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Text;
using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// Reads the rows of an interactions file, a helpdesk's or phone system's log: <c>interaction_id</c>, <c>agent</c>,
/// <c>channel</c>, <c>started_at</c>, optional <c>duration_seconds</c> and <c>queue</c>. Any other column is an error,
/// so a misspelt column is caught before anything is stored rather than silently left out.
/// </summary>
internal sealed class InteractionRowReader : IRowReader<InteractionRow>
{
    public const string InteractionIdColumn = "interaction_id";
    public const string AgentColumn = "agent";
    public const string ChannelColumn = "channel";
    public const string StartedAtColumn = "started_at";
    public const string DurationSecondsColumn = "duration_seconds";
    public const string QueueColumn = "queue";

    /// <summary>The channels of an interaction, as scorecards name them.</summary>
    public static readonly IReadOnlyList<string> Channels = InteractionChannels.Names;

    // The database's column sizes.
    private const int MaxKeyLength = 200;
    private const int MaxAgentLength = 200;
    private const int MaxQueueLength = 100;

    private static readonly string[] Required = [InteractionIdColumn, AgentColumn, ChannelColumn, StartedAtColumn];
    private static readonly string[] Optional = [DurationSecondsColumn, QueueColumn];

    private InteractionRowReader(ColumnLayout layout) => Layout = layout;

    public ColumnLayout Layout { get; }

    public static InteractionRowReader Create(string file, IReadOnlyList<string> header, List<ImportError> errors) =>
        new(ColumnLayout.Read(file, header, Required, Optional, _ => false, Unknown, errors));

    public InteractionRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = RequiredText(row, InteractionIdColumn, MaxKeyLength, "every interaction needs its id in the helpdesk or phone system");
        var agent = RequiredText(row, AgentColumn, MaxAgentLength,
            "every interaction needs the agent who handled it, as your system names them (an e-mail address, a Teams or Slack id, a login)");
        var channel = ReadChannel(row);
        var startedAt = ReadStartedAt(row);
        var duration = ReadDuration(row);
        var queue = row.Text(QueueColumn);
        if (queue.Length > MaxQueueLength)
        {
            row.Error(QueueColumn, $"queue is {ImportValues.Count(queue.Length)} characters long; at most {MaxQueueLength} are kept");
        }

        return row.IsValid
            ? new InteractionRow(key, agent, channel!, startedAt, duration, queue.Length == 0 ? null : queue)
            : null;
    }

    private static string RequiredText(RowCells row, string column, int maxLength, string why)
    {
        var value = row.Text(column);
        if (value.Length == 0)
        {
            row.Error(column, $"{column} is empty; {why}");
        }
        else if (value.Length > maxLength)
        {
            row.Error(column, $"{column} is {ImportValues.Count(value.Length)} characters long; at most {maxLength} are kept");
        }

        return value;
    }

    /// <summary>The <c>channel</c> cell, as a scorecard names it; null after an error on the row.</summary>
    internal static string? ReadChannel(RowCells row)
    {
        var text = row.Text(ChannelColumn);
        if (text.Length == 0)
        {
            row.Error(ChannelColumn, $"channel is empty; use one of: {string.Join(", ", Channels)}");
            return null;
        }

        // "Face to face", "face-to-face" and "FACE_TO_FACE" are one channel; systems write it every way.
        var name = text.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        if (Channels.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var suggestion = Suggestion.Closest(name, Channels) is { } closest ? $"did you mean '{closest}'? " : "";
        row.Error(ChannelColumn, $"{ImportValues.Quote(text)} is not a channel; {suggestion}use one of: {string.Join(", ", Channels)}");
        return null;
    }

    private static DateTime ReadStartedAt(RowCells row)
    {
        var text = row.Text(StartedAtColumn);
        if (text.Length == 0)
        {
            row.Error(StartedAtColumn, "started_at is empty; every interaction needs when it started");
            return default;
        }

        if (!ImportValues.TryParseInstant(text, out var at))
        {
            row.Error(StartedAtColumn,
                $"{ImportValues.Quote(text)} is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05T15:30:00+01:00 (no offset means UTC)");
            return default;
        }

        // PostgreSQL keeps microseconds: finer ticks would read back different and look changed on every import.
        return at.AddTicks(-(at.Ticks % 10));
    }

    private static double? ReadDuration(RowCells row)
    {
        var text = row.Text(DurationSecondsColumn);
        if (text.Length == 0)
        {
            return null;
        }

        if (!ImportValues.TryParseNumber(text, out var seconds) || seconds < 0)
        {
            row.Error(DurationSecondsColumn, $"{ImportValues.Quote(text)} is not a number of seconds: expected a number, not negative, such as 312 or 95.5");
            return null;
        }

        return seconds;
    }

    private static string Unknown(string column)
    {
        var known = string.Join(", ", [.. Required, .. Optional]);
        return Suggestion.Closest(column.ToLowerInvariant(), [.. Required, .. Optional]) is { } closest
            ? $"column '{column}' is not a column of an interactions file; did you mean '{closest}'? The columns are {known}"
            : $"column '{column}' is not a column of an interactions file; the columns are {known}";
    }
}

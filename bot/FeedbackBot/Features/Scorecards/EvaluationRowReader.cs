using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Text;
using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// Reads the rows of an evaluations file: <c>evaluation_id</c>, <c>interaction_id</c>, <c>agent</c>, <c>evaluator</c>,
/// <c>scorecard</c>, <c>channel</c>, <c>evaluated_at</c>, optional <c>interaction_at</c> and <c>purpose</c>, a column per criterion id of the
/// plan's scorecards, <c>went_well</c> and <c>to_improve</c>. Each row is scored on its scorecard as it is read, so a
/// file is checked whole before anything is stored.
/// </summary>
internal sealed class EvaluationRowReader : IRowReader<EvaluationRow>
{
    public const string EvaluationIdColumn = "evaluation_id";
    public const string InteractionIdColumn = "interaction_id";
    public const string AgentColumn = "agent";
    public const string EvaluatorColumn = "evaluator";
    public const string ScorecardColumn = "scorecard";
    public const string EvaluatedAtColumn = "evaluated_at";
    public const string InteractionAtColumn = "interaction_at";
    public const string WentWellColumn = "went_well";
    public const string ToImproveColumn = "to_improve";
    public const string PurposeColumn = "purpose";

    // The database's column sizes.
    private const int MaxKeyLength = 200;
    private const int MaxFeedbackLength = 4000;

    private static readonly string[] Required =
    [
        EvaluationIdColumn, InteractionIdColumn, AgentColumn, EvaluatorColumn, ScorecardColumn,
        InteractionRowReader.ChannelColumn, EvaluatedAtColumn, WentWellColumn, ToImproveColumn,
    ];

    private static readonly string[] Optional = [InteractionAtColumn, PurposeColumn];

    private readonly IReadOnlyList<Scorecard> _scorecards;

    private EvaluationRowReader(ColumnLayout layout, IReadOnlyList<Scorecard> scorecards)
    {
        Layout = layout;
        _scorecards = scorecards;
    }

    public ColumnLayout Layout { get; }

    public static EvaluationRowReader Create(string file, IReadOnlyList<string> header, string planKey, IReadOnlyList<Scorecard> scorecards, List<ImportError> errors)
    {
        var criteria = scorecards.SelectMany(s => s.Criteria.Select(c => c.Id)).Distinct(StringComparer.Ordinal).ToList();
        var isCriterion = (string name) => criteria.Contains(name, StringComparer.OrdinalIgnoreCase);
        return new(ColumnLayout.Read(file, header, Required, Optional, isCriterion, column => Unknown(column, planKey, criteria), errors), scorecards);
    }

    public EvaluationRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = RequiredText(row, EvaluationIdColumn, MaxKeyLength, "every evaluation needs its own id, so importing the file again updates it");
        var interaction = RequiredText(row, InteractionIdColumn, MaxKeyLength, "every evaluation needs the id of the interaction evaluated (a ticket or call id)");
        var agent = RequiredText(row, AgentColumn, MaxKeyLength, "every evaluation needs the agent whose interaction it was");
        var evaluator = RequiredText(row, EvaluatorColumn, MaxKeyLength, "every evaluation needs who evaluated it");
        var channel = InteractionRowReader.ReadChannel(row);
        var evaluatedAt = ReadInstant(row, EvaluatedAtColumn, required: true);
        var interactionAt = row.Text(InteractionAtColumn).Length == 0 ? (DateTime?)null : ReadInstant(row, InteractionAtColumn, required: false);
        var wentWell = RequiredText(row, WentWellColumn, MaxFeedbackLength, "say what went well; the agent hears it first");
        var toImprove = RequiredText(row, ToImproveColumn, MaxFeedbackLength, "say what to improve; it is what the agent acts on");
        var scorecard = ReadScorecard(row);
        var answers = scorecard is null ? null : ReadAnswers(row, scorecard);
        var calibration = ReadPurpose(row);

        return row.IsValid && scorecard is not null && answers is not null
            ? new EvaluationRow(key, interaction, agent, evaluator, scorecard.Id, channel!, evaluatedAt, interactionAt, answers,
                scorecard.Score(answers), wentWell, toImprove, calibration)
            : null;
    }

    // Empty is feedback, as a scorecard in chat defaults to.
    private static bool ReadPurpose(RowCells row)
    {
        var purpose = row.Text(PurposeColumn).ToLowerInvariant();
        if (purpose is "" or "feedback" or "calibration")
        {
            return purpose == "calibration";
        }

        row.Error(PurposeColumn, $"{ImportValues.Quote(row.Text(PurposeColumn))} is not a purpose; use feedback (or leave it empty) or calibration");
        return false;
    }

    private Scorecard? ReadScorecard(RowCells row)
    {
        var id = row.Text(ScorecardColumn);
        var ids = _scorecards.Select(s => s.Id).ToList();
        if (id.Length == 0)
        {
            row.Error(ScorecardColumn, $"scorecard is empty; use one of the plan's scorecards: {string.Join(", ", ids)}");
            return null;
        }

        if (_scorecards.FirstOrDefault(s => s.Id == id) is { } found)
        {
            return found;
        }

        var suggestion = Suggestion.Closest(id, ids) is { } closest ? $"did you mean '{closest}'? " : "";
        row.Error(ScorecardColumn, $"{ImportValues.Quote(id)} is not a scorecard of the plan; {suggestion}use one of: {string.Join(", ", ids)}");
        return null;
    }

    /// <summary>An answer to every criterion of the row's scorecard; a cell of another scorecard's criterion must be empty.</summary>
    private Dictionary<string, CriterionAnswer>? ReadAnswers(RowCells row, Scorecard scorecard)
    {
        var answers = new Dictionary<string, CriterionAnswer>(StringComparer.Ordinal);
        foreach (var criterion in scorecard.Criteria)
        {
            if (!row.Has(criterion.Id))
            {
                row.Error(criterion.Id, $"column '{criterion.Id}' is missing; scorecard '{scorecard.Id}' has criterion '{criterion.Id}', so every evaluation on it needs an answer (na or empty when it does not apply)");
                continue;
            }

            if (CriterionAnswer.TryParse(row.Text(criterion.Id), criterion, out var answer, out var error))
            {
                answers[criterion.Id] = answer;
            }
            else
            {
                row.Error(criterion.Id, error);
            }
        }

        var others = _scorecards.Where(s => s != scorecard).SelectMany(s => s.Criteria.Select(c => c.Id))
            .Where(id => scorecard.FindCriterion(id) is null).Distinct(StringComparer.Ordinal);
        foreach (var other in others.Where(id => row.Text(id).Length > 0))
        {
            row.Error(other, $"scorecard '{scorecard.Id}' has no criterion '{other}'; leave it empty on this row");
        }

        return row.IsValid ? answers : null;
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

    private static DateTime ReadInstant(RowCells row, string column, bool required)
    {
        var text = row.Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                row.Error(column, $"{column} is empty; every evaluation needs when it was made");
            }

            return default;
        }

        if (!ImportValues.TryParseInstant(text, out var at))
        {
            row.Error(column,
                $"{ImportValues.Quote(text)} is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05T15:30:00+01:00 (no offset means UTC)");
            return default;
        }

        // PostgreSQL keeps microseconds: finer ticks would read back different and look changed on every import.
        return at.AddTicks(-(at.Ticks % 10));
    }

    private static string Unknown(string column, string planKey, IReadOnlyList<string> criteria)
    {
        var known = string.Join(", ", [.. Required, .. Optional]);
        var message = $"column '{column}' is neither a column of an evaluations file nor a criterion of plan '{planKey}''s scorecards";
        return Suggestion.Closest(column.ToLowerInvariant(), [.. Required, .. Optional, .. criteria]) is { } closest
            ? $"{message}; did you mean '{closest}'? The columns are {known}, and a column per criterion: {string.Join(", ", criteria)}"
            : $"{message}; the columns are {known}, and a column per criterion: {string.Join(", ", criteria)}";
    }
}

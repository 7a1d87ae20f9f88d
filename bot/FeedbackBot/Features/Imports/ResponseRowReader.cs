using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Features.Imports;

/// <summary>
/// Reads the rows of a responses file. Only what cannot be stored faithfully is an error; answer values that are not
/// allowed for their question are kept as given, because the review counts such responses as out of range, and each
/// is reported as a warning so the person importing knows how many and where.
/// </summary>
internal sealed class ResponseRowReader : IRowReader<ResponseRow>
{
    public const string RespondentIdColumn = "respondent_id";
    public const string SubmittedAtColumn = "submitted_at";
    public const string AudienceColumn = "audience";
    public const string SegmentColumn = "segment";
    public const string DurationColumn = "duration_seconds";

    /// <summary>Customer ids are stored with this prefix, so they can never be mistaken for a staff key ("s:").</summary>
    public const string CustomerKeyPrefix = "c:";

    /// <summary>The longest respondent key and segment the database keeps.</summary>
    public const int MaxKeyLength = 200;

    private static readonly string[] Required = [RespondentIdColumn, SubmittedAtColumn, AudienceColumn, SegmentColumn];
    private static readonly string[] Optional = [DurationColumn];

    private readonly MeasurementPlan _plan;
    private readonly (string Column, int Index, Question Question)[] _questions;

    private ResponseRowReader(MeasurementPlan plan, ColumnLayout layout)
    {
        _plan = plan;
        Layout = layout;
        _questions = [.. layout.Names
            .Select((name, index) => (Column: name, Index: index, Question: FindQuestion(plan, name)))
            .Where(q => q.Question is not null && !Required.Contains(q.Column, StringComparer.OrdinalIgnoreCase) &&
                !Optional.Contains(q.Column, StringComparer.OrdinalIgnoreCase))
            .Select(q => (q.Column, q.Index, q.Question!))];
    }

    public ColumnLayout Layout { get; }

    public static ResponseRowReader Create(string file, IReadOnlyList<string> header, MeasurementPlan plan, List<ImportError> errors)
    {
        var layout = ColumnLayout.Read(file, header, Required, Optional, name => FindQuestion(plan, name) is not null,
            name => $"unknown column '{name}': it is not one of {string.Join(", ", Required.Concat(Optional))} " +
                $"and not a question of plan '{plan.Id}' (its questions: {string.Join(", ", plan.Questions.Select(q => q.Id))})",
            errors);
        return new ResponseRowReader(plan, layout);
    }

    public ResponseRow? Read(RowCells row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var respondentId = row.Text(RespondentIdColumn);
        if (respondentId.Length == 0)
        {
            row.Error(RespondentIdColumn, "respondent_id is empty; every response needs the id of who gave it");
        }

        var submittedAt = ReadSubmittedAt(row);
        var audience = ReadAudience(row);
        if (audience == Audience.Customer && CustomerKeyPrefix.Length + respondentId.Length > MaxKeyLength)
        {
            row.Error(RespondentIdColumn,
                $"respondent_id is {ImportValues.Count(respondentId.Length)} characters long; at most {MaxKeyLength - CustomerKeyPrefix.Length} are kept");
        }

        var segment = row.Text(SegmentColumn);
        if (segment.Length > MaxKeyLength)
        {
            row.Error(SegmentColumn, $"segment is {ImportValues.Count(segment.Length)} characters long; at most {MaxKeyLength} are kept");
        }

        var duration = ReadDuration(row);
        var answers = ReadAnswers(row, audience);
        return row.IsValid
            ? new ResponseRow(respondentId, submittedAt, audience!.Value, segment.Length == 0 ? null : segment, duration, answers, row.Row.Cells)
            : null;
    }

    private static DateTime ReadSubmittedAt(RowCells row)
    {
        var text = row.Text(SubmittedAtColumn);
        if (ImportValues.TryParseInstant(text, out var submittedAt))
        {
            return submittedAt;
        }

        row.Error(SubmittedAtColumn, text.Length == 0
            ? "submitted_at is empty; give when the response was submitted, such as 2026-10-05T14:30:00Z"
            : $"{ImportValues.Quote(text)} is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05 14:30 (no offset means UTC)");
        return default;
    }

    private Audience? ReadAudience(RowCells row)
    {
        var text = row.Text(AudienceColumn);
        Audience? audience = text.ToUpperInvariant() switch
        {
            "CUSTOMER" => Audience.Customer,
            "STAFF" => Audience.Staff,
            _ => null,
        };
        if (audience is null)
        {
            row.Error(AudienceColumn, $"{ImportValues.Quote(text)} is not an audience; use customer or staff");
        }
        else if (!_plan.Audiences.Contains(audience.Value))
        {
            row.Error(AudienceColumn,
                $"plan '{_plan.Id}' does not ask {Name(audience.Value)} respondents (its audiences: {string.Join(", ", _plan.Audiences.Select(Name))})");
        }

        return audience;
    }

    private static double? ReadDuration(RowCells row)
    {
        var text = row.Text(DurationColumn);
        if (text.Length == 0)
        {
            return null;
        }

        if (!ImportValues.TryParseNumber(text, out var seconds))
        {
            row.Error(DurationColumn, $"{ImportValues.Quote(text)} is not a number of seconds, such as 95 or 95.5");
            return null;
        }

        if (seconds < 0)
        {
            row.Error(DurationColumn, $"duration_seconds is {text}; a duration cannot be negative");
        }

        return seconds;
    }

    /// <remarks>An audience the plan does not ask is reported once, not again for every answer.</remarks>
    private List<ResponseAnswer> ReadAnswers(RowCells row, Audience? audience)
    {
        var answers = new List<ResponseAnswer>();
        foreach (var (column, index, question) in _questions)
        {
            var value = index < row.Row.Cells.Count ? row.Row.Cells[index].Trim() : string.Empty;
            if (value.Length == 0)
            {
                continue;
            }

            if (value.Length > ImportValues.MaxTextLength)
            {
                row.Error(column, $"the answer is {ImportValues.Count(value.Length)} characters long; at most {ImportValues.Count(ImportValues.MaxTextLength)} are kept");
            }
            else if (audience is { } asked && _plan.Audiences.Contains(asked) && question.Audience != asked)
            {
                row.Error(column, $"question '{question.Id}' is asked of {Name(question.Audience)} respondents, and this row's audience is {Name(asked)}");
            }
            else
            {
                if (!AnswerValues.Check(question, value).IsAllowed)
                {
                    row.Warn(column,
                        $"{ImportValues.Quote(value)} is not an answer to question '{question.Id}' ({Allowed(question)}); " +
                        "stored as given, and the review counts this response as out of range");
                }

                answers.Add(new ResponseAnswer(question, value));
            }
        }

        return answers;
    }

    /// <summary>What a question takes, as the warning about a value it does not take says it.</summary>
    private static string Allowed(Question question) => question.Type switch
    {
        QuestionType.YesNo => "yes or no",
        QuestionType.Choice => $"one of {string.Join(", ", question.Options)}",
        QuestionType.MultiChoice => $"options from {string.Join(", ", question.Options)}, separated by '{AnswerValues.ChoiceSeparator}'",
        QuestionType.Text => $"text of at most {ImportValues.Count(AnswerValues.MaxTextLength)} characters",
        var type when AnswerValues.ScaleOf(type) is var (min, max) => $"a whole number from {min} to {max}",
        _ => "a value it allows",
    };

    private static Question? FindQuestion(MeasurementPlan plan, string column) =>
        plan.Questions.FirstOrDefault(q => string.Equals(q.Id, column, StringComparison.OrdinalIgnoreCase));

    private static string Name(Audience audience) => audience == Audience.Staff ? "staff" : "customer";
}

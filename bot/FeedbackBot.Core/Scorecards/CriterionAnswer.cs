using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FeedbackBot.Core.Scorecards;

/// <summary>An evaluator's answer to one criterion: yes, no, a rating from 1 to 5, or not applicable.</summary>
public readonly record struct CriterionAnswer
{
    private CriterionAnswer(CriterionAnswerKind kind, int rating)
    {
        Kind = kind;
        Rating = rating;
    }

    /// <summary>Not applicable to this interaction.</summary>
    public static CriterionAnswer NotApplicable { get; } = new(CriterionAnswerKind.NotApplicable, 0);

    /// <summary>Yes.</summary>
    public static CriterionAnswer Yes { get; } = new(CriterionAnswerKind.Yes, 0);

    /// <summary>No.</summary>
    public static CriterionAnswer No { get; } = new(CriterionAnswerKind.No, 0);

    /// <summary>What sort of answer it is.</summary>
    public CriterionAnswerKind Kind { get; }

    /// <summary>The rating from 1 to 5 for <see cref="CriterionAnswerKind.Rating"/>; 0 otherwise.</summary>
    public int Rating { get; }

    /// <summary>Whether the answer counts towards the score (everything but not applicable).</summary>
    public bool IsApplicable => Kind != CriterionAnswerKind.NotApplicable;

    /// <summary>A rating from 1 to 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside 1–5.</exception>
    public static CriterionAnswer RatingOf(int rating) => rating is >= 1 and <= 5
        ? new(CriterionAnswerKind.Rating, rating)
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating runs from 1 to 5.");

    /// <summary>
    /// Reads an answer as the evaluation import spells it: <c>yes</c>, <c>no</c>, <c>na</c>, <c>1</c>–<c>5</c>, or empty
    /// for not applicable; letters in any case, spaces around ignored. <paramref name="error"/> says what is wrong, for the
    /// caller to report where it found the text: an answer off the criterion's scale, or "not applicable" (<c>na</c> or
    /// empty) on a criterion that does not allow it.
    /// </summary>
    public static bool TryParse(string? text, Criterion criterion, out CriterionAnswer answer, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var trimmed = (text ?? "").Trim();
        var expected = criterion.Scale == CriterionScale.YesNo ? "yes or no" : "a rating from 1 to 5";
        var naHint = criterion.AllowNa ? ", or na (or empty) when it does not apply" : "";
        CriterionAnswer? read = trimmed.ToLowerInvariant() switch
        {
            "" or "na" => NotApplicable,
            "yes" => Yes,
            "no" => No,
            _ when trimmed.Length == 1 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
                && rating is >= 1 and <= 5 => RatingOf(rating),
            _ => null,
        };

        answer = read ?? NotApplicable;
        if (read is null || !criterion.Fits(answer))
        {
            error = $"'{trimmed}' is not an answer to criterion '{criterion.Id}'; expected {expected}{naHint}";
            answer = NotApplicable;
            return false;
        }

        if (!answer.IsApplicable && !criterion.AllowNa)
        {
            error = $"criterion '{criterion.Id}' does not allow 'not applicable' (allow_na is false); expected {expected}";
            answer = NotApplicable;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The import's spelling: yes, no, na, or the rating.</summary>
    public override string ToString() => Kind switch
    {
        CriterionAnswerKind.Yes => "yes",
        CriterionAnswerKind.No => "no",
        CriterionAnswerKind.Rating => Rating.ToString(CultureInfo.InvariantCulture),
        _ => "na",
    };
}

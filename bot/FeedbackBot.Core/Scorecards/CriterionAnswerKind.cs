namespace FeedbackBot.Core.Scorecards;

/// <summary>What sort of answer a criterion was given.</summary>
public enum CriterionAnswerKind
{
    /// <summary>Not applicable to this interaction: left out of the score.</summary>
    NotApplicable,

    /// <summary>Yes, on a yesno criterion.</summary>
    Yes,

    /// <summary>No, on a yesno criterion.</summary>
    No,

    /// <summary>A rating from 1 to 5, on a rating5 criterion.</summary>
    Rating,
}

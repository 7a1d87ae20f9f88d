namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Where a comment came from, as comments and theme counts name it.</summary>
public static class SourceNames
{
    /// <summary>A free-text answer in a survey.</summary>
    public const string Survey = "survey";

    /// <summary>An entry of the complaints log.</summary>
    public const string Complaint = "complaint";

    /// <summary>Customer feedback logged by staff.</summary>
    public const string Feedback = "feedback";
}

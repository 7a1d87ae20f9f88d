using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Scorecards;

/// <summary>How a scorecard criterion is answered.</summary>
/// <remarks>The JSON names are the plan file's spellings.</remarks>
public enum CriterionScale
{
    /// <summary>Yes (scores 1) or no (scores 0); the only scale a critical criterion may have.</summary>
    [JsonStringEnumMemberName("yesno")]
    YesNo,

    /// <summary>A rating from 1 to 5, scoring (rating − 1) / 4.</summary>
    Rating5,
}

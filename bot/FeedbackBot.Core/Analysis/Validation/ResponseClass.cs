using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Analysis.Validation;

/// <summary>
/// The one class each response of a cycle is put in: usable, or the first rule it fails, checked in the order
/// of this enumeration after <see cref="Usable"/>.
/// </summary>
public enum ResponseClass
{
    /// <summary>Passed every rule; analysed.</summary>
    Usable,

    /// <summary>Submitted outside the cycle's window.</summary>
    [JsonStringEnumMemberName("outside_window")]
    OutsideWindow,

    /// <summary>Has a value its question's type or options do not allow.</summary>
    [JsonStringEnumMemberName("out_of_range")]
    OutOfRange,

    /// <summary>Leaves a required question of its audience unanswered.</summary>
    Incomplete,

    /// <summary>Answered faster than the plan's minimum seconds per answered question.</summary>
    Speeder,

    /// <summary>An earlier response of a respondent who answered again in the cycle; the latest is kept.</summary>
    Duplicate,

    /// <summary>Gave one identical answer to four or more scale questions, and the plan excludes such responses.</summary>
    [JsonStringEnumMemberName("straight_lined")]
    StraightLined,
}

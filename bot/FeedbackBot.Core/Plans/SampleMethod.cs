namespace FeedbackBot.Core.Plans;

/// <summary>How the people invited in a cycle are chosen.</summary>
public enum SampleMethod
{
    /// <summary>Everyone in the audience is invited.</summary>
    Everyone,

    /// <summary>A random sample stratified by a segment attribute, with proportional allocation.</summary>
    Stratified,
}

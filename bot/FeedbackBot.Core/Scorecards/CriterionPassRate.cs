namespace FeedbackBot.Core.Scorecards;

/// <summary>How often one criterion passed (yes, or a rating of 4 or 5) where it applied.</summary>
/// <param name="Scorecard">The scorecard's id, since criterion ids are unique only within a scorecard.</param>
/// <param name="Id">The criterion's id.</param>
/// <param name="Applicable">How many evaluations answered it with something other than not applicable.</param>
/// <param name="Passed">How many of those passed it.</param>
/// <param name="PassRate">Passed as a percentage of applicable; null when it never applied.</param>
public sealed record CriterionPassRate(string Scorecard, string Id, int Applicable, int Passed, double? PassRate);

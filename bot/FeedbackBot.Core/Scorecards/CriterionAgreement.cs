using FeedbackBot.Core.Analysis.Statistics;

namespace FeedbackBot.Core.Scorecards;

/// <summary>The evaluators' agreement on one criterion.</summary>
/// <param name="Id">The criterion's id.</param>
/// <param name="Metric">Nominal for a yesno criterion, ordinal for a rating5 one.</param>
/// <param name="Alpha">Krippendorff's alpha; null when undefined (fewer than two applicable answers on every interaction, or all the same).</param>
/// <param name="Interactions">How many interactions had two or more applicable answers.</param>
/// <param name="Reliable">Whether the alpha is at least <see cref="Calibration.ReliableAlpha"/>; false when undefined.</param>
public sealed record CriterionAgreement(string Id, AlphaMetric Metric, double? Alpha, int Interactions, bool Reliable);

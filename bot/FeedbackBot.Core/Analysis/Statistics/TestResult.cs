namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>The result of a two-sided significance test.</summary>
/// <param name="Statistic">The test statistic: z or t, positive when the first (current) group is higher.</param>
/// <param name="PValue">The two-sided p-value, in [0, 1].</param>
/// <param name="EffectSize">The effect size, as documented by the test that produced it.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom of a t test; null for a z test.</param>
public sealed record TestResult(double Statistic, double PValue, double EffectSize, double? DegreesOfFreedom);

namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>The result of a Pearson chi-square goodness-of-fit test.</summary>
/// <param name="ChiSquare">The chi-square statistic.</param>
/// <param name="DegreesOfFreedom">Categories compared, less one.</param>
/// <param name="PValue">The upper-tail p-value, in [0, 1].</param>
/// <param name="Approximate">True when some expected count is below 5, where the chi-square approximation is poor.</param>
public sealed record GoodnessOfFitResult(double ChiSquare, int DegreesOfFreedom, double PValue, bool Approximate);

namespace FeedbackBot.Core.Sampling;

/// <summary>How one stratum fared in a draw.</summary>
/// <param name="Stratum">The segment value that defines the stratum.</param>
/// <param name="Population">Everyone in the stratum, eligible or not.</param>
/// <param name="Eligible">Those not excluded for fatigue.</param>
/// <param name="Allocated">Those drawn; never more than <paramref name="Eligible"/>.</param>
public sealed record StratumCount(string Stratum, int Population, int Eligible, int Allocated);

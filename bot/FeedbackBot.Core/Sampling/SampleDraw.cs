namespace FeedbackBot.Core.Sampling;

/// <summary>The outcome of drawing one cycle's sample: enough to invite people, explain the draw, and reproduce it.</summary>
/// <param name="SelectedIds">The ids of the people to invite, in ordinal order.</param>
/// <param name="StratifiedBy">The segment attribute that defined the strata, or null when the population was one stratum.</param>
/// <param name="Strata">Population, eligible and allocated counts per stratum, in ordinal order of the stratum's name.</param>
/// <param name="ExcludedForFatigue">How many people were left out because they had been invited too recently.</param>
/// <param name="Size">The sample size and what it was derived from.</param>
/// <param name="Seed">The seed of the draw; the same population, plan, opening date and seed give the same sample.</param>
public sealed record SampleDraw(
    IReadOnlyList<string> SelectedIds,
    string? StratifiedBy,
    IReadOnlyList<StratumCount> Strata,
    int ExcludedForFatigue,
    SampleSize Size,
    int Seed);

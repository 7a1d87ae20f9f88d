namespace FeedbackBot.Core.Sampling;

/// <summary>One person who could be invited in a cycle.</summary>
/// <param name="PersonId">An opaque id, unique within the population; the draw orders people by it.</param>
/// <param name="Segments">The person's value of each segment attribute (team, region, ...); a missing, null or blank value puts the person in the <see cref="Sampler.NoValueStratum"/> stratum.</param>
/// <param name="LastInvited">The date the person was last invited to this plan, or null if never.</param>
public sealed record SampleCandidate(string PersonId, IReadOnlyDictionary<string, string?> Segments, DateOnly? LastInvited);

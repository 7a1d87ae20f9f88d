using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Tests.Sampling;

internal static class SamplingFixtures
{
    public static readonly DateOnly Opening = new(2025, 3, 10);

    public static SampleCandidate Person(string id, string? team, DateOnly? lastInvited = null) =>
        new(id, team is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["team"] = team }, lastInvited);

    /// <summary>count people in one team, ids prefixed with the team so every id is unique.</summary>
    public static IEnumerable<SampleCandidate> Team(string team, int count) =>
        Enumerable.Range(1, count).Select(i => Person($"{team}-{i:D3}", team));

    public static SamplePlan BySize(int size) => new(SampleMethod.Stratified, "team", size, null);

    public static SamplePlan ByMargin(double points) => new(SampleMethod.Stratified, "team", null, points);
}

using System.Globalization;
using FeedbackBot.Core.Sampling;

namespace FeedbackBot.Core.Scorecards;

/// <summary>
/// Picks the interactions QA evaluates next: for every agent, a number of their interactions at random, spread over
/// the channels they work on, never one the plan has already evaluated, and the same picks again for the same seed.
/// </summary>
public static class QaSample
{
    /// <summary>
    /// Draws up to <paramref name="perAgent"/> interactions of every agent in <paramref name="interactions"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Interactions whose id is in <paramref name="evaluated"/> are left out first. An agent with no more interactions
    /// left than asked for gets all of them (<see cref="AgentSample.Shortfall"/> when fewer). Otherwise the number is
    /// shared among the agent's channels in proportion to the interactions left on each, by the largest remainder
    /// (<see cref="ProportionalAllocation.LargestRemainder"/>, ties to the channel whose name sorts first). When the
    /// number is at least the count of channels with interactions left, a channel the rounding left with none takes
    /// one from a channel with two or more, the one furthest above its exact share (ties again by name): a channel
    /// evaluators never see is a gap coverage would show anyway.
    /// </para>
    /// <para>
    /// Within a channel the picks are a uniform draw without replacement: a partial Fisher–Yates shuffle of its
    /// interactions in ordinal order of id, driven by SplitMix64 seeded from <paramref name="seed"/>, the agent and the
    /// channel. The picks therefore depend only on the arguments, never on their order, and one agent's new
    /// interactions do not change another agent's picks.
    /// </para>
    /// </remarks>
    /// <param name="interactions">The log to pick from (the caller chose the period); ids must be unique.</param>
    /// <param name="evaluated">Interaction ids that an evaluation of the plan already names.</param>
    /// <param name="perAgent">How many interactions to pick for each agent; 1 or more.</param>
    /// <param name="seed">The seed; print it so the draw can be repeated.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perAgent"/> is below 1.</exception>
    /// <exception cref="ArgumentException">An interaction id is blank or repeated.</exception>
    public static QaSampleDraw Draw(IEnumerable<SampledInteraction> interactions, IEnumerable<string> evaluated, int perAgent, int seed)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(evaluated);
        ArgumentOutOfRangeException.ThrowIfLessThan(perAgent, 1);
        var done = evaluated.ToHashSet(StringComparer.Ordinal);
        var all = interactions.ToList();
        CheckIds(all);

        var picks = new List<SampledInteraction>();
        var agents = new List<AgentSample>();
        foreach (var agent in all.GroupBy(i => i.Agent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var channels = agent
                .GroupBy(i => i.Channel)
                .OrderBy(g => g.Key)
                .Select(g => (Channel: g.Key, Open: g.Where(i => !done.Contains(i.InteractionId)).OrderBy(i => i.InteractionId, StringComparer.Ordinal).ToList()))
                .ToList();
            var open = channels.Sum(c => c.Open.Count);
            var allocation = Allocate(channels.ToDictionary(c => InteractionChannels.NameOf(c.Channel), c => c.Open.Count, StringComparer.Ordinal), perAgent);

            var summary = new List<ChannelSample>(channels.Count);
            foreach (var (channel, candidates) in channels)
            {
                var count = allocation[InteractionChannels.NameOf(channel)];
                var random = new SplitMix64(StreamSeed(seed, agent.Key, channel));
                picks.AddRange(Choose(candidates, count, random));
                summary.Add(new ChannelSample(channel, candidates.Count, count));
            }

            var picked = summary.Sum(c => c.Picked);
            agents.Add(new AgentSample(agent.Key, agent.Count(), agent.Count() - open, picked, picked < perAgent, summary));
        }

        var ordered = picks
            .OrderBy(i => i.Agent, StringComparer.Ordinal)
            .ThenBy(i => i.StartedAt)
            .ThenBy(i => i.InteractionId, StringComparer.Ordinal)
            .ToList();
        return new QaSampleDraw(ordered, agents, perAgent, seed);
    }

    /// <summary>
    /// The seed used when the operator gives none: fixed by the plan and the period, so running the same command
    /// twice picks the same interactions, while another period or plan draws afresh.
    /// </summary>
    /// <returns>A number from 0 to <see cref="int.MaxValue"/>.</returns>
    public static int DefaultSeed(string planKey, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(planKey);
        var text = string.Create(CultureInfo.InvariantCulture, $"{planKey}|{first:yyyy-MM-dd}..{last:yyyy-MM-dd}");
        var hash = Fnv1a(text);
        return (int)((hash ^ (hash >> 32)) & int.MaxValue);
    }

    private static Dictionary<string, int> Allocate(Dictionary<string, int> open, int perAgent)
    {
        var total = open.Values.Sum();
        if (total <= perAgent)
        {
            return open;
        }

        var allocation = ProportionalAllocation.LargestRemainder(open, perAgent).ToDictionary(StringComparer.Ordinal);
        var withInteractions = open.Count(c => c.Value > 0);
        if (perAgent < withInteractions)
        {
            return allocation;
        }

        foreach (var empty in allocation.Where(a => a.Value == 0 && open[a.Key] > 0).Select(a => a.Key).Order(StringComparer.Ordinal).ToList())
        {
            // Excess over the exact share perAgent·open/total, scaled by total so it stays in whole numbers.
            var donor = allocation
                .Where(a => a.Value >= 2)
                .OrderByDescending(a => ((long)a.Value * total) - ((long)perAgent * open[a.Key]))
                .ThenBy(a => a.Key, StringComparer.Ordinal)
                .First().Key;
            allocation[donor]--;
            allocation[empty] = 1;
        }

        return allocation;
    }

    private static IEnumerable<SampledInteraction> Choose(List<SampledInteraction> sorted, int count, SplitMix64 random)
    {
        var pool = sorted.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)random.NextBelow((ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(count);
    }

    private static ulong StreamSeed(int seed, string agent, InteractionChannel channel) =>
        ((ulong)(uint)seed << 32) ^ Fnv1a(agent + "\n" + InteractionChannels.NameOf(channel));

    /// <summary>FNV-1a over the UTF-16 code units: ours because string hash codes change from one process to the next.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    private static void CheckIds(List<SampledInteraction> interactions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            if (string.IsNullOrWhiteSpace(interaction.InteractionId))
            {
                throw new ArgumentException("Every interaction needs an id.", nameof(interactions));
            }

            // A repeated id could belong to two agents, and which copy came first would change the draw.
            if (!seen.Add(interaction.InteractionId))
            {
                throw new ArgumentException($"Interaction '{interaction.InteractionId}' appears more than once.", nameof(interactions));
            }
        }
    }
}

using FeedbackBot.Features.Imports;

namespace FeedbackBot.Features.People;

/// <summary>What synchronising one tenant's roster did, or why there was nothing to do.</summary>
internal sealed record PeopleSyncOutcome
{
    /// <summary>Why nothing was read (no team, no token); null when the roster was read.</summary>
    public string? NothingToSync { get; init; }

    /// <summary>Where the roster came from ("2 teams", "the workspace").</summary>
    public string From { get; init; } = "";

    public int Listed { get; init; }

    /// <summary>People the platform lists whom nobody knew: added with the platform as their roster source.</summary>
    public int Added { get; init; }

    /// <summary>Roster people known only by e-mail address who now have their platform user id.</summary>
    public int Linked { get; init; }

    /// <summary>Roster people known only by e-mail address merged into the person chat already knew under their platform id.</summary>
    public int Merged { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>People of this platform's roster it no longer lists: marked as left.</summary>
    public int Left { get; init; }

    public override string ToString() => NothingToSync is { } why
        ? $"nothing to synchronise: {why}"
        : $"{C(Listed)} people listed by {From} ({C(Added)} added, {C(Linked)} linked by e-mail, {C(Merged)} merged, " +
            $"{C(Updated)} updated, {C(Unchanged)} unchanged, {C(Left)} left)";

    private static string C(int count) => ImportValues.Count(count);
}

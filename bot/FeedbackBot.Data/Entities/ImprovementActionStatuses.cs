namespace FeedbackBot.Data.Entities;

/// <summary>The spellings of <see cref="ImprovementActionStatus"/> that the database, the command line and JSON use.</summary>
public static class ImprovementActionStatuses
{
    private static readonly (ImprovementActionStatus Status, string Name)[] Names =
    [
        (ImprovementActionStatus.Planned, "planned"),
        (ImprovementActionStatus.InProgress, "in_progress"),
        (ImprovementActionStatus.Implemented, "implemented"),
        (ImprovementActionStatus.Improved, "improved"),
        (ImprovementActionStatus.NotImproved, "not_improved"),
        (ImprovementActionStatus.Inconclusive, "inconclusive"),
        (ImprovementActionStatus.Sustained, "sustained"),
        (ImprovementActionStatus.Regressed, "regressed"),
        (ImprovementActionStatus.Abandoned, "abandoned"),
    ];

    /// <summary>Every status's name, in the order an action goes through them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(ImprovementActionStatus status) => Names.First(n => n.Status == status).Name;

    public static ImprovementActionStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"'{name}' is not an action status.");

    public static bool TryParse(string? name, out ImprovementActionStatus status)
    {
        foreach (var (value, text) in Names)
        {
            if (string.Equals(text, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}

namespace FeedbackBot.Data.Entities;

/// <summary>
/// A random secret of this installation, kept in the database so that every instance sharing the database derives
/// the same keys from it (for example the pseudonymous keys of staff respondents).
/// </summary>
public sealed class InstallationSecret
{
    /// <summary>What the secret is for, such as <c>respondent-key</c>.</summary>
    public required string Name { get; set; }

#pragma warning disable CA1819 // A secret is bytes; a copy on every read would only multiply where it lies in memory.
    public required byte[] Value { get; set; }
#pragma warning restore CA1819

    public DateTime CreatedAt { get; set; }
}

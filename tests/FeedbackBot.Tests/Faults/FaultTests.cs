namespace FeedbackBot.Tests.Faults;

/// <summary>
/// The fault tests stop servers and kill processes and need the machine's attention while they do: they run one at a
/// time, never beside each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTests
{
    public const string Name = "Faults";
}

namespace FeedbackBot.Testing.Plans;

/// <summary>A plan file a test wrote for the command line to read; deleted when the test is done with it.</summary>
public sealed class TempPlanFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => File.Delete(Path);
}

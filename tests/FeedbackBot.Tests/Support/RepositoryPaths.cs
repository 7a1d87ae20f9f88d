namespace FeedbackBot.Tests.Support;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ExamplePlans => Path.Combine(Root, "examples", "plans");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedbackBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FeedbackBot.sln not found above the test's folder.");
    }
}

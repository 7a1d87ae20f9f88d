using FeedbackBot.CommandLine;

namespace FeedbackBot.Infrastructure.Hosting;

/// <summary>
/// Configuration for every command, in the order ASP.NET Core uses for the server: appsettings.json beside the
/// executable, environment variables, then <c>--Key=value</c> arguments; settings handed in by a test come last.
/// </summary>
internal static class AppConfiguration
{
    public static void AddSources(IConfigurationBuilder builder, IReadOnlyList<string> arguments, CliContext context)
    {
        builder.AddCommandLine([.. arguments]);
        builder.AddInMemoryCollection(context.Settings);
    }

    public static IConfiguration Build(IReadOnlyList<string> arguments, CliContext context)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables();
        AddSources(builder, arguments, context);
        return builder.Build();
    }
}

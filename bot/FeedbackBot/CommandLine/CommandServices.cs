using System.CommandLine;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.CommandLine;

/// <summary>The services a one-shot command needs (configuration, logging, storage), without the web server.</summary>
internal static class CommandServices
{
    public static ServiceProvider Create(ParseResult parseResult, CliContext context)
    {
        var configuration = AppConfiguration.Build(ConfigurationArguments.From(parseResult), context);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging =>
        {
            // A one-shot command prints its own results; only warnings and errors from below are worth a line.
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(LogLevel.Warning);
        });
        services.AddFeedbackStorage(configuration);
        services.AddReviewReports(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

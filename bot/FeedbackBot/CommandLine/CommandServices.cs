using System.CommandLine;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.CommandLine;

/// <summary>The services a one-shot command needs (configuration, logging, storage), without the web server.</summary>
internal static class CommandServices
{
    /// <param name="parseResult">The command's arguments, configuration overrides among them.</param>
    /// <param name="context">Where the command writes and what settings it sees.</param>
    /// <param name="more">What else one command needs (the e-mail keys of contacts, say).</param>
    public static ServiceProvider Create(ParseResult parseResult, CliContext context, Action<IServiceCollection, IConfiguration>? more = null)
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
        more?.Invoke(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

using System.CommandLine;
using FeedbackBot.Adapters.Slack;
using FeedbackBot.Adapters.Teams;
using FeedbackBot.Features.People;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.CommandLine;

/// <summary>The services a one-shot command needs (configuration, logging, storage, and for some the platforms), without the web server.</summary>
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

    /// <summary>
    /// A command that calls Teams and Slack (<c>people sync</c>): storage, the Data Protection keys the Slack tokens
    /// are stored under, each platform's clients and roster reader, and the people sync. <paramref name="configure"/>
    /// lets a test replace a service (the retry policy's waits).
    /// </summary>
    public static ServiceProvider WithPlatforms(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging =>
        {
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.SetMinimumLevel(LogLevel.Warning);
        });
        services.AddFeedbackStorage(configuration);
        services.AddFeedbackDataProtection();
        services.AddTeamsConnector(configuration);
        services.AddSlackWebApi(configuration);
        services.AddFeedbackPeople();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
